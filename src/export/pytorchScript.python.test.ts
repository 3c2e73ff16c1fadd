// The exported PyTorch script against the Trainer itself: three runs trained in node (cpu
// backend), exported, run with a Python that has torch, and their per-epoch losses compared.
// Without such a Python the comparisons are skipped, and say so.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { EpochMetrics } from '../shared/protocol';
import { prepareData } from '../worker/prepareData';
import { Trainer } from '../engine/trainer';
import { buildRunExport } from './runExport';
import { pytorchScript } from './pytorchScript';
import { findTorchPython } from './findPythonNode';

const python = await findTorchPython();
if (!python.path) console.warn(`SKIPPED the PyTorch export checks: ${python.reason}`);

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

const EPOCHS = 30;

function cfg(over: Partial<ExperimentConfig>): ExperimentConfig {
  return { ...DEFAULT_CONFIG, backend: 'cpu', seed: 11, ...over };
}

/** Binary classification, Adam with L2; 300 training rows, so the training metric uses the 256-row sample. */
const ADAM_L2 = cfg({ dataset: 'circle', samples: 500, trainPct: 60, valPct: 20, layers: [8, 4], activations: ['tanh', 'relu'], dropout: [0, 0], loss: 'bce', optimizer: 'adam', lr: 0.01, batch: 16, l2: 0.001 });
/** Three classes, softmax and categorical cross-entropy, SGD with momentum and L1. */
const MOMENTUM_SOFTMAX = cfg({ dataset: 'blobs', samples: 300, noise: 0.3, layers: [6], activations: ['relu'], dropout: [0], loss: 'cce', optimizer: 'momentum', lr: 0.02, momentum: 0.9, batch: 10, l1: 0.0005 });
/** Regression, MSE, RMSprop, with early stopping on (patience not run out within 30 epochs). */
const RMSPROP_REGRESSION = cfg({ dataset: 'wave', problem: 'regression', samples: 300, layers: [10], activations: ['tanh'], dropout: [0], loss: 'mse', optimizer: 'rmsprop', lr: 0.005, batch: 12, patience: 8 });
/** Early stopping that ends the run (restoring the best epoch), plain SGD. */
const EARLY_STOP = cfg({ dataset: 'moons', samples: 200, noise: 0.3, layers: [6], activations: ['sigmoid'], dropout: [0], loss: 'bce', optimizer: 'sgd', lr: 0.5, batch: 4, patience: 3, minDelta: 0.001 });
/** Adagrad from all-zero weights (every logit exactly 0 at the first step), MSE on a sigmoid output. */
const ADAGRAD_ZEROS = cfg({ dataset: 'xor', samples: 200, layers: [5], activations: ['relu'], dropout: [0], init: 'zeros', loss: 'mse', optimizer: 'adagrad', lr: 0.1, batch: 8 });
/** ADAM_L2 with dropout: the script draws tfjs's own masks. */
const DROPOUT = { ...ADAM_L2, dropout: [0.2, 0.2] };
/** A warm-up then cosine schedule with global-norm clipping (some steps clipped, not all), momentum and L2. */
const SCHEDULE_CLIP = cfg({ dataset: 'circle', samples: 300, layers: [8], activations: ['tanh'], dropout: [0], loss: 'bce', optimizer: 'momentum', lr: 0.1, momentum: 0.9, batch: 10, l2: 0.001, schedule: 'warmup:3+cosine:20', clip: 0.3 });

interface Line {
  epoch: number;
  trainLoss: number;
  valLoss: number;
  /** With a schedule: the epoch's learning rate. */
  lr?: number;
  /** With clipping: the share of the epoch's steps clipped. */
  clipped?: number;
}

/** Trains `epochs` epochs (or until early stopping), flushing every 5 like the worker. */
async function browserRun(c: ExperimentConfig, epochs: number): Promise<{ metrics: EpochMetrics[]; test: number }> {
  const t = new Trainer(prepareData(c).data, c, 0);
  try {
    const metrics: EpochMetrics[] = [];
    for (let e = 0; e < epochs; e++) {
      t.trainEpoch();
      if (e % 5 === 4 || e === epochs - 1) {
        metrics.push(...(await t.flush()));
        if (t.takeStop()) break;
      }
    }
    return { metrics, test: (await t.evaluate('test')).loss };
  } finally {
    t.dispose();
  }
}

/** Exports the run, runs the script and parses its lines. */
async function scriptRun(c: ExperimentConfig, epochs: number, reference: EpochMetrics[], args: string[] = []): Promise<{ lines: Line[]; test: number; out: string }> {
  const exported = await buildRunExport(c, prepareData(c).data, 0, epochs, reference);
  const dir = mkdtempSync(join(tmpdir(), 'torch-export-'));
  try {
    const file = join(dir, 'run.py');
    writeFileSync(file, pytorchScript(exported));
    const out = execFileSync(python.path!, [file, ...args], { encoding: 'utf8', timeout: 120_000 });
    const lines = [...out.matchAll(/^epoch (\d+) train_loss (\S+) val_loss (\S+).*$/gm)].map((m) => ({
      epoch: Number(m[1]),
      trainLoss: Number(m[2]),
      valLoss: Number(m[3]),
      lr: /\blr (\S+)/.exec(m[0]) ? Number(/\blr (\S+)/.exec(m[0])![1]) : undefined,
      clipped: /\bclipped (\S+)/.exec(m[0]) ? Number(/\bclipped (\S+)/.exec(m[0])![1]) : undefined,
    }));
    const test = Number(/^test_loss (\S+)/m.exec(out)?.[1]);
    return { lines, test, out };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Largest |script − browser| of the training and validation losses over every epoch. */
function maxDiff(browser: EpochMetrics[], script: Line[]): number {
  expect(script.map((l) => l.epoch)).toEqual(browser.map((m) => m.epoch));
  return Math.max(...browser.map((m, i) => Math.max(Math.abs(m.trainLoss - script[i].trainLoss), Math.abs(m.valLoss - script[i].valLoss))));
}

describe.skipIf(!python.path)(`the exported PyTorch script (${python.path ?? 'no Python with torch'})`, () => {
  for (const [name, c] of [
    ['classification, Adam + L2', ADAM_L2],
    ['3-class softmax, momentum + L1', MOMENTUM_SOFTMAX],
    ['regression, RMSprop (early stopping on, not reached)', RMSPROP_REGRESSION],
    ['early stopping that ends the run, SGD', EARLY_STOP],
    ['Adagrad from zero weights, MSE on a sigmoid', ADAGRAD_ZEROS],
    ['warm-up + cosine schedule with gradient clipping, momentum', SCHEDULE_CLIP],
  ] as const) {
    it(`reproduces the browser's losses: ${name}`, async () => {
      const browser = await browserRun(c, EPOCHS);
      // The script trains as many epochs as the browser did (early stopping may end it sooner).
      const trained = browser.metrics[browser.metrics.length - 1].epoch;
      const script = await scriptRun(c, trained, browser.metrics);
      const first = browser.metrics.find((m) => m.epoch === 1)!;
      const diff = maxDiff(browser.metrics, script.lines);
      const last = browser.metrics[browser.metrics.length - 1];
      const finalRel = Math.abs(script.lines[script.lines.length - 1].valLoss - last.valLoss) / last.valLoss;
      console.log(`${name}: ${trained} epochs, epoch-1 train diff ${Math.abs(script.lines[1].trainLoss - first.trainLoss).toExponential(2)}, max diff ${diff.toExponential(2)}, final val rel ${finalRel.toExponential(2)}, test ${Math.abs(script.test - browser.test).toExponential(2)}`);
      expect(Math.abs(script.lines[1].trainLoss - first.trainLoss)).toBeLessThan(1e-4);
      expect(diff).toBeLessThan(1e-3);
      expect(finalRel).toBeLessThan(0.02);
      expect(Math.abs(script.test - browser.test)).toBeLessThan(1e-3);
      // Where early stopping ended the browser's run, the script stops at the same epoch (the
      // test loss above is then measured on the restored best weights).
      if (trained < EPOCHS) expect(script.out).toMatch(new RegExp(`^early_stop epoch ${trained} best_epoch \\d+ .* restored 1$`, 'm'));
      else expect(script.out).not.toMatch(/^early_stop/m);
    }, 120_000);
  }

  it('with dropout on: the same masks, so the same curve; torch.rand masks (--torch-dropout) only reported', async () => {
    const browser = await browserRun(DROPOUT, EPOCHS);
    const script = await scriptRun(DROPOUT, EPOCHS, browser.metrics);
    const last = browser.metrics[browser.metrics.length - 1];
    const rel = (lines: Line[]) => Math.abs(lines[lines.length - 1].valLoss - last.valLoss) / last.valLoss;
    const first = Math.abs(script.lines[1].trainLoss - browser.metrics[1].trainLoss);
    const diff = maxDiff(browser.metrics, script.lines);
    const own = await scriptRun(DROPOUT, EPOCHS, browser.metrics, ['--torch-dropout']);
    console.log(`dropout, tfjs masks: epoch-1 train diff ${first.toExponential(2)}, max diff ${diff.toExponential(2)}, final val rel ${rel(script.lines).toExponential(2)}; torch.rand masks: epoch-1 train diff ${Math.abs(own.lines[1].trainLoss - browser.metrics[1].trainLoss).toExponential(2)}, final val rel ${rel(own.lines).toExponential(2)}`);
    expect(first).toBeLessThan(1e-4);
    expect(diff).toBeLessThan(1e-3);
    expect(rel(script.lines)).toBeLessThan(0.02);
  }, 120_000);

  it('with a schedule and clipping: the same rate every epoch and the same steps clipped', async () => {
    const browser = await browserRun(SCHEDULE_CLIP, EPOCHS);
    const script = await scriptRun(SCHEDULE_CLIP, EPOCHS, browser.metrics);
    expect(script.lines.map((l) => l.epoch)).toEqual(browser.metrics.map((m) => m.epoch));
    const trained = browser.metrics.slice(1);
    trained.forEach((m, i) => {
      const l = script.lines[i + 1];
      expect(l.lr, `lr of epoch ${m.epoch}`).toBeCloseTo(m.lr!, 7);
      expect(l.clipped, `clipped share of epoch ${m.epoch}`).toBeCloseTo(m.clipped!, 6);
    });
    // The run exercises what it checks: the rate warms up, peaks and decays to 0; some steps clipped, not all.
    const rates = trained.map((m) => m.lr!);
    expect(rates[0]).toBeCloseTo(0.1 / 3, 9);
    expect(Math.max(...rates)).toBeCloseTo(0.1, 9);
    expect(rates.at(-1)).toBe(0);
    const shares = trained.map((m) => m.clipped!);
    console.log(`schedule + clip: clipped shares ${shares.map((v) => v.toFixed(2)).join(' ')}`);
    expect(Math.max(...shares)).toBeGreaterThan(0);
    expect(Math.min(...shares)).toBeLessThan(1);
  }, 120_000);
});
