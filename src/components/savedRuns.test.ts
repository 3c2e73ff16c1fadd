import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { buildRun, type SavedRun } from '../storage/records';
import { compareSettings, compareSummary, filterRuns, sortRuns } from './savedRuns';

function run(id: number, lr: number, valLoss: number, extra: Partial<typeof DEFAULT_CONFIG> = {}): SavedRun {
  const r = buildRun({
    config: { ...DEFAULT_CONFIG, lr, ...extra },
    runIndex: 0,
    epochs: [{ epoch: id * 10, trainLoss: valLoss, valLoss, trainAcc: null, valAcc: null }],
    test: null,
    diagnosis: { regime: id === 2 ? 'overfitting' : 'good fit', evidence: '' },
    backend: 'cpu',
    name: id === 3 ? 'Adam try' : '',
  });
  return { ...r, id };
}

const runs = [run(1, 0.1, 0.5), run(2, 0.03, 0.2), run(3, 0.3, 0.9, { optimizer: 'adam' })];

describe('saved runs table', () => {
  it('sorts by a metric or a setting, both ways', () => {
    expect(sortRuns(runs, { key: 'valLoss', dir: 'asc' }).map((r) => r.id)).toEqual([2, 1, 3]);
    expect(sortRuns(runs, { key: 'config.lr', dir: 'desc' }).map((r) => r.id)).toEqual([3, 1, 2]);
    expect(sortRuns(runs, { key: 'name', dir: 'asc' }).map((r) => r.id)).toEqual([3, 1, 2]);
  });

  it('filters by text or by a comparison', () => {
    expect(filterRuns(runs, 'config.optimizer', 'ADAM').map((r) => r.id)).toEqual([3]);
    expect(filterRuns(runs, 'valLoss', '<0.6').map((r) => r.id)).toEqual([1, 2]);
    expect(filterRuns(runs, 'config.lr', '=0.03').map((r) => r.id)).toEqual([2]);
    expect(filterRuns(runs, 'diagnosis', 'over').map((r) => r.id)).toEqual([2]);
    expect(filterRuns(runs, 'config.lr', ' ')).toHaveLength(3);
  });

  it('marks the settings that differ and names them', () => {
    const rows = compareSettings([runs[0], runs[2]]);
    expect(rows.filter((r) => r.differs).map((r) => r.key)).toEqual(['optimizer', 'lr']);
    expect(rows.find((r) => r.key === 'lr')?.values).toEqual(['0.1', '0.3']);
    expect(compareSummary([runs[0], runs[2]])).toEqual(['Run 1 → run 3: optimizer SGD → Adam, lr 0.1 → 0.3']);
    expect(compareSummary([runs[0], runs[0]])[0]).toMatch(/same settings/);
  });
});
