// Lessons 6–10: each check evaluated on scripted store and log states, one that meets it and one
// that does not (usually the "wrong action": skipping the remedy, evaluating twice, …).
import { describe, expect, it } from 'vitest';
import { MetricsHistory } from '../../diagnosis/metricsHistory';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../shared/config';
import type { EpochMetrics } from '../../shared/protocol';
import type { BaseInfo, TransferResult } from '../../shared/transferProtocol';
import type { SearchState } from '../../store/searchSlice';
import { useStore, type Store } from '../../store/store';
import type { TrialRecord } from '../../search/types';
import { PRESETS } from '../../shared/presets';
import type { Lesson, LessonLog, RunRecord } from '../types';
import { bestOf, configHasTrial, gapShrank, penaltyShare } from './courseBChecks';
import { LESSONS_B } from './courseB';
import { evaluate } from './evaluate';
import { images } from './images';
import { overfitting } from './overfitting';
import { regularization } from './regularization';
import { search } from './search';
import { transfer } from './transfer';

const LESSONS: Lesson[] = LESSONS_B;
const OVERFIT = { ...DEFAULT_CONFIG, ...PRESETS.find((p) => p.key === 'overfit')!.config } as ExperimentConfig;

const baseStore = useStore.getState();
const store = (patch: Partial<Store> = {}): Store => ({ ...baseStore, ...patch }) as Store;

function run(p: Partial<RunRecord> = {}): RunRecord {
  const config = p.config ?? p.finalConfig ?? OVERFIT;
  return {
    config,
    finalConfig: p.finalConfig ?? config,
    epochs: 150,
    trainLoss: 0.04,
    valLoss: 0.26,
    bestValLoss: 0.15,
    bestValEpoch: 67,
    valTurnedUp: false,
    diagnoses: [],
    stoppedAt: null,
    testLosses: [],
    ...p,
  };
}

function log(p: Partial<LessonLog> = {}): LessonLog {
  return { runs: [], testEvaluations: 0, searches: [], sweeps: [], transfers: [], visited: [], ...p };
}

const check = (lesson: Lesson, n: number, s: Store, l: LessonLog) => lesson.checks[n - 1].passed(s, l);

describe('lessons 6–10: shape', () => {
  it('the course part holds the five lessons in workflow order', () => {
    expect(LESSONS_B.map((l) => l.id)).toEqual(['overfitting', 'regularization', 'images', 'search', 'transfer', 'evaluate']);
    expect(LESSONS_B).toEqual([overfitting, regularization, images, search, transfer, evaluate]);
  });

  it('each has 3–6 steps and as many check texts as checks, in both languages, and its concepts', () => {
    for (const l of LESSONS) {
      for (const text of [l.text.en, l.text.zh]) {
        expect(text.steps.length, l.id).toBeGreaterThanOrEqual(3);
        expect(text.steps.length, l.id).toBeLessThanOrEqual(6);
        expect(text.checks).toHaveLength(l.checks.length);
        for (const s of [text.title, text.idea, text.question, text.answer, ...text.steps, ...text.checks]) expect(s.trim(), l.id).not.toBe('');
      }
      expect(l.text.zh.steps).toHaveLength(l.text.en.steps.length);
      expect(l.checks.length, l.id).toBeGreaterThanOrEqual(2);
      expect(l.checks.length, l.id).toBeLessThanOrEqual(4);
      expect(l.kind).toBe('lesson');
    }
    expect(LESSONS.flatMap((l) => l.concepts).sort((a, b) => a - b)).toEqual([1, 8, 9, 11, 12, 13, 13, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
  });

  it('the Chinese texts are Chinese and use the source text’s terms', () => {
    const zh = (l: Lesson) => JSON.stringify(l.text.zh);
    for (const l of LESSONS) expect(zh(l), l.id).toMatch(/[\u4e00-\u9fff]/);
    expect(zh(overfitting)).toContain('过拟合');
    expect(zh(overfitting)).toContain('早停');
    expect(zh(regularization)).toContain('正则化');
    expect(zh(regularization)).toContain('数据增强');
    expect(zh(search)).toContain('网格搜索');
    expect(zh(search)).toContain('贝叶斯优化');
    expect(zh(search)).toContain('交叉验证');
    expect(zh(transfer)).toContain('迁移学习');
    expect(zh(transfer)).toContain('冻结');
    expect(zh(evaluate)).toContain('测试集');
    expect(zh(evaluate)).toContain('验证集');
  });

  it('each setup is a valid config over the defaults', () => {
    for (const l of LESSONS) {
      expect(() => useStore.getState().applyConfig({ ...DEFAULT_CONFIG, ...l.setup.config }), l.id).not.toThrow();
      useStore.setState(baseStore, true);
    }
  });
});

describe('overfitting', () => {
  const s = store();
  it('1: validation loss turned upward while training loss kept falling', () => {
    expect(check(overfitting, 1, s, log({ runs: [run(), run({ valTurnedUp: true })] }))).toBe(true);
    expect(check(overfitting, 1, s, log({ runs: [run(), run({ diagnoses: ['overfitting'] })] }))).toBe(false);
  });
  it('2: the overfitting diagnosis was shown', () => {
    expect(check(overfitting, 2, s, log({ runs: [run({ diagnoses: ['too early to tell', 'overfitting'] })] }))).toBe(true);
    expect(check(overfitting, 2, s, log({ runs: [run({ diagnoses: ['underfitting'] })] }))).toBe(false);
    expect(check(overfitting, 2, s, log())).toBe(false);
  });
  it('3: early stopping stopped a run before its last epoch, best epoch before the stop', () => {
    const es = { ...OVERFIT, patience: 30, epochs: 300 };
    expect(check(overfitting, 3, s, log({ runs: [run(), run({ finalConfig: es, epochs: 97, stoppedAt: 97, bestValEpoch: 67 })] }))).toBe(true);
    // Skipping the remedy: the run goes on to the budget.
    expect(check(overfitting, 3, s, log({ runs: [run({ epochs: 300, finalConfig: { ...OVERFIT, epochs: 300 } })] }))).toBe(false);
    // A stop at the budget itself is not early.
    expect(check(overfitting, 3, s, log({ runs: [run({ finalConfig: es, epochs: 300, stoppedAt: 300, bestValEpoch: 270 })] }))).toBe(false);
    // Patience off: whatever stopped it was not early stopping.
    expect(check(overfitting, 3, s, log({ runs: [run({ epochs: 97, stoppedAt: 97 })] }))).toBe(false);
  });
});

describe('regularization', () => {
  const metrics = (e: Partial<EpochMetrics>) => MetricsHistory.from([{ epoch: 150, trainLoss: 0.16, valLoss: 0.21, trainAcc: 0.95, valAcc: 0.9, ...e }]);
  it('1: the penalty is more than 10% of the minimized loss', () => {
    expect(check(regularization, 1, store({ metrics: metrics({ penalty: 0.24 }) }), log())).toBe(true);
    expect(penaltyShare(store({ metrics: metrics({ penalty: 0.24 }) }))).toBeCloseTo(0.24 / 0.4, 6);
    expect(check(regularization, 1, store({ metrics: metrics({ penalty: 0.01 }) }), log())).toBe(false);
    expect(check(regularization, 1, store({ metrics: metrics({}) }), log())).toBe(false);
    expect(check(regularization, 1, store(), log())).toBe(false);
  });
  it('2: the train/validation gap shrank against the run without the remedy', () => {
    const before = run({ trainLoss: 0.037, valLoss: 0.264 });
    const l2 = run({ finalConfig: { ...OVERFIT, l2: 0.01 }, trainLoss: 0.16, valLoss: 0.214 });
    const s = store();
    expect(check(regularization, 2, s, log({ runs: [before, l2] }))).toBe(true);
    expect(check(regularization, 2, s, log({ runs: [before, run({ finalConfig: { ...OVERFIT, dropout: [0.3, 0.3] }, trainLoss: 0.1, valLoss: 0.2 })] }))).toBe(true);
    expect(check(regularization, 2, s, log({ runs: [before, run({ finalConfig: { ...OVERFIT, samples: 200 }, trainLoss: 0.15, valLoss: 0.2 })] }))).toBe(true);
    // No remedy: the same setup again (another initialization) with a somewhat smaller gap.
    expect(check(regularization, 2, s, log({ runs: [before, run({ trainLoss: 0.05, valLoss: 0.15 })] }))).toBe(false);
    // The remedy run came first: nothing to compare it with.
    expect(check(regularization, 2, s, log({ runs: [l2, before] }))).toBe(false);
    // A remedy run cut short does not count (its gap had no time to open).
    expect(gapShrank(before, { ...l2, epochs: 40 })).toBe(false);
    // The remedy typed in after the first run ended (its finalConfig has it), then "Start fresh".
    const edited = { ...before, finalConfig: { ...OVERFIT, l2: 0.01 } };
    expect(check(regularization, 2, s, log({ runs: [edited, l2] }))).toBe(true);
    // Added live to the same run: no run started with the remedy.
    expect(check(regularization, 2, s, log({ runs: [edited] }))).toBe(false);
    // A remedy that barely helps does not count.
    expect(check(regularization, 2, s, log({ runs: [before, run({ finalConfig: { ...OVERFIT, l2: 0.0001 }, trainLoss: 0.04, valLoss: 0.24 })] }))).toBe(false);
  });
  it('3: a learning-curve sweep finished', () => {
    expect(check(regularization, 3, store(), log({ sweeps: [{ kind: 'size', points: 5 }] }))).toBe(true);
    expect(check(regularization, 3, store(), log({ sweeps: [{ kind: 'width', points: 7 }] }))).toBe(false);
    expect(check(regularization, 3, store(), log({ sweeps: [{ kind: 'size', points: 2 }] }))).toBe(false);
  });
});

describe('search', () => {
  const trial = (index: number, lr: number, units: number, mean: number): TrialRecord => ({ index, trial: { lr, units }, folds: [mean, mean, mean], mean, std: 0, ms: 10 });
  const trials = [trial(0, 0.3, 2, 0.4), trial(1, 0.3, 8, 0.12), trial(2, 0.03, 2, 0.5), trial(3, 0.03, 8, 0.3)];
  const searchState = (p: Partial<SearchState> = {}): SearchState => ({
    ...baseStore.search,
    status: 'done',
    spec: { strategy: 'grid', space: {}, budget: 4, folds: 3, epochs: 10, seed: 1, objective: 'loss' },
    trials,
    total: 4,
    ...p,
  });
  const grid = { strategy: 'grid', trials: 4, best: 0.12, folds: 3 };
  it('1: a grid search finished with k ≥ 3 folds', () => {
    expect(check(search, 1, store(), log({ searches: [grid] }))).toBe(true);
    expect(check(search, 1, store(), log({ searches: [{ ...grid, folds: 2 }] }))).toBe(false);
    expect(check(search, 1, store(), log({ searches: [{ ...grid, strategy: 'random' }] }))).toBe(false);
  });
  it('2: random and Bayesian searches on the same budget', () => {
    const race = [grid, { ...grid, strategy: 'random' }, { ...grid, strategy: 'bayes', best: 0.11 }];
    expect(check(search, 2, store(), log({ searches: race }))).toBe(true);
    expect(check(search, 2, store(), log({ searches: [grid, { ...grid, strategy: 'random' }] }))).toBe(false);
    expect(check(search, 2, store(), log({ searches: [{ ...grid, strategy: 'random', trials: 20 }, { ...grid, strategy: 'bayes', trials: 4 }] }))).toBe(false);
  });
  it('3: the best trial is in the playground’s config', () => {
    expect(bestOf(trials)?.index).toBe(1);
    expect(bestOf(trials, 'accuracy')?.index).toBe(2);
    const applied = { ...DEFAULT_CONFIG, ...search.setup.config, lr: 0.3, layers: [8], activations: ['tanh' as const], dropout: [0] };
    expect(check(search, 3, store({ search: searchState(), config: applied }), log({ searches: [grid] }))).toBe(true);
    // Not applied: the lesson's own setup is not in the grid.
    const setup = { ...DEFAULT_CONFIG, ...search.setup.config } as ExperimentConfig;
    expect(check(search, 3, store({ search: searchState(), config: setup }), log({ searches: [grid] }))).toBe(false);
    // A worse trial applied.
    expect(check(search, 3, store({ search: searchState(), config: { ...applied, lr: 0.03 } }), log({ searches: [grid] }))).toBe(false);
    // A search restored from an earlier session, none in this lesson.
    expect(check(search, 3, store({ search: searchState(), config: applied }), log())).toBe(false);
    expect(check(search, 3, store({ search: searchState({ status: 'running' }), config: applied }), log({ searches: [grid] }))).toBe(false);
  });
  it('compares every kind of trial value as Apply best sets it', () => {
    const c = { ...DEFAULT_CONFIG, layers: [8, 8], activations: ['relu', 'relu'], dropout: [0.2, 0.2], l2: 0.001, optimizer: 'adam', batch: 32 } as ExperimentConfig;
    expect(configHasTrial(c, { units: 8, layers: 2, activation: 'relu', dropout: 0.2, l2: 0.001, optimizer: 'adam', batch: 32 })).toBe(true);
    expect(configHasTrial(c, { layers: 1 })).toBe(false);
    expect(configHasTrial(c, { activation: 'tanh' })).toBe(false);
    expect(configHasTrial(c, {})).toBe(false);
  });
});

describe('transfer', () => {
  const base: BaseInfo = {
    name: 'b',
    source: 'circle',
    sourceLabel: 'Circle, 1000 points',
    domain: 'circle',
    inputNames: ['x₁', 'x₂'],
    classNames: ['class 0', 'class 1'],
    layers: [32, 32],
    activations: ['relu', 'relu'],
    seed: 1,
    epochs: 10,
    sourceTrain: 1000,
    sourceValLoss: 0.1,
    sourceValAcc: 0.97,
    createdAt: '',
  };
  const t = (p: Partial<Store['transfer']>) => store({ transfer: { ...baseStore.transfer, ...p } });
  const result = (nTarget: number) => ({ nTarget }) as TransferResult;
  it('1: the three conditions hold', () => {
    expect(check(transfer, 1, t({ base }), log())).toBe(true);
    // No base yet: performance unknown.
    expect(check(transfer, 1, t({ base: null }), log())).toBe(false);
    // A poor base.
    expect(check(transfer, 1, t({ base: { ...base, sourceValAcc: 0.6 } }), log())).toBe(false);
    // An unrelated source (XOR): its base is not related to the circle target.
    expect(check(transfer, 1, t({ source: 'xor', base: { ...base, source: 'xor', domain: 'xor' } }), log())).toBe(false);
    // The base belongs to another source than the one chosen.
    expect(check(transfer, 1, t({ source: 'spiral', base }), log())).toBe(false);
  });
  it('2: a comparison with at least one frozen layer', () => {
    expect(check(transfer, 2, t({}), log({ transfers: [{ frozen: 2, scratchLoss: 0.5, transferLoss: 0.2 }] }))).toBe(true);
    expect(check(transfer, 2, t({}), log({ transfers: [{ frozen: 0, scratchLoss: 0.5, transferLoss: 0.2 }] }))).toBe(false);
    expect(check(transfer, 2, t({}), log())).toBe(false);
  });
  it('3: transfer beat scratch on few examples', () => {
    expect(check(transfer, 3, t({ result: result(30) }), log({ transfers: [{ frozen: 2, scratchLoss: 0.5, transferLoss: 0.2 }] }))).toBe(true);
    expect(check(transfer, 3, t({ result: result(30) }), log({ transfers: [{ frozen: 2, scratchLoss: 0.2, transferLoss: 0.3 }] }))).toBe(false);
    expect(check(transfer, 3, t({ result: result(30) }), log({ transfers: [{ frozen: 0, scratchLoss: 0.5, transferLoss: 0.2 }] }))).toBe(false);
    expect(check(transfer, 3, t({ result: result(400) }), log({ transfers: [{ frozen: 2, scratchLoss: 0.5, transferLoss: 0.2 }] }))).toBe(false);
  });
});

describe('evaluate', () => {
  const cfg = { ...DEFAULT_CONFIG, ...evaluate.setup.config } as ExperimentConfig;
  const first = run({ finalConfig: cfg, epochs: 100, valLoss: 0.4 });
  const second = run({ finalConfig: { ...cfg, layers: [8] }, epochs: 100, valLoss: 0.2 });
  const s = store();
  it('1: two runs with different settings compared on validation', () => {
    expect(check(evaluate, 1, s, log({ runs: [first, second] }))).toBe(true);
    // The same settings twice: nothing was chosen.
    expect(check(evaluate, 1, s, log({ runs: [first, { ...first }] }))).toBe(false);
    // Only the epoch budget changed.
    expect(check(evaluate, 1, s, log({ runs: [first, run({ finalConfig: { ...cfg, epochs: 200 }, epochs: 200 })] }))).toBe(false);
    // A live setting typed in after the first run ended, then a fresh run with it.
    const lr = { ...first, finalConfig: { ...cfg, lr: 0.3 } };
    expect(check(evaluate, 1, s, log({ runs: [lr, run({ config: { ...cfg, lr: 0.3 }, epochs: 100, valLoss: 0.3 })] }))).toBe(true);
    // The second run barely trained.
    expect(check(evaluate, 1, s, log({ runs: [first, { ...second, epochs: 3 }] }))).toBe(false);
  });
  it('2: the test set was first used after the comparison', () => {
    expect(check(evaluate, 2, s, log({ runs: [first, { ...second, testLosses: [0.25] }], testEvaluations: 1 }))).toBe(true);
    // Evaluated during tuning: on the first run, before the comparison.
    expect(check(evaluate, 2, s, log({ runs: [{ ...first, testLosses: [0.4] }, { ...second, testLosses: [0.25] }], testEvaluations: 2 }))).toBe(false);
    expect(check(evaluate, 2, s, log({ runs: [first, second] }))).toBe(false);
  });
  it('3: exactly once (not sticky: a second look unticks it)', () => {
    expect(evaluate.checks[2].sticky).toBe(false);
    expect(check(evaluate, 3, s, log({ testEvaluations: 1 }))).toBe(true);
    expect(check(evaluate, 3, s, log({ testEvaluations: 0 }))).toBe(false);
    expect(check(evaluate, 3, s, log({ testEvaluations: 2 }))).toBe(false);
  });
});
