// Saved runs and searches on the digits: the image settings (training images, layer stack, image
// augmentation) and an image search's filters survive a JSON file; a bad stack is refused by name;
// a run saved before images existed reads back with their defaults.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { BIG_CNN } from '../shared/imageStack';
import type { SearchSpec, TrialRecord } from '../search/types';
import { buildRun, buildSearch, checkRun, exportFile, parseImport } from './records';

const digits: ExperimentConfig = {
  ...DEFAULT_CONFIG,
  dataset: 'digits',
  loss: 'cce',
  images: 500,
  imageLayers: BIG_CNN,
  imageAugment: { shift: 2, rotate: 10, zoom: 0.1, noise: 0.05, flip: true },
};
const epochs = [{ epoch: 1, trainLoss: 0.5, valLoss: 0.6, trainAcc: 0.9, valAcc: 0.85 }];
const run = (config: ExperimentConfig) => buildRun({ config, runIndex: 0, epochs, test: null, diagnosis: null, backend: 'wasm' });

describe('image settings in saved runs', () => {
  it('round-trip through one JSON file', () => {
    const spec: SearchSpec = { strategy: 'grid', space: { filters: { kind: 'list', values: [4, 8] } }, budget: 2, folds: 1, epochs: 2, seed: 1, objective: 'accuracy' };
    const trials: TrialRecord[] = [{ index: 0, trial: { filters: 4 }, folds: [0.8], mean: 0.8, std: 0, ms: 900 }];
    const p = parseImport(JSON.stringify(exportFile([run(digits)], [buildSearch(spec, trials, trials[0])])));
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    const c = p.value.runs[0].config;
    expect({ dataset: c.dataset, images: c.images, imageLayers: c.imageLayers, imageAugment: c.imageAugment }).toEqual({
      dataset: 'digits',
      images: 500,
      imageLayers: BIG_CNN,
      imageAugment: digits.imageAugment,
    });
    expect(p.value.searches[0].trials[0].trial).toEqual({ filters: 4 });
    expect(p.value.searches[0].spec.space.filters).toEqual({ kind: 'list', values: [4, 8] });
  });

  it('refuse a stack that does not fit, naming the field', () => {
    const c = checkRun({ ...run(digits), config: { ...digits, imageLayers: 'conv:8:40,flatten' } });
    expect(c.ok).toBe(false);
    if (!c.ok) expect(c.error).toMatch(/imageLayers/);
  });

  it('read a run saved before images existed with their defaults', () => {
    const old = Object.fromEntries(Object.entries(DEFAULT_CONFIG).filter(([k]) => !k.startsWith('image'))) as unknown as ExperimentConfig;
    const c = checkRun(JSON.parse(JSON.stringify(run(old))));
    expect(c.ok).toBe(true);
    if (c.ok) expect([c.value.config.images, c.value.config.imageLayers, c.value.config.imageAugment]).toEqual([DEFAULT_CONFIG.images, DEFAULT_CONFIG.imageLayers, DEFAULT_CONFIG.imageAugment]);
  });
});
