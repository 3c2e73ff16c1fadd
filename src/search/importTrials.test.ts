import { describe, expect, it } from 'vitest';
import { importTrials } from './importTrials';
import type { SearchSpace } from './types';

const space: SearchSpace = {
  lr: { kind: 'range', min: 0.001, max: 0.3, scale: 'log' },
  units: { kind: 'list', values: [2, 4, 8] },
  optimizer: { kind: 'list', values: ['sgd', 'adam'] },
};
const good = `number,lr,units,optimizer,value,std,folds,duration_ms
1,0.01,4,adam,0.31,0.01,0.30;0.32,120.5
0,0.2,8,sgd,0.52,0.02,0.5;0.54,98.0
2,0.005,2,sgd,inf,nan,inf;inf,50
`;

describe('importTrials', () => {
  it('reads the exported script’s CSV into trial records, in trial order', () => {
    const r = importTrials(good, space);
    if (!r.ok) throw new Error(r.error);
    expect(r.params).toEqual(['lr', 'units', 'optimizer']);
    expect(r.trials.map((t) => t.index)).toEqual([0, 1, 2]);
    expect(r.trials[1]).toEqual({ index: 1, trial: { lr: 0.01, units: 4, optimizer: 'adam' }, mean: 0.31, std: 0.01, folds: [0.3, 0.32], ms: 120.5 });
    expect(r.trials[2].mean).toBe(Infinity);
  });

  it('reads the page’s own columns pruned and stopped_at back, and accepts its params column', () => {
    const r = importTrials('number,lr,units,optimizer,value,std,folds,duration_ms,pruned,stopped_at,params\n0,0.01,4,adam,0.3,0,0.3,10,true,2,33\n1,0.02,8,sgd,0.2,0,0.2,12,false,,65\n', space);
    if (!r.ok) throw new Error(r.error);
    expect(r.trials[0]).toMatchObject({ pruned: true, stoppedAt: 2 });
    expect(r.trials[1].pruned).toBe(false);
    expect(r.trials[1].stoppedAt).toBeUndefined();
  });

  it('without a space, checks the parameters’ own limits only', () => {
    const r = importTrials('number,lr,value\n0,0.5,0.2\n');
    expect(r.ok && r.trials[0].trial).toEqual({ lr: 0.5 });
    expect(r.ok && r.trials[0].folds).toEqual([0.2]);
  });

  it.each([
    ['', /empty/],
    ['number,lr,units,optimizer,std\n0,0.01,4,adam,0.1\n', /"value" is missing/],
    ['number,lr,units,optimizer,value,colour\n0,0.01,4,adam,0.1,red\n', /unknown column "colour"/],
    ['number,lr,units,value\n0,0.01,4,0.1\n', /lacks the searched parameter optimizer/],
    ['number,lr,units,optimizer,batch,value\n0,0.01,4,adam,10,0.1\n', /batch that this search does not vary/],
    ['number,lr,units,optimizer,value\n', /no trials/],
    ['number,lr,units,optimizer,value,pruned\n0,0.01,4,adam,0.1,maybe\n', /line 2: pruned must be true or false/],
    ['number,lr,units,optimizer,value,stopped_at\n0,0.01,4,adam,0.1,2.5\n', /line 2: stopped_at must be a whole number/],
    ['number,lr,units,optimizer,value\n0,0.9,4,adam,0.1\n', /line 2: Learning rate 0.9 lies outside the search's range/],
    ['number,lr,units,optimizer,value\n0,0.01,16,adam,0.1\n', /line 2: .*16 is not one of the search's values/],
    ['number,lr,units,optimizer,value\n0,0.01,4,nesterov,0.1\n', /Optimizer must be one of/],
    ['number,lr,units,optimizer,value\n0,0.01,4,adam,0.1\n0,0.02,4,sgd,0.2\n', /line 3: trial 0 appears twice/],
    ['number,lr,units,optimizer,value\n0,0.01,4,adam,abc\n', /value must be a number/],
    ['number,lr,units,optimizer,value\n0,0.01,4,adam\n', /line 2 has 4 fields/],
  ])('refuses a bad file with the reason (%#)', (text, why) => {
    const r = importTrials(text, space);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(why);
  });

  it('reads a conditional setting from the rows where it exists and refuses it where it does not', () => {
    const cond: SearchSpace = { optimizer: { kind: 'list', values: ['adam', 'momentum'] }, momentum: { kind: 'range', min: 0.5, max: 0.99, scale: 'linear' } };
    const r = importTrials('number,optimizer,momentum,value\n0,adam,,0.3\n1,momentum,0.9,0.2\n', cond);
    if (!r.ok) throw new Error(r.error);
    expect(r.trials.map((t) => t.trial)).toEqual([{ optimizer: 'adam' }, { optimizer: 'momentum', momentum: 0.9 }]);
    const given = importTrials('number,optimizer,momentum,value\n0,adam,0.9,0.3\n', cond);
    expect(!given.ok && given.error).toMatch(/line 2: Momentum β is given \(0\.9\) but does not exist for this trial/);
    const missing = importTrials('number,optimizer,momentum,value\n0,momentum,,0.3\n', cond);
    expect(!missing.ok && missing.error).toMatch(/line 2: Momentum β must be a number/);
  });
});

