import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { resolve } from 'node:path';
import { beforeAll, it } from 'vitest';
import { appendFileSync } from 'node:fs';
const log = (...a: unknown[]) => appendFileSync('.scratch/explore.txt', a.join(' ') + '\n');
import { buildDigitsFile } from '../build/digitsAsset';
import { setDigitsLoader } from './digitsSource';
import { DEFAULT_TRANSFER_SETTINGS, DEFAULT_IMAGE_TRANSFER } from '../shared/transferProtocol';
import { compareImageMethods, pretrainImageBase } from './imageTransferJob';

beforeAll(async () => {
  setWasmPaths(resolve('node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  await tf.setBackend('wasm');
  setDigitsLoader(async () => buildDigitsFile());
});

it('explore', async () => {
  for (const stack of ['conv:16:3,pool:2,conv:32:3,pool:2,flatten']) {
  for (const seed of [1, 2, 3, 4]) {
    const s0 = { ...DEFAULT_TRANSFER_SETTINGS, seed, image: { ...DEFAULT_IMAGE_TRANSFER, stack, pretrainEpochs: 3, sourceImages: 3000 } };
    const base = (await pretrainImageBase('digits-0-4', s0, () => {}))!;
    log(`${stack} seed ${seed} acc ${base.info.sourceValAcc.toFixed(3)}`);
    for (const [lr, batch] of [[0.01, 10], [0.01, 30]]) {
      const s = { ...s0, image: { ...s0.image, lr, batch, epochs: 15, lrFactor: 0.3 } };
      const r = (await compareImageMethods(base, 'digits-5-9', s, () => {}))!;
      for (const m of r.methods) log(`lr ${lr} b ${batch}`, m.method.padEnd(9), m.curve.map((c) => c.valAcc!.toFixed(2)).join(' '));
    }
  }
  }
}, 1800_000);
