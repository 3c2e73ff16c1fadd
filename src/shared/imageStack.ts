// An image model's layer stack as the link writes it: comma-separated layers, each a name and
// its numbers, defaults left out. Pure; the schema, the Model panel, the presets and the search
// read and write stacks through it, and summarize (src/engine/imageLayers.ts) checks that they fit.
//
//   conv:F:K[:sS][:same|valid][:ACT]  F filters of K × K, stride S (1), padding (same), activation (relu)
//   pool:P[:sS]                       P × P max pooling, stride S (P)
//   flatten
//   dense:U[:ACT]                     U units, activation (relu)
//   dropout:R                         rate R, 0 to below 1
//   batchnorm
//
// e.g. 'conv:8:3,pool:2,conv:16:3,pool:2,flatten,dense:32'. The softmax head over the ten
// classes is not written: every stack ends in it.
import { summarize, type Activation, type ImageLayer, type Summary } from '../engine/imageLayers';
import { msg } from './schemaText';

export const IMAGE_SIDE = 28;
export const IMAGE_INPUT: readonly [number, number, number] = [IMAGE_SIDE, IMAGE_SIDE, 1];

const ACTS: readonly Activation[] = ['relu', 'tanh', 'sigmoid', 'linear'];

/** The small CNN: two conv + pool blocks and a dense layer (the default and a preset). */
export const SMALL_CNN = 'conv:8:3,pool:2,conv:16:3,pool:2,flatten,dense:32';
/** A dense-only baseline: the pixels flattened into one hidden layer. */
export const DENSE_BASELINE = 'flatten,dense:64';
/** An over-sized CNN: far more weights than 500 images can pin down (the overfitting preset). */
export const BIG_CNN = 'conv:32:3,conv:32:3,pool:2,conv:64:3,conv:64:3,pool:2,flatten,dense:256';

export type StackParse = { ok: true; layers: ImageLayer[] } | { ok: false; index: number; reason: string };

const isWhole = (t: string) => /^\d+$/.test(t);
const isNumber = (t: string) => /^(\d+\.?\d*|\.\d+)$/.test(t);

/** Reads one layer's text; a reason when it is not one. */
function parseLayer(text: string): ImageLayer | string {
  const [name, ...rest] = text.trim().split(':').map((t) => t.trim());
  const need = (n: number, example: string) => (rest.length < n ? msg(`stack.needs.${name}`, { example }) : null);
  switch (name) {
    case 'conv': {
      const missing = need(2, 'conv:8:3');
      if (missing) return missing;
      const [f, k, ...opts] = rest;
      if (!isWhole(f) || !isWhole(k)) return msg('stack.convWhole', { f, k });
      const layer: ImageLayer = { kind: 'conv', filters: Number(f), kernel: Number(k), stride: 1, padding: 'same', activation: 'relu' };
      for (const o of opts) {
        if (/^s\d+$/.test(o)) layer.stride = Number(o.slice(1));
        else if (o === 'same' || o === 'valid') layer.padding = o;
        else if ((ACTS as readonly string[]).includes(o)) layer.activation = o as Activation;
        else return msg('stack.convOption', { o, acts: ACTS.join(', ') });
      }
      return layer;
    }
    case 'pool': {
      const missing = need(1, 'pool:2');
      if (missing) return missing;
      const [p, ...opts] = rest;
      if (!isWhole(p)) return msg('stack.poolWhole', { p });
      const layer: ImageLayer = { kind: 'pool', size: Number(p), stride: Number(p) };
      for (const o of opts) {
        if (/^s\d+$/.test(o)) layer.stride = Number(o.slice(1));
        else return msg('stack.poolOption', { o });
      }
      return layer;
    }
    case 'flatten':
    case 'batchnorm':
      if (rest.length) return msg('stack.noNumbers', { name });
      return { kind: name };
    case 'dense': {
      const missing = need(1, 'dense:32');
      if (missing) return missing;
      const [u, ...opts] = rest;
      if (!isWhole(u)) return msg('stack.denseWhole', { u });
      const layer: ImageLayer = { kind: 'dense', units: Number(u), activation: 'relu' };
      for (const o of opts) {
        if ((ACTS as readonly string[]).includes(o)) layer.activation = o as Activation;
        else return msg('stack.activation', { o, acts: ACTS.join(', ') });
      }
      return layer;
    }
    case 'dropout': {
      const missing = need(1, 'dropout:0.25');
      if (missing) return missing;
      if (rest.length > 1 || !isNumber(rest[0])) return msg('stack.dropoutRate', { got: rest.join(':') });
      return { kind: 'dropout', rate: Number(rest[0]) };
    }
    default:
      return msg('stack.notLayer', { name });
  }
}

/** Reads a stack's text into layers (not yet checked for fit: see checkStack). */
export function parseStack(text: string): StackParse {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, index: 0, reason: msg('stack.empty') };
  const parts = text.split(',');
  if (parts.length > 24) return { ok: false, index: 24, reason: msg('stack.tooMany', { max: 24 }) };
  const layers: ImageLayer[] = [];
  for (const [i, p] of parts.entries()) {
    const l = parseLayer(p);
    if (typeof l === 'string') return { ok: false, index: i, reason: l };
    layers.push(l);
  }
  return { ok: true, layers };
}

/** One layer's canonical text. */
export function formatLayer(l: ImageLayer): string {
  switch (l.kind) {
    case 'conv': {
      const opts = [l.stride !== 1 ? `s${l.stride}` : '', l.padding !== 'same' ? l.padding : '', l.activation !== 'relu' ? l.activation : ''].filter(Boolean);
      return ['conv', l.filters, l.kernel, ...opts].join(':');
    }
    case 'pool':
      return l.stride !== l.size ? `pool:${l.size}:s${l.stride}` : `pool:${l.size}`;
    case 'dense':
      return l.activation !== 'relu' ? `dense:${l.units}:${l.activation}` : `dense:${l.units}`;
    case 'dropout':
      return `dropout:${l.rate}`;
    default:
      return l.kind;
  }
}

export function formatStack(layers: readonly ImageLayer[]): string {
  return layers.map(formatLayer).join(',');
}

/**
 * Reads and checks a stack for 28 × 28 × 1 images and `classes` outputs: the layers and their
 * summary, or the first layer that is wrong with the reason ("layer 3 (conv): …").
 */
export function checkStack(text: string, classes = 10): { ok: true; layers: ImageLayer[]; summary: Extract<Summary, { ok: true }> } | { ok: false; index: number; reason: string } {
  const p = parseStack(text);
  if (!p.ok) return { ok: false, index: p.index, reason: msg('stack.at', { n: p.index + 1, reason: p.reason }) };
  const s = summarize(IMAGE_INPUT, p.layers, classes);
  if (!s.ok) {
    const name = p.layers[s.index]?.kind;
    return { ok: false, index: s.index, reason: name ? msg('stack.atNamed', { n: s.index + 1, name, reason: s.reason }) : s.reason };
  }
  return { ok: true, layers: p.layers, summary: s };
}
