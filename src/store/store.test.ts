import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { EpochMetrics, MetricsBatch, PointsView } from '../shared/protocol';
import { CHUNK, MAX_BUCKETS, RECENT } from '../diagnosis/metricsHistory';
import { MAX_KEPT_RUNS, MAX_OVERLAY } from './runSlice';
import { useStore } from './store';

const initial = useStore.getState();
const points: PointsView = { n: 0, x: new Float32Array(0), y: new Float32Array(0), role: new Uint8Array(0) };
const epochs = (n: number, loss = 1): EpochMetrics[] =>
  Array.from({ length: n }, (_, i) => ({ epoch: i, trainLoss: loss / (i + 1), valLoss: loss / (i + 1), trainAcc: 0.5, valAcc: 0.5 }));
const batch = (e: EpochMetrics[]): MetricsBatch => ({ epochs: e, numTensors: 7 });

describe('store', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('holds the config as one object and sets a whole valid config unchanged', () => {
    // One dropout rate per hidden layer: a whole config must be consistent to be accepted.
    const c = { ...DEFAULT_CONFIG, lr: 0.5, layers: [3], activations: ['relu' as const], dropout: [0], batchnorm: [false], seed: 9 };
    expect(useStore.getState().config).toEqual(DEFAULT_CONFIG);
    useStore.getState().applyConfig(c);
    expect(useStore.getState().config).toEqual(c);
    expect(useStore.getState().config.layers).toEqual([3]);
  });

  it('keeps a replaced run that trained, newest first, and drops one that did not', () => {
    const s = () => useStore.getState();
    s().startRun(DEFAULT_CONFIG, 0, points, batch(epochs(1)));
    s().startRun(DEFAULT_CONFIG, 1, points, batch(epochs(1)));
    expect(s().kept).toHaveLength(0);
    s().appendBatch(batch(epochs(5).slice(1)));
    s().startRun({ ...DEFAULT_CONFIG, lr: 0.1 }, 2, points, batch(epochs(1)));
    expect(s().kept).toHaveLength(1);
    expect(s().kept[0].metrics.epochs).toBe(5);
    expect(s().kept[0].metrics.toArray().map((m) => m.epoch)).toEqual([0, 1, 2, 3, 4]);
    expect(s().kept[0].config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(s().metrics.epochs).toBe(1);
    expect(s().runIndex).toBe(2);
  });

  it(`remembers at most ${MAX_KEPT_RUNS} runs and overlays at most ${MAX_OVERLAY}`, () => {
    const s = () => useStore.getState();
    for (let i = 0; i < MAX_KEPT_RUNS + 3; i++) s().startRun(DEFAULT_CONFIG, i, points, batch(epochs(3)));
    expect(s().kept).toHaveLength(MAX_KEPT_RUNS);
    for (const k of s().kept) s().toggleOverlay(k.id);
    expect(s().overlay).toHaveLength(MAX_OVERLAY);
    const first = s().overlay[0];
    s().toggleOverlay(first);
    expect(s().overlay).not.toContain(first);
  });

  it('appends metric batches and keeps the last boundary when a batch has none', () => {
    const s = () => useStore.getState();
    const boundary = { resolution: 2, channels: 1, values: new Float32Array(4) };
    s().startRun(DEFAULT_CONFIG, 0, points, { ...batch(epochs(1)), boundary });
    s().appendBatch(batch(epochs(3).slice(1)));
    expect(s().metrics.toArray().map((m) => m.epoch)).toEqual([0, 1, 2]);
    expect(s().boundary).toBe(boundary);
    s().appendBatch({ epochs: [], numTensors: 7, divergedAt: 3 });
    expect(s().divergedAt).toBe(3);
  });

  it('keeps a 100,000-epoch run bounded, each batch as cheap late as early', () => {
    const s = () => useStore.getState();
    const curve = (from: number, n: number): EpochMetrics[] =>
      Array.from({ length: n }, (_, i) => {
        const t = from + i;
        return { epoch: t, trainLoss: 0.1 + 1 / (t + 1) + 0.01 * Math.sin(t), valLoss: 0.12 + 1 / (t + 1) + 0.01 * Math.cos(t), trainAcc: 0.9, valAcc: 0.85 };
      });
    s().startRun(DEFAULT_CONFIG, 0, points, batch(curve(0, 1)));
    const first = s().metrics;
    const BATCH = 25;
    const ms: number[] = [];
    for (let from = 1; from < 100_000; from += BATCH) {
      const b = batch(curve(from, Math.min(BATCH, 100_000 - from)));
      const t0 = performance.now();
      s().appendBatch(b);
      ms.push(performance.now() - t0);
      expect(s().metrics.length).toBeLessThanOrEqual(RECENT + CHUNK + MAX_BUCKETS);
    }
    expect(s().metrics).not.toBe(first);
    expect(s().metrics.epochs).toBe(100_000);
    expect(s().metrics.last?.epoch).toBe(99_999);
    expect(s().diagnosis.regime).not.toBe('diverged');
    // Per-batch cost is flat: copying the array (and scanning it) made late batches ~5× dearer.
    // Medians, so a busy machine's pauses do not count.
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
    const perTenK = 10_000 / BATCH;
    const early = median(ms.slice(perTenK, 2 * perTenK));
    const late = median(ms.slice(-perTenK));
    expect(late, `median ms per batch: epochs 10k–20k ${early.toFixed(3)}, 90k–100k ${late.toFixed(3)}`).toBeLessThan(2 * early + 0.05);
    // A kept run holds the same bounded record.
    s().startRun(DEFAULT_CONFIG, 1, points, batch(curve(0, 1)));
    expect(s().kept[0].metrics.epochs).toBe(100_000);
    expect(s().kept[0].metrics.length).toBeLessThanOrEqual(RECENT + CHUNK + MAX_BUCKETS);
  });

  it('replaces a message of the same topic instead of stacking it', () => {
    const s = () => useStore.getState();
    s().say('field:lr', 'error', 'bad');
    s().say('field:lr', 'error', 'worse');
    s().say('hash', 'warning', 'notice');
    expect(s().messages.map((m) => m.text)).toEqual(['worse', 'notice']);
    s().clear('field:lr');
    expect(s().messages.map((m) => m.text)).toEqual(['notice']);
  });
});

describe('kept runs for before/after demos', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('keep the config a run started with, its run index, test result and live edits; showKept overlays it', () => {
    const s = () => useStore.getState();
    s().startRun(DEFAULT_CONFIG, 3, points, batch(epochs(1)));
    s().appendBatch(batch(epochs(6).slice(1)));
    const live = { ...DEFAULT_CONFIG, lr: 0.3 };
    s().noteLiveEdit(4, live);
    s().noteLiveEdit(5, { ...live, l2: 0.01 });
    expect(s().liveEdits).toEqual({ fromEpoch: 4, config: { ...live, l2: 0.01 } });
    s().setTest({ loss: 0.5, accuracy: 0.8, n: 10 });
    const before = s().runId;
    s().startRun(live, 3, points, batch(epochs(1)));
    expect(s().liveEdits).toBeNull();
    expect(s().test).toBeNull();
    const k = s().kept[0];
    expect(k).toMatchObject({ id: before, runIndex: 3, test: { loss: 0.5, accuracy: 0.8, n: 10 } });
    expect(k.config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(k.liveEdits?.fromEpoch).toBe(4);
    s().showKept(k.id);
    s().showKept(k.id);
    expect(s().overlay).toEqual([k.id]);
  });

  it(`showKept makes room by dropping the oldest overlay when ${MAX_OVERLAY} are shown`, () => {
    const s = () => useStore.getState();
    for (let i = 0; i < MAX_OVERLAY + 2; i++) s().startRun(DEFAULT_CONFIG, i, points, batch(epochs(3)));
    const ids = s().kept.map((k) => k.id);
    for (const id of ids.slice(1, MAX_OVERLAY + 1)) s().toggleOverlay(id);
    s().showKept(ids[0]);
    expect(s().overlay).toHaveLength(MAX_OVERLAY);
    expect(s().overlay.at(-1)).toBe(ids[0]);
    expect(s().overlay).not.toContain(ids[1]);
  });
});
