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
