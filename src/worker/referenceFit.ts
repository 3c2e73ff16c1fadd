// A quick fit of a larger reference network on the run's data, so the diagnosis can judge
// underfitting against what the task allows, not only against a model that ignores the inputs.
// Same data, split, features and loss as the run; its own fixed, roomy model and optimizer (two
// hidden layers of REFERENCE_UNITS tanh units, Adam), no regularization, no augmentation. Bounded
// by mini-batch steps and by wall time, so it stays quick on any data set; a fit cut short only
// reaches a higher loss, which makes the capacity verdict more cautious, never more eager.
import { Trainer } from '../engine/trainer';
import type { ExperimentConfig } from '../shared/config';
import type { ReferenceFit } from '../shared/protocol';
import { pickFor } from './backends';
import { prepareAny } from './prepareData';
import { breather } from './workerBase';

/** Units in each of the reference's two hidden layers. */
export const REFERENCE_UNITS = 32;
/** At most this many epochs … */
const MAX_EPOCHS = 300;
/** … and this many mini-batch steps in all (large tables get fewer epochs) … */
const MAX_STEPS = 3000;
/** … but at least this many epochs, so even a large table gets a real fit. */
const MIN_EPOCHS = 20;
/** … and this much wall time, however slow the device (milliseconds). */
const MAX_MS = 6000;
/** Epochs between metric reads (and cancellation checks). */
const READ_EVERY = 10;
const BATCH = 32;
const LR = 0.01;

/** The reference model's settings on the run's data. */
export function referenceConfig(c: ExperimentConfig): ExperimentConfig {
  return {
    ...c,
    layers: [REFERENCE_UNITS, REFERENCE_UNITS],
    activations: ['tanh', 'tanh'],
    init: 'glorotUniform',
    dropout: [0, 0],
    l1: 0,
    l2: 0,
    optimizer: 'adam',
    lr: LR,
    batch: BATCH,
    beta1: 0.9,
    beta2: 0.999,
    epsilon: 1e-7,
    augment: { jitter: 0, symmetry: false },
    patience: 0,
  };
}

/**
 * Trains the reference network and returns the best validation loss it reached (with the
 * training loss and accuracies of that epoch), or null when cancelled. Yields within epochs, so
 * the worker stays answerable.
 */
export async function runReferenceFit(config: ExperimentConfig, cancelled: () => boolean = () => false): Promise<ReferenceFit | null> {
  const c = referenceConfig(config);
  const prepared = await prepareAny(c);
  await pickFor(prepared.data, c);
  const stepsPerEpoch = Math.max(1, Math.ceil(prepared.data.train.n / BATCH));
  const epochs = Math.max(MIN_EPOCHS, Math.min(MAX_EPOCHS, Math.floor(MAX_STEPS / stepsPerEpoch)));
  const started = performance.now();
  const t = new Trainer(prepared.data, c, 0);
  try {
    let best: ReferenceFit | null = null;
    const take = (rows: Awaited<ReturnType<Trainer['flush']>>) => {
      for (const r of rows) {
        if (!Number.isFinite(r.valLoss) || !Number.isFinite(r.trainLoss)) continue;
        if (!best || r.valLoss < best.valLoss) {
          best = { units: [REFERENCE_UNITS, REFERENCE_UNITS], epoch: r.epoch, epochs: 0, trainLoss: r.trainLoss, valLoss: r.valLoss, trainAcc: r.trainAcc, valAcc: r.valAcc };
        }
      }
    };
    take(await t.flush());
    const breathe = breather();
    while (t.epoch < epochs && performance.now() - started < MAX_MS) {
      if (cancelled()) return null;
      if (!(await t.trainEpochPaced(breathe))) return null;
      if (t.epoch % READ_EVERY === 0) take(await t.flush());
    }
    take(await t.flush());
    if (cancelled() || !best) return null;
    return { ...(best as ReferenceFit), epochs: t.epoch };
  } finally {
    t.dispose();
  }
}
