// For `npm run bench` (part `images`): the small CNN on 2,000 training digits, our ImageTrainer loop
// (as the live run drives it: yields within epochs, metrics and views read after each) against a bare tfjs
// `model.fit` of the same model (@tensorflow/tfjs-layers, the same layers, data, batch and
// optimizer, with validationData), on this worker's backend. Both give training images per
// second. tfjs-layers loads only here, in its own chunk. model.fit cannot train convolutions on
// wasm (that backend has no Conv2DBackpropFilter kernel; src/engine/conv.ts supplies ours), so
// there it rejects with the reason.
import * as tf from '@tensorflow/tfjs-core';
import { ImageTrainer, type ImageTrainerData } from '../engine/imageTrainer';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { SMALL_CNN, checkStack } from '../shared/imageStack';
import { breather } from './workerBase';
import { digitArrays, digitPixels, loadDigits, splitDigits } from './digitsSource';

export const CNN_BENCH_IMAGES = 2000;

const CNN_TASK: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'digits', loss: 'cce', images: CNN_BENCH_IMAGES, imageLayers: SMALL_CNN, optimizer: 'adam', lr: 0.003, batch: 32, l1: 0, l2: 0, clip: 0, patience: 0 };

async function benchData(): Promise<ImageTrainerData> {
  const d = await loadDigits();
  const s = splitDigits(d, CNN_BENCH_IMAGES, 1);
  return { side: 28, classes: 10, train: digitArrays(d, s.train), val: digitArrays(d, s.val), test: digitArrays(d, s.test.slice(0, 10)), valPixels: digitPixels(d, s.val) };
}

/** Trains whole epochs until `ms` have passed (at least `min` epochs) after one warm-up epoch; images per second. */
async function timeEpochs(n: number, ms: number, epoch: () => Promise<void>, min = 2): Promise<number> {
  await epoch();
  const start = performance.now();
  let epochs = 0;
  while (performance.now() - start < ms || epochs < min) {
    await epoch();
    epochs++;
  }
  return (epochs * n) / ((performance.now() - start) / 1000);
}

async function ours(data: ImageTrainerData, ms: number): Promise<number> {
  const t = new ImageTrainer(data, CNN_TASK, 0);
  try {
    return await timeEpochs(data.train.n, ms, async () => {
      // As the live run: yields within the epoch, then (an epoch takes longer than both
      // intervals) reads its metrics and the views (confusion matrix, misclassified, filters).
      await t.trainEpochPaced(breather());
      await t.flush();
      await t.views();
    });
  } finally {
    t.dispose();
  }
}

async function bare(data: ImageTrainerData, ms: number): Promise<number> {
  const tfl = await import('@tensorflow/tfjs-layers');
  const stack = checkStack(SMALL_CNN);
  if (!stack.ok) throw new Error(stack.reason);
  const model = tfl.sequential();
  stack.layers.forEach((l, i) => {
    const input = i === 0 ? { inputShape: [28, 28, 1] } : {};
    if (l.kind === 'conv') model.add(tfl.layers.conv2d({ ...input, filters: l.filters, kernelSize: l.kernel, strides: l.stride, padding: l.padding, activation: l.activation }));
    else if (l.kind === 'pool') model.add(tfl.layers.maxPooling2d({ ...input, poolSize: l.size, strides: l.stride }));
    else if (l.kind === 'flatten') model.add(tfl.layers.flatten(input));
    else if (l.kind === 'dense') model.add(tfl.layers.dense({ ...input, units: l.units, activation: l.activation }));
    else throw new Error(`the bench's CNN has no ${l.kind} layer`);
  });
  model.add(tfl.layers.dense({ units: 10, activation: 'softmax' }));
  model.compile({ optimizer: tf.train.adam(CNN_TASK.lr, CNN_TASK.beta1, CNN_TASK.beta2, CNN_TASK.epsilon), loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  const x = tf.tensor4d(data.train.x, [data.train.n, 28, 28, 1]);
  const y = tf.tidy(() => tf.oneHot(tf.tensor1d(data.train.y, 'int32'), 10));
  const vx = tf.tensor4d(data.val.x, [data.val.n, 28, 28, 1]);
  const vy = tf.tidy(() => tf.oneHot(tf.tensor1d(data.val.y, 'int32'), 10));
  try {
    return await timeEpochs(data.train.n, ms, async () => {
      await model.fit(x, y, { batchSize: CNN_TASK.batch, epochs: 1, shuffle: true, validationData: [vx, vy] });
    });
  } finally {
    model.dispose();
    tf.dispose([x, y, vx, vy]);
  }
}

/** Training images per second of the small CNN, our loop or model.fit, on this worker's backend. */
export async function imageBenchLoop(loop: 'ours' | 'bare', ms: number): Promise<number> {
  const data = await benchData();
  return loop === 'ours' ? ours(data, ms) : bare(data, ms);
}
