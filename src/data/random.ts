// Seeded randomness for data generation and splitting. Everything downstream must be
// reproducible from the config's seed alone, so nothing here touches Math.random.

/** A source of floats in [0, 1). */
export type Rand = () => number;

/** Small, fast 32-bit generator; quality is ample for sampling toy data sets. */
export function mulberry32(seed: number): Rand {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const view = new DataView(new ArrayBuffer(8));

function fnvByte(h: number, b: number): number {
  return Math.imul(h ^ (b & 0xff), FNV_PRIME);
}

function fnvWord(h: number, w: number): number {
  for (let s = 0; s < 32; s += 8) h = fnvByte(h, w >>> s);
  return h;
}

/**
 * Mixes a seed with salts into one 32-bit unsigned seed, so that e.g. the shape and the noise
 * of a data set come from independent streams. Parts are type-tagged and length-prefixed, so
 * ('ab') and ('a', 'b') or (1) and ('1') never collide by construction.
 */
export function hashSeed(...parts: (number | string)[]): number {
  let h = FNV_OFFSET;
  for (const p of parts) {
    if (typeof p === 'number') {
      // Hash the float64 bits (little-endian, fixed) so fractional values are distinct too.
      view.setFloat64(0, p === 0 ? 0 : p, true);
      h = fnvByte(h, 0);
      h = fnvWord(h, view.getUint32(0, true));
      h = fnvWord(h, view.getUint32(4, true));
    } else {
      h = fnvByte(h, 1);
      h = fnvWord(h, p.length);
      for (let i = 0; i < p.length; i++) {
        const c = p.charCodeAt(i);
        h = fnvByte(h, c);
        h = fnvByte(h, c >>> 8);
      }
    }
  }
  // FNV alone avalanches poorly in the last bytes; murmur3's finaliser fixes that.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Standard normal draw (Box–Muller). Uses exactly two draws, so streams stay aligned. */
export function gaussian(rand: Rand): number {
  const u1 = 1 - rand(); // (0, 1]: keeps log finite
  const u2 = rand();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/** Fisher–Yates shuffle in place. */
export function shuffleInPlace<T>(arr: T[] | Int32Array, rand: Rand): void {
  // A union of array types cannot be written through directly; both index the same way.
  const a = arr as unknown as { [i: number]: unknown; length: number };
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    const t = a[i];
    a[i] = a[j];
    a[j] = t;
  }
}
