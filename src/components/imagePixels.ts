// Pure helpers for drawing greyscale images and maps onto canvases: ink dark on light (as on
// paper, the clearest for digits), a map scaled to its own range, and a filter's weights in
// diverging colours (blue negative, red positive, white zero). Kept apart from React so they test.

/** RGBA bytes of a greyscale image (values 0–`max`), ink dark on light. */
export function greyToRgba(values: ArrayLike<number>, max: number, out = new Uint8ClampedArray(values.length * 4)): Uint8ClampedArray {
  const s = max > 0 ? 255 / max : 0;
  for (let i = 0; i < values.length; i++) {
    const v = 255 - Math.max(0, Math.min(255, Math.round(values[i] * s)));
    out[i * 4] = v;
    out[i * 4 + 1] = v;
    out[i * 4 + 2] = v;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Diverging RGBA of signed weights: scaled by the largest magnitude, blue below zero, red above. */
export function divergingToRgba(values: ArrayLike<number>, out = new Uint8ClampedArray(values.length * 4)): Uint8ClampedArray {
  let m = 0;
  for (let i = 0; i < values.length; i++) m = Math.max(m, Math.abs(values[i]));
  for (let i = 0; i < values.length; i++) {
    const t = m > 0 ? values[i] / m : 0;
    const fade = Math.round(255 * (1 - Math.abs(t)));
    out[i * 4] = t >= 0 ? 255 : fade;
    out[i * 4 + 1] = fade;
    out[i * 4 + 2] = t >= 0 ? fade : 255;
    out[i * 4 + 3] = 255;
  }
  return out;
}

/** Channel `c` of an h × w × channels map (channels last), row by row. */
export function channelOf(data: ArrayLike<number>, h: number, w: number, channels: number, c: number): Float32Array {
  const out = new Float32Array(h * w);
  for (let i = 0; i < h * w; i++) out[i] = data[i * channels + c];
  return out;
}

/** Filter `f` of a k × k × inChannels × filters kernel (as tfjs stores it), input channel `ci`. */
export function filterOf(data: ArrayLike<number>, shape: readonly [number, number, number, number], f: number, ci = 0): Float32Array {
  const [kh, kw, cin, nf] = shape;
  const out = new Float32Array(kh * kw);
  for (let y = 0; y < kh; y++) for (let x = 0; x < kw; x++) out[y * kw + x] = data[((y * kw + x) * cin + ci) * nf + f];
  return out;
}

/** The largest value (at least a small positive floor, so an all-zero map draws blank, not as noise). */
export function maxOf(values: ArrayLike<number>): number {
  let m = 1e-6;
  for (let i = 0; i < values.length; i++) if (values[i] > m) m = values[i];
  return m;
}

/** Image `i` of n images of `px` bytes (0–255) as values 0–1. */
export function imageAt(pixels: Uint8Array, i: number, px: number): Float32Array {
  const out = new Float32Array(px);
  for (let j = 0; j < px; j++) out[j] = pixels[i * px + j] / 255;
  return out;
}
