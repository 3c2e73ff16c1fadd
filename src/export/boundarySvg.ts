// The decision boundary as SVG: the heatmap as an embedded PNG <image> (its colours are the
// canvas's, colors.ts), and every shown point as a <circle> with the canvas's fill and rim.
import type { BoundaryView, PointsView } from '../shared/protocol';
import { DOMAIN } from '../shared/datasets';
import { binaryColor, classColor, css, multiColor, valueColor } from '../components/colors';

/** The heatmap's pixels, resolution × resolution RGBA, as BoundaryCanvas paints them before scaling. */
export function heatmapPixels(b: BoundaryView, regression: boolean): Uint8ClampedArray<ArrayBuffer> {
  const r = b.resolution;
  const out = new Uint8ClampedArray(r * r * 4);
  for (let cell = 0; cell < r * r; cell++) {
    const c = regression ? valueColor(b.values[cell]) : b.channels === 1 ? binaryColor(b.values[cell]) : multiColor(b.values, cell * b.channels, b.channels);
    out.set([c[0], c[1], c[2], 255], cell * 4);
  }
  return out;
}

export interface BoundarySvgInput {
  /** Side in pixels (the canvas's 320). */
  size: number;
  /** The heatmap as a data: URL (PNG), or null for points only. */
  heatmap: string | null;
  points: PointsView | null;
  regression: boolean;
  /** Test points are drawn only when the page shows them. */
  showTest: boolean;
}

const RIM = ['#fff', '#111', '#7c3aed'];
const ROLE = ['train', 'validation', 'test'];

const round = (v: number) => Math.round(v * 100) / 100;

/** Which points are drawn (training, then validation, then test when shown), in drawing order. */
export function shownPoints(p: PointsView, showTest: boolean): number[] {
  const out: number[] = [];
  for (const role of showTest ? [0, 1, 2] : [0, 1]) for (let i = 0; i < p.n; i++) if (p.role[i] === role) out.push(i);
  return out;
}

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function boundarySvg({ size, heatmap, points, regression, showTest }: BoundarySvgInput): string {
  const toPx = (v: number) => ((v + DOMAIN) / (2 * DOMAIN)) * size;
  const parts = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">`,
    `<rect width="${size}" height="${size}" fill="#ffffff"/>`,
  ];
  if (heatmap) parts.push(`<image x="0" y="0" width="${size}" height="${size}" preserveAspectRatio="none" href="${escapeAttr(heatmap)}" xlink:href="${escapeAttr(heatmap)}"/>`);
  if (points) {
    parts.push('<g class="points">');
    for (const i of shownPoints(points, showTest)) {
      const role = points.role[i];
      const fill = css(regression ? valueColor(points.y[i]) : classColor(points.y[i]));
      const cx = round(toPx(points.x[2 * i]));
      const cy = round(size - toPx(points.x[2 * i + 1]));
      parts.push(`<circle cx="${cx}" cy="${cy}" r="${role === 0 ? 3.2 : 3.6}" fill="${fill}" stroke="${RIM[role]}" stroke-width="${role === 2 ? 2 : 1.2}" data-role="${ROLE[role]}"/>`);
    }
    parts.push('</g>');
  }
  parts.push('</svg>');
  return parts.join('\n') + '\n';
}
