// The learning-rate range test on a copy of the current setup: the config's data (prepared as
// the sweeps prepare it) and a fresh model from the config's seeded initial weights, in the lab
// worker, so the main run is never touched. One pass of mini-batches (epochs repeat as needed)
// with the rate growing exponentially; each step's loss stays on the device and is read in chunks
// of CHUNK steps to check for a blow-up, so there is no GPU sync per step.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import { manualGradients } from '../engine/leanStep';
import { clipByGlobalNorm } from '../engine/clip';
import { finderRates, LossSmoother, suggestRate } from '../engine/lrFinder';
import { dataLoss } from '../engine/losses';
import { Mlp } from '../engine/model';
import { createOptimizer, disposeOptimizer, setLearningRate } from '../engine/optimizers';
import { weightPenalty } from '../engine/penalties';
import { outputKindFor } from '../engine/trainer';
import { lambdaPerLayer } from '../shared/config';
import type { FinderRequest, FinderResult } from '../shared/lrLab';
import { pickFor } from './backends';
import { prepareAny } from './prepareData';
import { breather } from './workerBase';

/** Steps between reads of the losses (and progress reports). */
export const CHUNK = 10;
/** The training rows the loss is measured on, at most (as the Trainer's per-epoch training loss). */
export const LOSS_ROWS = 256;

export async function runFinder(
  req: FinderRequest,
  progress: ((done: number, total: number) => void | Promise<void>) | undefined,
  cancelled: () => boolean,
): Promise<FinderResult> {
  const c = req.config;
  const rates = finderRates(req.minLr, req.maxLr, req.steps);
  const prepared = await prepareAny(c);
  await pickFor(prepared.data, c);
  const data = prepared.data;
  const n = data.train.n;
  if (n < 1) throw new Error('the training split is empty');
  const kind = outputKindFor(data.classes);
  const outputs = kind === 'softmax' ? data.classes : 1;
  const x = tf.tensor2d(data.train.x, [n, data.inputs]);
  const y = tf.tidy(() =>
    kind === 'softmax' ? (tf.cast(tf.oneHot(tf.tensor1d(data.train.y, 'int32'), outputs), 'float32') as tf.Tensor2D) : tf.tensor2d(data.train.y, [n, 1]),
  );
  // The rows the loss is measured on: all of them, or a fixed seeded sample of LOSS_ROWS.
  const sample = tf.tidy(() => {
    if (n <= LOSS_ROWS) return { x, y };
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    shuffleInPlace(rows, mulberry32(hashSeed(c.seed, 'finder-sample')));
    const idx = tf.tensor1d(rows.slice(0, LOSS_ROWS), 'int32');
    return { x: tf.gather(x, idx) as tf.Tensor2D, y: tf.gather(y, idx) as tf.Tensor2D };
  });
  // The same first weights and batch order as the main run's first run of this seed (Trainer, run 0).
  const model = new Mlp(
    { inputs: data.inputs, layers: c.layers, activations: c.activations, outputs, output: kind, init: c.init, batchnorm: c.batchnorm },
    mulberry32(hashSeed(c.seed, 0, 'weights')),
  );
  const optimizer = createOptimizer({ ...c, lr: rates[0] });
  const order = Int32Array.from({ length: n }, (_, i) => i);
  const batchRand = mulberry32(hashSeed(c.seed, 0, 'batches'));
  const dropoutSeed = hashSeed(c.seed, 0, 'dropout');
  const k = model.kernels.length;
  const l1 = lambdaPerLayer(c.l1, k);
  const l2 = lambdaPerLayer(c.l2, k);
  const penalized = [...l1, ...l2].some((l) => l > 0);
  const dropping = c.dropout.some((r) => r > 0);
  const batch = Math.max(1, Math.min(c.batch, n));

  const smoother = new LossSmoother();
  const lrs: number[] = [];
  const losses: number[] = [];
  let stoppedEarly = false;
  let pos = n;
  let epoch = -1;
  let pending: { lr: number; loss: tf.Scalar }[] = [];
  const breathe = breather();
  try {
    for (let i = 0; i < rates.length && !stoppedEarly && !cancelled(); i++) {
      if (pos >= n) {
        shuffleInPlace(order, batchRand);
        pos = 0;
        epoch++;
      }
      const rows = order.subarray(pos, Math.min(n, pos + batch));
      pos += batch;
      setLearningRate(optimizer, rates[i]);
      const drop = dropping ? { rates: c.dropout, seed: hashSeed(dropoutSeed, epoch, pos) } : undefined;
      const loss = tf.tidy(() => {
        const idx = tf.tensor1d(rows, 'int32');
        const xb = tf.gather(x, idx) as tf.Tensor2D;
        const yb = tf.gather(y, idx) as tf.Tensor2D;
        // The training loss before this step's update, the penalty included (the objective the
        // gradients descend), on a fixed sample of the training rows rather than the step's own
        // batch: a batch of 10 is so noisy that 100 steps of it draw no readable curve.
        const data = dataLoss(c.loss, model.logits(sample.x), sample.y, kind);
        const l = penalized ? tf.add(data, weightPenalty(model.kernels, l1, l2)) : data;
        // As the Trainer steps: batch norm's running averages move, and clipping caps the step.
        let grads = manualGradients(model, xb, yb, { loss: c.loss, kind, l1, l2, dropout: drop, updateStats: true });
        if (c.clip > 0 && grads.length) grads = clipByGlobalNorm(grads, c.clip).grads;
        if (grads.length) optimizer.applyGradients(grads);
        return l as tf.Scalar;
      });
      pending.push({ lr: rates[i], loss });
      if (pending.length === CHUNK || i === rates.length - 1) {
        const chunk = pending;
        pending = [];
        const stacked = tf.stack(chunk.map((p) => p.loss));
        tf.dispose(chunk.map((p) => p.loss));
        const raw = await stacked.data();
        stacked.dispose();
        for (let j = 0; j < chunk.length; j++) {
          const s = smoother.add(raw[j]);
          if (Number.isFinite(s)) {
            lrs.push(chunk[j].lr);
            losses.push(s);
          }
          if (smoother.blewUp(s)) {
            stoppedEarly = true;
            break;
          }
        }
        await progress?.(i + 1, rates.length);
      }
      const wait = breathe();
      if (wait) await wait;
    }
  } finally {
    tf.dispose(pending.map((p) => p.loss));
    tf.dispose([x, y, sample.x, sample.y]);
    model.dispose();
    disposeOptimizer(optimizer);
  }
  const wasCancelled = cancelled() && !stoppedEarly && lrs.length < rates.length;
  const s = suggestRate(lrs, losses);
  return { lrs, losses, suggested: s.lr, steepest: s.steepest, minimum: s.minimum, stoppedEarly, cancelled: wasCancelled };
}
