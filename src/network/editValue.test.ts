import { describe, expect, it } from 'vitest';
import { MAX_EDIT, parseEdit } from './editValue';

describe('parseEdit', () => {
  it('accepts numbers, with a typographic minus too', () => {
    expect(parseEdit(' 0.25 ')).toEqual({ value: 0.25 });
    expect(parseEdit('−1.5')).toEqual({ value: -1.5 });
    expect(parseEdit('1e-3')).toEqual({ value: 0.001 });
  });

  it('refuses anything else with a reason', () => {
    for (const t of ['', 'abc', '1,5', 'NaN', 'Infinity', String(MAX_EDIT * 2)]) expect(parseEdit(t)).toHaveProperty('error');
  });
});
