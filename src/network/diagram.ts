// The network diagram's pure logic: how each neuron's map becomes colours on the boundary's scale,
// where columns and neurons sit, and which links are drawn. The components only render this.
import { binaryColor, CLASS_COLORS, css, mix, WHITE, type Rgb } from '../components/colors';
import type { Activation } from '../shared/config';
import type { NetworkMaps } from '../shared/protocol';
import { t } from '../i18n/i18n';

/** Neurons drawn per column at most; the worker sends maps for the same number (MAX_SHOWN_UNITS there). */
export const MAX_SHOWN = 12;
/** Links drawn per gap between two columns at most: the strongest by |w|. */
export const MAX_LINKS = 32;

/**
 * How a map's values become a position on the boundary's colour scale (0 orange, ½ white, 1 blue):
 * signed: tanh or linear hidden units, (v + 1) / 2; unit: sigmoid hidden units and probabilities, v;
 * relu: ½ + ½ v over the map's maximum (0, the unit silent, is white as tanh's 0); input: v over the map's max |v|, then as signed; regression: the
 * output value, as the boundary's valueColor.
 */
export type MapKind = 'input' | 'signed' | 'unit' | 'relu' | 'regression';

export function hiddenKind(a: Activation): MapKind {
  return a === 'relu' ? 'relu' : a === 'sigmoid' ? 'unit' : 'signed';
}

/** The kind of every column: inputs, each hidden layer, the output. */
export function columnKinds(activations: readonly Activation[], regression: boolean): MapKind[] {
  return ['input', ...activations.map(hiddenKind), regression ? 'regression' : 'unit'];
}

/** The output activation as the diagram names it. */
export function outputActivation(regression: boolean, classes: number): 'linear' | 'softmax' | 'sigmoid' {
  return regression ? 'linear' : classes > 2 ? 'softmax' : 'sigmoid';
}

const clip01 = (t: number) => (t < 0 ? 0 : t > 1 ? 1 : t);

/** The scale a map of this kind is divided by (1 for the fixed scales). */
export function mapScale(kind: MapKind, maps: ArrayLike<number>, start: number, len: number): number {
  if (kind !== 'relu' && kind !== 'input') return 1;
  let m = 0;
  for (let i = start; i < start + len; i++) {
    const v = kind === 'input' ? Math.abs(maps[i]) : maps[i];
    if (v > m) m = v;
  }
  return m > 0 && Number.isFinite(m) ? m : 1;
}

/** One value's position on the colour scale, in [0, 1]; anything not finite sits in the middle (white). */
export function toUnit(kind: MapKind, v: number, scale = 1): number {
  if (!Number.isFinite(v)) return 0.5;
  switch (kind) {
    case 'unit':
      return clip01(v);
    case 'relu':
      return clip01(0.5 + (0.5 * v) / scale);
    case 'input':
      return clip01((v / scale + 1) / 2);
    default:
      return clip01((v + 1) / 2);
  }
}

/** Offset of a neuron's map in `net.maps`; null when it was not sent (beyond `shown`, or no such column). */
export function mapOffset(net: NetworkMaps, layer: number, unit: number): number | null {
  if (layer < 0 || layer >= net.shown.length || unit < 0 || unit >= net.shown[layer]) return null;
  const cells = net.resolution * net.resolution;
  let offset = 0;
  for (let c = 0; c < layer; c++) offset += net.shown[c] * cells;
  offset += unit * cells;
  return offset + cells <= net.maps.length ? offset : null;
}

/**
 * Writes the map at `offset` (r² cells) as opaque RGBA into `out` (4r² bytes), on the boundary's
 * colours; with `tint` (a softmax output unit: its class's colour), white to that colour instead,
 * as the boundary paints each class.
 */
export function paintMap(maps: ArrayLike<number>, offset: number, r: number, kind: MapKind, out: Uint8ClampedArray, tint?: Rgb): void {
  const n = r * r;
  const scale = mapScale(kind, maps, offset, n);
  for (let i = 0; i < n; i++) {
    const t = toUnit(kind, maps[offset + i], scale);
    const c = tint ? mix(WHITE, tint, t) : binaryColor(t);
    out[4 * i] = c[0];
    out[4 * i + 1] = c[1];
    out[4 * i + 2] = c[2];
    out[4 * i + 3] = 255;
  }
}

/** Whether `net` was computed for a model of these column sizes (a map of an older run must not be drawn). */
export function networkFits(net: NetworkMaps | null, units: readonly number[]): net is NetworkMaps {
  return !!net && net.units.length === units.length && net.units.every((u, i) => u === units[i]);
}

// ---- Layout (pixels) ----

/** A neuron's square side. */
export const NEURON = 44;
/** Column pitch: a neuron and the gap the links cross (wide enough for a header's buttons). */
export const PITCH = 116;
/** Vertical pitch of neurons. */
export const ROW = 56;
/** Room above the neurons for the column headers. */
export const HEADER = 58;
/** Room left of the inputs for their labels. */
export const LABEL = 76;
/** Room below the tallest column for "+ N more". */
export const FOOT = 24;

export interface DiagramLayout {
  width: number;
  height: number;
  /** Left edge of each column's neurons. */
  x: number[];
}

/** The layout for columns of `slots` neurons each, plus one column's room at the end for "+ layer". */
export function layoutDiagram(slots: readonly number[]): DiagramLayout {
  const x = slots.map((_, c) => LABEL + c * PITCH);
  const tallest = Math.max(1, ...slots);
  return { x, width: LABEL + slots.length * PITCH + 40, height: HEADER + tallest * ROW + FOOT };
}

/** Top edge of the neuron in slot `slot` of a column. */
export const slotY = (slot: number) => HEADER + slot * ROW;

export interface Link {
  from: number;
  to: number;
  w: number;
}

/** The links of a rows × cols kernel (row-major) to draw: all when few, else the `max` strongest by |w|; weakest first. */
export function linksToDraw(w: ArrayLike<number>, rows: number, cols: number, max = MAX_LINKS): Link[] {
  const all: Link[] = [];
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) all.push({ from: i, to: j, w: w[i * cols + j] });
  const size = (l: Link) => (Number.isFinite(l.w) ? Math.abs(l.w) : Infinity);
  // Weakest first: drawn later means on top, so the strongest link wins where two cross.
  return all
    .sort((a, b) => size(b) - size(a))
    .slice(0, max)
    .reverse();
}

/**
 * Where a link from unit `from` of `rows` meets its target, relative to the target's centre: spread
 * a little by source, so that the links i→j and j→i between equal columns do not cross exactly at
 * their midpoints (where they would hide each other from the pointer) and the fan-in reads in order.
 */
export function fanIn(from: number, rows: number): number {
  if (rows <= 1) return 0;
  const step = Math.min(8, (NEURON * 0.7) / (rows - 1));
  return (from - (rows - 1) / 2) * step;
}

/** The largest finite |w| over all weight layers (links are scaled against it); 1 when none. */
export function maxAbsWeight(weights: readonly ArrayLike<number>[]): number {
  let m = 0;
  for (const w of weights) for (let i = 0; i < w.length; i++) if (Number.isFinite(w[i]) && Math.abs(w[i]) > m) m = Math.abs(w[i]);
  return m > 0 ? m : 1;
}

/** A link's look: blue for positive, orange for negative (as the maps); wider and more opaque the larger |w|. */
export function linkStyle(w: number, maxAbs: number): { color: string; width: number; opacity: number } {
  const t = Number.isFinite(w) ? Math.min(1, Math.abs(w) / maxAbs) : 1;
  return { color: css(w >= 0 ? CLASS_COLORS[1] : CLASS_COLORS[0]), width: 0.5 + 4 * t, opacity: 0.2 + 0.8 * t };
}

/** A column's name: 'Inputs', 'Hidden 1', …, 'Output' (in the language shown now). */
export function columnName(c: number, columns: number): string {
  return c === 0 ? t('column.inputs', { ns: 'network' }) : c === columns - 1 ? t('column.output', { ns: 'network' }) : t('column.hidden', { ns: 'network', n: c });
}

/** A neuron as the captions say it (units counted from 1): 'hidden layer 1, unit 2' (in the language shown now). */
export function neuronName(layer: number, unit: number, columns: number, inputLabel?: string): string {
  if (layer === 0) return t('neuron.input', { ns: 'network', label: inputLabel ?? unit + 1 });
  if (layer === columns - 1) return t('neuron.output', { ns: 'network', unit: unit + 1 });
  return t('neuron.hidden', { ns: 'network', layer, unit: unit + 1 });
}
