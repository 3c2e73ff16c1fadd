import { describe, it, expect } from 'vitest';
import { DEFAULT_CONFIG, RANGES, lossesFor, type ExperimentConfig } from './config';
import { DATASETS } from './datasets';
import { applyPatch, coerceNumber, configToHash, parseHash } from './schema';

/** A config in which every field differs from DEFAULT_CONFIG. */
const CUSTOM: ExperimentConfig = {
  dataset: 'blobs',
  problem: 'classification',
  samples: 321,
  noise: 0.35,
  seed: 123456,
  trainPct: 60,
  valPct: 20,
  features: ['x1', 'x1sq', 'x2sq', 'sinx2'],
  layers: [8, 8, 3],
  activations: ['relu', 'sigmoid', 'linear'],
  init: 'heNormal',
  loss: 'cce',
  optimizer: 'adam',
  lr: 0.0015,
  batch: 32,
  momentum: 0.5,
  beta1: 0.8,
  beta2: 0.95,
  epsilon: 1e-8,
  backend: 'cpu',
  l1: 0.001,
  l2: 0.01,
  dropout: [0.2, 0.5, 0],
  batchnorm: [true, false, true],
  schedule: 'warmup:20+cosine:500',
  clip: 2.5,
  augment: { jitter: 0.3, symmetry: true },
  patience: 25,
  minDelta: 0.001,
  restoreBest: false,
  slice: [2, 0],
  epochs: 50,
  pace: 5,
  images: 1234,
  imageLayers: 'conv:4:5:s2:valid:tanh,pool:2,flatten,dropout:0.5,dense:16:sigmoid',
  imageAugment: { shift: 2, rotate: 10, zoom: 0.1, noise: 0.05, flip: true },
};

/** Hash of DEFAULT_CONFIG with one raw `key=value` pair replaced or appended. */
function withParam(key: string, raw: string): string {
  const p = new URLSearchParams(configToHash(DEFAULT_CONFIG).slice(1));
  p.set(key, raw);
  return '#' + p.toString();
}

describe('configToHash / parseHash round trip', () => {
  it('CUSTOM really changes every field (but problem, fixed by its data set)', () => {
    for (const k of Object.keys(DEFAULT_CONFIG) as (keyof ExperimentConfig)[]) {
      if (k === 'problem') continue;
      expect(CUSTOM[k], k).not.toEqual(DEFAULT_CONFIG[k]);
    }
  });

  it('round-trips DEFAULT_CONFIG without notices', () => {
    const hash = configToHash(DEFAULT_CONFIG);
    expect(hash.startsWith('#')).toBe(true);
    const { config, notices } = parseHash(hash);
    expect(notices).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
  });

  it('round-trips a config with every field changed', () => {
    const hash = configToHash(CUSTOM);
    // Lists stay readable (commas not percent-encoded); epsilon uses its short key.
    expect(hash).toContain('layers=8,8,3');
    expect(hash).toContain('activation=relu,sigmoid,linear');
    expect(hash).toContain('eps=1e-8');
    const { config, notices } = parseHash(hash);
    expect(notices).toEqual([]);
    expect(config).toEqual(CUSTOM);
  });

  it('round-trips a regression config and a linear model', () => {
    const reg: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'wave', problem: 'regression', loss: 'mse', layers: [], activations: [], dropout: [], batchnorm: [], optimizer: 'rmsprop' };
    const { config, notices } = parseHash(configToHash(reg));
    expect(notices).toEqual([]);
    expect(config).toEqual(reg);
  });

  it('parseHash accepts a hash without the leading #', () => {
    expect(parseHash(configToHash(CUSTOM).slice(1)).config).toEqual(CUSTOM);
  });

  it('an empty hash gives DEFAULT_CONFIG and no notices', () => {
    for (const h of ['', '#', '#  ']) {
      const { config, notices } = parseHash(h);
      expect(config).toEqual(DEFAULT_CONFIG);
      expect(notices).toEqual([]);
    }
  });

  it('a partial hash keeps defaults for the fields it omits', () => {
    const { config, notices } = parseHash('#lr=0.1&batch=25');
    expect(notices).toEqual([]);
    expect(config).toEqual({ ...DEFAULT_CONFIG, lr: 0.1, batch: 25 });
  });
});

describe('parseHash on tampered hashes', () => {
  // Each case: the raw pair, and what the affected fields must come out as.
  const cases: { key: string; raw: string; expect: Partial<ExperimentConfig> }[] = [
    { key: 'lr', raw: 'abc', expect: { lr: DEFAULT_CONFIG.lr } },
    { key: 'lr', raw: '-1', expect: { lr: DEFAULT_CONFIG.lr } },
    { key: 'lr', raw: '11', expect: { lr: DEFAULT_CONFIG.lr } },
    { key: 'samples', raw: '5', expect: { samples: DEFAULT_CONFIG.samples } },
    { key: 'samples', raw: '20.5', expect: { samples: DEFAULT_CONFIG.samples } },
    { key: 'layers', raw: '4,x', expect: { layers: DEFAULT_CONFIG.layers, activations: DEFAULT_CONFIG.activations } },
    { key: 'layers', raw: '1,2,3,4,5,6,7', expect: { layers: DEFAULT_CONFIG.layers } },
    { key: 'layers', raw: '0', expect: { layers: DEFAULT_CONFIG.layers } },
    { key: 'dataset', raw: '<script>alert(1)</script>', expect: { dataset: DEFAULT_CONFIG.dataset } },
    { key: 'activation', raw: 'foo', expect: { activations: DEFAULT_CONFIG.activations } },
    { key: 'optimizer', raw: 'lbfgs', expect: { optimizer: DEFAULT_CONFIG.optimizer } },
    { key: 'features', raw: '', expect: { features: DEFAULT_CONFIG.features } },
    { key: 'features', raw: 'x1,x3', expect: { features: DEFAULT_CONFIG.features } },
    { key: 'backend', raw: 'webgpu', expect: { backend: DEFAULT_CONFIG.backend } },
    { key: 'eps', raw: '0', expect: { epsilon: DEFAULT_CONFIG.epsilon } },
    { key: 'loss', raw: 'cce', expect: { loss: 'bce' } }, // cce does not fit the binary circle set
    { key: 'problem', raw: 'regression', expect: { problem: 'classification', dataset: 'circle' } },
  ];
  for (const c of cases) {
    it(`${c.key}=${c.raw} falls back with a notice`, () => {
      const hash = withParam(c.key, c.raw);
      let result: ReturnType<typeof parseHash> | undefined;
      expect(() => (result = parseHash(hash))).not.toThrow();
      const { config, notices } = result!;
      expect(notices.length).toBeGreaterThan(0);
      expect(config).toMatchObject(c.expect);
      // Fields other than the tampered one keep the link's (= default) values.
      expect(config).toEqual({ ...DEFAULT_CONFIG, ...c.expect });
    });
  }

  it('ignores an unknown key with a notice', () => {
    const { config, notices } = parseHash(configToHash(DEFAULT_CONFIG) + '&evil=1');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain('evil');
  });

  it('truncates very long values in notices', () => {
    const { notices } = parseHash('#dataset=' + 'a'.repeat(500));
    expect(notices).toHaveLength(1);
    expect(notices[0].length).toBeLessThan(200);
  });

  it('lowers validation when train + validation leave under 5% for testing', () => {
    const { config, notices } = parseHash('#trainPct=90&valPct=50');
    expect(notices.length).toBeGreaterThan(0);
    expect(config.trainPct).toBe(90);
    expect(config.valPct).toBe(5);
    expect(config.trainPct + config.valPct).toBeLessThanOrEqual(95);
  });

  it('a problem that contradicts the data set is fixed with a notice', () => {
    const { config, notices } = parseHash('#dataset=circle&problem=regression');
    expect(notices.length).toBeGreaterThan(0);
    expect(config.dataset).toBe('circle');
    expect(config.problem).toBe('classification');
    const r = parseHash('#dataset=plane&problem=classification&loss=bce');
    expect(r.notices.length).toBeGreaterThanOrEqual(2);
    expect(r.config).toMatchObject({ dataset: 'plane', problem: 'regression', loss: 'mse' });
  });

  it('a data set alone brings its own problem and loss', () => {
    const a = parseHash('#dataset=blobs');
    expect(a.notices).toEqual([]);
    expect(a.config).toMatchObject({ dataset: 'blobs', problem: 'classification', loss: 'cce' });
    const b = parseHash('#dataset=wave');
    expect(b.notices).toEqual([]);
    expect(b.config).toMatchObject({ dataset: 'wave', problem: 'regression', loss: 'mse' });
  });

  it('a problem alone picks its first data set and loss, as setConfig does', () => {
    const r = parseHash('#problem=regression');
    expect(r.notices).toEqual([]);
    expect(r.config).toMatchObject({ dataset: 'plane', problem: 'regression', loss: 'mse' });
  });

  it('layers without activations get the default activation per layer; one activation applies to all', () => {
    expect(parseHash('#layers=5,6,7').config.activations).toEqual(['tanh', 'tanh', 'tanh']);
    const { config, notices } = parseHash('#layers=5,6,7&activation=relu');
    expect(notices).toEqual([]);
    expect(config.layers).toEqual([5, 6, 7]);
    expect(config.activations).toEqual(['relu', 'relu', 'relu']);
    expect(parseHash('#layers=&activation=').config).toMatchObject({ layers: [], activations: [] });
  });

  it('never throws on garbage', () => {
    for (const h of ['#%', '#%E0%A4%A', '#&&&==', '#layers=,,,', '#=1', '#lr', '#samples=Infinity', '#seed=1e400', '#__proto__=1', '#constructor=x']) {
      let r: ReturnType<typeof parseHash> | undefined;
      expect(() => (r = parseHash(h)), h).not.toThrow();
      expect(Object.keys(r!.config).sort()).toEqual(Object.keys(DEFAULT_CONFIG).sort());
    }
  });
});

describe('applyPatch', () => {
  it('accepts good values, from numbers or strings, and hash-style keys', () => {
    const c = applyPatch(DEFAULT_CONFIG, { lr: 0.1, batch: '25', eps: 1e-6, activation: 'relu', features: 'x2,x1' });
    expect(c).toEqual({ ...DEFAULT_CONFIG, lr: 0.1, batch: 25, epsilon: 1e-6, activations: ['relu', 'relu'], features: ['x1', 'x2'] });
  });

  it('does not modify its base', () => {
    const base = structuredClone(DEFAULT_CONFIG);
    applyPatch(base, { layers: [3], lr: 1 });
    expect(base).toEqual(DEFAULT_CONFIG);
  });

  it('rejects bad values with an Error naming the field', () => {
    const bad: [Record<string, unknown>, string][] = [
      [{ lr: 'abc' }, RANGES.lr.label],
      [{ lr: -1 }, RANGES.lr.label],
      [{ samples: 5 }, RANGES.samples.label],
      [{ batch: 2.5 }, RANGES.batch.label],
      [{ momentum: 1 }, RANGES.momentum.label],
      [{ dataset: 'nope' }, 'dataset'],
      [{ optimizer: 'lbfgs' }, 'optimizer'],
      [{ loss: 'hinge' }, 'loss'],
      [{ layers: [4, 'x'] }, 'layers'],
      [{ layers: [1, 1, 1, 1, 1, 1, 1] }, 'layers'],
      [{ activations: ['foo'] }, 'activation'],
      [{ features: [] }, 'features'],
      [{ colour: 'red' }, 'colour'],
    ];
    for (const [patch, name] of bad) {
      expect(() => applyPatch(DEFAULT_CONFIG, patch), JSON.stringify(patch)).toThrow(name);
    }
  });

  it('names every bad field at once', () => {
    expect(() => applyPatch(DEFAULT_CONFIG, { lr: 'x', dataset: 'nope' })).toThrow(/Learning rate.*dataset/);
  });

  it('rejects non-objects', () => {
    for (const p of [null, 3, 'lr=1', [1]]) expect(() => applyPatch(DEFAULT_CONFIG, p)).toThrow(Error);
  });

  it('rejects combinations that do not fit together', () => {
    expect(() => applyPatch(DEFAULT_CONFIG, { loss: 'cce' })).toThrow(/loss/);
    expect(() => applyPatch(DEFAULT_CONFIG, { dataset: 'blobs', loss: 'bce' })).toThrow(/loss/);
    expect(() => applyPatch(DEFAULT_CONFIG, { trainPct: 90 })).toThrow(/validation/);
    expect(() => applyPatch(DEFAULT_CONFIG, { dataset: 'circle', problem: 'regression' })).toThrow(/problem/);
  });

  it('switching the data set to blobs picks cce and classification', () => {
    const c = applyPatch(DEFAULT_CONFIG, { dataset: 'blobs' });
    expect(c.dataset).toBe('blobs');
    expect(c.loss).toBe('cce');
    expect(c.problem).toBe('classification');
    // And back to a binary set returns to bce.
    expect(applyPatch(c, { dataset: 'moons' }).loss).toBe('bce');
  });

  it('switching the data set to a regression set picks regression and mse', () => {
    const c = applyPatch(DEFAULT_CONFIG, { dataset: 'plane' });
    expect(c).toMatchObject({ dataset: 'plane', problem: 'regression', loss: 'mse' });
  });

  it('switching the problem to regression picks a regression data set and mse', () => {
    const c = applyPatch(DEFAULT_CONFIG, { problem: 'regression' });
    expect(c.problem).toBe('regression');
    expect(DATASETS[c.dataset].problem).toBe('regression');
    expect(c.loss).toBe('mse');
    const back = applyPatch(c, { problem: 'classification' });
    expect(DATASETS[back.dataset].problem).toBe('classification');
    // mse also fits a classification set, so it may stay; it must fit the new set.
    expect(lossesFor(back.dataset)).toContain(back.loss);
  });

  it('accepts an empty layer list (linear model) with no activations', () => {
    const c = applyPatch(DEFAULT_CONFIG, { layers: [] });
    expect(c.layers).toEqual([]);
    expect(c.activations).toEqual([]);
    expect(applyPatch(DEFAULT_CONFIG, { layers: '' }).layers).toEqual([]);
  });

  it('new layers keep existing activations and extend with the last one', () => {
    const base = { ...DEFAULT_CONFIG, activations: ['relu', 'sigmoid'] as ExperimentConfig['activations'] };
    expect(applyPatch(base, { layers: [8, 8, 3] }).activations).toEqual(['relu', 'sigmoid', 'sigmoid']);
    expect(applyPatch(base, { layers: [8] }).activations).toEqual(['relu']);
    const both = applyPatch(base, { layers: [8, 8, 3], activations: ['linear', 'tanh', 'relu'] });
    expect(both.layers).toEqual([8, 8, 3]);
    expect(both.activations).toEqual(['linear', 'tanh', 'relu']);
  });
});

describe('coerceNumber', () => {
  it('accepts values inside the range, including both ends, from numbers and trimmed strings', () => {
    expect(coerceNumber('samples', 20)).toEqual({ ok: true, value: 20 });
    expect(coerceNumber('samples', 2000)).toEqual({ ok: true, value: 2000 });
    expect(coerceNumber('samples', ' 300 ')).toEqual({ ok: true, value: 300 });
    expect(coerceNumber('lr', '1e-5')).toEqual({ ok: true, value: 1e-5 });
    expect(coerceNumber('lr', 10)).toEqual({ ok: true, value: 10 });
    expect(coerceNumber('noise', 0)).toEqual({ ok: true, value: 0 });
  });

  it('rejects values outside the range', () => {
    for (const [k, v] of [['samples', 19], ['samples', 2001], ['lr', 0], ['lr', 10.0001], ['noise', -0.01], ['beta2', 1], ['epsilon', 0], ['units', 257]] as const) {
      const r = coerceNumber(k, v);
      expect(r.ok, `${k}=${v}`).toBe(false);
      if (!r.ok) expect(r.error).toContain(RANGES[k].label);
    }
  });

  it('rejects fractions for whole-number fields but not for real ones', () => {
    const r = coerceNumber('batch', 10.5);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toMatch(/whole number/);
    expect(coerceNumber('batch', '10.0')).toEqual({ ok: true, value: 10 });
    expect(coerceNumber('noise', 0.25)).toEqual({ ok: true, value: 0.25 });
  });

  it('rejects non-numbers', () => {
    for (const v of ['', '  ', 'abc', NaN, Infinity, -Infinity, null, undefined, true, {}, [5]]) {
      const r = coerceNumber('batch', v);
      expect(r.ok, String(v)).toBe(false);
      if (!r.ok) expect(r.error).toMatch(/must be a number/);
    }
  });
});

describe('regularization settings', () => {
  it('reads l1, l2, dropout, augment, patience and restore from the hash', () => {
    const { config, notices } = parseHash('#layers=8,8&l1=0.001&l2=0.01&dropout=0.2,0.5&augment=jitter:0.25,symmetry&patience=30&minDelta=0.01&restore=0');
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ l1: 0.001, l2: 0.01, dropout: [0.2, 0.5], augment: { jitter: 0.25, symmetry: true }, patience: 30, minDelta: 0.01, restoreBest: false });
  });
  it('empty patience is off, augment=off is none, and dropout follows the layers', () => {
    const { config } = parseHash('#layers=4,4,4&dropout=0.3&patience=&augment=off');
    expect(config.patience).toBe(0);
    expect(config.augment).toEqual({ jitter: 0, symmetry: false });
    expect(config.dropout).toEqual([0.3, 0, 0]);
  });
  it('rejects out-of-range rates and malformed augment values with notices', () => {
    const { config, notices } = parseHash('#dropout=0.95&l2=-1&augment=jitter:abc&restore=maybe');
    expect(notices.length).toBeGreaterThanOrEqual(4);
    expect(config.dropout).toEqual(DEFAULT_CONFIG.dropout);
    expect(config.l2).toBe(0);
    expect(config.augment).toEqual(DEFAULT_CONFIG.augment);
    expect(config.restoreBest).toBe(true);
  });
  it('l1 and l2 take one λ, or one per weight layer that follows the layers', () => {
    const { config, notices } = parseHash('#layers=8,8&l2=0.01,0.02,0.03&l1=0.001');
    expect(notices).toEqual([]);
    expect(config.l2).toEqual([0.01, 0.02, 0.03]);
    expect(config.l1).toBe(0.001);
    expect(parseHash(configToHash(config)).config).toEqual(config);
    expect(applyPatch(config, { layers: [8] }).l2).toEqual([0.01, 0.02]);
    expect(applyPatch(config, { layers: [8, 8, 8] }).l2).toEqual([0.01, 0.02, 0.03, 0.03]);
    expect(() => applyPatch(config, { l2: [0.1, 2] })).toThrow(/l2/);
  });

  it('setConfig accepts an augment object and keeps dropout in step with new layers', () => {
    const c = applyPatch(DEFAULT_CONFIG, { augment: { jitter: 0.5, symmetry: true }, layers: [8, 8, 8], dropout: [0.1, 0.2] });
    expect(c.augment).toEqual({ jitter: 0.5, symmetry: true });
    expect(c.dropout).toEqual([0.1, 0.2, 0]);
    expect(() => applyPatch(DEFAULT_CONFIG, { augment: { jitter: 5 } })).toThrow(/augment/);
  });
});

describe('tables in the config', () => {
  it('a link to an uploaded file cannot restore it: the default set, with a notice saying why', () => {
    const { config, notices } = parseHash('#dataset=upload&lr=0.1');
    expect(config.dataset).toBe(DEFAULT_CONFIG.dataset);
    expect(config.lr).toBe(0.1);
    expect(notices.join(' ')).toContain('needs a CSV file');
  });

  it('a built-in table picks its problem and loss', () => {
    const cars = applyPatch(DEFAULT_CONFIG, { dataset: 'cars' });
    expect(cars.problem).toBe('regression');
    expect(cars.loss).toBe('mse');
    const penguins = applyPatch(DEFAULT_CONFIG, { dataset: 'penguins' });
    expect(penguins.loss).toBe('cce');
  });

  it('slice: two different column positions', () => {
    expect(parseHash('#slice=3,1').config.slice).toEqual([3, 1]);
    expect(parseHash('#slice=2,2').notices.join(' ')).toContain('two different columns');
    expect(() => applyPatch(DEFAULT_CONFIG, { slice: [0] })).toThrow(/two numeric input columns/);
  });
});

describe('what a link or a script can slip past the checks', () => {
  it('numbers must be written in plain decimal: hex, binary, octal, Infinity and exponents on counts are refused by name', () => {
    const { config, notices } = parseHash('#seed=0x10&lr=0b11&samples=1e3&noise=0o7&batch=Infinity');
    expect(config.seed).toBe(DEFAULT_CONFIG.seed);
    expect(config.lr).toBe(DEFAULT_CONFIG.lr);
    expect(config.samples).toBe(DEFAULT_CONFIG.samples);
    expect(config.noise).toBe(DEFAULT_CONFIG.noise);
    expect(config.batch).toBe(DEFAULT_CONFIG.batch);
    const text = notices.join(' | ');
    for (const k of ['seed: ', 'lr: ', 'samples: ', 'noise: ', 'batch: ']) expect(text).toContain(k);
    expect(text).toContain('"0x10"');
    expect(text).toContain('whole number written in digits');
  });

  it('exponents stay fine where they are the natural way to write a rate', () => {
    const { config, notices } = parseHash('#lr=1e-5&eps=1e-7&l2=2.5E-3&minDelta=+.5e-2');
    expect(notices).toEqual([]);
    expect(config).toMatchObject({ lr: 1e-5, epsilon: 1e-7, l2: 2.5e-3, minDelta: 0.005 });
  });

  it('a value too small to be told apart from 0 is refused, not read as 0', () => {
    const r = coerceNumber('noise', '1e-400');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error).toContain('too small');
    expect(coerceNumber('noise', '0e-400')).toEqual({ ok: true, value: 0 });
    expect(coerceNumber('noise', '1e400').ok).toBe(false);
    expect(parseHash('#noise=1e-400').notices.join(' ')).toContain('noise: Noise is too small');
  });

  it("setConfig refuses Object's own names as unknown settings", () => {
    for (const k of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__', '__defineGetter__']) {
      const patch = JSON.parse(`{"${k}": 5}`);
      expect(() => applyPatch(DEFAULT_CONFIG, patch), k).toThrow(`unknown setting "${k}"`);
    }
    expect(parseHash('#constructor=1&__proto__=2').notices.join(' ')).toMatch(/ignored unknown setting "constructor".*ignored unknown setting "__proto__"/);
  });

  it('20,000 unknown keys make one short notice, with a few examples', () => {
    const hash = '#' + Array.from({ length: 20_000 }, (_, i) => `junk${i}=1`).join('&') + '&lr=0.1';
    const { config, notices } = parseHash(hash);
    expect(config.lr).toBe(0.1);
    expect(notices).toHaveLength(1);
    expect(notices[0]).toBe('20,000 unknown settings ignored, e.g. "junk0", "junk1", "junk2"');
    const patch = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`k${i}`, 1]));
    let message = '';
    try {
      applyPatch(DEFAULT_CONFIG, patch);
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('5,000 unknown settings, e.g. "k0"');
    expect(message.length).toBeLessThan(200);
  });

  it('many bad values are listed up to a point, then counted', () => {
    const hash = '#' + Array.from({ length: 30 }, (_, i) => `lr=bad${i}`).join('&');
    const { notices } = parseHash(hash);
    expect(notices).toHaveLength(9);
    expect(notices.at(-1)).toBe('and 22 more');
    expect(notices.join('; ').length).toBeLessThan(1200);
  });

  it('the last of a repeated key decides, as in the address bar', () => {
    expect(parseHash('#lr=0.1&lr=0.2').config.lr).toBe(0.2);
    expect(parseHash('#lr=0.1&lr=oops').config.lr).toBe(DEFAULT_CONFIG.lr);
  });
});

describe('the link version (v) and the run controls (epochs, pace)', () => {
  it('every written link starts with v=1', () => {
    expect(configToHash(DEFAULT_CONFIG).startsWith('#v=1&')).toBe(true);
    expect(configToHash(CUSTOM)).toContain('epochs=50');
    expect(configToHash(CUSTOM)).toContain('pace=5');
  });

  it('a link without v reads as version 1, and v=1 gives no notice', () => {
    expect(parseHash('#lr=0.1')).toEqual({ config: { ...DEFAULT_CONFIG, lr: 0.1 }, notices: [] });
    expect(parseHash('#v=1&lr=0.1')).toEqual({ config: { ...DEFAULT_CONFIG, lr: 0.1 }, notices: [] });
  });

  it('a newer version gets a notice but its known settings are still read', () => {
    const { config, notices } = parseHash('#v=7&lr=0.1&epochs=40&someNewKey=1');
    expect(config).toEqual({ ...DEFAULT_CONFIG, lr: 0.1, epochs: 40 });
    expect(notices.join(' ')).toContain('newer version');
    expect(notices.join(' ')).toContain('v=7');
    expect(notices.join(' ')).toContain('someNewKey');
  });

  it('an unreadable version is named and read as version 1', () => {
    const { config, notices } = parseHash('#v=abc&lr=0.1');
    expect(config).toEqual({ ...DEFAULT_CONFIG, lr: 0.1 });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/^v: /);
  });

  it('epochs and pace: ranges, empty = off', () => {
    expect(parseHash('#epochs=50&pace=2.5').config).toMatchObject({ epochs: 50, pace: 2.5 });
    expect(parseHash('#epochs=&pace=').config).toMatchObject({ epochs: 0, pace: 0 });
    for (const bad of ['#epochs=-1', '#epochs=2.5', '#pace=61', '#pace=x']) {
      const { config, notices } = parseHash(bad);
      expect(config, bad).toEqual(DEFAULT_CONFIG);
      expect(notices, bad).toHaveLength(1);
    }
    expect(applyPatch(DEFAULT_CONFIG, { epochs: 200, pace: 10 })).toMatchObject({ epochs: 200, pace: 10 });
    expect(() => applyPatch(DEFAULT_CONFIG, { pace: -1 })).toThrow(/Pace/);
  });
});
