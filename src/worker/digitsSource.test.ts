import { beforeAll, describe, expect, it } from 'vitest';
import { gzipSync } from 'node:zlib';
import { buildDigitsFile } from '../build/digitsAsset';
import { digitArrays, loadDigits, setDigitsLoader, splitDigits, TEST_PER_DIGIT, VAL_PER_DIGIT } from './digitsSource';
import type { Digits } from '../data/digits';

let d: Digits;
beforeAll(async () => {
  const bytes = buildDigitsFile();
  // As the browser gets it: gzipped, unpacked by the worker.
  setDigitsLoader(async () => gzipSync(bytes));
  d = await loadDigits();
});

const counts = (d: Digits, idx: Int32Array) => {
  const c = new Array(10).fill(0);
  idx.forEach((i) => c[d.labels[i]]++);
  return c;
};

describe('the digits in the worker', () => {
  it('unpacks the gzipped file', () => {
    expect(d.n).toBe(10000);
  });

  it('splits into balanced, disjoint training, validation and test images', () => {
    const s = splitDigits(d, 2000, 7);
    expect(counts(d, s.train)).toEqual(new Array(10).fill(200));
    expect(counts(d, s.val)).toEqual(new Array(10).fill(VAL_PER_DIGIT));
    expect(counts(d, s.test)).toEqual(new Array(10).fill(TEST_PER_DIGIT));
    const all = new Set([...s.train, ...s.val, ...s.test]);
    expect(all.size).toBe(2000 + 10 * (VAL_PER_DIGIT + TEST_PER_DIGIT));
  });

  it('keeps validation and test whatever the number of training images; the seed changes them', () => {
    const a = splitDigits(d, 500, 3);
    const b = splitDigits(d, 8000, 3);
    expect(Array.from(b.val)).toEqual(Array.from(a.val));
    expect(Array.from(b.test)).toEqual(Array.from(a.test));
    expect(b.train.length).toBe(8000);
    // As balanced as the file allows: it has fewer 5s than 800 once validation and test took theirs.
    const c = counts(d, b.train);
    expect(Math.max(...c) - Math.min(...c.filter((_, k) => k !== 5))).toBeLessThanOrEqual(1);
    expect(c[5]).toBe(863 - VAL_PER_DIGIT - TEST_PER_DIGIT);
    expect(Array.from(splitDigits(d, 500, 4).val)).not.toEqual(Array.from(a.val));
    expect(Array.from(splitDigits(d, 500, 3).train)).toEqual(Array.from(a.train));
  });

  it('gives inputs in 0–1 and labels', () => {
    const s = splitDigits(d, 100, 1);
    const a = digitArrays(d, s.train);
    expect(a.x.length).toBe(100 * 784);
    expect(Math.max(...a.x)).toBeLessThanOrEqual(1);
    expect(Math.min(...a.x)).toBe(0);
    expect(a.y[0]).toBe(d.labels[s.train[0]]);
  });
});
