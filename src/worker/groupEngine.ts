// Times a batched group on an engine, for backend 'auto' in a search (see planBatched in
// src/worker/batchedTrials.ts): a group is a far bigger model than the one the main run timed,
// so the backend that won there need not win for the group.
import * as tf from '@tensorflow/tfjs-core';
import { BatchedMlp, type BatchMember, type GroupShape } from '../engine/batchedMlp';
import type { EngineKey } from '../shared/config';

/** Each timing runs whole epochs for at least this long (a worker's clock ticks in 0.1 ms). */
const MIN_TIMING_MS = 10;
/** Timed rounds per group after the warm-up round. */
const ROUNDS = 2;

/** A group trained for timing: an epoch at a time, synced by reading its metrics. */
class Timed {
  private readonly net: BatchedMlp;
  /** Epochs per timing, doubled until a timing is long enough for the clock. */
  private epochs = 1;
  best = Infinity;

  constructor(members: BatchMember[], shape: GroupShape) {
    this.net = new BatchedMlp(members, shape);
  }

  private async sync(): Promise<void> {
    const m = this.net.metrics();
    await m.data();
    m.dispose();
  }

  /** Trains and times a round of epochs; keeps the fastest per-epoch time seen. */
  async time(): Promise<void> {
    for (;;) {
      const t0 = performance.now();
      for (let e = 0; e < this.epochs; e++) this.net.trainEpoch();
      await this.sync();
      const ms = performance.now() - t0;
      if (ms >= MIN_TIMING_MS || this.epochs >= 64) {
        this.best = Math.min(this.best, ms / this.epochs);
        return;
      }
      this.epochs *= 2;
    }
  }

  dispose(): void {
    this.net.dispose();
  }
}

const measured = new Map<string, number>();

/**
 * Milliseconds per epoch of these members trained as one group on `engine`: the fastest of
 * ROUNDS timings after a round that warms caches (and compiles shaders on WebGL), the least
 * disturbed by the rest of the machine. Measured once per worker and group; the active backend
 * is left as it was.
 */
export async function groupMsPerEpoch(engine: EngineKey, key: string, members: readonly BatchMember[], shape: GroupShape): Promise<number> {
  const id = JSON.stringify([engine, key, members.map((m) => [m.settings.batch, m.settings.layers, m.data.train.length, m.data.val.length])]);
  const known = measured.get(id);
  if (known !== undefined) return known;
  const home = tf.getBackend();
  await tf.setBackend(engine);
  const group = new Timed([...members], shape);
  try {
    await group.time();
    group.best = Infinity;
    for (let r = 0; r < ROUNDS; r++) await group.time();
    measured.set(id, group.best);
    return group.best;
  } finally {
    group.dispose();
    if (home && tf.getBackend() !== home) await tf.setBackend(home);
  }
}
