// A run's metrics as CSV, one row per epoch kept. Long runs keep only their latest 2,000–2,500
// epochs exactly and summarize older ones in buckets (diagnosis/metricsHistory.ts): a bucket is
// one row whose `first_epoch` is below `epoch`, `epochs` counts the epochs it stands for, and its
// values are those of its last epoch (`epoch`). While every epoch is kept, first_epoch = epoch and
// epochs = 1 on every row. The `penalty` column is there only when the run had a weight penalty.
import type { MetricsHistory } from '../diagnosis/metricsHistory';

export const CSV_COLUMNS = ['epoch', 'first_epoch', 'epochs', 'train_loss', 'val_loss', 'train_acc', 'val_acc'] as const;

/** A number as CSV text: full precision, empty for a missing value; NaN and infinities spelled out. */
function cell(v: number | null | undefined): string {
  if (v === null || v === undefined) return '';
  return String(v);
}

export function metricsCsv(history: MetricsHistory): string {
  const penalty = history.hasPenalty;
  const head: string[] = [...CSV_COLUMNS, ...(penalty ? ['penalty'] : [])];
  const lines = [head.join(',')];
  for (const r of history.rows()) {
    const e = r.end;
    const row = [cell(e.epoch), cell(r.first), cell(r.count), cell(e.trainLoss), cell(e.valLoss), cell(e.trainAcc), cell(e.valAcc)];
    if (penalty) row.push(cell(e.penalty ?? 0));
    lines.push(row.join(','));
  }
  return lines.join('\n') + '\n';
}
