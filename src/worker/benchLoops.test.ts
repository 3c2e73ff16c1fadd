import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { benchLoop } from './benchLoops';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

describe('benchLoop', () => {
  it('times both loops on the default task and frees their tensors', async () => {
    const before = tf.memory().numTensors;
    const ours = await benchLoop('default', 'ours', 300);
    const bare = await benchLoop('default', 'bare', 300);
    expect(ours).toBeGreaterThan(0);
    expect(bare).toBeGreaterThan(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});
