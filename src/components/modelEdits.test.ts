import { describe, expect, it } from 'vitest';
import { MAX_LAYERS, RANGES } from '../shared/config';
import { addLayer, removeLayer, setLayerActivation, setLayerBatchnorm, setLayerDropout, setLayerUnits, toggleFeature } from './modelEdits';

const arch = { layers: [8, 4], activations: ['relu', 'tanh'] as ('relu' | 'tanh')[], dropout: [0.1, 0] };

describe('model edits', () => {
  it('adds a layer like the last one, none past MAX_LAYERS', () => {
    expect(addLayer(arch)).toEqual({ layers: [8, 4, 4], activations: ['relu', 'tanh', 'tanh'], dropout: [0.1, 0, 0] });
    expect(addLayer({ layers: [], activations: [], dropout: [] })).toEqual({ layers: [4], activations: ['tanh'], dropout: [0] });
    const full = { layers: Array(MAX_LAYERS).fill(2), activations: Array(MAX_LAYERS).fill('relu'), dropout: Array(MAX_LAYERS).fill(0) };
    expect(addLayer(full)).toBeNull();
  });

  it('removes a layer with its activation and dropout', () => {
    expect(removeLayer(arch, 0)).toEqual({ layers: [4], activations: ['tanh'], dropout: [0] });
  });

  it('keeps batch norm with its layer when layers are added or removed, and sets it per layer', () => {
    const bn = { ...arch, layers: [8, 4, 2], activations: ['relu', 'tanh', 'tanh'] as ('relu' | 'tanh')[], dropout: [0, 0, 0], batchnorm: [false, true, false] };
    expect(removeLayer(bn, 0).batchnorm).toEqual([true, false]);
    expect(removeLayer(bn, 1).batchnorm).toEqual([false, false]);
    expect(addLayer(bn)?.batchnorm).toEqual([false, true, false, false]);
    expect(addLayer({ ...bn, batchnorm: [false, false, true] })?.batchnorm).toEqual([false, false, true, true]);
    expect(setLayerBatchnorm(bn, 2, true)).toEqual({ batchnorm: [false, true, true] });
    // A missing entry (an older config) is off.
    expect(setLayerBatchnorm({ ...bn, batchnorm: [true] }, 1, true)).toEqual({ batchnorm: [true, true, false] });
  });

  it('changes units within the range, null when nothing changes', () => {
    expect(setLayerUnits(arch, 1, 5)).toEqual({ layers: [8, 5] });
    expect(setLayerUnits(arch, 1, 0)).toEqual({ layers: [8, RANGES.units.min] });
    expect(setLayerUnits({ ...arch, layers: [RANGES.units.max] }, 0, RANGES.units.max + 1)).toBeNull();
    expect(setLayerUnits(arch, 5, 3)).toBeNull();
  });

  it('sets activation and dropout of one layer', () => {
    expect(setLayerActivation(arch, 0, 'sigmoid')).toEqual({ activations: ['sigmoid', 'tanh'] });
    expect(setLayerDropout({ ...arch, dropout: [0.1] }, 1, 0.5)).toEqual({ dropout: [0.1, 0.5] });
  });

  it('toggles features, keeping at least one', () => {
    expect(toggleFeature(['x1', 'x2'], 'sinx1', true)).toEqual({ features: ['x1', 'x2', 'sinx1'] });
    expect(toggleFeature(['x1', 'x2'], 'x1', false)).toEqual({ features: ['x2'] });
    expect(toggleFeature(['x1'], 'x1', true)).toEqual({ features: ['x1'] });
    expect(toggleFeature(['x1'], 'x1', false)).toEqual({ error: 'Keep at least one input feature.' });
  });
});
