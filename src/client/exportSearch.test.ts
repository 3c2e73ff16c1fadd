import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { importTrials } from '../search/importTrials';
import type { SearchSpec, TrialRecord } from '../search/types';
import { DEFAULT_CONFIG } from '../shared/config';
import { exportSearch, trialsCsv } from './exportSearch';

const spec: SearchSpec = {
  strategy: 'grid',
  space: { lr: { kind: 'list', values: [0.1, 0.01] }, optimizer: { kind: 'list', values: ['sgd', 'adam'] } },
  budget: 10,
  folds: 2,
  epochs: 5,
  seed: 1,
  objective: 'loss',
};
const trials: TrialRecord[] = [
  { index: 1, trial: { lr: 0.01, optimizer: 'sgd' }, folds: [0.4, 0.6], mean: 0.5, std: 0.1, ms: 12.34 },
  { index: 0, trial: { lr: 0.1, optimizer: 'sgd' }, folds: [NaN, NaN], mean: NaN, std: NaN, ms: 3 },
];
const initial = useStore.getState().search;
afterEach(() => useStore.getState().setSearch(initial));

describe('exportSearch', () => {
  it('the trials CSV imports back as the same trials', () => {
    const csv = trialsCsv(spec, trials);
    expect(csv.split(/\r?\n/)[0]).toBe('number,lr,optimizer,value,std,folds,duration_ms,pruned,stopped_at');
    const r = importTrials(csv, spec.space);
    if (!r.ok) throw new Error(r.error);
    expect(r.trials).toEqual([
      { ...trials[1], ms: 3, pruned: false },
      { ...trials[0], ms: 12.3, pruned: false },
    ]);
  });

  it('writes whether each trial was pruned, where it stopped and, for a two-objective search, its parameter count; reads them back', () => {
    const pruned: TrialRecord[] = [
      { ...trials[0], pruned: true, stoppedAt: 3, intermediate: [0.7, 0.6, 0.5] },
      { ...trials[1], index: 2, mean: 0.4, folds: [0.4, 0.4], std: 0, stoppedAt: 5 },
    ];
    const shape = { config: { ...DEFAULT_CONFIG, layers: [4], activations: DEFAULT_CONFIG.activations.slice(0, 1), dropout: DEFAULT_CONFIG.dropout.slice(0, 1), batchnorm: [false] }, inputs: 2, outputs: 1 };
    const csv = trialsCsv({ ...spec, objectives: ['loss', 'params'] }, pruned, shape);
    const lines = csv.split(/\r?\n/);
    expect(lines[0]).toBe('number,lr,optimizer,value,std,folds,duration_ms,pruned,stopped_at,params');
    // 2 inputs → 4 → 1 output: 2·4 + 4 + 4 + 1 = 17 parameters.
    expect(lines[1]).toBe('1,0.01,sgd,0.5,0.1,0.4;0.6,12.3,true,3,17');
    expect(lines[2]).toBe('2,0.1,sgd,0.4,0,0.4;0.4,3,false,5,17');
    expect(lines).toHaveLength(3);
    const r = importTrials(csv, spec.space);
    if (!r.ok) throw new Error(r.error);
    expect(r.trials.map((t) => [t.index, t.pruned, t.stoppedAt])).toEqual([
      [1, true, 3],
      [2, false, 5],
    ]);
  });

  it('exports the last finished search as json, csv and an Optuna script; refuses before any search', async () => {
    await expect(exportSearch('json')).rejects.toThrow(/no search/);
    useStore.getState().setSearch({ status: 'done', spec, trials: [trials[0]] });
    const json = JSON.parse(await exportSearch('json')) as { spec: SearchSpec; trials: TrialRecord[] };
    expect(json.spec).toEqual(spec);
    expect(json.trials).toHaveLength(1);
    expect(await exportSearch('csv')).toContain('1,0.01,sgd,0.5,0.1,0.4;0.6,12.3,false,');
    const script = await exportSearch('optuna');
    expect(script).toContain('p["lr"] = trial.suggest_categorical("lr", [0.1, 0.01])');
    expect(script).toContain('GridSampler');
    await expect(exportSearch('xml' as never)).rejects.toThrow(/json, csv or optuna/);
  });
});
