// The digits of the image transfer tasks: some of the ten digits (0–4 for the source, 5–9 for
// the target), relabelled 0…k−1. Validation is the main run's validation images of those digits
// (splitDigits: 50 per digit, fixed by the seed alone), so every training-set size is judged on
// the same images; training images are a balanced, seeded choice among the digits' other images
// (chooseDigits per digit, so a smaller set is nested in a larger one).
import { chooseDigits, DIGIT_PIXELS, type Digits } from '../data/digits';
import { hashSeed } from '../data/random';
import type { TaskData } from '../transfer/tasks';
import { digitArrays, loadDigits, splitDigits } from './digitsSource';

/** Training-image indices (into the file) of `digits`, balanced, outside the held-out images. */
export function chooseAmong(d: Digits, digits: readonly number[], count: number, seed: number, heldOut: ReadonlySet<number>): Int32Array {
  const pool: number[] = [];
  for (let i = 0; i < d.n; i++) if (!heldOut.has(i) && digits.includes(d.labels[i])) pool.push(i);
  if (count > pool.length) throw new RangeError(`only ${pool.length} training images of digits ${digits.join(', ')} are there (asked for ${count})`);
  const chosen = chooseDigits({ n: pool.length, labels: Uint8Array.from(pool, (i) => d.labels[i]) }, count, seed);
  return Int32Array.from(chosen, (k) => pool[k]);
}

/** A task's data: `nTrain` balanced training images of `digits` and their fixed validation images, labels relabelled. */
export async function digitsTaskData(digits: readonly number[], key: string, nTrain: number, seed: number): Promise<TaskData> {
  const d = await loadDigits();
  const { val, test } = splitDigits(d, 10, seed);
  const held = new Set([...val, ...test]);
  const train = chooseAmong(d, digits, Math.round(nTrain), hashSeed(seed, 'transfer-images', key), held);
  const valIdx = val.filter((i) => digits.includes(d.labels[i]));
  const part = (idx: Int32Array) => {
    const a = digitArrays(d, idx);
    return { x: a.x, y: Float32Array.from(a.y, (v) => digits.indexOf(v)), n: a.n };
  };
  return { inputs: DIGIT_PIXELS, classes: digits.length, train: part(train), val: part(valIdx), classNames: digits.map(String) };
}
