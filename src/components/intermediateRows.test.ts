import { describe, expect, it } from 'vitest';
import type { TrialRecord } from '../search/types';
import { intermediateRows } from './IntermediateChart';

const trial = (index: number, intermediate: number[], pruned = false): TrialRecord => ({ index, trial: {}, folds: [intermediate.at(-1)!], mean: intermediate.at(-1)!, std: 0, ms: 1, intermediate, pruned, stoppedAt: intermediate.length });

describe('intermediateRows', () => {
  it('one row per epoch, each trial’s value until its stop, null after it', () => {
    const rows = intermediateRows([trial(0, [0.9, 0.5, 0.3]), trial(3, [1.2], true)], false);
    expect(rows).toEqual([
      { epoch: 1, t0: 0.9, t3: 1.2 },
      { epoch: 2, t0: 0.5, t3: null },
      { epoch: 3, t0: 0.3, t3: null },
    ]);
  });

  it('leaves out what a log axis cannot show (zero, negative, NaN)', () => {
    const rows = intermediateRows([trial(1, [0, -1, NaN, 0.2])], true);
    expect(rows.map((r) => r.t1)).toEqual([null, null, null, 0.2]);
    expect(intermediateRows([trial(1, [0, 0.2])], false).map((r) => r.t1)).toEqual([0, 0.2]);
  });
});
