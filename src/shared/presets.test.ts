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

  /** Layer health of a preset's run at epoch 0 and after `epochs`, with the validation accuracy then. */
  async function healthAfter(key: string, epochs: number) {
    const preset = PRESETS.find((p) => p.key === key)!;
    const c = applyPatch({ ...DEFAULT_CONFIG, backend: 'cpu' }, preset.config);
    const t = new Trainer(prepareData(c).data, c, 0);
    try {
      t.sampleStats();
      await t.flush();
      const [start] = t.takeStats();
      for (let e = 1; e <= epochs; e++) t.trainEpoch(e === epochs);
      const last = (await t.flush()).at(-1)!;
      const [end] = t.takeStats();
      return { start, end, valAcc: last.valAcc! };
    } finally {
      t.dispose();
    }
  }
  const spread = (g: number[]) => g[0] / g[g.length - 1];

  it('vanishing: layer 1’s gradient is a tiny share of the output layer’s, and it stays at guessing', async () => {
    const { start, end, valAcc } = await healthAfter('vanishing', 60);
    // About 2e-6 at the start; later the output's gradient shrinks too (it has learned the mean), about 1e-3.
    expect(spread(start.gradNorm)).toBeLessThan(1e-4);
    expect(spread(end.gradNorm)).toBeLessThan(1e-2);
    expect(valAcc).toBeLessThan(0.7);
  }, 60_000);

  it('vanishing-fixed: gradients within 10× across layers, and it learns the circle', async () => {
    const { start, valAcc } = await healthAfter('vanishing-fixed', 60);
    expect(Math.min(...start.gradNorm) / Math.max(...start.gradNorm)).toBeGreaterThan(0.1);
    expect(valAcc).toBeGreaterThan(0.9);
  }, 60_000);
});
