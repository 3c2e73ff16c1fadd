// The training role's real factory, in-process on the cpu backend: a run on a heavy model stays
// answerable (the page's bridge counts a worker that says nothing for seconds as gone), and the
// live rule's verdict comes back from update().
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { MetricsBatch } from '../shared/protocol';
import { SILENCE_MS } from '../client/workerBridge';
import { createTrainingApi } from './trainingApi';

/** A wide network at batch size 1: one epoch is hundreds of steps and takes seconds. */
const HEAVY: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 1000, layers: [128, 128, 128], activations: ['tanh', 'tanh', 'tanh'], dropout: [0, 0, 0], batch: 1 };

describe('createTrainingApi', () => {
  it('lets its event loop run within an epoch, however long the epoch takes', async () => {
    const api = createTrainingApi();
    await api.init('cpu');
    await api.setup(HEAVY, 0);
    // What the thread is free for: a timer that should fire every 20 ms.
    let last = performance.now();
    let longest = 0;
    const probe = setInterval(() => {
      const now = performance.now();
      longest = Math.max(longest, now - last);
      last = now;
    }, 20);
    const epochsAt: number[] = [];
    const started = performance.now();
    try {
      const sink = (b: MetricsBatch) => void b.epochs.forEach(() => epochsAt.push(performance.now() - started));
      expect(await api.run(1, sink)).toBe('done');
      // The stretch since the probe last ran counts too (it may never have run at all).
      longest = Math.max(longest, performance.now() - last);
    } finally {
      clearInterval(probe);
    }
    const epochMs = epochsAt.at(-1)!;
    // Meaningful only when one epoch takes well over a yield's period (~0.2 s). Without yields
    // within the epoch the thread is busy for all of it; with them, for ~0.2 s at a time, more
    // when other tests share the two cores.
    expect(epochMs).toBeGreaterThan(1200);
    // Relative to the epoch: a loaded machine stretches both alike. The bridge allows SILENCE_MS.
    expect(longest).toBeLessThan(epochMs / 2);
    expect(longest).toBeLessThan(SILENCE_MS);
    await api.setup({ ...DEFAULT_CONFIG, backend: 'cpu', samples: 100 }, 0);
  }, 60_000);

  it('update() applies live settings and answers "needs a new run" for the rest', async () => {
    const api = createTrainingApi();
    await api.init('cpu');
    const c: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 100 };
    await api.setup(c, 0);
    expect(await api.update({ ...c, lr: 0.1, optimizer: 'adam' })).toBe('applied');
    expect(await api.update({ ...c, lr: 0.1, optimizer: 'adam', loss: 'mse' })).toBe('needs a new run');
  });

  it('stops at the epoch budget, which a live update can raise, and holds the pace', async () => {
    const api = createTrainingApi();
    await api.init('cpu');
    const c: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 100, epochs: 5 };
    await api.setup(c, 0);
    const seen: number[] = [];
    const sink = (b: MetricsBatch) => void b.epochs.forEach((e) => seen.push(e.epoch));
    expect(await api.run(null, sink)).toBe('done');
    expect(seen.at(-1)).toBe(5);
    // The caller's stop epoch still applies when it comes first.
    expect(await api.update({ ...c, epochs: 20 })).toBe('applied');
    expect(await api.run(8, sink)).toBe('done');
    expect(seen.at(-1)).toBe(8);
    // At 25 epochs/s, 5 epochs take at least 4 × 40 ms (no wait after the last one).
    expect(await api.update({ ...c, epochs: 20, pace: 25 })).toBe('applied');
    const t0 = performance.now();
    expect(await api.run(13, sink)).toBe('done');
    const ms = performance.now() - t0;
    expect(seen.at(-1)).toBe(13);
    expect(ms).toBeGreaterThan(150);
    expect(ms).toBeLessThan(2000);
    expect(seen).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
  });

  it('sends neuron maps only while inspecting, layer health a few times a second, and applies a weight edit during a run', async () => {
    const api = createTrainingApi();
    await api.init('cpu');
    const c: ExperimentConfig = { ...DEFAULT_CONFIG, backend: 'cpu', samples: 200 };
    const plain = await api.setup(c, 0);
    expect(plain.batch.network).toBeUndefined();
    expect(plain.batch.layerStats?.map((s) => s.epoch)).toEqual([0]);
    await api.inspect(true);
    const shown = await api.setup(c, 0);
    const maps = shown.batch.network!;
    expect(maps.units).toEqual([2, 4, 2, 1]);
    expect(maps.maps.length).toBe((2 + 4 + 2 + 1) * maps.resolution ** 2);
    // A run of 300 epochs at full speed samples layer health a few times a second, not every epoch.
    const stats: number[] = [];
    let withMaps = 0;
    const sink = (b: MetricsBatch) => {
      b.layerStats?.forEach((s) => stats.push(s.epoch));
      if (b.network) withMaps++;
    };
    const run = api.run(300, sink);
    // An edit while the run trains: applied between two steps, answered with the new boundary at once.
    const before = (await api.getNetwork()).layers[1].weights[3][0];
    const edited = await api.setWeight(2, 3, 0, before + 5);
    expect(edited.epochs).toEqual([]);
    expect(edited.boundary).toBeDefined();
    // The run goes on around the edit, so the weight moves on a little from where it was set.
    expect(edited.network!.weights[1][3 * 2 + 0]).toBeCloseTo(before + 5, 1);
    expect(await run).toBe('done');
    expect(withMaps).toBeGreaterThan(0);
    expect(stats.length).toBeGreaterThan(0);
    expect(stats.length).toBeLessThan(300 / 3);
    await expect(api.setBias(9, 0, 1)).rejects.toThrow(/layer must be 1–3/);
    // Shown again while paused: the maps come at once, not with a next run.
    expect(await api.inspect(false)).toBeNull();
    const views = await api.inspect(true);
    expect(views!.epochs).toEqual([]);
    expect(views!.network!.units).toEqual([2, 4, 2, 1]);
  }, 30_000);
});
