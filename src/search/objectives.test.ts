import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { parameterCount, secondValue } from './objectives';
import type { TrialRecord } from './types';

const rec = (trial: TrialRecord['trial'], ms = 1234): TrialRecord => ({ index: 0, trial, mean: 0.1, std: 0, folds: [0.1], ms });

describe('second objectives', () => {
  it('counts weights and biases of each dense layer, and batch norm’s scale and shift', () => {
    // 2 → 4 → 1: 2·4 + 4 + 4·1 + 1 = 17.
    expect(parameterCount(2, [4], 1)).toBe(17);
    expect(parameterCount(3, [], 2)).toBe(8);
    expect(parameterCount(2, [4, 3], 1, [true, false])).toBe(2 * 4 + 4 + 4 * 3 + 3 + 3 + 1 + 8);
  });

  it('reads the parameter count from the config with the trial applied, and the time from ms', () => {
    const shape = { config: { ...DEFAULT_CONFIG, batchnorm: [false, false] }, inputs: 2, outputs: 1 };
    expect(secondValue(rec({ layers: 1, units: 8 }), 'params', shape)).toBe(2 * 8 + 8 + 8 + 1);
    expect(secondValue(rec({ layers: 2, units: 3 }), 'params', shape)).toBe(2 * 3 + 3 + 3 * 3 + 3 + 3 + 1);
    expect(secondValue(rec({ lr: 0.1 }), 'time', shape)).toBe(1234);
    expect(secondValue(rec({ lr: 0.1 }), 'params', null)).toBeNaN();
  });
});
