// The optimizer race in the worker: the config trained with each chosen optimizer from the same
// initial weights, data, batch order and seed. Normally as ONE batched model (BatchedMlp with
// mixed optimizers: the five cost little more than one run, since tfjs's cost per operation
// dominates small networks); when the engine cannot batch the setup (batch norm, clipping, a
// loss/output pair it refuses), as Trainers interleaved epoch by epoch. Losses stay on the device
// and are read in one download every READ_MS.
import * as tf from '@tensorflow/tfjs-core';
import { BatchedMlp, mixedKey, type BatchMember } from '../engine/batchedMlp';
import { Trainer, type TrainerSettings } from '../engine/trainer';
import type { ExperimentConfig } from '../shared/config';
import { checkRaceRequest, RACE_MAX_EPOCHS, type RaceAloneReason, type RaceEntry, type RaceProgress, type RaceRequest, type RaceResult } from '../shared/race';
import { rateAt } from '../shared/schedule';
import { pickFor } from './backends';
import { prepareAny } from './prepareData';
import { breather } from './workerBase';

/** How often the losses are downloaded (ms): one read for every epoch since the last. */
const READ_MS = 100;
/** How often progress goes to the page (ms). */
const REPORT_MS = 200;

const ALONE_TEXT: Record<RaceAloneReason, string> = {
  batchnorm: 'batch norm: the optimizers trained one after another',
  clip: 'gradient clipping: the optimizers trained one after another',
  setup: 'this loss and output cannot train batched: the optimizers trained one after another',
};

/** Each racer's settings: the config with its optimizer and base rate; no early stopping (the race compares whole curves). */
export function racerSettings(r: RaceRequest): TrainerSettings[] {
  return r.optimizers.map((optimizer) => ({ ...r.config, optimizer, lr: r.lrs?.[optimizer] ?? r.config.lr, patience: 0 }));
}

function aloneReason(c: ExperimentConfig): RaceAloneReason {
  if (c.batchnorm?.some(Boolean)) return 'batchnorm';
  if (c.clip > 0) return 'clip';
  return 'setup';
}

export async function runRace(request: RaceRequest, progress: (p: RaceProgress) => void | Promise<void>, cancelled: () => boolean): Promise<RaceResult> {
  checkRaceRequest(request);
  const { config, epochs } = request;
  const prepared = await prepareAny(config);
  await pickFor(prepared.data, config);
  const settings = racerSettings(request);
  const shape = { inputs: prepared.data.inputs, classes: prepared.data.classes };
  const entries: RaceEntry[] = settings.map((s) => ({ optimizer: s.optimizer, lr: s.lr, trainLoss: [], valLoss: [], wallMs: 0 }));
  // Batch norm and clipping are checked here too, not only by batchKey: BatchedMlp trains neither.
  const canBatch = !config.batchnorm?.some(Boolean) && !(config.clip > 0) && settings.every((s) => mixedKey(s, shape) !== null);
  let done = 0;
  let lastReport = performance.now();
  const report = async (force = false) => {
    if (!force && performance.now() - lastReport < REPORT_MS) return;
    lastReport = performance.now();
    await progress({ epochsDone: done, epochs, entries: entries.map((e) => ({ ...e, trainLoss: [...e.trainLoss], valLoss: [...e.valLoss] })) });
  };
  const breathe = breather(READ_MS);
  const rates = (epoch: number) => settings.map((s) => rateAt(s.lr, config.schedule, epoch));
  const result = (batched: boolean): RaceResult => {
    const reason = batched ? null : aloneReason(config);
    return { entries, batched, alone: reason && ALONE_TEXT[reason], aloneReason: reason, cancelled: cancelled(), backend: tf.getBackend() };
  };

  if (canBatch) {
    const { source, split } = prepared;
    const data = { x: source.x, y: source.y, train: split.train, val: split.val, plot: source.plot };
    const members: BatchMember[] = settings.map((s) => ({ settings: { ...s, schedule: 'constant' }, data }));
    const began = performance.now();
    const net = new BatchedMlp(members, shape, { mixedOptimizers: true });
    const pending: tf.Tensor2D[] = [net.lossMetrics()];
    let lastRead = performance.now();
    const read = async () => {
      if (pending.length === 0) return;
      const stacked = tf.stack(pending);
      tf.dispose(pending);
      pending.length = 0;
      const flat = await stacked.data();
      stacked.dispose();
      const width = 2 * entries.length;
      for (let at = 0; at < flat.length; at += width)
        entries.forEach((e, m) => {
          e.trainLoss.push(flat[at + 2 * m]);
          e.valLoss.push(flat[at + 2 * m + 1]);
        });
      lastRead = performance.now();
      const wall = lastRead - began;
      entries.forEach((e) => (e.wallMs = wall));
      done = entries[0].trainLoss.length - 1;
    };
    try {
      while (net.epoch < epochs && !cancelled()) {
        net.setRates(rates(net.epoch));
        if (!(await net.trainEpochPaced(breathe))) break;
        pending.push(net.lossMetrics());
        if (performance.now() - lastRead >= READ_MS) {
          await read();
          await report();
        }
      }
      await read();
      await report(true);
      return result(true);
    } finally {
      tf.dispose(pending);
      net.dispose();
    }
  }

  // One after another, epoch by epoch: each racer a Trainer of its own. The schedule is applied
  // here as live rate edits (the Trainer keeps its optimizer's state), as in the batched race.
  const trainers: Trainer[] = [];
  try {
    for (const s of settings) {
      const began = performance.now();
      trainers.push(new Trainer(prepared.data, { ...s, schedule: 'constant' }, 0));
      entries[trainers.length - 1].wallMs += performance.now() - began;
    }
    let lastRead = performance.now();
    const read = async () => {
      for (const [m, t] of trainers.entries()) {
        const began = performance.now();
        for (const row of await t.flush()) {
          entries[m].trainLoss.push(row.trainLoss);
          entries[m].valLoss.push(row.valLoss);
        }
        entries[m].wallMs += performance.now() - began;
      }
      done = Math.min(...entries.map((e) => e.trainLoss.length)) - 1;
      lastRead = performance.now();
    };
    let epoch = 0;
    while (epoch < epochs && !cancelled()) {
      const lrs = rates(epoch);
      for (const [m, t] of trainers.entries()) {
        const began = performance.now();
        t.update({ ...settings[m], schedule: 'constant', lr: lrs[m] });
        const trained = await t.trainEpochPaced(breathe);
        entries[m].wallMs += performance.now() - began;
        if (!trained || cancelled()) break;
      }
      if (cancelled()) break;
      epoch++;
      if (performance.now() - lastRead >= READ_MS) {
        await read();
        await report();
      }
    }
    await read();
    // A racer that trained one epoch more than the rest before a cancel is cut back to theirs.
    const common = Math.min(...entries.map((e) => e.trainLoss.length));
    entries.forEach((e) => {
      e.trainLoss.length = common;
      e.valLoss.length = common;
    });
    done = common - 1;
    await report(true);
    return result(false);
  } finally {
    trainers.forEach((t) => t.dispose());
  }
}

/** Ms for one Trainer of the config to train `epochs` epochs, reading its metrics as the race does. */
export async function timeOneRun(config: ExperimentConfig, epochs: number): Promise<number> {
  if (!Number.isInteger(epochs) || epochs < 1 || epochs > RACE_MAX_EPOCHS) throw new RangeError(`epochs must be a whole number from 1 to ${RACE_MAX_EPOCHS}; got ${epochs}`);
  const prepared = await prepareAny(config);
  await pickFor(prepared.data, config);
  const breathe = breather(READ_MS);
  const began = performance.now();
  // The schedule as the race applies it: live rate edits, epoch by epoch.
  const settings: TrainerSettings = { ...config, patience: 0, schedule: 'constant' };
  const t = new Trainer(prepared.data, settings, 0);
  try {
    let lastRead = performance.now();
    while (t.epoch < epochs) {
      t.update({ ...settings, lr: rateAt(config.lr, config.schedule, t.epoch) });
      await t.trainEpochPaced(breathe);
      if (performance.now() - lastRead >= READ_MS) {
        await t.flush();
        lastRead = performance.now();
      }
    }
    await t.flush();
    return performance.now() - began;
  } finally {
    t.dispose();
  }
}
