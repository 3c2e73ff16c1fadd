// The exported model files load in tfjs and compute what the weights say.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, expect, it } from 'vitest';
import type { NetworkWeights } from '../shared/protocol';
import { modelFiles } from './modelFiles';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

it('tf.loadLayersModel reads the files, and predictions match a forward pass by hand', async () => {
  const layers = await import('@tensorflow/tfjs-layers');
  const net: NetworkWeights = {
    layers: [
      { units: 3, activation: 'tanh', weights: [[0.5, -1, 0.25], [2, 0.3, -0.7]], biases: [0.1, -0.2, 0.3] },
      { units: 2, activation: 'relu', weights: [[1, -1], [0.5, 0.5], [-2, 1]], biases: [0, 0.1] },
      { units: 1, activation: 'sigmoid', weights: [[1.5], [-0.5]], biases: [0.2] },
    ],
  };
  const files = modelFiles(net, 'm');
  const json = JSON.parse(files.json);
  const weightData = files.weights.buffer.slice(files.weights.byteOffset, files.weights.byteOffset + files.weights.byteLength) as ArrayBuffer;
  const model = await layers.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
  const xs = [
    [0.3, -0.8],
    [-1.2, 0.4],
    [2, 1],
  ];
  const out = model.predict(tf.tensor2d(xs)) as tf.Tensor;
  const got = Array.from(await out.data());
  out.dispose();
  model.dispose();
  const act: Record<string, (v: number) => number> = { tanh: Math.tanh, relu: (v) => Math.max(0, v), sigmoid: (v) => 1 / (1 + Math.exp(-v)) };
  const want = xs.map((x) => {
    let h = x;
    for (const l of net.layers) h = l.biases.map((b, j) => act[l.activation](b + h.reduce((s, v, i) => s + v * l.weights[i][j], 0)));
    return h[0];
  });
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 5));
});

it('a batch-normalized layer loads as Dense, BatchNormalization and Activation, and predicts with the running averages', async () => {
  const layers = await import('@tensorflow/tfjs-layers');
  const bn = { gamma: [1.5, 0.5], beta: [0.2, -0.1], mean: [0.3, -0.4], variance: [2, 0.25], epsilon: 1e-3, momentum: 0.9 };
  const net: NetworkWeights = {
    layers: [
      { units: 2, activation: 'tanh', weights: [[0.5, -1], [2, 0.3]], biases: [0.1, -0.2], batchnorm: bn },
      { units: 1, activation: 'sigmoid', weights: [[1.5], [-0.5]], biases: [0.2] },
    ],
  };
  const files = modelFiles(net, 'm');
  const json = JSON.parse(files.json);
  expect(json.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['Dense', 'BatchNormalization', 'Activation', 'Dense']);
  const weightData = files.weights.buffer.slice(files.weights.byteOffset, files.weights.byteOffset + files.weights.byteLength) as ArrayBuffer;
  const model = await layers.loadLayersModel(tf.io.fromMemory({ modelTopology: json.modelTopology, weightSpecs: json.weightsManifest[0].weights, weightData }));
  const xs = [
    [0.3, -0.8],
    [-1.2, 0.4],
  ];
  const out = model.predict(tf.tensor2d(xs)) as tf.Tensor;
  const got = Array.from(await out.data());
  out.dispose();
  model.dispose();
  const [hidden, output] = net.layers;
  const want = xs.map((x) => {
    const h = hidden.biases.map((b, j) => {
      const z = b + x.reduce((s, v, i) => s + v * hidden.weights[i][j], 0);
      return Math.tanh(((z - bn.mean[j]) / Math.sqrt(bn.variance[j] + bn.epsilon)) * bn.gamma[j] + bn.beta[j]);
    });
    return 1 / (1 + Math.exp(-(output.biases[0] + h.reduce((s, v, i) => s + v * output.weights[i][0], 0))));
  });
  got.forEach((g, i) => expect(g).toBeCloseTo(want[i], 5));
});
