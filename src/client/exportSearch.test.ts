import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { importTrials } from '../search/importTrials';
import type { SearchSpec, TrialRecord } from '../search/types';
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
    expect(csv.split(/\r?\n/)[0]).toBe('number,lr,optimizer,value,std,folds,duration_ms');
    const r = importTrials(csv, spec.space);
    if (!r.ok) throw new Error(r.error);
    expect(r.trials).toEqual([{ ...trials[1], ms: 3 }, { ...trials[0], ms: 12.3 }]);
  });

  it('exports the last finished search as json, csv and an Optuna script; refuses before any search', async () => {
    await expect(exportSearch('json')).rejects.toThrow(/no search/);
    useStore.getState().setSearch({ status: 'done', spec, trials: [trials[0]] });
    const json = JSON.parse(await exportSearch('json')) as { spec: SearchSpec; trials: TrialRecord[] };
    expect(json.spec).toEqual(spec);
    expect(json.trials).toHaveLength(1);
    expect(await exportSearch('csv')).toContain('1,0.01,sgd,0.5,0.1,0.4;0.6,12.3');
    const script = await exportSearch('optuna');
    expect(script).toContain('p["lr"] = trial.suggest_categorical("lr", [0.1, 0.01])');
    expect(script).toContain('GridSampler');
    await expect(exportSearch('xml' as never)).rejects.toThrow(/json, csv or optuna/);
  });
});
