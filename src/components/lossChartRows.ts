// The loss chart's data table, built from bounded metrics histories: pure, so it is unit-tested
// apart from recharts. Shape-preserving: the run is cut into at most CELLS equal epoch ranges and
// each range draws its minimum and maximum (not every n-th epoch, which drops spikes), from full
// epochs and summarized buckets alike, so a long run's old spikes and dips stay visible.
import { fmax, fmin, seriesValue, type MetricsHistory, type SeriesKey } from '../diagnosis/metricsHistory';

/** Epoch ranges across the chart; each draws ≤ 2 points, so ≤ 2·CELLS rows per run (+1 for the last). */
export const CELLS = 100;

export type Metric = 'loss' | 'accuracy';
export type Row = Record<string, number | null>;

export interface Series {
  key: string;
  metrics: MetricsHistory;
}

interface Cell {
  first: number;
  last: number;
  rows: number;
  /** Every row was a single epoch. */
  exact: boolean;
  min: number;
  max: number;
  end: number;
  /** Value of the first row when exact (the ≤ 2-epoch case is drawn as it is). */
  start: number;
}

/** Also draw the learning rate of series `key` (column `${key}_lr`), on a log axis or not. */
export interface RateLine {
  key: string;
  log: boolean;
}

/**
 * One table for every series: column `${key}_train`, `${key}_val` (and `${key}_total`, training
 * loss + penalty, when the run had a penalty) per series, `epoch` the x value. Each series' last
 * epoch is drawn with its exact value; ranges of ≤ 2 single epochs exactly; any other range as its
 * two extremes, the one nearer the range's last value drawn second so the line runs on smoothly.
 */
export function chartRows(series: readonly Series[], metric: Metric, log: boolean, rate?: RateLine): Row[] {
  // Log scales cannot show zero: such points are left out rather than drawn at -∞.
  const ok = (v: number) => (Number.isFinite(v) && (!log || v > 0) ? v : null);
  const live = series.filter((s) => s.metrics.length > 0);
  if (live.length === 0) return [];
  const top = Math.max(...live.map((s) => s.metrics.last!.epoch));
  const width = Math.max(1, Math.ceil((top + 1) / CELLS));
  const table = new Map<number, Row>();
  const put = (x: number, col: string, v: number) => {
    let row = table.get(x);
    if (!row) table.set(x, (row = { epoch: x }));
    row[col] = ok(v);
  };

  for (const s of live) {
    const cols: [string, SeriesKey][] =
      metric === 'loss'
        ? [
            [`${s.key}_train`, 'trainLoss'],
            [`${s.key}_val`, 'valLoss'],
          ]
        : [
            [`${s.key}_train`, 'trainAcc'],
            [`${s.key}_val`, 'valAcc'],
          ];
    // What the optimizer minimizes: the data loss plus the weight penalty (equal to the data loss
    // on epochs without one).
    if (metric === 'loss' && s.metrics.hasPenalty) cols.push([`${s.key}_total`, 'total']);
    const h = s.metrics;
    const n = h.length;
    const cells: Cell[][] = cols.map(() => []);
    let cellIndex = -1;
    for (let i = 0; i < n; i++) {
      const r = h.row(i);
      const c = Math.floor(r.first / width);
      const single = r.first === r.last;
      cols.forEach(([, k], j) => {
        const list = cells[j];
        let cell = c === cellIndex ? list[list.length - 1] : undefined;
        if (!cell) {
          cell = { first: r.first, last: r.last, rows: 0, exact: true, min: NaN, max: NaN, end: NaN, start: seriesValue(r.end, k) };
          list.push(cell);
        }
        cell.last = r.last;
        cell.rows++;
        cell.exact &&= single;
        cell.min = fmin(cell.min, r.min[k]);
        cell.max = fmax(cell.max, r.max[k]);
        cell.end = seriesValue(r.end, k);
      });
      cellIndex = c;
    }
    if (rate?.key === s.key) rateColumn(h, width, `${s.key}_lr`, rate.log, put);
    cols.forEach(([col], j) => {
      const list = cells[j];
      list.forEach((cell, ci) => {
        const lastCell = ci === list.length - 1;
        if (cell.exact && cell.rows <= 2) {
          if (cell.rows === 2) put(cell.first, col, cell.start);
          put(cell.last, col, cell.end);
          return;
        }
        const endNearMin = Math.abs(cell.end - cell.min) <= Math.abs(cell.end - cell.max);
        const [a, b] = endNearMin ? [cell.max, cell.min] : [cell.min, cell.max];
        put(cell.first, col, a);
        if (lastCell) {
          // The run's last epoch is drawn with its own value, as the readout shows it.
          put(Math.floor((cell.first + cell.last) / 2), col, b);
          put(cell.last, col, cell.end);
        } else {
          put(cell.last, col, b);
        }
      });
    });
  }
  return [...table.values()].sort((x, y) => (x.epoch as number) - (y.epoch as number));
}

/**
 * The learning rate each epoch trained with (EpochMetrics.lr; epoch 0 has none): every epoch
 * while a range holds one, else the rate of the range's first and last rows, so a step's drop
 * stays a step. A log axis cannot show a rate of 0 (cosine's end): such points are left out.
 */
function rateColumn(h: MetricsHistory, width: number, col: string, log: boolean, put: (x: number, col: string, v: number) => void): void {
  const ok = (v: number | undefined) => v !== undefined && Number.isFinite(v) && (!log || v > 0);
  let cell = -1;
  let last: { x: number; v: number } | null = null;
  for (let i = 0; i < h.length; i++) {
    const r = h.row(i);
    const v = r.end.lr;
    if (!ok(v)) continue;
    const c = Math.floor(r.first / width);
    if (c !== cell) {
      if (last) put(last.x, col, last.v);
      put(r.last, col, v!);
      cell = c;
      last = null;
    } else {
      last = { x: r.last, v: v! };
    }
  }
  if (last) put(last.x, col, last.v);
}
