// A pretrained base as a tfjs model: a Keras-style Sequential of Dense layers (an image base's:
// conv, pool, flatten and dense layers, see imageBase.ts; the layers-model format
// tf.loadLayersModel reads) with float32 weights, plus the playground's description of
// the base in userDefinedMetadata. Writes and validates the model.json + weights.bin pair, and the
// artifacts tfjs's IndexedDB handler stores. Plain data; no tfjs needed.
import type { LayerWeights } from '../engine/model';
import { ACTIVATIONS, type Activation } from '../shared/config';
import type { BaseInfo, ModelFiles } from '../shared/transferProtocol';
import { errorText } from '../shared/errorText';
import { checkImageInfo, imageSpecs, imageTopology } from './imageBase';

/** A base: its description and every weight layer, its own head last. */
export interface Base {
  info: BaseInfo;
  layers: LayerWeights[];
}

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32';
}

/** What tfjs's io handlers save and load (a subset of tf.io.ModelArtifacts). */
export interface BaseArtifacts {
  modelTopology: object;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
  format: string;
  generatedBy: string;
  convertedBy: null;
  userDefinedMetadata: { transferBase: BaseInfo };
}

const METADATA_KEY = 'transferBase';

/** Units of each weight layer, hidden layers first, then the base's own head. */
function units(info: BaseInfo): number[] {
  const k = info.classNames.length;
  return [...info.layers, k === 2 ? 1 : k];
}

function headActivation(info: BaseInfo): string {
  return info.classNames.length === 2 ? 'sigmoid' : 'softmax';
}

function layerName(i: number): string {
  return `dense_${i + 1}`;
}

function topology(info: BaseInfo): object {
  if (info.image) return imageTopology(info);
  const u = units(info);
  return {
    class_name: 'Sequential',
    config: {
      name: 'transfer_base',
      layers: u.map((n, i) => ({
        class_name: 'Dense',
        config: {
          name: layerName(i),
          units: n,
          activation: i < info.layers.length ? info.activations[i] : headActivation(info),
          use_bias: true,
          trainable: true,
          dtype: 'float32',
          ...(i === 0 ? { batch_input_shape: [null, info.inputNames.length] } : {}),
        },
      })),
    },
    keras_version: 'tfjs-layers 4.22.0',
    backend: 'tensor_flow.js',
  };
}

function specs(info: BaseInfo): WeightSpec[] {
  if (info.image) return imageSpecs(info).map((w) => ({ ...w, dtype: 'float32' as const }));
  const sizes = [info.inputNames.length, ...units(info)];
  return sizes.slice(1).flatMap((n, i) => [
    { name: `${layerName(i)}/kernel`, shape: [sizes[i], n], dtype: 'float32' as const },
    { name: `${layerName(i)}/bias`, shape: [n], dtype: 'float32' as const },
  ]);
}

/** A JSON-safe copy of the description (typed arrays in `stats` become plain arrays). */
function plainInfo(info: BaseInfo): BaseInfo {
  return JSON.parse(JSON.stringify(info, (_k, v) => (ArrayBuffer.isView(v) ? Array.from(v as unknown as ArrayLike<number>) : v))) as BaseInfo;
}

export function toArtifacts(base: Base): BaseArtifacts {
  const weightSpecs = specs(base.info);
  const total = base.layers.reduce((s, l) => s + l.kernel.length + l.bias.length, 0);
  const flat = new Float32Array(total);
  let at = 0;
  for (const l of base.layers) {
    flat.set(l.kernel, at);
    at += l.kernel.length;
    flat.set(l.bias, at);
    at += l.bias.length;
  }
  if (weightSpecs.length !== 2 * base.layers.length) throw new Error('the base has a different number of layers than its description says');
  return {
    modelTopology: topology(base.info),
    weightSpecs,
    weightData: flat.buffer,
    format: 'layers-model',
    generatedBy: 'Tuning Playground transfer learning',
    convertedBy: null,
    userDefinedMetadata: { [METADATA_KEY]: plainInfo(base.info) },
  };
}

/** The file names of a base, tfjs's download convention: `<stem>.json` and `<stem>.weights.bin`. */
export function fileNames(info: BaseInfo): { json: string; weights: string } {
  const stem = 'transfer-' + info.name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { json: `${stem}.json`, weights: `${stem}.weights.bin` };
}

/** The model.json + weights.bin pair of a base (the manifest names the weights file). */
export function exportFiles(base: Base): ModelFiles {
  const a = toArtifacts(base);
  const names = fileNames(base.info);
  const json = {
    format: a.format,
    generatedBy: a.generatedBy,
    convertedBy: a.convertedBy,
    modelTopology: a.modelTopology,
    weightsManifest: [{ paths: [`./${names.weights}`], weights: a.weightSpecs }],
    userDefinedMetadata: a.userDefinedMetadata,
  };
  return { modelJson: JSON.stringify(json), weights: a.weightData, jsonName: names.json, weightsName: names.weights };
}

function fail(msg: string): never {
  throw new Error(msg);
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 1;

/** Checks a stored description field by field; names the first thing wrong. */
function checkInfo(v: unknown): BaseInfo {
  if (!isObj(v)) fail(`model.json has no "userDefinedMetadata.${METADATA_KEY}": it was not saved by this playground's transfer panel, so its source task and input features are unknown.`);
  const need = (ok: boolean, field: string) => ok || fail(`model.json's base description has a bad or missing "${field}".`);
  need(typeof v.name === 'string' && v.name.length > 0, 'name');
  need(typeof v.source === 'string', 'source');
  need(typeof v.sourceLabel === 'string', 'sourceLabel');
  need(typeof v.domain === 'string', 'domain');
  need(isStrings(v.inputNames) && v.inputNames.length >= 1, 'inputNames');
  need(isStrings(v.classNames) && v.classNames.length >= 2, 'classNames');
  if (v.image !== undefined) {
    // An image base: its stack says it all; `layers` and `activations` stay empty.
    const bad = checkImageInfo(v, (v.classNames as string[]).length);
    if (bad) need(false, bad);
    need(Array.isArray(v.layers) && Array.isArray(v.activations), 'layers');
  } else {
    need(Array.isArray(v.layers) && v.layers.length >= 1 && v.layers.every(isCount), 'layers');
    need(Array.isArray(v.activations) && v.activations.length === (v.layers as unknown[]).length && v.activations.every((a) => ACTIVATIONS.includes(a as Activation)), 'activations');
  }
  need(typeof v.sourceValAcc === 'number' && typeof v.sourceValLoss === 'number', 'sourceValAcc');
  const num = (x: unknown) => (typeof x === 'number' && Number.isFinite(x) ? x : 0);
  return {
    ...(v as unknown as BaseInfo),
    seed: num(v.seed),
    epochs: num(v.epochs),
    sourceTrain: num(v.sourceTrain),
    createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
  };
}

/** Rebuilds a base from artifacts (uploaded or read from IndexedDB), checking every shape. */
export function fromArtifacts(a: { modelTopology?: unknown; weightSpecs?: unknown; weightData?: unknown; userDefinedMetadata?: unknown }): Base {
  const info = checkInfo(isObj(a.userDefinedMetadata) ? a.userDefinedMetadata[METADATA_KEY] : undefined);
  if (!Array.isArray(a.weightSpecs)) fail('model.json lists no weights.');
  const expected = specs(info);
  if (a.weightSpecs.length !== expected.length) {
    fail(`model.json lists ${a.weightSpecs.length} weight arrays; a base ${info.image ? `with the layers ${info.image.stack}` : `with ${info.layers.length} hidden layers`} has ${expected.length}.`);
  }
  a.weightSpecs.forEach((s: unknown, i) => {
    const e = expected[i];
    if (!isObj(s) || !Array.isArray(s.shape)) fail(`weight ${i + 1} in model.json has no shape.`);
    if ((s.dtype ?? 'float32') !== 'float32') fail(`weight "${String(s.name)}" is ${String(s.dtype)}; only float32 weights can be read.`);
    if (s.shape.length !== e.shape.length || s.shape.some((d, j) => d !== e.shape[j])) {
      fail(`weight "${String(s.name)}" has shape [${s.shape.join(', ')}]; the base's description needs [${e.shape.join(', ')}] for ${e.name}.`);
    }
  });
  const data = a.weightData;
  const buffer = data instanceof ArrayBuffer ? data : Array.isArray(data) ? concat(data as ArrayBuffer[]) : ArrayBuffer.isView(data) ? copyView(data) : fail('the weights are missing.');
  const count = expected.reduce((s, e) => s + e.shape.reduce((p, d) => p * d, 1), 0);
  if (buffer.byteLength !== 4 * count) fail(`weights.bin has ${buffer.byteLength} bytes; model.json describes ${count} float32 numbers (${4 * count} bytes).`);
  const flat = new Float32Array(buffer.slice(0));
  if (!flat.every(Number.isFinite)) fail('weights.bin holds numbers that are not finite (NaN or infinity).');
  const layers: LayerWeights[] = [];
  let at = 0;
  for (let i = 0; i < expected.length; i += 2) {
    const k = expected[i].shape.reduce((p, d) => p * d, 1);
    const b = expected[i + 1].shape[0];
    layers.push({ kernel: flat.slice(at, at + k), bias: flat.slice(at + k, at + k + b) });
    at += k + b;
  }
  return { info, layers };
}

function concat(parts: ArrayBuffer[]): ArrayBuffer {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.byteLength, 0));
  let at = 0;
  for (const p of parts) {
    out.set(new Uint8Array(p), at);
    at += p.byteLength;
  }
  return out.buffer;
}

function copyView(v: ArrayBufferView): ArrayBuffer {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength).slice().buffer;
}

/** Reads an uploaded model.json + weights.bin pair, with a clear message for each problem. */
export function importFiles(files: ModelFiles): Base {
  let json: unknown;
  try {
    json = JSON.parse(files.modelJson);
  } catch (e) {
    fail(`model.json is not valid JSON (${errorText(e)}).`);
  }
  if (!isObj(json)) fail('model.json does not hold a JSON object.');
  if (!isObj(json.modelTopology)) fail('model.json has no "modelTopology": it is not a tfjs model file.');
  const manifest = json.weightsManifest;
  if (!Array.isArray(manifest) || manifest.length === 0) fail('model.json has no "weightsManifest": it is not a tfjs layers-model file.');
  const weightSpecs = manifest.flatMap((g: unknown) => (isObj(g) && Array.isArray(g.weights) ? g.weights : fail('a weightsManifest group in model.json has no "weights" list.')));
  return fromArtifacts({ modelTopology: json.modelTopology, weightSpecs, weightData: files.weights, userDefinedMetadata: json.userDefinedMetadata });
}
