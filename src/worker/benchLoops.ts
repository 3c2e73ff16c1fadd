// For `npm run bench`: our training loop against a bare tfjs loop of the same model, on the same
// backend in the same worker. The bare loop is what a tfjs user writes first: plain variables,
// `optimizer.minimize`, the loss read once per epoch.
import * as tf from '@tensorflow/tfjs-core';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import { initialKernel } from '../engine/model';
import { Trainer, type TrainerData } from '../engine/trainer';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { prepareData } from './prepareData';

export type BenchTask = 'default' | 'large' | 'cnn';
export type BenchLoop = 'ours' | 'bare';

/** TensorFlow Playground's default task: circle, 500 points (250 train), 4-2 tanh, batch 10, SGD 0.03. */
const DEFAULT_TASK: ExperimentConfig = { ...DEFAULT_CONFIG, noise: 0, samples: 500, trainPct: 50, valPct: 25, layers: [4, 2], activations: ['tanh', 'tanh'], dropout: [0, 0], optimizer: 'sgd', lr: 0.03, batch: 10 };

/** A large MLP: 64 inputs, hidden 256 and 256 (relu), 10 classes, batch 128; 4096 training and 256 validation rows. */
const LARGE_TASK: ExperimentConfig = { ...DEFAULT_TASK, layers: [256, 256], activations: ['relu', 'relu'], dropout: [0, 0], loss: 'cce', batch: 128, lr: 0.01 };
const LARGE = { inputs: 64, classes: 10, train: 4096, val: 256 };

/** Rows labelled by a random linear teacher, seeded. */
function teacherData(): TrainerData {
  const rand = mulberry32(hashSeed(1, 'bench-large'));
  const teacher = Float32Array.from({ length: LARGE.inputs * LARGE.classes }, () => rand() * 2 - 1);
  const split = (n: number) => {
    const x = Float32Array.from({ length: n * LARGE.inputs }, () => rand() * 2 - 1);
    const y = new Float32Array(n);
    for (let r = 0; r < n; r++) {
      let best = 0;
      let bestScore = -Infinity;
      for (let c = 0; c < LARGE.classes; c++) {
        let s = 0;
        for (let j = 0; j < LARGE.inputs; j++) s += x[r * LARGE.inputs + j] * teacher[j * LARGE.classes + c];
        if (s > bestScore) [best, bestScore] = [c, s];
      }
      y[r] = best;
    }
    return { x, y, n };
  };
  return { inputs: LARGE.inputs, classes: LARGE.classes, train: split(LARGE.train), val: split(LARGE.val), test: split(4), grid: new Float32Array(4 * LARGE.inputs), trainRaw: new Float32Array(2 * LARGE.train) };
}

function taskOf(task: Exclude<BenchTask, 'cnn'>): { config: ExperimentConfig; data: TrainerData } {
  return task === 'large' ? { config: LARGE_TASK, data: teacherData() } : { config: DEFAULT_TASK, data: prepareData(DEFAULT_TASK).data };
}

/** Our loop as the live run drives it: every epoch's metrics queued on the device, read every 100 ms. */
async function ours(config: ExperimentConfig, data: TrainerData, ms: number): Promise<number> {
  const t = new Trainer(data, config, 0);
  try {
    for (let i = 0; i < 3; i++) t.trainEpoch();
    await t.flush();
    const start = performance.now();
    let last = start;
    let epochs = 0;
    while (performance.now() - start < ms || epochs < 3) {
      t.trainEpoch();
      epochs++;
      if (performance.now() - last >= 100) {
        await t.flush();
        last = performance.now();
      }
    }
    await t.flush();
    return (epochs * 1000) / (performance.now() - start);
  } finally {
    t.dispose();
  }
}

/** The bare loop: the same model and data, `optimizer.minimize`, one loss read per epoch. */
async function bare(config: ExperimentConfig, data: TrainerData, ms: number): Promise<number> {
  const softmax = data.classes > 2;
  const outputs = softmax ? data.classes : 1;
  const sizes = [data.inputs, ...config.layers, outputs];
  const rand = mulberry32(hashSeed(config.seed, 0, 'weights'));
  const weights = sizes.slice(1).map((out, i) => ({
    w: tf.tidy(() => tf.variable(tf.tensor2d(initialKernel(config.init, sizes[i], out, rand), [sizes[i], out]))),
    b: tf.tidy(() => tf.variable(tf.zeros([out]))),
  }));
  const xs = tf.tensor2d(data.train.x, [data.train.n, data.inputs]);
  const ys = tf.tidy(() => (softmax ? tf.cast(tf.oneHot(tf.tensor1d(data.train.y, 'int32'), outputs), 'float32') : tf.tensor2d(data.train.y, [data.train.n, 1])));
  const opt = tf.train.sgd(config.lr);
  const order = Int32Array.from({ length: data.train.n }, (_, i) => i);
  const shuffle = mulberry32(1);
  const epoch = async () => {
    shuffleInPlace(order, shuffle);
    const loss = tf.tidy(() => {
      const idx = tf.tensor1d(order, 'int32');
      const bx = tf.gather(xs, idx);
      const by = tf.gather(ys, idx);
      let last: tf.Scalar | null = null;
      for (let s = 0; s < data.train.n; s += config.batch) {
        const size = Math.min(config.batch, data.train.n - s);
        const x = tf.slice(bx, [s, 0], [size, -1]);
        const y = tf.slice(by, [s, 0], [size, -1]);
        last?.dispose();
        last = opt.minimize(() => {
          let h: tf.Tensor = x;
          weights.forEach(({ w, b }, i) => {
            h = tf.add(tf.matMul(h, w), b);
            if (i < weights.length - 1) h = config.activations[i] === 'relu' ? tf.relu(h) : tf.tanh(h);
          });
          return softmax ? tf.losses.softmaxCrossEntropy(y, h) : tf.losses.sigmoidCrossEntropy(y, h);
        }, true) as tf.Scalar;
      }
      return last!;
    });
    await loss.data();
    loss.dispose();
  };
  try {
    for (let i = 0; i < 3; i++) await epoch();
    const start = performance.now();
    let epochs = 0;
    while (performance.now() - start < ms || epochs < 3) {
      await epoch();
      epochs++;
    }
    return (epochs * 1000) / (performance.now() - start);
  } finally {
    opt.dispose();
    weights.forEach(({ w, b }) => (w.dispose(), b.dispose()));
    xs.dispose();
    ys.dispose();
  }
}

/** Epochs per second of one loop on one task, on this worker's backend; for 'cnn', training images per second (imageBench.ts). */
export async function benchLoop(task: BenchTask, loop: BenchLoop, ms: number): Promise<number> {
  if (task === 'cnn') return (await import('./imageBench')).imageBenchLoop(loop, ms);
  const { config, data } = taskOf(task);
  return loop === 'ours' ? ours(config, data, ms) : bare(config, data, ms);
}
