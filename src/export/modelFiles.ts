// The trained model as tfjs layers-model files: a `<stem>.json` (topology + weights manifest) and
// a `<stem>.weights.bin` of float32 numbers, the pair tf.loadLayersModel reads. Built on the page
// from the worker's getNetwork() answer (weights[i][j]: from unit i of the column before to unit
// j), which is row-major [inputs, units], the layout of a Dense kernel. Plain data; no tfjs needed.
// A batch-normalized hidden layer becomes three tfjs layers: a linear Dense, a BatchNormalization
// (γ, β, the running mean and variance as moving_mean and moving_variance, the engine's ε and
// momentum; tfjs-layers' momentum is the weight of the old average, as the engine's) and an
// Activation, which tfjs computes at inference exactly as the page evaluates.
import type { ExperimentConfig } from '../shared/config';
import type { NetworkWeights } from '../shared/protocol';

export interface ExportedModel {
  /** model.json's text. */
  json: string;
  /** weights.bin's bytes (little-endian float32, in manifest order). */
  weights: Uint8Array;
  jsonName: string;
  weightsName: string;
}

export interface ModelWeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

const layerName = (i: number) => `dense_${i + 1}`;
const bnName = (i: number) => `batch_normalization_${i + 1}`;
const BN_WEIGHTS = ['gamma', 'beta', 'moving_mean', 'moving_variance'] as const;

type Layer = NetworkWeights['layers'][number];
/** A layer's batch-norm values in the order of BN_WEIGHTS. */
const bnValues = (bn: NonNullable<Layer['batchnorm']>) => [bn.gamma, bn.beta, bn.mean, bn.variance];

/** Activation names as tfjs's layers know them. */
function tfjsActivation(a: string): string {
  return a === 'leakyRelu' ? 'leakyrelu' : a;
}

export function weightSpecs(net: NetworkWeights): ModelWeightSpec[] {
  const specs: ModelWeightSpec[] = [];
  net.layers.forEach((l, i) => {
    specs.push({ name: `${layerName(i)}/kernel`, shape: [l.weights.length, l.units], dtype: 'float32' });
    specs.push({ name: `${layerName(i)}/bias`, shape: [l.units], dtype: 'float32' });
    if (l.batchnorm) for (const w of BN_WEIGHTS) specs.push({ name: `${bnName(i)}/${w}`, shape: [l.units], dtype: 'float32' });
  });
  return specs;
}

/** Checks the shapes chain (each layer's inputs = the previous layer's units) and flattens. */
function flatten(net: NetworkWeights): Float32Array {
  if (net.layers.length === 0) throw new Error('the model has no layers');
  let total = 0;
  net.layers.forEach((l, i) => {
    const inputs = l.weights.length;
    if (i > 0 && inputs !== net.layers[i - 1].units) throw new Error(`layer ${i + 1} has ${inputs} inputs but layer ${i} has ${net.layers[i - 1].units} units`);
    if (l.biases.length !== l.units || l.weights.some((row) => row.length !== l.units)) throw new Error(`layer ${i + 1}'s weights do not match its ${l.units} units`);
    if (l.batchnorm && bnValues(l.batchnorm).some((v) => v.length !== l.units)) throw new Error(`layer ${i + 1}'s batch norm does not match its ${l.units} units`);
    total += inputs * l.units + l.units + (l.batchnorm ? 4 * l.units : 0);
  });
  const flat = new Float32Array(total);
  let at = 0;
  for (const l of net.layers) {
    for (const row of l.weights) {
      flat.set(row, at);
      at += row.length;
    }
    flat.set(l.biases, at);
    at += l.biases.length;
    for (const v of l.batchnorm ? bnValues(l.batchnorm) : []) {
      flat.set(v, at);
      at += v.length;
    }
  }
  return flat;
}

/** tfjs's download convention: `<stem>.json` and `<stem>.weights.bin`. */
export function modelFiles(net: NetworkWeights, stem: string, config?: ExperimentConfig): ExportedModel {
  const flat = flatten(net);
  const inputs = net.layers[0].weights.length;
  const jsonName = `${stem}.json`;
  const weightsName = `${stem}.weights.bin`;
  const topology = {
    class_name: 'Sequential',
    config: {
      name: 'tuning_playground',
      layers: net.layers.flatMap((l, i) => [
        {
          class_name: 'Dense',
          config: {
            name: layerName(i),
            units: l.units,
            activation: l.batchnorm ? 'linear' : tfjsActivation(l.activation),
            use_bias: true,
            trainable: true,
            dtype: 'float32',
            kernel_initializer: { class_name: 'Zeros', config: {} },
            bias_initializer: { class_name: 'Zeros', config: {} },
            ...(i === 0 ? { batch_input_shape: [null, inputs] } : {}),
          },
        },
        ...(l.batchnorm
          ? [
              {
                class_name: 'BatchNormalization',
                config: { name: bnName(i), axis: -1, momentum: l.batchnorm.momentum, epsilon: l.batchnorm.epsilon, center: true, scale: true, trainable: true, dtype: 'float32' },
              },
              { class_name: 'Activation', config: { name: `activation_${i + 1}`, activation: tfjsActivation(l.activation), trainable: true, dtype: 'float32' } },
            ]
          : []),
      ]),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
  const json = {
    format: 'layers-model',
    generatedBy: 'Tuning Playground export',
    convertedBy: null,
    modelTopology: topology,
    weightsManifest: [{ paths: [`./${weightsName}`], weights: weightSpecs(net) }],
    ...(config ? { userDefinedMetadata: { playgroundConfig: config } } : {}),
  };
  return { json: JSON.stringify(json), weights: new Uint8Array(flat.buffer), jsonName, weightsName };
}
