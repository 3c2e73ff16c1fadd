// Early stopping on validation loss, decided when metrics are read (a few epochs after they
// were trained): every epoch's weights are kept on the device until then, so training can stop
// at exactly the epoch where patience ran out, or go back to the best epoch.
import * as tf from '@tensorflow/tfjs-core';
import type { EarlyStop, EpochMetrics } from '../shared/protocol';

export interface StoppingSettings {
  patience: number;
  minDelta: number;
  restoreBest: boolean;
}

const free = (ts: tf.Tensor[] | null | undefined) => ts?.forEach((t) => t.dispose());

export class EarlyStopper {
  private best = Infinity;
  private bestEpoch = 0;
  private bestWeights: tf.Tensor[] | null = null;
  private snapshots = new Map<number, tf.Tensor[]>();

  constructor(private settings: StoppingSettings) {}

  get active(): boolean {
    return this.settings.patience > 0;
  }

  configure(s: StoppingSettings): void {
    this.settings = { ...s };
    if (!this.active) this.clear();
  }

  /** Keeps a copy of the weights after `epoch`, until that epoch's validation loss is known. */
  snapshot(epoch: number, variables: readonly tf.Variable[]): void {
    if (this.active) this.snapshots.set(epoch, variables.map((v) => tf.clone(v)));
  }

  /**
   * Looks at newly read epochs in order. Returns where to stop (and the weights to put back,
   * which the caller must dispose) or null to go on.
   */
  judge(epochs: readonly EpochMetrics[]): { stop: EarlyStop; weights: tf.Tensor[] | null } | null {
    let result: { stop: EarlyStop; weights: tf.Tensor[] | null } | null = null;
    for (const e of epochs) {
      if (result) break;
      if (e.valLoss < this.best - this.settings.minDelta) {
        this.best = e.valLoss;
        this.bestEpoch = e.epoch;
        free(this.bestWeights);
        this.bestWeights = this.snapshots.get(e.epoch) ?? null;
        this.snapshots.delete(e.epoch);
      }
      if (e.epoch - this.bestEpoch >= this.settings.patience) {
        const restore = this.settings.restoreBest && this.bestWeights !== null;
        const weights = restore ? this.bestWeights : (this.snapshots.get(e.epoch) ?? null);
        if (restore) this.bestWeights = null;
        else this.snapshots.delete(e.epoch);
        result = { stop: { bestEpoch: this.bestEpoch, stopEpoch: e.epoch, bestValLoss: this.best, restored: restore }, weights };
      }
    }
    this.snapshots.forEach(free);
    this.snapshots.clear();
    return result;
  }

  /** After a stop, training may go on: patience counts afresh from `epoch`. */
  resumeAt(epoch: number): void {
    this.bestEpoch = epoch;
  }

  clear(): void {
    this.snapshots.forEach(free);
    this.snapshots.clear();
    free(this.bestWeights);
    this.bestWeights = null;
  }
}
