import { describe, expect, it } from 'vitest';
import { axisPosition, brushRange, choiceIndex, searchAxes, trialPasses, OBJECTIVE_AXIS } from './trialFilter';
import type { SearchSpace, Trial, TrialRecord } from './types';

const rec = (index: number, trial: Trial, mean: number): TrialRecord => ({ index, trial, mean, std: 0, folds: [mean], ms: 10 });

const space: SearchSpace = {
  lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' },
  layers: { kind: 'list', values: [1, 2] },
  units: { kind: 'list', values: [4, 8] },
  optimizer: { kind: 'list', values: ['adam', 'sgd'] },
};
const trials = [
  rec(0, { lr: 0.001, layers: 1, optimizer: 'sgd' }, 0.5),
  rec(1, { lr: 0.01, layers: 2, units: 8, optimizer: 'adam' }, 0.3),
  rec(2, { lr: 0.1, layers: 2, units: 4, optimizer: 'sgd' }, NaN),
  rec(3, { lr: 0.5, layers: 1, optimizer: 'adam' }, 0.9),
];

describe('trialPasses', () => {
  it('keeps every trial with no ranges', () => {
    expect(trials.every((t) => trialPasses(t, {}))).toBe(true);
  });

  it('keeps exactly the trials inside every brushed interval', () => {
    expect(trials.filter((t) => trialPasses(t, { lr: [0.005, 0.2] })).map((t) => t.index)).toEqual([1, 2]);
    expect(trials.filter((t) => trialPasses(t, { lr: [0.005, 0.2], [OBJECTIVE_AXIS]: [0, 0.4] })).map((t) => t.index)).toEqual([1]);
    // Reversed ends read the same interval.
    expect(trials.filter((t) => trialPasses(t, { lr: [0.2, 0.005] })).map((t) => t.index)).toEqual([1, 2]);
    // An open end (a field left empty) keeps everything on that side.
    expect(trials.filter((t) => trialPasses(t, { lr: [0.05, Infinity] })).map((t) => t.index)).toEqual([2, 3]);
    expect(trials.filter((t) => trialPasses(t, { lr: [-Infinity, 0.05] })).map((t) => t.index)).toEqual([0, 1]);
  });

  it('fails a trial that lacks the brushed setting, or whose score is not a number', () => {
    // units is conditional (only with two layers): trials 0 and 3 have none.
    expect(trials.filter((t) => trialPasses(t, { units: [1, 100] })).map((t) => t.index)).toEqual([1, 2]);
    expect(trials.filter((t) => trialPasses(t, { [OBJECTIVE_AXIS]: [-Infinity, Infinity] })).map((t) => t.index)).toEqual([0, 1, 3]);
  });

  it('reads a choice by its index in the fixed order of names', () => {
    const sgd = choiceIndex('optimizer', 'sgd');
    expect(sgd).toBeGreaterThanOrEqual(0);
    expect(trials.filter((t) => trialPasses(t, { optimizer: [sgd, sgd] })).map((t) => t.index)).toEqual([0, 2]);
  });
});

describe('the axes and brushing agree with the filter', () => {
  const axes = searchAxes(space, trials);

  it('has an axis per searched setting then the objective, log for a log range', () => {
    expect(axes.map((a) => a.key)).toEqual(['lr', 'units', 'layers', 'optimizer', OBJECTIVE_AXIS]);
    const lr = axes[0];
    expect(lr.kind === 'number' && lr.log).toBe(true);
    expect(axes[2].kind === 'number' && axes[2].log).toBe(false);
    const obj = axes[4];
    expect(obj.kind === 'number' && [obj.min, obj.max]).toEqual([0.3, 0.9]);
  });

  it('a log axis puts each decade equally apart', () => {
    const lr = axes[0];
    expect(axisPosition(lr, 1e-4)).toBeCloseTo(0);
    expect(axisPosition(lr, 1e-2)).toBeCloseTo(0.5);
    expect(axisPosition(lr, 1)).toBeCloseTo(1);
    expect(axisPosition(lr, 1e-2, false)).toBeCloseTo(0.0099, 3);
  });

  it('a brush over a log axis keeps the trials drawn inside it', () => {
    const lr = axes[0];
    const r = brushRange(lr, 0.4, 0.8)!;
    const kept = trials.filter((t) => trialPasses(t, { lr: r })).map((t) => t.index);
    const drawnInside = trials.filter((t) => {
      const p = axisPosition(lr, Number(t.trial.lr));
      return p >= 0.4 && p <= 0.8;
    });
    expect(kept).toEqual(drawnInside.map((t) => t.index));
    expect(kept).toEqual([1, 2]);
  });

  it('a brush over a choice axis keeps the names whose places it covers', () => {
    const opt = axes[3];
    expect(opt.kind === 'choice' && opt.names).toEqual(['sgd', 'adam']);
    const top = brushRange(opt, 0.8, 1)!;
    expect(trials.filter((t) => trialPasses(t, { optimizer: top })).map((t) => t.index)).toEqual([1, 3]);
    expect(brushRange(opt, 0.3, 0.6)).toBeNull();
  });
});
