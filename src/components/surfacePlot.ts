// The loss surface's drawing, as plain geometry (LossSurface.tsx draws it): the plot's scale,
// the contour rings from d3-contour at log-spaced levels, and the start point's keyboard moves.
import { contours } from 'd3-contour';
import { contourLevels, type SurfaceInfo } from '../shared/surfaces';

/** The plot's size in SVG units; every surface's ranges are in this 3:2 proportion, so both axes share one scale. */
export const PLOT_W = 480;
export const PLOT_H = 320;
/** Grid cells across and down the contours are traced on. */
const GRID_W = 120;
const GRID_H = 80;

export interface Scale {
  /** Parameter → SVG. */
  px(x: number): number;
  py(y: number): number;
  /** SVG → parameter. */
  x(px: number): number;
  y(py: number): number;
}

export function plotScale(s: SurfaceInfo): Scale {
  const [x0, x1] = s.x;
  const [y0, y1] = s.y;
  return {
    px: (x) => ((x - x0) / (x1 - x0)) * PLOT_W,
    py: (y) => ((y1 - y) / (y1 - y0)) * PLOT_H,
    x: (px) => x0 + (px / PLOT_W) * (x1 - x0),
    y: (py) => y1 - (py / PLOT_H) * (y1 - y0),
  };
}

export interface ContourRing {
  level: number;
  /** SVG path data of every ring at this level. */
  d: string;
}

/**
 * Contour lines of the surface over its plot. The grid samples cell centres (as d3-contour
 * expects: grid coordinate g is the point g cells from the plot's edge), top row first, so
 * a grid coordinate maps to SVG by a scale factor alone.
 */
export function surfaceContours(s: SurfaceInfo, count = 14): ContourRing[] {
  const [x0, x1] = s.x;
  const [y0, y1] = s.y;
  const values = new Float64Array(GRID_W * GRID_H);
  let max = -Infinity;
  for (let j = 0; j < GRID_H; j++) {
    const y = y1 - ((j + 0.5) / GRID_H) * (y1 - y0);
    for (let i = 0; i < GRID_W; i++) {
      const v = s.value(x0 + ((i + 0.5) / GRID_W) * (x1 - x0), y);
      // Negated: d3-contour outlines where the values are at or above a threshold, so the rings
      // enclose the low ground around the minimum instead of everything else.
      values[j * GRID_W + i] = -v;
      if (v > max) max = v;
    }
  }
  const min = s.value(...s.minimum);
  const levels = contourLevels(min, max, count);
  const kx = PLOT_W / GRID_W;
  const ky = PLOT_H / GRID_H;
  return contours()
    .size([GRID_W, GRID_H])
    .thresholds(levels.map((l) => -l).reverse())(Array.from(values))
    .reverse()
    .map((c) => ({
      level: -c.value,
      d: c.coordinates
        .flatMap((polygon) => polygon.map((ring) => 'M' + ring.map(([gx, gy]) => `${(gx * kx).toFixed(1)},${(gy * ky).toFixed(1)}`).join('L') + 'Z'))
        .join(''),
    }))
    .filter((c) => c.d.length > 0);
}

/** The start point after an arrow key: 2% of the plot's span per press (10% with Shift), kept inside the plot. */
export function nudgeStart(s: SurfaceInfo, start: [number, number], key: string, big: boolean): [number, number] | null {
  const f = big ? 0.1 : 0.02;
  const dx = (s.x[1] - s.x[0]) * f;
  const dy = (s.y[1] - s.y[0]) * f;
  const moves: Record<string, [number, number]> = { ArrowLeft: [-dx, 0], ArrowRight: [dx, 0], ArrowUp: [0, dy], ArrowDown: [0, -dy] };
  const m = moves[key];
  if (!m) return null;
  return clampStart(s, [start[0] + m[0], start[1] + m[1]]);
}

/** A start point inside the plot, rounded to 3 decimals (as it is shown). */
export function clampStart(s: SurfaceInfo, [x, y]: [number, number]): [number, number] {
  const r = (v: number) => Math.round(v * 1000) / 1000;
  return [r(Math.min(s.x[1], Math.max(s.x[0], x))), r(Math.min(s.y[1], Math.max(s.y[0], y)))];
}
