// The one config action: validates a change once against the current config (and the loaded
// table and file), sets one object, and says which settings changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { DATASETS } from '../shared/datasets';
import type { TableView } from '../shared/protocol';
import { applyPatch, configToHash, parseHash } from '../shared/schema';
import { useStore } from './store';

const initial = useStore.getState();
const s = () => useStore.getState();

/** What the store can hear: every config it set. */
function configsSet(): unknown[] {
  const seen: unknown[] = [];
  useStore.subscribe((next, prev) => {
    if (next.config !== prev.config) seen.push(next.config);
  });
  return seen;
}

describe('applyConfig', () => {
  beforeEach(() => useStore.setState(initial, true));

  it('sets a partial config as one new object and names the settings it changed', () => {
    const seen = configsSet();
    const r = s().applyConfig({ lr: '0.1', layers: [8], batch: 10 });
    expect(r.changed).toEqual(['layers', 'activations', 'lr', 'dropout', 'batchnorm']);
    expect(r.config).toEqual({ ...DEFAULT_CONFIG, lr: 0.1, layers: [8], activations: ['tanh'], dropout: [0], batchnorm: [false] });
    expect(s().config).toBe(r.config);
    expect(seen).toEqual([r.config]);
  });

  it('validates as applyPatch does: same result, same messages', () => {
    const patch = { dataset: 'blobs', eps: 1e-6, activation: 'relu' };
    expect(s().applyConfig(patch).config).toEqual(applyPatch(DEFAULT_CONFIG, patch));
    for (const bad of [{ lr: 'abc' }, { lr: -1, dataset: 'nope' }, { colour: 'red' }, null, { loss: 'cce', dataset: 'circle' }]) {
      let expected = '';
      try {
        applyPatch(s().config, bad);
      } catch (e) {
        expected = (e as Error).message;
      }
      expect(expected, JSON.stringify(bad)).not.toBe('');
      expect(() => s().applyConfig(bad), JSON.stringify(bad)).toThrow(expected);
    }
  });

  it('refuses bad input with nothing changed, not even the good settings beside it', () => {
    const seen = configsSet();
    const before = s().config;
    expect(() => s().applyConfig({ lr: 0.5, samples: 5 })).toThrow(/Points/);
    expect(s().config).toBe(before);
    expect(seen).toEqual([]);
  });

  it('a change to what is already set changes nothing and tells no one', () => {
    const seen = configsSet();
    const before = s().config;
    const r = s().applyConfig({ lr: DEFAULT_CONFIG.lr, layers: '4,2' });
    expect(r.changed).toEqual([]);
    expect(s().config).toBe(before);
    expect(seen).toEqual([]);
  });

  it('takes a whole config from a link, by the same action', () => {
    const whole = applyPatch(DEFAULT_CONFIG, { dataset: 'wave', layers: [5, 5, 5], l2: [0.1, 0.2, 0.3, 0.4], augment: { jitter: 0.2, symmetry: true } });
    const r = s().applyConfig(whole);
    expect(r.config).toEqual(whole);
    expect(r.changed).toEqual(expect.arrayContaining(['dataset', 'problem', 'loss', 'layers', 'l2', 'augment']));
  });

  it('accepts every config a link parses to, exactly as parsed', () => {
    const custom = applyPatch(DEFAULT_CONFIG, { dataset: 'penguins', layers: [8, 8, 3], activation: 'relu', l1: [0.1, 0.2], dropout: [0.5], patience: 9, restore: 0 });
    for (const h of ['', '#lr=abc', '#layers=5,6,7&activation=relu', '#problem=regression', '#dataset=blobs&loss=bce', '#trainPct=90&valPct=50', '#%', '#layers=,,,', '#dataset=upload', configToHash(custom)]) {
      useStore.setState(initial, true);
      const { config } = parseHash(h);
      expect(s().applyConfig(config).config, h).toEqual(config);
    }
  });

  it('refuses a slice the loaded table lacks before anything changes; a new data set may name any', () => {
    const table = { name: 'iris', numericInputs: ['a', 'b', 'c', 'd'] } as unknown as TableView;
    s().applyConfig({ dataset: 'iris' });
    useStore.setState({ table });
    const before = s().config;
    expect(() => s().applyConfig({ slice: [2, 7], lr: 0.1 })).toThrow('slice: iris has 4 numeric inputs (positions 0–3), so 2,7 cannot be drawn');
    expect(s().config).toBe(before);
    expect(s().applyConfig({ slice: [3, 1] }).changed).toEqual(['slice']);
    expect(s().applyConfig({ dataset: 'penguins', slice: [5, 9] }).config.slice).toEqual([5, 9]);
  });

  it("the uploaded file's description lives in the store; the shared registry is never rewritten", () => {
    const registry = structuredClone(DATASETS.upload);
    expect(() => s().applyConfig({ dataset: 'upload' })).toThrow('dataset "upload" needs a CSV file');
    s().setUpload({ label: 'flowers.csv', problem: 'classification', classes: 3 });
    const three = s().applyConfig({ dataset: 'upload' }).config;
    expect(three).toMatchObject({ dataset: 'upload', problem: 'classification', loss: 'cce' });
    // A regression file under the same key: the problem and loss follow the file.
    s().setUpload({ label: 'prices.csv', problem: 'regression', classes: 1 });
    expect(s().applyConfig({ dataset: 'upload', problem: 'regression' }).config).toMatchObject({ problem: 'regression', loss: 'mse' });
    expect(() => s().applyConfig({ loss: 'bce' })).toThrow(/loss/);
    expect(DATASETS.upload).toEqual(registry);
  });
});
