import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { applyPatch } from '../shared/schema';
import { applyTrial } from './applyTrial';
import { DEFAULT_RANGES, gridTrials, randomTrials } from './space';
import type { SearchSpace } from './types';

/** A config is consistent if applyPatch accepts it whole and returns it unchanged. */
function expectValid(c: ExperimentConfig): void {
  expect(applyPatch(DEFAULT_CONFIG, c)).toEqual(c);
  expect(c.activations).toHaveLength(c.layers.length);
  expect(c.dropout).toHaveLength(c.layers.length);
}

describe('applyTrial', () => {
  it('sets every searched value and keeps the rest', () => {
    const c = applyTrial(DEFAULT_CONFIG, { lr: 0.003, batch: 64, units: 16, layers: 3, l2: 0.001, dropout: 0.2, optimizer: 'adam', activation: 'relu' });
    expectValid(c);
    expect(c).toEqual({
      ...DEFAULT_CONFIG,
      lr: 0.003,
      batch: 64,
      layers: [16, 16, 16],
      activations: ['relu', 'relu', 'relu'],
      dropout: [0.2, 0.2, 0.2],
      batchnorm: [false, false, false],
      l2: 0.001,
      optimizer: 'adam',
    });
  });

  it('returns an equal config for an empty trial and does not touch the input', () => {
    const base = structuredClone(DEFAULT_CONFIG);
    expect(applyTrial(base, {})).toEqual(DEFAULT_CONFIG);
    applyTrial(base, { units: 32, layers: 4, dropout: 0.5, activation: 'sigmoid' });
    expect(base).toEqual(DEFAULT_CONFIG);
  });

  it('sets units on every hidden layer and keeps their number', () => {
    const c = applyTrial({ ...DEFAULT_CONFIG, layers: [4, 2, 6], activations: ['tanh', 'relu', 'tanh'], dropout: [0, 0.1, 0] }, { units: 12 });
    expectValid(c);
    expect(c.layers).toEqual([12, 12, 12]);
    expect(c.activations).toEqual(['tanh', 'relu', 'tanh']);
    expect(c.dropout).toEqual([0, 0.1, 0]);
  });

  it("grows or shrinks the layers with the first layer's units, keeping per-layer lists in step", () => {
    const grown = applyTrial(DEFAULT_CONFIG, { layers: 4 });
    expectValid(grown);
    expect(grown.layers).toEqual([4, 4, 4, 4]);
    expect(grown.activations).toEqual(['tanh', 'tanh', 'tanh', 'tanh']);
    expect(grown.dropout).toEqual([0, 0, 0, 0]);
    const shrunk = applyTrial({ ...DEFAULT_CONFIG, layers: [5, 3], activations: ['relu', 'tanh'], dropout: [0.3, 0.1] }, { layers: 1 });
    expectValid(shrunk);
    expect(shrunk.layers).toEqual([5]);
    expect(shrunk.activations).toEqual(['relu']);
    expect(shrunk.dropout).toEqual([0.3]);
    const linear = applyTrial(DEFAULT_CONFIG, { layers: 0, activation: 'relu', dropout: 0.2 });
    expectValid(linear);
    expect(linear.layers).toEqual([]);
  });

  it('gives new layers 8 units when the config has none', () => {
    const c = applyTrial({ ...DEFAULT_CONFIG, layers: [], activations: [], dropout: [] }, { layers: 2, activation: 'relu' });
    expectValid(c);
    expect(c.layers).toEqual([8, 8]);
    expect(c.activations).toEqual(['relu', 'relu']);
    expect(c.dropout).toEqual([0, 0]);
  });

  it('replaces a per-layer λ with one global λ', () => {
    const c = applyTrial({ ...DEFAULT_CONFIG, l2: [0.1, 0.2, 0.3] }, { l2: 0.01 });
    expectValid(c);
    expect(c.l2).toBe(0.01);
  });

  it('rejects values outside the config ranges, naming the field', () => {
    expect(() => applyTrial(DEFAULT_CONFIG, { lr: 100 })).toThrow(/lr/);
    expect(() => applyTrial(DEFAULT_CONFIG, { optimizer: 'lbfgs' })).toThrow(/optimizer/);
    expect(() => applyTrial(DEFAULT_CONFIG, { layers: 9 })).toThrow(/hidden layers/);
    expect(() => applyTrial(DEFAULT_CONFIG, { layers: 1.5 })).toThrow(/layers/);
    expect(() => applyTrial(DEFAULT_CONFIG, { dropout: 0.95 })).toThrow(/dropout/i);
  });

  it('gives a valid config with the trial values for every sampled trial', () => {
    const space: SearchSpace = DEFAULT_RANGES;
    const trials = [...randomTrials(space, 200, 1), ...gridTrials({ units: { kind: 'list', values: [1, 256] }, layers: { kind: 'list', values: [0, 6] }, activation: { kind: 'list', values: ['linear'] } })];
    for (const t of trials) {
      const c = applyTrial(DEFAULT_CONFIG, t);
      expectValid(c);
      if (t.lr !== undefined) expect(c.lr).toBe(t.lr);
      if (t.batch !== undefined) expect(c.batch).toBe(t.batch);
      if (t.l2 !== undefined) expect(c.l2).toBe(t.l2);
      if (t.optimizer !== undefined) expect(c.optimizer).toBe(t.optimizer);
      expect(c.layers).toHaveLength(t.layers as number);
      c.layers.forEach((u, i) => expect(u).toBe(i > 0 && t.units2 !== undefined ? t.units2 : t.units));
      expect(c.momentum).toBe(t.momentum ?? DEFAULT_CONFIG.momentum);
      for (const a of c.activations) expect(a).toBe(t.activation);
      for (const d of c.dropout) expect(d).toBe(t.dropout ?? 0);
    }
  });

  it('sets momentum β only when the optimizer is momentum, from the trial or the config', () => {
    const c = applyTrial({ ...DEFAULT_CONFIG, optimizer: 'sgd' }, { optimizer: 'momentum', momentum: 0.75 });
    expectValid(c);
    expect(c.optimizer).toBe('momentum');
    expect(c.momentum).toBe(0.75);
    expect(applyTrial({ ...DEFAULT_CONFIG, optimizer: 'momentum' }, { momentum: 0.6 }).momentum).toBe(0.6);
    // Does not exist for Adam, nor for the config's SGD: the config's β stays.
    expect(applyTrial({ ...DEFAULT_CONFIG, momentum: 0.9 }, { optimizer: 'adam', momentum: 0.6 }).momentum).toBe(0.9);
    expect(applyTrial({ ...DEFAULT_CONFIG, optimizer: 'sgd', momentum: 0.9 }, { momentum: 0.6 }).momentum).toBe(0.9);
    expect(() => applyTrial(DEFAULT_CONFIG, { optimizer: 'momentum', momentum: 1.5 })).toThrow(/momentum/);
  });

  it('units2 sizes hidden layers 2, 3, … and units layer 1, only with 2 or more layers', () => {
    const c = applyTrial(DEFAULT_CONFIG, { units: 16, layers: 3, units2: 4 });
    expectValid(c);
    expect(c.layers).toEqual([16, 4, 4]);
    expect(applyTrial(DEFAULT_CONFIG, { units: 16, layers: 1, units2: 4 }).layers).toEqual([16]);
    // Without units, layer 1 keeps the config's first layer's size.
    expect(applyTrial({ ...DEFAULT_CONFIG, layers: [6, 6], activations: ['tanh', 'tanh'], dropout: [0, 0], batchnorm: [false, false] }, { units2: 3 }).layers).toEqual([6, 3]);
    // The config's single layer: units2 does not exist.
    expect(applyTrial({ ...DEFAULT_CONFIG, layers: [6], activations: ['tanh'], dropout: [0], batchnorm: [false] }, { units2: 3 }).layers).toEqual([6]);
  });
});
