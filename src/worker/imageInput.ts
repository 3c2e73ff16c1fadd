// The one check of an image handed to the worker by the page or a script (predictImage,
// featureMaps): 784 values from 0 to 1, row by row, as src/data/drawnDigit.ts prepares a drawing.
import { DIGIT_PIXELS } from '../data/digits';

export function checkImagePixels(pixels: ArrayLike<number>): Float32Array {
  if (!pixels || typeof pixels.length !== 'number') throw new TypeError(`an image must be ${DIGIT_PIXELS} numbers from 0 to 1 (28 × 28, row by row)`);
  if (pixels.length !== DIGIT_PIXELS) throw new RangeError(`an image must be ${DIGIT_PIXELS} numbers from 0 to 1 (28 × 28, row by row); got ${pixels.length}`);
  for (let i = 0; i < pixels.length; i++) {
    const v = pixels[i];
    if (!(typeof v === 'number' && v >= 0 && v <= 1)) throw new RangeError(`an image's values must be numbers from 0 to 1; value ${i} is ${String(v)}`);
  }
  return Float32Array.from(pixels);
}
