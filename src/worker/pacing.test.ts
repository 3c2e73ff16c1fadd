import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Trainer } from '../engine/trainer';
import { pacer } from './pacing';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** A stand-in whose device finishes its work after `ms` each time it is waited for. */
function fakeTrainer(ms: () => number): Trainer {
  return { sync: () => new Promise<void>((r) => setTimeout(r, ms())) } as unknown as Trainer;
}

async function waitsOver(between: () => Promise<void> | null, steps: number): Promise<number> {
  let waits = 0;
  for (let s = 0; s < steps; s++) {
    const w = between();
    if (w) {
      waits++;
      await w;
    }
  }
  return waits;
}

describe('pacer', () => {
  it('waits after every step while chunks are long, and after more steps as they get short', async () => {
    const slow = pacer(fakeTrainer(() => 90));
    expect(await waitsOver(slow, 4)).toBe(4);
    const fast = pacer(fakeTrainer(() => 0));
    // Chunks far under the target: the steps per chunk double (1, 2, 4, 8, …).
    expect(await waitsOver(fast, 63)).toBeLessThanOrEqual(7);
  });

  it('idles after a chunk for part of its length', async () => {
    const between = pacer(fakeTrainer(() => 100));
    const t0 = performance.now();
    await between();
    // 100 ms of device work, then at least 30% of it idle.
    expect(performance.now() - t0).toBeGreaterThanOrEqual(125);
  });
});
