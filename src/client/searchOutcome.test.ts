import { describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { parameterCount } from '../search/objectives';
import type { SearchSpec, TrialRecord } from '../search/types';
import { createAnalysisApi } from '../worker/analysisApi';
import { modelShape, searchOutcome as outcome } from './searchOutcome';

// The analysis worker's own API, in-process.
const searchOutcome = (s: SearchSpec, t: readonly TrialRecord[]) => outcome(s, t, createAnalysisApi().importance);

const spec: SearchSpec = {
  strategy: 'grid',
  space: { lr: { kind: 'list', values: [0.1, 0.01] }, units: { kind: 'list', values: [2, 8] } },
  budget: 4,
  folds: 1,
  epochs: 5,
  seed: 1,
  objective: 'loss',
};
const rec = (index: number, lr: number, units: number, mean: number, ms: number): TrialRecord => ({ index, trial: { lr, units }, mean, std: 0, folds: [mean], ms });
// Units do not change the loss here, only the parameter count; time falls with the trial number.
const trials = [rec(0, 0.1, 2, 0.5, 40), rec(1, 0.1, 8, 0.5, 30), rec(2, 0.01, 2, 0.2, 20), rec(3, 0.01, 8, 0.2, 10)];

describe('searchOutcome', () => {
  it('has the importance, and no front for one objective', async () => {
    const r = await searchOutcome(spec, trials);
    expect(r.importance.map((i) => i.key)).toEqual(['lr', 'units']);
    expect(r.importance[1].importance).toBeLessThan(0.01);
    expect(r).not.toHaveProperty('pareto');
  });

  it('fronts by the training time or by the parameter count of the page’s config', async () => {
    expect((await searchOutcome({ ...spec, objectives: ['loss', 'time'] }, trials)).pareto!.map((t) => t.index)).toEqual([3]);
    // Same loss, fewer units → fewer parameters: trial 2 beats trial 3.
    expect((await searchOutcome({ ...spec, objectives: ['loss', 'params'] }, trials)).pareto!.map((t) => t.index)).toEqual([2]);
  });

  it('counts parameters from the config and the data’s widths as the Model panel does', () => {
    const s = useStore.getState();
    const shape = modelShape(s);
    expect(shape.inputs).toBe(s.config.features.length);
    expect(parameterCount(shape.inputs, s.config.layers, shape.outputs)).toBeGreaterThan(0);
  });
});
