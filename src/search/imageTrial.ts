// A search trial on an image model: its `filters` and `units` written into the layer stack's text.
// Pure (no tfjs): the page's search checks and the trials' configs both use it.
import type { ImageLayer } from '../engine/imageLayers';
import { formatStack, parseStack } from '../shared/imageStack';

/** Whether a stack's text has a layer of a kind (false when it does not parse). */
export function stackHas(text: string | undefined, kind: ImageLayer['kind']): boolean {
  if (text === undefined) return false;
  const p = parseStack(text);
  return p.ok && p.layers.some((l) => l.kind === kind);
}

const clamp = (v: number, hi: number) => Math.min(hi, Math.max(1, Math.round(v)));

/**
 * The stack with conv layer 1's filters set to `filters` and every later conv layer scaled in
 * the same proportion (so 8-16 at filters 4 becomes 4-8: the widths keep their ratio), and every
 * dense layer's units set to `units`. Either may be left out; the text comes back in its
 * canonical form. Throws on a stack that does not parse (the config's own stack always does).
 */
export function applyToStack(text: string, filters?: number, units?: number): string {
  const p = parseStack(text);
  if (!p.ok) throw new Error(`imageLayers: layer ${p.index + 1}: ${p.reason}`);
  const first = p.layers.find((l) => l.kind === 'conv');
  const ratio = filters !== undefined && first?.kind === 'conv' ? filters / first.filters : 1;
  const layers = p.layers.map((l): ImageLayer => {
    if (l.kind === 'conv' && filters !== undefined) return { ...l, filters: l === first ? clamp(filters, 256) : clamp(l.filters * ratio, 256) };
    if (l.kind === 'dense' && units !== undefined) return { ...l, units: clamp(units, 1024) };
    return l;
  });
  return formatStack(layers);
}
