// The loss chart's text alternative: a short table of epochs picked evenly over the run, always
// with the first and the latest, so a screen reader gets the curves' shape in a few rows.
import type { MetricsHistory } from '../diagnosis/metricsHistory';
import type { EpochMetrics } from '../shared/protocol';

/** At most this many rows, however long the run. */
export const TABLE_ROWS = 12;

export function lossTableRows(metrics: Pick<MetricsHistory, 'length' | 'at'>, max = TABLE_ROWS): EpochMetrics[] {
  const n = metrics.length;
  if (n === 0) return [];
  const picks = new Set<number>();
  if (n <= max) for (let i = 0; i < n; i++) picks.add(i);
  else for (let k = 0; k < max; k++) picks.add(Math.round((k * (n - 1)) / (max - 1)));
  return [...picks].sort((a, b) => a - b).map((i) => metrics.at(i)!);
}
