// The LessonLog recorder, fed by a scripted store.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { useStore } from '../store/store';
import { startRecorder } from './log';
import { initialStore, newRun, trainTo } from './testStore';

describe('LessonLog recorder', () => {
  beforeEach(() => useStore.setState(initialStore, true));

  it('records every run started after it began, not the one already trained', () => {
    newRun();
    trainTo(10, () => 0.5);
    const rec = startRecorder(useStore);
    trainTo(20, () => 0.4);
    expect(rec.log.runs).toHaveLength(0);

    newRun({ lr: 0.1 }, () => 0.7);
    // Epoch 0 alone is not a run that trained.
    expect(rec.log.runs).toHaveLength(0);
    trainTo(30, (e) => 0.7 / (1 + e / 10));
    expect(rec.log.runs).toHaveLength(1);
    const r = rec.log.runs[0];
    expect(r.config.lr).toBe(0.1);
    expect(r.epochs).toBe(30);
    expect(r.firstTrainLoss).toBeCloseTo(0.7);
    expect(r.trainLoss).toBeCloseTo(0.7 / 4);
    expect(r.bestValEpoch).toBe(30);
    expect(r.valTurnedUp).toBe(false);
    rec.stop();
    newRun();
    trainTo(5, () => 0.3);
    expect(rec.log.runs).toHaveLength(1);
  });

  it('counts the untrained run on screen as the lesson\u2019s first run', () => {
    newRun();
    const rec = startRecorder(useStore);
    trainTo(3, () => 0.6);
    expect(rec.log.runs.map((r) => r.epochs)).toEqual([3]);
    rec.stop();
  });

  it('sees validation turn upward while training keeps falling, the best epoch, live edits and test evaluations', () => {
    newRun();
    const rec = startRecorder(useStore);
    // Validation falls to its minimum at epoch 20, then climbs 50% while training keeps falling.
    const val = (e: number) => (e <= 20 ? 1 - e * 0.03 : 0.4 + (e - 20) * 0.01);
    trainTo(23, (e) => 1 / (1 + e), val);
    expect(rec.log.runs[0].valTurnedUp).toBe(false);
    trainTo(60, (e) => 1 / (1 + e), val);
    const r = rec.log.runs[0];
    expect(r.bestValEpoch).toBe(20);
    expect(r.bestValLoss).toBeCloseTo(0.4);
    expect(r.valTurnedUp).toBe(true);

    // A live edit: the run's config stays, its final config follows.
    useStore.setState({ runConfig: { ...DEFAULT_CONFIG, lr: 0.5 } });
    trainTo(61, () => 0.01, () => 0.9);
    expect(r.config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(r.finalConfig.lr).toBe(0.5);

    useStore.getState().setTest({ loss: 0.42, accuracy: 0.8, n: 50 });
    useStore.getState().setTest({ loss: 0.43, accuracy: 0.8, n: 50 });
    expect(rec.log.testEvaluations).toBe(2);
    expect(r.testLosses).toEqual([0.42, 0.43]);
    expect(rec.log.visited).toContain('test');
    rec.stop();
  });

  it('collects diagnoses, early stops, finished sweeps, searches and transfers, and the panels used', () => {
    newRun();
    const rec = startRecorder(useStore);
    trainTo(5, () => 0.69);
    useStore.setState({ diagnosis: { regime: 'underfitting', sinceEpoch: 2, evidence: '' } });
    useStore.setState({ diagnosis: { regime: 'underfitting', sinceEpoch: 2, evidence: '' }, earlyStop: { bestEpoch: 3, stopEpoch: 5, bestValLoss: 0.6, restored: true } });
    expect(rec.log.runs[0].diagnoses).toEqual(['underfitting']);
    expect(rec.log.runs[0].stoppedAt).toBe(5);

    const s = useStore.getState();
    s.setSweep({ kind: 'width', status: 'running', points: [] });
    s.setSweep({ status: 'done', points: [{ value: 1, trainSize: 50, trainLoss: 0.6, valLoss: 0.6, epochs: 10 }, { value: 8, trainSize: 50, trainLoss: 0.1, valLoss: 0.2, epochs: 10 }] });
    expect(rec.log.sweeps).toEqual([{ kind: 'width', points: 2 }]);

    const spec = { strategy: 'random' as const, space: {}, budget: 3, folds: 3, epochs: 10, seed: 1, objective: 'loss' as const };
    s.setSearch({ status: 'running', spec: spec as never, trials: [] });
    s.setSearch({ status: 'done', trials: [{ mean: 0.5 }, { mean: 0.3 }, { mean: NaN }] as never });
    expect(rec.log.searches).toEqual([{ strategy: 'random', trials: 3, best: 0.3, folds: 3 }]);

    s.setTransfer({ status: 'comparing' });
    s.setTransfer({
      status: 'idle',
      result: { methods: [{ method: 'scratch', frozenLayers: [], finalValLoss: 0.5 }, { method: 'frozen', frozenLayers: [1, 2], finalValLoss: 0.2 }] } as never,
    });
    expect(rec.log.transfers).toEqual([{ frozen: 2, scratchLoss: 0.5, transferLoss: 0.2 }]);

    useStore.getState().applyConfig({ l2: 0.01 });
    useStore.getState().applyConfig({ valPct: 30 });
    expect(rec.log.visited).toEqual(expect.arrayContaining(['sweeps', 'search', 'transfer', 'regularization', 'data']));
    expect(rec.log.visited).not.toContain('model');
    rec.stop();
  });
});
