// Every string in one language has its counterpart in the other: the same keys, no empty text,
// the same {{placeholders}}, and Chinese text that is not just the English left in place.
import { describe, expect, it } from 'vitest';
import { en } from './locales/en';
import { zh } from './locales/zh';
import { compareLanguages, type Tree } from './compare';

describe('the two languages', () => {
  it('have the same keys and placeholders in every namespace', () => {
    expect(compareLanguages(en as unknown as Tree, zh as unknown as Tree)).toEqual([]);
  });

  it('the check itself catches a missing key, an extra key and a lost placeholder', () => {
    expect(compareLanguages({ a: { b: 'x {{n}}', c: 'y' } }, { a: { b: 'x' }, d: 'z' })).toEqual(['a.b: placeholders differ (n vs )', 'a.c: no Chinese text', 'd: no English text']);
  });
});
