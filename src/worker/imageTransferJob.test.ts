// Transfer on images in-process on the wasm backend, small: a tiny CNN base pretrained on digits
// 0–4 for one epoch; the frozen method keeps the base's weights while its head learns, fine-tuning
// changes them, from scratch starts from fresh seeded weights; the comparison gives three curves
// and cancels cleanly; an image base survives its model files and is refused for points (and a
// points base for images); no tensors are left behind.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildDigitsFile } from '../build/digitsAsset';
import { ImageModel } from '../engine/imageModel';
import type { LayerWeights } from '../engine/model';
import { IMAGE_INPUT } from '../shared/imageStack';
import { DEFAULT_IMAGE_TRANSFER, DEFAULT_TRANSFER_SETTINGS, type TransferSettings } from '../shared/transferProtocol';
import { exportFiles, importFiles, type Base } from '../transfer/modelFile';
import { findTask } from '../transfer/tasks';
import { baseStack } from '../transfer/imageBase';
import { setDigitsLoader } from './digitsSource';
import { buildImageTarget, compareImageMethods, imagePlans, placeBase, pretrainImageBase } from './imageTransferJob';
import { createTransferApi } from './transferApi';

const STACK = 'conv:4:3,pool:2,conv:8:3,pool:2,flatten';
const S: TransferSettings = {
  ...DEFAULT_TRANSFER_SETTINGS,
  seed: 7,
  image: { ...DEFAULT_IMAGE_TRANSFER, stack: STACK, sourceImages: 600, pretrainEpochs: 1, epochs: 3, nTarget: 20, batch: 20, lr: 0.01 },
};

beforeAll(async () => {
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  setDigitsLoader(async () => buildDigitsFile());
});

let pretrained: Base | null = null;
async function base(): Promise<Base> {
  pretrained ??= (await pretrainImageBase('digits-0-4', S, () => {}))!;
  return pretrained;
}

const bits = (a: Float32Array) => Array.from(new Uint32Array(a.buffer, a.byteOffset, a.length));
const same = (a: LayerWeights, b: LayerWeights) => bits(a.kernel).join() === bits(b.kernel).join() && bits(a.bias).join() === bits(b.bias).join();
const weighted = async (m: ImageModel) => (await m.readWeights()).filter((w): w is LayerWeights => w !== null);

/** A few steps on 20 images of digits 5–9 (labels 0–4). */
async function trainSteps(m: ImageModel, steps: number): Promise<void> {
  const data = await findTask('digits-5-9').build({ nTrain: 20, seed: 3 });
  const x = tf.tensor4d(data.train.x, [data.train.n, ...IMAGE_INPUT]);
  const y = tf.tensor1d(data.train.y);
  for (let i = 0; i < steps; i++) m.trainStep(x, y).dispose();
  x.dispose();
  y.dispose();
}

describe('image transfer', () => {
  it('pretrains a CNN base on digits 0–4 with a progress bar and learns them, leaving no tensors', async () => {
    const start = tf.memory().numTensors;
    const fractions: number[] = [];
    const b = (await pretrainImageBase('digits-0-4', S, (p) => void fractions.push(p.fraction ?? -1)))!;
    pretrained = b;
    expect(tf.memory().numTensors).toBe(start);
    expect(b.info.image?.stack).toBe(STACK);
    expect(b.info.classNames).toEqual(['0', '1', '2', '3', '4']);
    expect(b.info.sourceTrain).toBe(600);
    // Two conv layers and the base's own head, weights of the right sizes.
    expect(b.layers.map((l) => l.kernel.length)).toEqual([3 * 3 * 1 * 4, 3 * 3 * 4 * 8, 7 * 7 * 8 * 5]);
    expect(b.info.sourceValAcc).toBeGreaterThan(0.5); // chance: 0.2
    expect(fractions[fractions.length - 1]).toBe(1);
    expect(fractions.every((f, i) => f >= 0 && (i === 0 || f >= fractions[i - 1]))).toBe(true);
  });

  it('frozen keeps the base’s weights while the head learns; fine-tune changes them; scratch starts fresh', async () => {
    const b = await base();
    const start = tf.memory().numTensors;
    const [scratch, frozen, finetune] = imagePlans(S.image);
    expect(finetune.lr).toBeCloseTo(S.image.lr * S.image.lrFactor);
    const run = async (plan: typeof frozen) => {
      const m = buildImageTarget(b, 5, S.seed, plan);
      try {
        const before = await weighted(m);
        await trainSteps(m, 3);
        return { before, after: await weighted(m) };
      } finally {
        m.dispose();
      }
    };
    const f = await run(frozen);
    const ft = await run(finetune);
    const sc = await run(scratch);
    // Frozen and fine-tune start from the base's layers; the frozen ones never move, the head does.
    for (const r of [f, ft]) for (const i of [0, 1]) expect(same(r.before[i], b.layers[i])).toBe(true);
    for (const i of [0, 1]) expect(same(f.after[i], b.layers[i])).toBe(true);
    expect(same(f.after[2], f.before[2])).toBe(false);
    for (const i of [0, 1, 2]) expect(same(ft.after[i], ft.before[i])).toBe(false);
    // From scratch: fresh seeded weights (a new model of the seed's), not the base's; everything trains.
    const stack = baseStack(STACK, 5);
    if (!stack.ok) throw new Error(stack.reason);
    const fresh = new ImageModel(IMAGE_INPUT, stack.layers, 5, { optimizer: 'adam', lr: 0.01, momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, S.seed);
    const freshW = await weighted(fresh);
    fresh.dispose();
    for (const i of [0, 1, 2]) expect(same(sc.before[i], freshW[i])).toBe(true);
    for (const i of [0, 1]) expect(same(sc.before[i], b.layers[i])).toBe(false);
    for (const i of [0, 1]) expect(same(sc.after[i], sc.before[i])).toBe(false);
    // The new head is the same fresh head in all three.
    expect(same(f.before[2], sc.before[2])).toBe(true);
    expect(tf.memory().numTensors).toBe(start);
  });

  it('compares the three methods on digits 5–9 with accuracy curves and epochs to the target; cancels cleanly', async () => {
    const b = await base();
    const start = tf.memory().numTensors;
    const reports: number[] = [];
    const r = (await compareImageMethods(b, 'digits-5-9', S, (p) => void reports.push(p.done)))!;
    expect(r.methods.map((m) => m.method)).toEqual(['scratch', 'frozen', 'finetune']);
    expect(r.nTarget).toBe(20);
    expect(r.nVal).toBe(250);
    expect(r.targetAcc).toBe(S.image.targetAcc);
    for (const m of r.methods) {
      expect(m.curve.map((c) => c.epoch)).toEqual([0, 1, 2, 3]);
      for (const c of m.curve) expect(c.valAcc).toBeGreaterThanOrEqual(0);
      const first = m.curve.find((c) => (c.valAcc ?? 0) >= S.image.targetAcc)?.epoch ?? null;
      expect(m.epochsToTarget).toBe(first);
    }
    expect(r.methods[1].frozenLayers).toEqual([1, 3]);
    expect(reports[reports.length - 1]).toBe(9);
    expect(tf.memory().numTensors).toBe(start);
    expect(await compareImageMethods(b, 'digits-5-9', S, () => {}, () => true)).toBeNull();
    expect(await pretrainImageBase('digits-0-4', S, () => {}, () => true)).toBeNull();
    expect(tf.memory().numTensors).toBe(start);
  });

  it('keeps an image base as a model file pair, and refuses it for points (and a points base for images)', async () => {
    const b = await base();
    const files = exportFiles(b);
    const model = JSON.parse(files.modelJson);
    expect(model.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['Conv2D', 'MaxPooling2D', 'Conv2D', 'MaxPooling2D', 'Flatten', 'Dense']);
    expect(model.weightsManifest[0].weights.map((w: { shape: number[] }) => w.shape)).toEqual([[3, 3, 1, 4], [4], [3, 3, 4, 8], [8], [392, 5], [5]]);
    const back = importFiles(files);
    expect(back.info.image).toEqual(b.info.image);
    back.layers.forEach((l, i) => expect(same(l, b.layers[i])).toBe(true));

    // A working tfjs model: tf.loadLayersModel reads it and predicts as the base does.
    const layers = await import('@tensorflow/tfjs-layers');
    const loaded = await layers.loadLayersModel(tf.io.fromMemory({ modelTopology: model.modelTopology, weightSpecs: model.weightsManifest[0].weights, weightData: files.weights }));
    const stack = baseStack(STACK, 5);
    if (!stack.ok) throw new Error(stack.reason);
    const ours = new ImageModel(IMAGE_INPUT, stack.layers, 5, { optimizer: 'sgd', lr: 0.1, momentum: 0, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 }, 1);
    ours.loadWeights([...placeBase(stack.layers, b), b.layers[b.layers.length - 1]]);
    const val = (await findTask('digits-5-9').build({ nTrain: 10, seed: 1 })).train;
    const x = tf.tensor4d(val.x, [val.n, ...IMAGE_INPUT]);
    const [theirs, mine] = tf.tidy(() => [loaded.predict(x) as tf.Tensor, ours.predict(x)]);
    const a = (await theirs.data()) as Float32Array;
    const c = (await mine.data()) as Float32Array;
    for (const t of [x, theirs, mine]) t.dispose();
    loaded.dispose();
    ours.dispose();
    expect(a.length).toBe(50);
    a.forEach((v, i) => expect(v).toBeCloseTo(c[i], 4));

    const api = createTransferApi();
    await expect(api.transferImport(files, 'points')).rejects.toThrow('is an image base');
    expect(await api.transferCurrent()).toBeNull();
    expect((await api.transferImport(files, 'image')).image?.stack).toBe(STACK);
    // An image base cannot be used for a points target, nor a points base for images.
    await expect(api.transferCompare('circle-shifted', S, () => {})).rejects.toThrow('convolutional network pretrained on 28 × 28 images');
    const points = { ...b, info: { ...b.info, image: undefined, inputNames: ['x₁', 'x₂'], layers: [4], activations: ['relu' as const], classNames: ['class 0', 'class 1'] }, layers: [] };
    await expect(compareImageMethods(points, 'digits-5-9', S, () => {})).rejects.toThrow('reads rows of 2 numbers');
  });
});
