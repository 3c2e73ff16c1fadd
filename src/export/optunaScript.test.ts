import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { pointsSource } from '../worker/dataSource';
import { foldPairs } from '../worker/crossValidate';
import type { SearchSpec } from '../search/types';
import { defaultStudyName, optunaScript, requestedTrials, samplerCall, searchRows, suggestCall, suggestLines } from './optunaScript';

const spec: SearchSpec = {
  strategy: 'bayes',
  space: {
    lr: { kind: 'range', min: 1e-4, max: 1, scale: 'log' },
    batch: { kind: 'range', min: 4, max: 128, scale: 'log', integer: true },
    layers: { kind: 'range', min: 0.5, max: 3.5, scale: 'linear' },
    dropout: { kind: 'range', min: 0, max: 0.5, scale: 'linear' },
    units: { kind: 'list', values: [4, 8, 16] },
    optimizer: { kind: 'list', values: ['sgd', 'adam'] },
  },
  budget: 20,
  folds: 3,
  epochs: 40,
  seed: 7,
  objective: 'loss',
};

describe('suggestCall', () => {
  it('maps ranges and lists onto Optuna suggest calls', () => {
    expect(suggestCall('lr', spec.space.lr!)).toBe('trial.suggest_float("lr", 0.0001, 1, log=True)');
    expect(suggestCall('batch', spec.space.batch!)).toBe('trial.suggest_int("batch", 4, 128, log=True)');
    // whole-number parameters take only the whole numbers inside fractional ends
    expect(suggestCall('layers', spec.space.layers!)).toBe('trial.suggest_int("layers", 1, 3, log=False)');
    expect(suggestCall('dropout', spec.space.dropout!)).toBe('trial.suggest_float("dropout", 0, 0.5, log=False)');
    expect(suggestCall('units', spec.space.units!)).toBe('trial.suggest_categorical("units", [4, 8, 16])');
    expect(suggestCall('optimizer', spec.space.optimizer!)).toBe('trial.suggest_categorical("optimizer", ["sgd", "adam"])');
  });
});

describe('searchRows', () => {
  it('assigns the same folds as the browser’s cross-validation', () => {
    const config = { ...DEFAULT_CONFIG, samples: 120 };
    const src = pointsSource(config);
    const rows = searchRows(src, config.seed, 3);
    const pool = Int32Array.from([...src.split.train, ...src.split.val]).sort();
    expect(rows.x.length).toBe(pool.length);
    foldPairs(config, src, 3).forEach((pair, f) => {
      const held = pool.filter((_, i) => rows.fold[i] === f);
      expect(Array.from(held)).toEqual(Array.from(pair.val));
    });
    expect(rows.x[0].length).toBe(src.width);
  });

  it('tables: the numeric inputs are re-standardized per fold (k > 1 only)', () => {
    const config = { ...DEFAULT_CONFIG, samples: 60 };
    const src = { ...pointsSource(config), encoded: { numericInputs: [1] } as unknown as NonNullable<ReturnType<typeof pointsSource>['encoded']> };
    expect(searchRows(src, 1, 3).standardize).toEqual([1]);
    expect(searchRows(src, 1, 1).standardize).toEqual([]);
    expect(searchRows(pointsSource(config), 1, 3).standardize).toEqual([]);
    const rows = searchRows(src, 1, 3);
    expect(optunaScript({ config, spec, rows })).toContain('STANDARDIZE = [1]');
  });

  it('k = 1 holds out the validation split and always trains on the rest', () => {
    const config = { ...DEFAULT_CONFIG, samples: 80 };
    const src = pointsSource(config);
    const rows = searchRows(src, config.seed, 1);
    expect(rows.fold.filter((f) => f === 0).length).toBe(src.split.val.length);
    expect(rows.fold.filter((f) => f === -1).length).toBe(src.split.train.length);
  });
});

describe('optunaScript', () => {
  const config = { ...DEFAULT_CONFIG, samples: 60 };
  const rows = searchRows(pointsSource(config), config.seed, 3);

  it('writes every suggest call, the objective, the CLI and a seeded TPE sampler', () => {
    const s = optunaScript({ config, spec, rows });
    for (const key of Object.keys(spec.space)) expect(s).toContain(`p["${key}"] = trial.suggest_`);
    expect(s).toContain('EPOCHS = 40');
    expect(s).toContain('FOLDS = 3');
    expect(s).toContain('DIRECTION = "minimize"');
    expect(s).toContain('optuna.samplers.TPESampler(seed=SEED, n_startup_trials=5, multivariate=True)');
    expect(s).toContain('SEED = 7');
    expect(s).toContain('N_TRIALS = 20');
    for (const flag of ['--storage', '--study-name', '--n-trials', '--n-jobs', '--csv']) expect(s).toContain(`"${flag}"`);
    expect(s).toContain('load_if_exists=True');
    expect(s).toContain('MaxTrialsCallback');
    expect(s).toContain(`STUDY_NAME = "${defaultStudyName(spec)}"`);
    expect(s.match(/^ {4}\[\[/gm)?.length).toBe(rows.x.length);
  });

  it('a grid runs cell i as trial i over the lists and runs every cell; accuracy is maximized', () => {
    const grid: SearchSpec = { ...spec, strategy: 'grid', objective: 'accuracy', space: { units: { kind: 'list', values: [4, 8] }, activation: { kind: 'list', values: ['tanh', 'relu'] }, lr: { kind: 'list', values: [0.1, 0.01, 0.001] } } };
    const s = optunaScript({ config, spec: grid, rows });
    expect(requestedTrials(grid)).toBe(12);
    expect(s).toContain('GRID = {"lr": [0.1, 0.01, 0.001], "units": [4, 8], "activation": ["tanh", "relu"]}');
    expect(s).toContain('sampler = NumberedGridSampler()');
    expect(s).toContain('N_TRIALS = 12');
    expect(s).toContain('DIRECTION = "maximize"');
  });

  it('refuses an empty space, a grid over a range and a model with batch norm', () => {
    expect(() => optunaScript({ config, spec: { ...spec, space: {} }, rows })).toThrow(/no parameters/);
    expect(() => optunaScript({ config, spec: { ...spec, strategy: 'grid' }, rows })).toThrow(/lists/);
    expect(() => optunaScript({ config: { ...config, batchnorm: config.layers.map(() => true) }, spec, rows })).toThrow(/batch norm is on/);
  });

  it('suggests a conditional setting only inside the if that makes it exist, with a grouped TPE', () => {
    const tpe: SearchSpec = {
      ...spec,
      strategy: 'tpe',
      space: {
        layers: { kind: 'range', min: 1, max: 3, scale: 'linear', integer: true },
        units2: { kind: 'range', min: 2, max: 32, scale: 'log', integer: true },
        optimizer: { kind: 'list', values: ['sgd', 'momentum'] },
        momentum: { kind: 'range', min: 0.5, max: 0.99, scale: 'linear' },
      },
    };
    expect(suggestLines(tpe).split('\n')).toEqual([
      '    p["layers"] = trial.suggest_int("layers", 1, 3, log=False)',
      '    if int(p.get("layers", len(CONFIG["layers"]))) >= 2:  # the units of layers 2+ exist only with 2 or more hidden layers',
      '        p["units2"] = trial.suggest_int("units2", 2, 32, log=True)',
      '    p["optimizer"] = trial.suggest_categorical("optimizer", ["sgd", "momentum"])',
      '    if p.get("optimizer", CONFIG["optimizer"]) == "momentum":  # momentum β exists only with SGD + momentum',
      '        p["momentum"] = trial.suggest_float("momentum", 0.5, 0.99, log=False)',
    ]);
    expect(samplerCall(tpe)).toBe('optuna.samplers.TPESampler(seed=SEED, n_startup_trials=5, multivariate=True, group=True)');
    expect(optunaScript({ config, spec: tpe, rows })).toContain(samplerCall(tpe));
  });

  it('a conditional grid has only the cells where each setting exists, in the browser’s order', () => {
    const grid: SearchSpec = { ...spec, strategy: 'grid', space: { lr: { kind: 'list', values: [0.1, 0.01] }, optimizer: { kind: 'list', values: ['adam', 'momentum'] }, momentum: { kind: 'list', values: [0.5, 0.9] } } };
    expect(requestedTrials(grid)).toBe(6);
    const s = optunaScript({ config, spec: grid, rows });
    expect(s).toContain('N_TRIALS = 6');
    expect(s).toContain(
      'CELLS = [{"lr": 0.1, "optimizer": "adam"}, {"lr": 0.1, "optimizer": "momentum", "momentum": 0.5}, {"lr": 0.1, "optimizer": "momentum", "momentum": 0.9}, {"lr": 0.01, "optimizer": "adam"}, {"lr": 0.01, "optimizer": "momentum", "momentum": 0.5}, {"lr": 0.01, "optimizer": "momentum", "momentum": 0.9}]',
    );
    // β alone, the optimizer not searched: the config decides.
    const beta: SearchSpec = { ...grid, space: { lr: grid.space.lr, momentum: grid.space.momentum } };
    expect(requestedTrials(beta, { ...config, optimizer: 'momentum' })).toBe(4);
    expect(requestedTrials(beta, { ...config, optimizer: 'sgd' })).toBe(2);
  });
});
