// The shipped digits: the file built from the `mnist` package decodes to balanced, labelled
// 28 × 28 images; the stratified choice is balanced, seeded and within the file.
import { describe, expect, it } from 'vitest';
import { buildDigitsFile } from '../build/digitsAsset';
import { chooseDigits, decodeDigits, digitInputs, DIGIT_PIXELS, encodeDigits } from './digits';

const file = decodeDigits(buildDigitsFile());

describe('the digits file', () => {
  it('holds about 10,000 images, every digit about a tenth of them, pixels 0–255 with ink in each', () => {
    expect(file.n).toBeGreaterThanOrEqual(9000);
    expect(file.pixels.length).toBe(file.n * DIGIT_PIXELS);
    const counts = new Array<number>(10).fill(0);
    for (const l of file.labels) counts[l]++;
    for (const c of counts) expect(c / file.n).toBeGreaterThan(0.07);
    for (const c of counts) expect(c / file.n).toBeLessThan(0.13);
    // Every image has some ink and some background.
    for (let i = 0; i < file.n; i += 97) {
      const img = file.pixels.subarray(i * DIGIT_PIXELS, (i + 1) * DIGIT_PIXELS);
      expect(Math.max(...img)).toBeGreaterThan(128);
      expect(img.filter((p) => p === 0).length).toBeGreaterThan(DIGIT_PIXELS / 2);
    }
  });

  it('round-trips: encode then decode gives back the labels and the pixels to 1/255', () => {
    const a = Array.from({ length: DIGIT_PIXELS * 2 }, (_, i) => (i % 7) / 6);
    const b = Array.from({ length: DIGIT_PIXELS }, (_, i) => (i % 3) / 2);
    const d = decodeDigits(encodeDigits([a, b]));
    expect(d.n).toBe(3);
    expect([...d.labels]).toEqual([0, 0, 1]);
    const x = digitInputs(d, Int32Array.from([2]));
    x.forEach((v, i) => expect(Math.abs(v - b[i])).toBeLessThanOrEqual(0.5 / 255 + 1e-7));
  });

  it('refuses what is not a digits file', () => {
    expect(() => decodeDigits(new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]))).toThrow('not a DGT1 file');
    expect(() => decodeDigits(buildDigitsFile().subarray(0, 100))).toThrow(/should hold/);
  });
});

describe('chooseDigits', () => {
  it('is balanced over the ten digits, without repeats, the same for a seed and different for another', () => {
    const pick = chooseDigits(file, 2005, 1);
    expect(pick).toHaveLength(2005);
    expect(new Set(pick).size).toBe(2005);
    const counts = new Array<number>(10).fill(0);
    for (const i of pick) counts[file.labels[i]]++;
    expect(counts).toEqual([201, 201, 201, 201, 201, 200, 200, 200, 200, 200]);
    expect(chooseDigits(file, 2005, 1)).toEqual(pick);
    expect(chooseDigits(file, 2005, 2)).not.toEqual(pick);
    // Shuffled: not in label order.
    const labels = [...pick.slice(0, 50)].map((i) => file.labels[i]);
    expect(labels).not.toEqual([...labels].sort());
  });

  it('refuses a count outside 10 … the file size', () => {
    expect(() => chooseDigits(file, 5, 1)).toThrow(/from 10 to/);
    expect(() => chooseDigits(file, file.n + 1, 1)).toThrow(/from 10 to/);
    expect(() => chooseDigits(file, 12.5, 1)).toThrow(/whole number/);
  });
});
