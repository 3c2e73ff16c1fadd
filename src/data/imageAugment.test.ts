// Image augmentation keeps the shape and the pixel range, is seeded by (seed, epoch), changes
// nothing when off, and each transform does what it says on a test pattern.
import { describe, expect, it } from 'vitest';
import { augmentImages, NO_IMAGE_AUGMENT, type ImageAugment } from './imageAugment';

const SIDE = 8;
/** Two images: a vertical bar in column 2, and a dot at (row 1, column 6). */
function pattern(): Float32Array {
  const x = new Float32Array(2 * SIDE * SIDE);
  for (let r = 0; r < SIDE; r++) x[r * SIDE + 2] = 1;
  x[SIDE * SIDE + 1 * SIDE + 6] = 1;
  return x;
}
const aug = (p: Partial<ImageAugment>) => ({ ...NO_IMAGE_AUGMENT, ...p });

describe('augmentImages', () => {
  it('keeps shape and range 0–1, is the same for a seed and epoch, and differs for another epoch', () => {
    const x = pattern();
    const a = aug({ shift: 2, rotate: 15, zoom: 0.1, noise: 0.2, flip: true });
    const y = augmentImages(x, SIDE, a, 1, 3);
    expect(y).toHaveLength(x.length);
    for (const v of y) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    expect(augmentImages(x, SIDE, a, 1, 3)).toEqual(y);
    expect(augmentImages(x, SIDE, a, 1, 4)).not.toEqual(y);
    expect(x).toEqual(pattern()); // the input is untouched
  });

  it('changes nothing when off', () => {
    expect(augmentImages(pattern(), SIDE, NO_IMAGE_AUGMENT, 1, 0)).toEqual(pattern());
  });

  it('a flip mirrors the bar from column 2 to column 5, on the images it picks', () => {
    const y = augmentImages(pattern(), SIDE, aug({ flip: true }), 2, 0);
    const col = (img: number, c: number) => Array.from({ length: SIDE }, (_, r) => y[img * SIDE * SIDE + r * SIDE + c]);
    const mirrored = col(0, 5).every((v) => v === 1) && col(0, 2).every((v) => v === 0);
    const kept = col(0, 2).every((v) => v === 1);
    expect(mirrored || kept).toBe(true);
    // Over many seeds both happen: a flip with probability ½.
    const flips = Array.from({ length: 40 }, (_, s) => augmentImages(pattern(), SIDE, aug({ flip: true }), s, 0)[5] === 1).filter(Boolean).length;
    expect(flips).toBeGreaterThan(8);
    expect(flips).toBeLessThan(32);
  });

  it('a shift moves ink by at most its range and keeps the total ink of a bar within the image', () => {
    for (let s = 0; s < 20; s++) {
      const y = augmentImages(pattern(), SIDE, aug({ shift: 1 }), s, 0);
      // The bar's ink stays within columns 1–3.
      for (let r = 0; r < SIDE; r++) for (let c = 0; c < SIDE; c++) if (c < 1 || c > 3) expect(y[r * SIDE + c]).toBeCloseTo(0, 6);
    }
  });

  it('refuses data that are not whole images', () => {
    expect(() => augmentImages(new Float32Array(10), SIDE, aug({ shift: 1 }), 1, 0)).toThrow(/whole 8 × 8/);
  });
});
