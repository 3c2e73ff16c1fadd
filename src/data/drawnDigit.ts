// A digit drawn on the pad, made to look like the training digits before the model sees it, as
// MNIST's own preparation did: the ink's bounding box scaled to fit 20 × 20 (aspect kept), then
// placed in the 28 × 28 square so its centre of mass is at the centre. Without it a digit drawn
// small or in a corner is a different picture from anything the model learnt.
import { DIGIT_SIDE } from './digits';

const BOX = 20;

/** The pad's ink (w × h, values 0–1, row by row) as a 28 × 28 digit; all zeros when nothing is drawn. */
export function prepareDrawnDigit(ink: Float32Array, w: number, h: number): Float32Array {
  const out = new Float32Array(DIGIT_SIDE * DIGIT_SIDE);
  let x0 = w;
  let y0 = h;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (ink[y * w + x] > 0.05) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  if (x1 < 0) return out;
  const bw = x1 - x0 + 1;
  const bh = y1 - y0 + 1;
  const scale = BOX / Math.max(bw, bh);
  const sw = Math.max(1, Math.round(bw * scale));
  const sh = Math.max(1, Math.round(bh * scale));
  // Box-filter the bounding box down (or up) to sw × sh: each target pixel averages its source area.
  const small = new Float32Array(sw * sh);
  for (let ty = 0; ty < sh; ty++) {
    for (let tx = 0; tx < sw; tx++) {
      const sx0 = x0 + (tx * bw) / sw;
      const sx1 = x0 + ((tx + 1) * bw) / sw;
      const sy0 = y0 + (ty * bh) / sh;
      const sy1 = y0 + ((ty + 1) * bh) / sh;
      let sum = 0;
      let area = 0;
      for (let y = Math.floor(sy0); y < Math.ceil(sy1); y++) {
        const cy = Math.min(y + 1, sy1) - Math.max(y, sy0);
        for (let x = Math.floor(sx0); x < Math.ceil(sx1); x++) {
          const cx = Math.min(x + 1, sx1) - Math.max(x, sx0);
          sum += ink[y * w + x] * cx * cy;
          area += cx * cy;
        }
      }
      small[ty * sw + tx] = area > 0 ? sum / area : 0;
    }
  }
  // The centre of mass of the scaled ink, placed at the square's centre.
  let mass = 0;
  let mx = 0;
  let my = 0;
  small.forEach((v, i) => {
    mass += v;
    mx += v * (i % sw);
    my += v * Math.floor(i / sw);
  });
  const ox = Math.round((DIGIT_SIDE - 1) / 2 - mx / mass);
  const oy = Math.round((DIGIT_SIDE - 1) / 2 - my / mass);
  for (let y = 0; y < sh; y++) {
    for (let x = 0; x < sw; x++) {
      const tx = x + ox;
      const ty = y + oy;
      if (tx >= 0 && tx < DIGIT_SIDE && ty >= 0 && ty < DIGIT_SIDE) out[ty * DIGIT_SIDE + tx] = Math.min(1, small[y * sw + x]);
    }
  }
  return out;
}
