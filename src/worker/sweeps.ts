// Runs a learning curve (training-set sizes) or a capacity sweep (hidden widths): one model per
// value, trained for the same epochs, each disposed before the next. Cancellable between epochs.
import { Trainer } from '../engine/trainer';
import type { ExperimentConfig } from '../shared/config';
import { SIZE_FRACTIONS, WIDTHS, type SweepKind, type SweepPoint, type SweepProgress } from '../shared/sweep';
import { prepareAny } from './prepareData';
import { pickFor } from './backends';
import { breather } from './workerBase';

/** Epochs between progress reports (and metric reads). */
const REPORT_EVERY = 10;

export function sweepValues(kind: SweepKind): number[] {
  return kind === 'size' ? SIZE_FRACTIONS : WIDTHS;
}

/** The config of one trial: a capacity sweep gives every hidden layer (at least one) `width` units. */
export function trialConfig(c: ExperimentConfig, kind: SweepKind, value: number): ExperimentConfig {
  if (kind === 'size') return c;
  const layers = c.layers.length ? c.layers.map(() => value) : [value];
  return { ...c, layers, activations: layers.map((_, i) => c.activations[i] ?? 'tanh'), dropout: layers.map((_, i) => c.dropout[i] ?? 0) };
}

export async function runSweep(
  config: ExperimentConfig,
  kind: SweepKind,
  epochs: number,
  report: (p: SweepProgress) => Promise<void> | void,
  cancelled: () => boolean,
): Promise<SweepPoint[]> {
  const values = sweepValues(kind);
  const points: SweepPoint[] = [];
  const total = values.length * epochs;
  for (let i = 0; i < values.length && !cancelled(); i++) {
    const c = trialConfig(config, kind, values[i]);
    const prepared = await prepareAny(c, kind === 'size' ? values[i] : 1);
    await pickFor(prepared.data, c);
    const t = new Trainer(prepared.data, c, 0);
    try {
      let last = (await t.flush()).at(-1)!;
      const breathe = breather();
      while (t.epoch < epochs && !cancelled()) {
        // Big models or tables: ten epochs between reports, or even one epoch (batch 1 on a wide
        // network), can take seconds; stay answerable by yielding within epochs too.
        await t.trainEpochPaced(breathe);
        if (t.epoch % REPORT_EVERY === 0 || t.epoch === epochs) {
          last = (await t.flush()).at(-1) ?? last;
          if (t.takeStop()) break;
          await report({ trial: i, trials: values.length, epochsDone: i * epochs + t.epoch, epochsTotal: total, points: [...points] });
        }
      }
      last = (await t.flush()).at(-1) ?? last;
      if (cancelled()) break;
      points.push({ value: values[i], trainSize: prepared.data.train.n, trainLoss: last.trainLoss, valLoss: last.valLoss, epochs: last.epoch });
      await report({ trial: i + 1, trials: values.length, epochsDone: (i + 1) * epochs, epochsTotal: total, points: [...points] });
    } finally {
      t.dispose();
    }
  }
  return points;
}
