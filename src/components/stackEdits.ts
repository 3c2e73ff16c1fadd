// Edits of an image model's layer stack as the Model panel makes them: add a layer where it fits,
// remove one, move one, change one's numbers. Pure: the panel writes the result back as text
// (formatStack) through the same path as every control, and the summary checks it.
import type { ImageLayer } from '../engine/imageLayers';

export type LayerKind = ImageLayer['kind'];
export const LAYER_KINDS: readonly LayerKind[] = ['conv', 'pool', 'flatten', 'dense', 'dropout', 'batchnorm'];

/** A new layer of `kind` with everyday numbers. */
export function newLayer(kind: LayerKind): ImageLayer {
  switch (kind) {
    case 'conv':
      return { kind, filters: 8, kernel: 3, stride: 1, padding: 'same', activation: 'relu' };
    case 'pool':
      return { kind, size: 2, stride: 2 };
    case 'dense':
      return { kind, units: 32, activation: 'relu' };
    case 'dropout':
      return { kind, rate: 0.25 };
    default:
      return { kind };
  }
}

/**
 * Adds a layer of `kind` where it fits: a conv or pool layer goes before the flatten (an image
 * layer cannot follow it), anything else at the end.
 */
export function addLayer(layers: readonly ImageLayer[], kind: LayerKind): ImageLayer[] {
  const out = [...layers];
  const flat = out.findIndex((l) => l.kind === 'flatten');
  const at = (kind === 'conv' || kind === 'pool') && flat >= 0 ? flat : out.length;
  out.splice(at, 0, newLayer(kind));
  return out;
}

export function removeLayer(layers: readonly ImageLayer[], i: number): ImageLayer[] {
  return layers.filter((_, j) => j !== i);
}

/** Swaps layer i with its neighbour (`by` -1: up, 1: down); unchanged at either end. */
export function moveLayer(layers: readonly ImageLayer[], i: number, by: -1 | 1): ImageLayer[] {
  const j = i + by;
  if (i < 0 || i >= layers.length || j < 0 || j >= layers.length) return [...layers];
  const out = [...layers];
  [out[i], out[j]] = [out[j], out[i]];
  return out;
}

/** Layer i with some of its fields changed (a kind change starts from that kind's defaults). */
export function setLayer(layers: readonly ImageLayer[], i: number, patch: Partial<Record<string, unknown>>): ImageLayer[] {
  return layers.map((l, j) => {
    if (j !== i) return l;
    if (patch.kind && patch.kind !== l.kind) return newLayer(patch.kind as LayerKind);
    return { ...l, ...patch } as ImageLayer;
  });
}

/** A layer's shape as the summary writes it: 28 × 28 × 8, or 32 once flat. */
export function shapeText(shape: readonly number[]): string {
  return shape.join(' × ');
}
