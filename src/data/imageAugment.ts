// Augmentation for images, fresh every epoch in the worker: random shifts, small rotations, zoom,
// Gaussian noise and horizontal flips, each with its range. One affine map per image (rotation
// and zoom about the centre, then the shift), sampled bilinearly; outside the image is
// background (0). Pure and seeded: the same seed and epoch give the same images. A flip is not
// label-preserving for digits (a flipped 2 is not a 2): the lesson shows what it costs.
import { hashSeed, mulberry32 } from './random';

export interface ImageAugment {
  /** Largest shift, in pixels, each way (0 = off). */
  shift: number;
  /** Largest rotation, in degrees, each way (0 = off). */
  rotate: number;
  /** Largest zoom in or out, as a fraction (0.1 = 90%–110%; 0 = off). */
  zoom: number;
  /** Standard deviation of the added noise, in pixel values 0–1 (0 = off); the result is clipped to 0–1. */
  noise: number;
  /** Mirror left–right with probability ½. */
  flip: boolean;
}

export const NO_IMAGE_AUGMENT: ImageAugment = { shift: 0, rotate: 0, zoom: 0, noise: 0, flip: false };

export function isAugmenting(a: ImageAugment): boolean {
  return a.shift > 0 || a.rotate > 0 || a.zoom > 0 || a.noise > 0 || a.flip;
}

/** Standard normal from a uniform source (Box–Muller). */
function gauss(rand: () => number): number {
  const u = 1 - rand();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rand());
}

/**
 * The images x (n × side × side, values 0–1) augmented for `epoch`: a new array, x untouched.
 * Each image draws its own shift, angle, zoom, flip and noise from (seed, epoch).
 */
export function augmentImages(x: Float32Array, side: number, a: ImageAugment, seed: number, epoch: number): Float32Array {
  const px = side * side;
  const n = x.length / px;
  if (!Number.isInteger(n)) throw new RangeError(`the images do not fill whole ${side} × ${side} squares`);
  const out = new Float32Array(x.length);
  if (!isAugmenting(a)) {
    out.set(x);
    return out;
  }
  const rand = mulberry32(hashSeed(seed, `image-augment-${epoch}`));
  const c = (side - 1) / 2;
  for (let i = 0; i < n; i++) {
    const dx = (rand() * 2 - 1) * a.shift;
    const dy = (rand() * 2 - 1) * a.shift;
    const angle = (((rand() * 2 - 1) * a.rotate) * Math.PI) / 180;
    const scale = 1 + (rand() * 2 - 1) * a.zoom;
    const flip = a.flip && rand() < 0.5;
    const cos = Math.cos(angle) / scale;
    const sin = Math.sin(angle) / scale;
    const src = x.subarray(i * px, (i + 1) * px);
    const dst = out.subarray(i * px, (i + 1) * px);
    for (let y = 0; y < side; y++) {
      for (let xo = 0; xo < side; xo++) {
        // The inverse map: where in the source this output pixel comes from.
        const u0 = (flip ? side - 1 - xo : xo) - c - dx;
        const v0 = y - c - dy;
        const u = cos * u0 + sin * v0 + c;
        const v = -sin * u0 + cos * v0 + c;
        const x0 = Math.floor(u);
        const y0 = Math.floor(v);
        const fu = u - x0;
        const fv = v - y0;
        const at = (xx: number, yy: number) => (xx >= 0 && xx < side && yy >= 0 && yy < side ? src[yy * side + xx] : 0);
        const value = (1 - fv) * ((1 - fu) * at(x0, y0) + fu * at(x0 + 1, y0)) + fv * ((1 - fu) * at(x0, y0 + 1) + fu * at(x0 + 1, y0 + 1));
        dst[y * side + xo] = value;
      }
    }
    if (a.noise > 0) for (let p = 0; p < px; p++) dst[p] = Math.min(1, Math.max(0, dst[p] + a.noise * gauss(rand)));
  }
  return out;
}
