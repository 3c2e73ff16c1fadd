import { describe, expect, it } from 'vitest';
import { stepValue } from './numberStep';

describe('stepValue', () => {
  it('whole numbers step by 1, Shift by 10, inside the range', () => {
    expect(stepValue('batch', 32, 1)).toBe(33);
    expect(stepValue('batch', 32, -1, true)).toBe(22);
    expect(stepValue('batch', 1, -1)).toBe(1);
    expect(stepValue('trainPct', 90, 1)).toBe(90);
  });
  it('real numbers step by their leading digit', () => {
    expect(stepValue('lr', 0.03, 1)).toBe(0.04);
    expect(stepValue('lr', 0.03, -1)).toBe(0.02);
    expect(stepValue('lr', 0.1, -1)).toBe(0.09);
    expect(stepValue('lr', 0.1, 1)).toBe(0.2);
    expect(stepValue('noise', 0.2, 1)).toBe(0.3);
    expect(stepValue('l2', 0.001, 1, true)).toBe(0.011);
  });
  it('zero steps by a hundredth of the range and never goes below the minimum', () => {
    expect(stepValue('l2', 0, 1)).toBe(0.01);
    expect(stepValue('l2', 0, -1)).toBe(0);
    expect(stepValue('l2', 1, 1)).toBe(1);
    expect(stepValue('lr', 0.00001, -1)).toBe(0.00001);
  });
});
