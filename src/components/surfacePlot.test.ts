import { describe, expect, it } from 'vitest';
import { SURFACE_KEYS } from '../shared/lrLab';
import { SURFACES } from '../shared/surfaces';
import { clampStart, nudgeStart, plotScale, PLOT_H, PLOT_W, surfaceContours } from './surfacePlot';

describe('surface plot', () => {
  it.each(SURFACE_KEYS)('%s: one scale for both axes, and parameter ↔ SVG round trips', (key) => {
    const s = SURFACES[key];
    const sc = plotScale(s);
    expect((s.x[1] - s.x[0]) / PLOT_W).toBeCloseTo((s.y[1] - s.y[0]) / PLOT_H, 9);
    expect(sc.px(s.x[0])).toBeCloseTo(0, 9);
    expect(sc.py(s.y[1])).toBeCloseTo(0, 9);
    expect(sc.x(sc.px(0.3))).toBeCloseTo(0.3, 9);
    expect(sc.y(sc.py(-0.7))).toBeCloseTo(-0.7, 9);
  });

  it.each(SURFACE_KEYS)('%s: contour rings at rising levels, the lowest ring around the minimum', (key) => {
    const s = SURFACES[key];
    const rings = surfaceContours(s);
    expect(rings.length).toBeGreaterThan(8);
    rings.slice(1).forEach((r, i) => expect(r.level).toBeGreaterThan(rings[i].level));
    // The lowest ring's points lie close to the minimum (in SVG units).
    const sc = plotScale(s);
    const pts = [...rings[0].d.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
    const far = Math.max(...pts.map(([x, y]) => Math.hypot(x - sc.px(s.minimum[0]), y - sc.py(s.minimum[1]))));
    expect(far).toBeLessThan(PLOT_W / 4);
  });

  it('moves the start point with the arrow keys, inside the plot', () => {
    const s = SURFACES.valley;
    expect(nudgeStart(s, [0, 0], 'ArrowRight', false)).toEqual([0.24, 0]);
    expect(nudgeStart(s, [0, 0], 'ArrowUp', true)).toEqual([0, 0.8]);
    expect(nudgeStart(s, [6, 0], 'ArrowRight', true)).toEqual([6, 0]);
    expect(nudgeStart(s, [0, 0], 'Enter', false)).toBeNull();
    expect(clampStart(s, [-100, 100])).toEqual([-6, 4]);
  });
});
