// Each preset shows its phenomenon on the cpu backend within 300 epochs, and the diagnosis agrees.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import { baselineLoss } from '../data/baseline';
import { Trainer } from '../engine/trainer';
import { prepareData } from '../worker/prepareData';
import { DEFAULT_CONFIG } from './config';
import { DATASETS } from './datasets';
import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import { PRESETS } from './presets';
import { applyPatch } from './schema';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

async function verdictAfter(key: string, epochs: number): Promise<{ d: Diagnosis; stopped: boolean }> {
  const preset = PRESETS.find((p) => p.key === key)!;
  const c = applyPatch({ ...DEFAULT_CONFIG, backend: 'cpu' }, preset.config);
  const prepared = prepareData(c);
  const base = baselineLoss(prepared.data.train.y, prepared.data.val.y, DATASETS[c.dataset].problem, prepared.data.classes, c.loss);
  const t = new Trainer(prepared.data, c, 0);
  try {
    const all = [...(await t.flush())];
    let d: Diagnosis | null = null;
    let stopped = false;
    for (let e = 1; e <= epochs && !stopped; e++) {
      t.trainEpoch();
      if (e % 5 === 0) {
        all.push(...(await t.flush()));
        stopped = t.takeStop() !== null;
        d = diagnose({ epochs: all, baselineLoss: base, previous: d });
      }
    }
    return { d: d!, stopped };
  } finally {
    t.dispose();
  }
}

describe('presets', () => {
  const expected: Record<string, string> = {
    overfit: 'overfitting',
    underfit: 'underfitting',
    'fix-l2': 'good fit',
    'fix-dropout': 'good fit',
    'fix-more-data': 'good fit',
  };
  for (const [key, regime] of Object.entries(expected)) {
    it(`${key} is diagnosed as ${regime} after 300 epochs`, async () => {
      const { d } = await verdictAfter(key, 300);
      expect(d.regime, d.evidence).toBe(regime);
    }, 60_000);
  }

  it('fix-early-stopping stops by itself', async () => {
    const { stopped } = await verdictAfter('fix-early-stopping', 300);
    expect(stopped).toBe(true);
  }, 60_000);
});
