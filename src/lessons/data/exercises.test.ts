// The exercises' checks on scripted logs and stores: each passes on a right answer and stays
// unticked on the wrong answers the steps warn about.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../shared/config';
import { MetricsHistory } from '../../diagnosis/metricsHistory';
import type { Store } from '../../store/store';
import type { Lesson, LessonLog, RunRecord } from '../types';
import { beatOverfit } from './beat-overfit';
import { differences, OVERFIT_CONFIG, remedyOf } from './exerciseChecks';
import { l2Gap } from './l2-gap';
import { learningRate } from './learning-rate';
import { oneNeuron } from './one-neuron';
import { smallestNet } from './smallest-net';

const MINE: Lesson[] = [oneNeuron, smallestNet, beatOverfit, l2Gap, learningRate];

/** The config a lesson's set-up gives. */
const setUp = (l: Lesson): ExperimentConfig => ({ ...DEFAULT_CONFIG, ...l.setup.config });

function run(config: ExperimentConfig, r: Partial<RunRecord> = {}): RunRecord {
  return {
    config,
    finalConfig: config,
    epochs: 100,
    trainLoss: 0.1,
    valLoss: 0.2,
    bestValLoss: 0.15,
    bestValEpoch: 60,
    valTurnedUp: false,
    diagnoses: [],
    stoppedAt: null,
    testLosses: [],
    ...r,
  };
}

const log = (runs: RunRecord[], extra: Partial<LessonLog> = {}): LessonLog => ({
  runs,
  testEvaluations: runs.reduce((a, r) => a + r.testLosses.length, 0),
  searches: [],
  sweeps: [],
  transfers: [],
  visited: [],
  ...extra,
});

/** A store with `config` on screen and a current run of these per-epoch training losses (epoch 1 on). */
function store(config: ExperimentConfig, trainLosses: number[] = [], start: ExperimentConfig = config): Store {
  const epochs = [0.7, ...trainLosses].map((t, epoch) => ({ epoch, trainLoss: t, valLoss: t + 0.05, trainAcc: null, valAcc: null }));
  return { config, runConfig: config, runStartConfig: start, metrics: MetricsHistory.from(epochs) } as unknown as Store;
}
const EMPTY = store(DEFAULT_CONFIG);

const checks = (l: Lesson, s: Store, lg: LessonLog) => l.checks.map((c) => c.passed(s, lg));

describe('every exercise', () => {
  it('is an exercise with concepts from CONCEPTS.md, a check text per check in both languages, and texts of the same shape', () => {
    const ids = new Set<string>();
    for (const l of MINE) {
      expect(ids.has(l.id)).toBe(false);
      ids.add(l.id);
      expect(l.kind).toBe('exercise');
      expect(l.id).toMatch(/^[a-z0-9-]+$/);
      expect(l.concepts.length).toBeGreaterThan(0);
      for (const c of l.concepts) expect(c >= 1 && c <= 30 && Number.isInteger(c)).toBe(true);
      for (const lang of ['en', 'zh'] as const) {
        const t = l.text[lang];
        expect(t.checks).toHaveLength(l.checks.length);
        expect(t.steps.length).toBeGreaterThan(1);
        for (const s of [t.title, t.idea, t.question, t.answer, ...t.steps, ...t.checks]) expect(s.trim().length).toBeGreaterThan(3);
      }
      expect(l.text.zh.steps).toHaveLength(l.text.en.steps.length);
      // The Chinese texts are Chinese.
      expect(l.text.zh.idea).toMatch(/[\u4e00-\u9fff]/);
      expect(l.text.zh.title).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('has no check ticked on an empty log right after the set-up, except the set-up conditions', () => {
    for (const l of MINE) {
      const s = store(setUp(l));
      const ticked = checks(l, s, log([]));
      // learning-rate's first check ("network as set up") holds from the set-up on; every goal is unticked.
      expect(ticked.at(-1)).toBe(false);
      if (l.id !== 'learning-rate') expect(ticked.every((p) => !p)).toBe(true);
    }
  });

  it('applies a set-up that the schema accepts: a small data set of at most 300 points', () => {
    for (const l of MINE) {
      const c = setUp(l);
      expect(c.samples).toBeLessThanOrEqual(300);
      expect(c.layers.length).toBe(c.activations.length);
      expect(c.dropout.length).toBe(c.layers.length);
      expect(c.epochs).toBeGreaterThan(0);
    }
  });
});

describe('one-neuron', () => {
  const base = setUp(oneNeuron);
  const squares: ExperimentConfig = { ...base, features: ['x1', 'x2', 'x1sq', 'x2sq'] };

  it('ticks the failure of x₁, x₂ alone and the goal with the squares and no hidden layer', () => {
    const lg = log([run(base, { epochs: 100, valLoss: 0.69, trainLoss: 0.68 }), run(squares, { epochs: 60, valLoss: 0.12, trainLoss: 0.11 })]);
    expect(checks(oneNeuron, EMPTY, lg)).toEqual([true, true]);
  });

  it('does not tick the goal with a hidden layer, above the mark, or on other data', () => {
    const hidden: ExperimentConfig = { ...base, layers: [4], activations: ['tanh'], dropout: [0] };
    expect(checks(oneNeuron, EMPTY, log([run(hidden, { valLoss: 0.05 })]))[1]).toBe(false);
    expect(checks(oneNeuron, EMPTY, log([run(squares, { valLoss: 0.2 })]))[1]).toBe(false);
    expect(checks(oneNeuron, EMPTY, log([run({ ...squares, noise: 0 }, { valLoss: 0.05 })]))[1]).toBe(false);
  });

  it('needs the plain linear run to have trained long enough to count as failing', () => {
    expect(checks(oneNeuron, EMPTY, log([run(base, { epochs: 10, valLoss: 0.69 })]))[0]).toBe(false);
    expect(checks(oneNeuron, EMPTY, log([run(squares, { epochs: 100, valLoss: 0.69 })]))[0]).toBe(false);
  });
});

describe('smallest-net', () => {
  const base = setUp(smallestNet);
  const three: ExperimentConfig = { ...base, layers: [3], activations: ['tanh'], dropout: [0] };

  it('ticks a 3-unit network whose first test loss is below the mark, evaluated once', () => {
    expect(checks(smallestNet, EMPTY, log([run(three, { epochs: 150, testLosses: [0.08] })]))).toEqual([true, true, true]);
  });

  it('does not tick the goal for a bigger network, a miss, or extra inputs; a second look at the test set unticks "once"', () => {
    expect(checks(smallestNet, EMPTY, log([run(base, { epochs: 150, testLosses: [0.01] })]))).toEqual([false, false, true]);
    expect(checks(smallestNet, EMPTY, log([run({ ...three, layers: [2], activations: ['tanh'] }, { epochs: 150, testLosses: [0.43] })]))).toEqual([true, false, true]);
    expect(checks(smallestNet, EMPTY, log([run({ ...three, features: ['x1', 'x2', 'x1sq'] }, { epochs: 150, testLosses: [0.05] })]))[1]).toBe(false);
    // The first evaluation counts: a later, luckier one does not.
    expect(checks(smallestNet, EMPTY, log([run(three, { epochs: 150, testLosses: [0.3, 0.1] })]))).toEqual([true, false, false]);
    // Peeking on another run first.
    const peek = log([run(base, { testLosses: [0.01] }), run(three, { epochs: 150, testLosses: [0.08] })]);
    expect(checks(smallestNet, EMPTY, peek)).toEqual([true, true, false]);
  });
});

describe('beat-overfit', () => {
  const preset = setUp(beatOverfit);
  const presetRun = run(preset, { epochs: 150, bestValLoss: 0.154, valLoss: 0.2 });

  it('starts from the Overfit preset, which counts as no remedy', () => {
    expect(differences(preset, OVERFIT_CONFIG)).toEqual([]);
    expect(remedyOf(preset)).toBeNull();
  });

  it('names the one remedy a config applies, and none for two or for an unrelated change', () => {
    expect(remedyOf({ ...preset, l2: 0.003 })).toBe('penalty');
    expect(remedyOf({ ...preset, l1: 0.001 })).toBe('penalty');
    expect(remedyOf({ ...preset, dropout: [0.2, 0.2] })).toBe('dropout');
    expect(remedyOf({ ...preset, patience: 30 })).toBe('early-stopping');
    expect(remedyOf({ ...preset, samples: 1000, batch: 50 })).toBe('more-data');
    expect(remedyOf({ ...preset, layers: [4], activations: ['relu'], dropout: [0] })).toBe('smaller-network');
    expect(remedyOf({ ...preset, layers: [8, 8] })).toBe('smaller-network');
    expect(remedyOf({ ...preset, l2: 0.003, dropout: [0.2, 0.2] })).toBeNull();
    expect(remedyOf({ ...preset, lr: 0.001 })).toBeNull();
    expect(remedyOf({ ...preset, samples: 50 })).toBeNull();
    expect(remedyOf({ ...preset, layers: [64, 64] })).toBeNull();
    expect(remedyOf({ ...preset, layers: [4], activations: ['tanh'], dropout: [0] })).toBeNull();
    // The budget and the pace steer the run; they are no remedy and no extra change.
    expect(remedyOf({ ...preset, epochs: 500, pace: 10, dropout: [0.2, 0.2] })).toBe('dropout');
  });

  it('ticks every check when one remedy beats the preset run before it', () => {
    const lg = log([presetRun, run({ ...preset, dropout: [0.2, 0.2] }, { epochs: 150, bestValLoss: 0.15 })]);
    expect(checks(beatOverfit, EMPTY, lg)).toEqual([true, true, true]);
  });

  it('leaves the goal unticked for early stopping (it only gives the best back), two remedies, or no remedy', () => {
    const es = run({ ...preset, patience: 30 }, { epochs: 97, stoppedAt: 97, bestValLoss: 0.154 });
    expect(checks(beatOverfit, EMPTY, log([presetRun, es]))).toEqual([true, true, false]);
    const two = run({ ...preset, dropout: [0.2, 0.2], l2: 0.003 }, { epochs: 150, bestValLoss: 0.12 });
    expect(checks(beatOverfit, EMPTY, log([presetRun, two]))).toEqual([true, false, false]);
    const again = run(preset, { epochs: 150, bestValLoss: 0.14 });
    expect(checks(beatOverfit, EMPTY, log([presetRun, again]))).toEqual([true, false, false]);
  });

  it('needs the preset run first, long enough to have passed its best', () => {
    const remedy = run({ ...preset, l2: 0.003 }, { epochs: 150, bestValLoss: 0.15 });
    expect(checks(beatOverfit, EMPTY, log([remedy, presetRun]))).toEqual([true, false, false]);
    expect(checks(beatOverfit, EMPTY, log([{ ...presetRun, epochs: 40 }, remedy]))).toEqual([false, false, false]);
    // A remedy run that has not trained long enough yet.
    expect(checks(beatOverfit, EMPTY, log([presetRun, { ...remedy, epochs: 30 }]))).toEqual([true, false, false]);
  });

  it('compares with the latest preset run before the remedy', () => {
    const lucky = run(preset, { epochs: 150, bestValLoss: 0.12 });
    const remedy = run({ ...preset, l2: 0.003 }, { epochs: 150, bestValLoss: 0.15 });
    expect(checks(beatOverfit, EMPTY, log([lucky, presetRun, remedy]))[2]).toBe(true);
    expect(checks(beatOverfit, EMPTY, log([presetRun, lucky, remedy]))[2]).toBe(false);
  });
});

describe('l2-gap', () => {
  const base = setUp(l2Gap);
  const off = run(base, { epochs: 150, trainLoss: 0.037, valLoss: 0.2 });
  const on = run({ ...base, l2: 0.01 }, { epochs: 150, trainLoss: 0.159, valLoss: 0.214 });

  it('ticks every check when the gap with L2 is at most half the gap without', () => {
    expect(checks(l2Gap, EMPTY, log([off, on]))).toEqual([true, true, true]);
    // In either order.
    expect(checks(l2Gap, EMPTY, log([on, off]))).toEqual([true, true, true]);
  });

  it('does not count a λ so large that the network stops fitting, a gap that barely shrinks, or a short run', () => {
    const flat = run({ ...base, l2: 0.3 }, { epochs: 150, trainLoss: 0.693, valLoss: 0.693 });
    expect(checks(l2Gap, EMPTY, log([off, flat]))).toEqual([true, false, false]);
    const weak = run({ ...base, l2: 0.001 }, { epochs: 150, trainLoss: 0.047, valLoss: 0.2 });
    expect(checks(l2Gap, EMPTY, log([off, weak]))).toEqual([true, true, false]);
    expect(checks(l2Gap, EMPTY, log([{ ...off, epochs: 60 }, on]))).toEqual([false, true, false]);
  });

  it('needs everything but λ to stay as set up', () => {
    const other = run({ ...base, l2: 0.01, dropout: [0.5, 0.5] }, { epochs: 150, trainLoss: 0.15, valLoss: 0.17 });
    expect(checks(l2Gap, EMPTY, log([off, other]))).toEqual([true, false, false]);
  });
});

describe('learning-rate', () => {
  const base = setUp(learningRate);
  const fast: ExperimentConfig = { ...base, lr: 0.3 };
  const falling = Array.from({ length: 50 }, (_, i) => 0.69 * Math.exp(-i / 15));

  it('ticks the goal when the current run gets below 0.1 by epoch 50 with only the learning rate or optimizer changed', () => {
    expect(checks(learningRate, store(fast, falling), log([]))).toEqual([true, true]);
    const adam: ExperimentConfig = { ...base, optimizer: 'adam', lr: 0.03 };
    expect(checks(learningRate, store(adam, falling), log([]))).toEqual([true, true]);
  });

  it('ticks the goal from an earlier run in the log', () => {
    expect(checks(learningRate, store(base), log([run(fast, { epochs: 50, trainLoss: 0.06 })]))).toEqual([true, true]);
  });

  it('does not tick it when the loss gets there only after epoch 50, crawls, or the network changed', () => {
    const slow = Array.from({ length: 120 }, (_, i) => 0.69 * Math.exp(-i / 40));
    expect(checks(learningRate, store(base, slow), log([run(base, { epochs: 120, trainLoss: slow.at(-1)! })]))).toEqual([true, false]);
    const bigger: ExperimentConfig = { ...fast, layers: [16, 16], activations: ['tanh', 'tanh'], dropout: [0, 0] };
    expect(checks(learningRate, store(bigger, falling), log([run(bigger, { epochs: 50, trainLoss: 0.01 })]))).toEqual([false, false]);
    const batch: ExperimentConfig = { ...fast, batch: 1 };
    expect(checks(learningRate, store(batch, falling), log([]))).toEqual([false, false]);
    // Diverged: NaN losses never count.
    expect(checks(learningRate, store({ ...base, lr: 10 }, [0.5, NaN, NaN]), log([run({ ...base, lr: 10 }, { epochs: 3, trainLoss: NaN })]))).toEqual([true, false]);
  });
});
