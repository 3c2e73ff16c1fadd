// What every tfjs worker answers (start a backend, count its tensors), composed into each role's API.
import * as tf from '@tensorflow/tfjs-core';
import type { TfWorkerBase } from '../shared/protocol';
import { chooseBackend } from './backends';
import { workerBase } from './workerBase';

export function tfWorkerBase(): TfWorkerBase {
  return {
    ...workerBase(),
    init: (backend, engines) => chooseBackend(backend, engines),
    async memory() {
      const m = tf.memory();
      return { numTensors: m.numTensors, numBytes: m.numBytes };
    },
  };
}
