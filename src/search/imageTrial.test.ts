// Search settings on image models: filters and units written into the layer stack, and which
// settings exist (appliesTo / isActive) and are refused (validateSpace) for a data set and stack.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { DENSE_BASELINE, SMALL_CNN } from '../shared/imageStack';
import { applyTrial } from './applyTrial';
import { applyToStack, stackHas } from './imageTrial';
import { appliesTo, gridTrials, isActive, randomTrials, validateSpace } from './space';

const digits: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'digits', loss: 'cce', imageLayers: SMALL_CNN };

describe('filters and units on an image stack', () => {
  it('sets conv layer 1’s filters and scales later conv layers in proportion', () => {
    expect(applyToStack(SMALL_CNN, 4)).toBe('conv:4:3,pool:2,conv:8:3,pool:2,flatten,dense:32');
    expect(applyToStack(SMALL_CNN, 16)).toBe('conv:16:3,pool:2,conv:32:3,pool:2,flatten,dense:32');
    // At least one filter, however small the ratio.
    expect(applyToStack('conv:8:3,conv:2:3,flatten', 1)).toBe('conv:1:3,conv:1:3,flatten');
  });

  it('sets every dense layer’s units and keeps options', () => {
    expect(applyToStack('conv:8:3:s2:tanh,flatten,dense:32,dropout:0.5,dense:16:sigmoid', undefined, 10)).toBe('conv:8:3:s2:tanh,flatten,dense:10,dropout:0.5,dense:10:sigmoid');
  });

  it('applyTrial writes them into imageLayers and ignores the 2-D sets’ hidden layers', () => {
    const c = applyTrial(digits, { filters: 4, units: 64, lr: 0.003, layers: 3, activation: 'tanh' });
    expect(c.imageLayers).toBe('conv:4:3,pool:2,conv:8:3,pool:2,flatten,dense:64');
    expect(c.lr).toBe(0.003);
    expect(c.layers).toEqual(digits.layers);
    expect(c.activations).toEqual(digits.activations);
  });

  it('tells which layers a stack has', () => {
    expect(stackHas(SMALL_CNN, 'conv')).toBe(true);
    expect(stackHas(DENSE_BASELINE, 'conv')).toBe(false);
    expect(stackHas('bogus', 'dense')).toBe(false);
  });
});

describe('which settings exist', () => {
  it('filters only on image stacks with a conv layer, units only with a dense one', () => {
    expect(appliesTo('filters', digits)).toBe(true);
    expect(appliesTo('filters', { ...digits, imageLayers: DENSE_BASELINE })).toBe(false);
    expect(appliesTo('units', { ...digits, imageLayers: 'conv:8:3,flatten' })).toBe(false);
    expect(appliesTo('filters', DEFAULT_CONFIG)).toBe(false);
    expect(appliesTo('units', DEFAULT_CONFIG)).toBe(true);
    for (const k of ['layers', 'units2', 'dropout', 'activation'] as const) expect(appliesTo(k, digits)).toBe(false);
    expect(isActive('filters', {}, digits)).toBe(true);
    expect(isActive('filters', {}, DEFAULT_CONFIG)).toBe(false);
  });

  it('refuses a searched setting the model lacks, with the reason', () => {
    const keys = (space: Parameters<typeof validateSpace>[0], base: ExperimentConfig) => validateSpace(space, 'grid', undefined, base).map((i) => i.key);
    expect(keys({ filters: { kind: 'list', values: [4, 8] } }, digits)).toEqual([]);
    expect(keys({ filters: { kind: 'list', values: [4, 8] } }, DEFAULT_CONFIG)).toEqual(['problem.absent.notImages']);
    expect(keys({ filters: { kind: 'list', values: [4] } }, { ...digits, imageLayers: DENSE_BASELINE })).toEqual(['problem.absent.noConv']);
    expect(keys({ units: { kind: 'list', values: [4] } }, { ...digits, imageLayers: 'conv:8:3,flatten' })).toEqual(['problem.absent.noDense']);
    expect(keys({ layers: { kind: 'list', values: [1, 2] } }, digits)).toEqual(['problem.absent.images']);
  });

  it('grid and random trials carry filters and units on images', () => {
    const space = { filters: { kind: 'list' as const, values: [4, 8] }, units: { kind: 'list' as const, values: [16, 32] } };
    expect(gridTrials(space, digits)).toHaveLength(4);
    for (const t of randomTrials(space, 5, 1, digits)) {
      expect([4, 8]).toContain(t.filters);
      expect([16, 32]).toContain(t.units);
    }
  });
});
