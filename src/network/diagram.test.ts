import { describe, expect, it } from 'vitest';
import { binaryColor, CLASS_COLORS } from '../components/colors';
import type { NetworkMaps } from '../shared/protocol';
import {
  columnKinds,
  fanIn,
  layoutDiagram,
  linkStyle,
  linksToDraw,
  mapOffset,
  mapScale,
  maxAbsWeight,
  MAX_LINKS,
  NEURON,
  neuronName,
  networkFits,
  paintMap,
  slotY,
  toUnit,
} from './diagram';

const net = (shown: number[], r = 2): NetworkMaps => ({
  resolution: r,
  units: shown,
  shown,
  maps: new Float32Array(shown.reduce((a, b) => a + b, 0) * r * r).map((_, i) => i),
  weights: [],
  biases: [],
});

// As a canvas stores them (Uint8ClampedArray rounds half to even).
const rgba = (p: number) => Array.from(new Uint8ClampedArray([...binaryColor(p), 255]));

describe('colour normalisation', () => {
  it('names each column by its activation and the problem', () => {
    expect(columnKinds(['tanh', 'relu', 'sigmoid', 'linear'], false)).toEqual(['input', 'signed', 'relu', 'unit', 'signed', 'unit']);
    expect(columnKinds([], true)).toEqual(['input', 'regression']);
  });

  it('maps tanh and linear as (v + 1) / 2, clipped', () => {
    expect(toUnit('signed', -1)).toBe(0);
    expect(toUnit('signed', 0)).toBe(0.5);
    expect(toUnit('signed', 3)).toBe(1);
  });

  it('keeps sigmoid units and probabilities as they are', () => {
    expect(toUnit('unit', 0.3)).toBeCloseTo(0.3);
    expect(toUnit('unit', 1.2)).toBe(1);
  });

  it('scales relu by the map maximum, or 1 when the unit is dead', () => {
    const m = [0, 2, 4, 1];
    expect(mapScale('relu', m, 0, 4)).toBe(4);
    expect(toUnit('relu', 2, 4)).toBe(0.75);
    expect(toUnit('relu', 0, 4)).toBe(0.5);
    expect(mapScale('relu', [0, 0], 0, 2)).toBe(1);
  });

  it('scales inputs by max |v| into [-1, 1]', () => {
    expect(mapScale('input', [-4, 2], 0, 2)).toBe(4);
    expect(toUnit('input', -4, 4)).toBe(0);
    expect(toUnit('input', 2, 4)).toBe(0.75);
  });

  it('shows regression values as the boundary does, and anything not finite as white', () => {
    expect(toUnit('regression', 0.5)).toBe(0.75);
    expect(toUnit('signed', NaN)).toBe(0.5);
  });

  it('paints RGBA on the boundary colours', () => {
    const out = new Uint8ClampedArray(16);
    paintMap([9, 9, -1, 0, 1, 0.5], 2, 2, 'signed', out);
    expect(Array.from(out.slice(0, 4))).toEqual(rgba(0));
    expect(Array.from(out.slice(12, 16))).toEqual(rgba(0.75));
  });
});

describe('maps', () => {
  it('finds a neuron’s map column by column, unit by unit', () => {
    const n = net([3, 2, 1]);
    expect(mapOffset(n, 0, 0)).toBe(0);
    expect(mapOffset(n, 1, 1)).toBe(4 * 4);
    expect(mapOffset(n, 2, 0)).toBe(5 * 4);
    expect(mapOffset(n, 2, 1)).toBeNull();
    expect(mapOffset(n, 3, 0)).toBeNull();
  });

  it('draws maps only for the model they were computed for', () => {
    expect(networkFits(net([2, 4, 1]), [2, 4, 1])).toBe(true);
    expect(networkFits(net([2, 4, 1]), [2, 5, 1])).toBe(false);
    expect(networkFits(null, [2])).toBe(false);
  });
});

describe('layout and links', () => {
  it('places columns left to right and neurons top to bottom', () => {
    const l = layoutDiagram([7, 12, 1]);
    expect(l.x[0]).toBeLessThan(l.x[1]);
    expect(l.x[1]).toBeLessThan(l.x[2]);
    expect(l.width).toBeGreaterThan(l.x[2]);
    expect(l.height).toBeGreaterThan(slotY(11));
    expect(slotY(1)).toBeGreaterThan(slotY(0));
  });

  it('draws every link when few, else the strongest by |w|', () => {
    expect(linksToDraw([1, -2, 3, 4], 2, 2)).toHaveLength(4);
    const w = Array.from({ length: 12 * 12 }, (_, i) => (i % 2 ? -i : i));
    const links = linksToDraw(w, 12, 12);
    expect(links).toHaveLength(MAX_LINKS);
    expect(links.at(-1)).toEqual({ from: 11, to: 11, w: 143 * -1 });
    expect(Math.min(...links.map((l) => Math.abs(l.w)))).toBe(144 - MAX_LINKS);
  });

  it('spreads link ends by source, within the neuron', () => {
    expect(fanIn(0, 1)).toBe(0);
    expect(fanIn(0, 2)).toBeLessThan(fanIn(1, 2));
    expect(Math.abs(fanIn(0, 12))).toBeLessThan(NEURON / 2);
    expect(fanIn(0, 12) + fanIn(11, 12)).toBeCloseTo(0);
  });

  it('styles links by sign and size', () => {
    const big = linkStyle(-2, 2);
    const small = linkStyle(0.2, 2);
    expect(big.color).not.toBe(small.color);
    expect(big.width).toBeGreaterThan(small.width);
    expect(big.opacity).toBeGreaterThan(small.opacity);
    expect(maxAbsWeight([new Float32Array([1, -3]), [NaN, 2]])).toBe(3);
    expect(maxAbsWeight([])).toBe(1);
  });

  it('names neurons as the captions do', () => {
    expect(neuronName(1, 1, 4)).toBe('hidden layer 1, unit 2');
    expect(neuronName(3, 0, 4)).toBe('output unit 1');
    expect(neuronName(0, 0, 4, 'x₁')).toBe('input x₁');
  });
});

describe('paintMap with a class tint', () => {
  it('paints a softmax unit white where it is 0 and in its class colour where it is 1', () => {
    const out = new Uint8ClampedArray(8);
    paintMap([0, 1], 0, 1, 'unit', out.subarray(0, 4), CLASS_COLORS[2]);
    paintMap([0, 1], 1, 1, 'unit', out.subarray(4, 8), CLASS_COLORS[2]);
    expect(Array.from(out.subarray(0, 3))).toEqual([248, 248, 248]);
    expect(Array.from(out.subarray(4, 7))).toEqual(CLASS_COLORS[2]);
  });
});
