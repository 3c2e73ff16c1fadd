// A drawn digit is scaled into a 20 × 20 box and centred by its mass in 28 × 28, wherever and
// however large it was drawn.
import { describe, expect, it } from 'vitest';
import { prepareDrawnDigit } from './drawnDigit';

/** A w × h pad with a filled rectangle of ink. */
function pad(w: number, h: number, rect: [number, number, number, number]): Float32Array {
  const ink = new Float32Array(w * h);
  const [x0, y0, x1, y1] = rect;
  for (let y = y0; y <= y1; y++) for (let x = x0; x <= x1; x++) ink[y * w + x] = 1;
  return ink;
}

function stats(d: Float32Array) {
  let mass = 0;
  let mx = 0;
  let my = 0;
  let xs = [Infinity, -Infinity];
  let ys = [Infinity, -Infinity];
  d.forEach((v, i) => {
    if (v <= 0.05) return;
    const x = i % 28;
    const y = Math.floor(i / 28);
    mass += v;
    mx += v * x;
    my += v * y;
    xs = [Math.min(xs[0], x), Math.max(xs[1], x)];
    ys = [Math.min(ys[0], y), Math.max(ys[1], y)];
  });
  return { cx: mx / mass, cy: my / mass, width: xs[1] - xs[0] + 1, height: ys[1] - ys[0] + 1 };
}

describe('prepareDrawnDigit', () => {
  it('scales a tall stroke to 20 pixels high, keeps its aspect, and centres it, wherever it was drawn', () => {
    for (const rect of [[10, 10, 29, 89], [200, 150, 219, 229]] as [number, number, number, number][]) {
      const d = prepareDrawnDigit(pad(280, 280, rect), 280, 280);
      const s = stats(d);
      expect(s.height).toBe(20);
      expect(s.width).toBe(5); // 20 wide × 80 high → 5 × 20
      expect(Math.abs(s.cx - 13.5)).toBeLessThanOrEqual(1);
      expect(Math.abs(s.cy - 13.5)).toBeLessThanOrEqual(1);
      for (const v of d) expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('gives the same digit for a small and a large drawing of the same shape', () => {
    const small = prepareDrawnDigit(pad(140, 140, [20, 20, 39, 59]), 140, 140);
    const large = prepareDrawnDigit(pad(280, 280, [40, 40, 79, 119]), 280, 280);
    const diff = small.reduce((a, v, i) => a + Math.abs(v - large[i]), 0);
    expect(diff).toBeLessThan(1);
  });

  it('is blank for a blank pad', () => {
    expect(prepareDrawnDigit(new Float32Array(100), 10, 10).every((v) => v === 0)).toBe(true);
  });
});
