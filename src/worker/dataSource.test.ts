import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { GRID_RESOLUTION } from '../shared/datasets';
import { restandardize } from './crossValidate';
import { loadSource } from './dataSource';
import { evaluationView } from './evaluation';
import { prepareAny } from './prepareData';

const penguins: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'penguins', problem: 'classification', loss: 'cce' };

describe('table sources', () => {
  it('penguins: encoded rows, a stratified split of the kept rows, a slice grid and the view the page shows', async () => {
    const src = await loadSource(penguins);
    expect(src.table!.dropped).toBeGreaterThan(0);
    expect(src.n + src.table!.dropped).toBe(344);
    expect(src.classes).toBe(3);
    expect(src.split.train.length + src.split.val.length + src.split.test.length).toBe(src.n);
    expect(src.grid.length).toBe(GRID_RESOLUTION * GRID_RESOLUTION * src.width);
    expect(src.plot.length).toBe(2 * src.n);
    expect(src.table!.slice).toEqual([0, 1]);
    expect(src.table!.numericInputs.length).toBeGreaterThanOrEqual(4);
    expect(src.table!.axes!.x.name).toBe(src.table!.numericInputs[0]);
  });

  it('a slice naming columns the table lacks falls back to the first two', async () => {
    const src = await loadSource({ ...penguins, slice: [2, 150] });
    expect(src.table!.slice).toEqual([0, 1]);
    const other = await loadSource({ ...penguins, slice: [3, 2] });
    expect(other.table!.slice).toEqual([3, 2]);
    expect(other.table!.axes!.y.name).toBe(other.table!.numericInputs[2]);
  });

  it('training rows of the prepared data are the split’s rows, inputs standardized on them', async () => {
    const p = await prepareAny(penguins);
    const { train, inputs } = p.data;
    const col = p.source.encoded!.numericInputs[0];
    let sum = 0;
    for (let r = 0; r < train.n; r++) sum += train.x[r * inputs + col];
    expect(Math.abs(sum / train.n)).toBeLessThan(1e-4);
  });

  it('k-fold: a fold is re-standardized on its own training rows only', async () => {
    const src = await loadSource(penguins);
    const foldTrain = src.split.val; // any subset of rows
    const x = restandardize(src, foldTrain);
    for (const col of src.encoded!.numericInputs) {
      let sum = 0;
      let sq = 0;
      for (const r of foldTrain) sum += x[r * src.width + col];
      const mean = sum / foldTrain.length;
      for (const r of foldTrain) sq += (x[r * src.width + col] - mean) ** 2;
      expect(Math.abs(mean)).toBeLessThan(1e-4);
      expect(Math.sqrt(sq / foldTrain.length)).toBeCloseTo(1, 4);
    }
  });
});

describe('evaluationView', () => {
  it('confusion matrix: row = actual, column = predicted, one count per validation row', async () => {
    const src = await loadSource(penguins);
    const rows = src.split.val;
    const k = src.classes;
    // A model that always says class 2.
    const outputs = new Float32Array(rows.length * k);
    rows.forEach((_, i) => (outputs[i * k + 2] = 1));
    const v = evaluationView(src.encoded!, rows, outputs);
    if (v.kind !== 'confusion') throw new Error('expected a confusion matrix');
    expect(v.counts.reduce((a, b) => a + b, 0)).toBe(rows.length);
    for (let c = 0; c < k; c++) {
      const actual = Array.from(rows).filter((r) => src.y[r] === c).length;
      expect(v.counts[c * k + 2]).toBe(actual);
      expect(v.counts[c * k]).toBe(0);
    }
  });

  it('regression: predicted and actual in the target’s own units', async () => {
    const cars: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'cars', problem: 'regression', loss: 'mse' };
    const src = await loadSource(cars);
    const rows = src.split.val;
    const outputs = Float32Array.from(rows, (r) => src.y[r]); // a perfect model
    const v = evaluationView(src.encoded!, rows, outputs);
    if (v.kind !== 'fit') throw new Error('expected predicted vs actual');
    for (let i = 0; i < rows.length; i++) expect(v.predicted[i]).toBeCloseTo(v.actual[i], 3);
    // Miles per gallon, not standardized units.
    expect(Math.min(...v.actual)).toBeGreaterThan(5);
    expect(Math.max(...v.actual)).toBeLessThan(50);
  });
});

describe('search trials on a table', () => {
  it('k-fold cross-validation scores a penguins trial', async () => {
    const { crossValidate } = await import('./crossValidate');
    const tf = await import('@tensorflow/tfjs-core');
    await import('@tensorflow/tfjs-backend-cpu');
    await tf.setBackend('cpu');
    const r = await crossValidate({ config: { ...penguins, backend: 'cpu', optimizer: 'adam', lr: 0.01, layers: [8], activations: ['tanh'], dropout: [0] }, folds: 3, epochs: 30, objective: 'accuracy' }, () => false);
    expect(r!.folds).toHaveLength(3);
    expect(r!.mean).toBeGreaterThan(0.8);
  });
});
