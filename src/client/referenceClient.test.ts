// The reference fits reach the store per data set: started once a run has trained (and is not
// training right now), reused for any
// network on the same data, applied to the diagnosis at once, and never for an uploaded file.
import { beforeEach, describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { EpochMetrics, MetricsBatch, PointsView, ReferenceFit } from '../shared/protocol';
import { referenceFor, referenceKey } from '../store/referenceSlice';
import { useStore } from '../store/store';
import { watchReferenceFits } from './referenceClient';

const initial = useStore.getState();
const points: PointsView = { n: 0, x: new Float32Array(0), y: new Float32Array(0), role: new Uint8Array(0) };
const FIT: ReferenceFit = { units: [32, 32], epoch: 270, epochs: 300, trainLoss: 0.0001, valLoss: 0.003, trainAcc: 1, valAcc: 1 };

/** A plateau near 0.38 after falling from the baseline, as 2 ReLU units train on the circle. */
function plateau(n: number): EpochMetrics[] {
  const rand = mulberry32(3);
  return Array.from({ length: n }, (_, t) => {
    const f = (floor: number) => (floor + (0.69 - floor) * Math.exp(-t / 40)) * (1 + 0.01 * (2 * rand() - 1));
    return { epoch: t, trainLoss: f(0.38), valLoss: f(0.44), trainAcc: null, valAcc: null };
  });
}
const batch = (e: EpochMetrics[]): MetricsBatch => ({ epochs: e, numTensors: 7 });
const s = () => useStore.getState();

function setup(fit: (c: ExperimentConfig) => Promise<ReferenceFit | null>) {
  const calls: ExperimentConfig[] = [];
  const unsubscribe = watchReferenceFits((c) => {
    calls.push(c);
    return fit(c);
  });
  return { calls, unsubscribe };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('reference fits', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('keys on the data, not the model', () => {
    const a = referenceKey(DEFAULT_CONFIG);
    expect(referenceKey({ ...DEFAULT_CONFIG, layers: [2], activations: ['relu'], dropout: [0], lr: 0.3, l2: 0.1 })).toBe(a);
    expect(referenceKey({ ...DEFAULT_CONFIG, seed: 2 })).not.toBe(a);
    expect(referenceKey({ ...DEFAULT_CONFIG, features: ['x1', 'x2', 'x1sq'] })).not.toBe(a);
    expect(referenceKey({ ...DEFAULT_CONFIG, loss: 'mse' })).not.toBe(a);
    expect(referenceKey({ ...DEFAULT_CONFIG, dataset: 'upload' })).toBeNull();
  });

  it('starts one fit once the run trains, and the diagnosis takes it at once', async () => {
    const { calls, unsubscribe } = setup(async () => FIT);
    const c = { ...DEFAULT_CONFIG, layers: [2], activations: ['relu' as const], dropout: [0] };
    const e = plateau(400);
    s().startRun(c, 0, points, batch(e.slice(0, 1)), 0.69);
    expect(calls).toHaveLength(0);
    s().appendBatch(batch(e.slice(1, 300)));
    s().appendBatch(batch(e.slice(300, 400)));
    expect(calls).toHaveLength(1);
    expect(s().diagnosis.regime).toBe('good fit');
    await flush();
    expect(referenceFor(s(), c)).toEqual(FIT);
    expect(s().diagnosis.regime).toBe('underfitting');
    expect(s().diagnosis.evidence).toContain('reference network');
    unsubscribe();
  });

  it('waits while the run trains: the fit starts once it pauses', async () => {
    const { calls, unsubscribe } = setup(async () => FIT);
    const c = { ...DEFAULT_CONFIG, layers: [2], activations: ['relu' as const], dropout: [0] };
    const e = plateau(400);
    s().startRun(c, 0, points, batch(e.slice(0, 1)), 0.69);
    s().setStatus('training');
    s().appendBatch(batch(e.slice(1, 400)));
    expect(calls).toHaveLength(0);
    s().setStatus('ready');
    expect(calls).toHaveLength(1);
    await flush();
    expect(s().diagnosis.regime).toBe('underfitting');
    unsubscribe();
  });

  it('reuses the fit for another network on the same data, and fits again for other data', async () => {
    const { calls, unsubscribe } = setup(async () => FIT);
    const e = plateau(30);
    s().startRun(DEFAULT_CONFIG, 0, points, batch(e.slice(0, 1)), 0.69);
    s().appendBatch(batch(e.slice(1)));
    await flush();
    s().startRun({ ...DEFAULT_CONFIG, layers: [8, 8], activations: ['tanh', 'tanh'] }, 0, points, batch(e.slice(0, 1)), 0.69);
    expect(referenceFor(s(), s().runConfig)).toEqual(FIT);
    s().appendBatch(batch(e.slice(1)));
    expect(calls).toHaveLength(1);
    s().startRun({ ...DEFAULT_CONFIG, seed: 5 }, 0, points, batch(e.slice(0, 1)), 0.69);
    expect(referenceFor(s(), s().runConfig)).toBeNull();
    s().appendBatch(batch(e.slice(1)));
    expect(calls).toHaveLength(2);
    unsubscribe();
  });

  it('a failing fit leaves the diagnosis as without one and is retried only a bounded number of times', async () => {
    const { calls, unsubscribe } = setup(async () => {
      throw new Error('worker gone');
    });
    const e = plateau(400);
    s().startRun(DEFAULT_CONFIG, 0, points, batch(e.slice(0, 1)), 0.69);
    for (let i = 1; i < 400; i += 40) {
      s().appendBatch(batch(e.slice(i, i + 40)));
      await flush();
    }
    expect(calls.length).toBe(2);
    expect(s().reference).toBeNull();
    expect(s().diagnosis.regime).toBe('good fit');
    unsubscribe();
  });

  it('no fit for an uploaded file', () => {
    const { calls, unsubscribe } = setup(async () => FIT);
    const e = plateau(30);
    s().startRun({ ...DEFAULT_CONFIG, dataset: 'upload' }, 0, points, batch(e.slice(0, 1)), 0.69);
    s().appendBatch(batch(e.slice(1)));
    expect(calls).toHaveLength(0);
    unsubscribe();
  });
});
