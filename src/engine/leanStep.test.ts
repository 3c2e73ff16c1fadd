import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { randomBatch as data } from './testing';
import { mulberry32 } from '../data/random';
import type { Activation, LossKey } from '../shared/config';
import { manualGradients, tapeGradients, type StepOptions } from './leanStep';
import { Mlp, type OutputKind } from './model';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const CASES: { loss: LossKey; kind: OutputKind; outputs: number }[] = [
  { loss: 'bce', kind: 'sigmoid', outputs: 1 },
  { loss: 'mse', kind: 'sigmoid', outputs: 1 },
  { loss: 'cce', kind: 'softmax', outputs: 3 },
  { loss: 'mse', kind: 'softmax', outputs: 3 },
  { loss: 'mse', kind: 'linear', outputs: 1 },
];
const ACTIVATIONS: Activation[] = ['tanh', 'relu', 'sigmoid', 'linear'];

function compare(model: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, o: StepOptions) {
  const before = tf.memory().numTensors;
  tf.tidy(() => {
    const lean = manualGradients(model, x, y, o);
    const tape = tapeGradients(model, x, y, o);
    expect(lean.map((g) => g.name).sort()).toEqual(tape.map((g) => g.name).sort());
    for (const t of tape) {
      const l = lean.find((g) => g.name === t.name)!;
      expect(l.tensor.shape).toEqual(t.tensor.shape);
      const a = l.tensor.dataSync();
      const b = t.tensor.dataSync();
      const scale = Math.max(1e-3, ...Array.from(b, Math.abs));
      for (let i = 0; i < a.length; i++) expect(Math.abs(a[i] - b[i]) / scale).toBeLessThan(2e-5);
    }
  });
  expect(tf.memory().numTensors).toBe(before);
}

describe('manualGradients equals the gradient tape', () => {
  for (const c of CASES) {
    for (const act of ACTIVATIONS) {
      it(`${c.loss} with a ${c.kind} output, ${act} hidden layers`, () => {
        const model = new Mlp({ inputs: 3, layers: [5, 4], activations: [act, act], outputs: c.outputs, output: c.kind, init: 'glorotUniform' }, mulberry32(7));
        const { x, y } = data(11, 3, c.outputs, c.kind, 3);
        compare(model, x, y, { loss: c.loss, kind: c.kind, l1: [0, 0, 0], l2: [0, 0, 0] });
        model.dispose();
        x.dispose();
        y.dispose();
      });
    }
  }

  it('with L1 and L2 per layer and dropout', () => {
    const model = new Mlp({ inputs: 2, layers: [6, 3], activations: ['tanh', 'relu'], outputs: 1, output: 'sigmoid', init: 'heNormal' }, mulberry32(9));
    const { x, y } = data(16, 2, 1, 'sigmoid', 5);
    compare(model, x, y, { loss: 'bce', kind: 'sigmoid', l1: [0.01, 0, 0.003], l2: [0, 0.02, 0.005], dropout: { rates: [0.3, 0.5], seed: 42 } });
    model.dispose();
    x.dispose();
    y.dispose();
  });

  it('a linear model (no hidden layer)', () => {
    const model = new Mlp({ inputs: 4, layers: [], activations: [], outputs: 3, output: 'softmax', init: 'glorotNormal' }, mulberry32(1));
    const { x, y } = data(9, 4, 3, 'softmax', 8);
    compare(model, x, y, { loss: 'cce', kind: 'softmax', l1: [0.01], l2: [0.01] });
    model.dispose();
    x.dispose();
    y.dispose();
  });
});
