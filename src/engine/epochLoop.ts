// Running one epoch of mini-batch steps, shared by the dense Trainer and the ImageTrainer: each
// builds its epoch (shuffled batches, a `step` per batch, a `release` of the batch tensors) and
// counts it afterwards; the loop between is the same for both.

/** An epoch cut into mini-batches: `step(b)` trains batch b; `release` frees what the epoch holds. */
export interface Epoch {
  steps: number;
  step: (b: number) => void;
  release: () => void;
}

/** Trains every step (or the first `maxSteps`) of the epoch and releases it; returns the steps trained. */
export function runSteps(epoch: Epoch, maxSteps = Infinity): number {
  const n = Math.min(epoch.steps, maxSteps);
  try {
    for (let b = 0; b < n; b++) epoch.step(b);
  } finally {
    epoch.release();
  }
  return n;
}

/**
 * As runSteps, awaiting `between()` after a step whenever it returns a promise (so a device that
 * computes on the page's CPU leaves it time to draw, and a long epoch lets the worker answer);
 * false, the epoch cut short, when `stopped()` turns true during a wait (the trainer was disposed).
 */
export async function runStepsPaced(epoch: Epoch, between: () => Promise<void> | null, stopped: () => boolean): Promise<boolean> {
  try {
    for (let b = 0; b < epoch.steps; b++) {
      epoch.step(b);
      const wait = between();
      if (wait) await wait;
      if (stopped()) return false;
    }
  } finally {
    epoch.release();
  }
  return true;
}
