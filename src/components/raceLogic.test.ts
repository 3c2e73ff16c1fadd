import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import type { RaceEntry } from '../shared/race';
import { defaultRates, epochsToTarget, legendText, lossAxisTop, raceChartRows, USUAL_RATES } from './raceLogic';

const entry = (optimizer: RaceEntry['optimizer'], trainLoss: number[], valLoss = trainLoss): RaceEntry => ({ optimizer, lr: 0.1, trainLoss, valLoss, wallMs: 10 });

describe('race logic', () => {
  it('epochs to the target: the first epoch at or below it, or null', () => {
    expect(epochsToTarget([0.7, 0.5, 0.3, 0.2, 0.31], 0.3)).toBe(2);
    expect(epochsToTarget([0.7, 0.5], 0.3)).toBeNull();
    expect(epochsToTarget([0.7, NaN, 0.1], 0.3)).toBe(2);
    expect(epochsToTarget([0.7, 0.1], null)).toBeNull();
    expect(epochsToTarget([0.2], 0.3)).toBe(0);
  });

  it('legend names each optimizer with its settings', () => {
    const c = { ...DEFAULT_CONFIG, beta1: 0.9, beta2: 0.999, momentum: 0.8, epsilon: 1e-7 };
    expect(legendText('adam', 0.01, c)).toBe('Adam, lr 0.01, β₁ 0.9, β₂ 0.999, ε 1e-7');
    expect(legendText('momentum', 0.003, c)).toBe('SGD + momentum, lr 0.003, β 0.8');
    expect(legendText('sgd', 0.1, c, '学习率')).toBe('SGD, 学习率 0.1');
    expect(legendText('rmsprop', 0.001, c)).toBe('RMSprop, lr 0.001, ρ 0.9, ε 1e-7');
    expect(legendText('adagrad', 0.05, c)).toBe('Adagrad, lr 0.05');
  });

  it('default rates: the usual one per optimizer, the config’s own optimizer at the config’s rate', () => {
    const r = defaultRates({ optimizer: 'adam', lr: 0.003 });
    expect(r.adam).toBe(0.003);
    expect(r.sgd).toBe(USUAL_RATES.sgd);
    expect(r.momentum).toBe(USUAL_RATES.momentum);
  });

  it('chart rows: one per epoch, thinned for long races with the last epoch kept, non-finite losses as gaps', () => {
    const rows = raceChartRows([entry('sgd', [1, 0.5, Infinity]), entry('adam', [1, 0.4, 0.3], [1, 0.6, NaN])]);
    expect(rows).toEqual([
      { epoch: 0, 'train:sgd': 1, 'val:sgd': 1, 'train:adam': 1, 'val:adam': 1 },
      { epoch: 1, 'train:sgd': 0.5, 'val:sgd': 0.5, 'train:adam': 0.4, 'val:adam': 0.6 },
      { epoch: 2, 'train:sgd': null, 'val:sgd': null, 'train:adam': 0.3, 'val:adam': null },
    ]);
    const long = raceChartRows([entry('sgd', Array.from({ length: 1001 }, (_, i) => 1 / (i + 1)))], 100);
    expect(long.length).toBeLessThanOrEqual(101);
    expect(long.at(-1)!.epoch).toBe(1000);
    expect(raceChartRows([])).toEqual([]);
  });

  it('the loss axis stops a little above the starting losses', () => {
    expect(lossAxisTop([entry('sgd', [0.8, 50], [0.9, 60])])).toBeCloseTo(0.9 * 1.25);
    expect(lossAxisTop([])).toBe('auto');
  });
});
