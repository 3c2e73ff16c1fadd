import { describe, expect, it } from 'vitest';
import { MetricsHistory } from '../diagnosis/metricsHistory';
import type { EpochMetrics } from '../shared/protocol';
import { CELLS, chartRows } from './lossChartRows';

const run = (n: number, f: (t: number) => number = (t) => 1 / (t + 1)): EpochMetrics[] =>
  Array.from({ length: n }, (_, t) => ({ epoch: t, trainLoss: f(t), valLoss: 1.1 * f(t), trainAcc: 0.5 + t / (2 * n), valAcc: 0.5, penalty: 0 }));

const column = (rows: ReturnType<typeof chartRows>, col: string) => rows.filter((r) => r[col] != null).map((r) => r[col] as number);

describe('chartRows', () => {
  it('draws every epoch of a short run exactly', () => {
    const e = run(2 * CELLS);
    const rows = chartRows([{ key: 'now', metrics: MetricsHistory.from(e) }], 'loss', false);
    expect(rows.map((r) => r.epoch)).toEqual(e.map((m) => m.epoch));
    expect(rows.map((r) => r.now_train)).toEqual(e.map((m) => m.trainLoss));
    expect(rows.map((r) => r.now_val)).toEqual(e.map((m) => m.valLoss));
    expect(rows.every((r) => r.now_total === undefined)).toBe(true);
  });

  it('keeps a spike long since summarized, and ends on the last epoch’s value', () => {
    const n = 60_000;
    const e = run(n, (t) => (t === 1234 ? 40 : t === 30_001 ? 1e-4 : 0.1 + 1 / (t + 1)));
    const h = MetricsHistory.from(e);
    expect(h.summarized).toBeGreaterThan(0);
    const rows = chartRows([{ key: 'now', metrics: h }], 'loss', false);
    expect(rows.length).toBeLessThanOrEqual(2 * CELLS + 2);
    const train = column(rows, 'now_train');
    expect(Math.max(...train)).toBe(40);
    expect(Math.min(...train)).toBe(1e-4);
    expect(rows[0].epoch).toBe(0);
    expect(rows.at(-1)).toMatchObject({ epoch: n - 1, now_train: e[n - 1].trainLoss, now_val: e[n - 1].valLoss });
    // x values strictly increase: one row per drawn epoch.
    for (let i = 1; i < rows.length; i++) expect(rows[i].epoch!).toBeGreaterThan(rows[i - 1].epoch!);
  });

  it('keeps a one-epoch validation spike and the true minimum among exact epochs drawn in cells', () => {
    const n = 1500;
    const e = run(n).map((m) => (m.epoch === 777 ? { ...m, valLoss: 25 } : m.epoch === 1111 ? { ...m, valLoss: 1e-5 } : m));
    const h = MetricsHistory.from(e);
    expect(h.summarized).toBe(0);
    const rows = chartRows([{ key: 'now', metrics: h }], 'loss', false);
    expect(rows.length).toBeLessThanOrEqual(2 * CELLS + 2);
    const val = column(rows, 'now_val');
    expect(Math.max(...val)).toBe(25);
    expect(Math.min(...val)).toBe(1e-5);
    // Drawn within the spike's own cell of epochs.
    expect(Math.abs(rows.find((r) => r.now_val === 25)!.epoch! - 777)).toBeLessThan(Math.ceil(n / CELLS));
  });

  it('overlays runs of different lengths, each ending on its own last epoch', () => {
    const long = MetricsHistory.from(run(5000));
    const short = MetricsHistory.from(run(1234, (t) => 2 / (t + 1)));
    const rows = chartRows(
      [
        { key: 'r1', metrics: short },
        { key: 'now', metrics: long },
      ],
      'loss',
      false,
    );
    const lastOf = (col: string) => rows.filter((r) => r[col] != null).at(-1)!;
    expect(lastOf('r1_train')).toMatchObject({ epoch: 1233, r1_train: 2 / 1234 });
    expect(lastOf('now_val')).toMatchObject({ epoch: 4999, now_val: long.last!.valLoss });
  });

  it('draws loss + penalty once a penalty applied, leaves zeros off a log scale, and plots accuracy', () => {
    const e = run(300).map((m, t) => ({ ...m, trainLoss: t === 5 ? 0 : m.trainLoss, penalty: t >= 100 ? 0.5 : 0 }));
    const h = MetricsHistory.from(e);
    const rows = chartRows([{ key: 'now', metrics: h }], 'loss', true);
    expect(rows.find((r) => r.epoch === 5)?.now_train ?? null).toBeNull();
    expect(column(rows, 'now_total').some((v) => v > 0.5)).toBe(true);
    const acc = chartRows([{ key: 'now', metrics: h }], 'accuracy', false);
    expect(acc.at(-1)).toMatchObject({ epoch: 299, now_train: e[299].trainAcc, now_val: 0.5 });
    expect(Math.max(...column(acc, 'now_train'))).toBe(Math.max(...e.map((m) => m.trainAcc!)));
  });

  it('is empty with nothing to draw', () => {
    expect(chartRows([{ key: 'now', metrics: MetricsHistory.empty() }], 'loss', false)).toEqual([]);
  });
});

describe('chartRows: the learning-rate line', () => {
  const withRates = (n: number, lr: (e: number) => number): EpochMetrics[] => run(n).map((m) => (m.epoch === 0 ? m : { ...m, lr: lr(m.epoch - 1) }));

  it('draws the rate each epoch trained with, only for the series asked for (epoch 0 has none)', () => {
    const e = withRates(50, (k) => 0.1 * 0.5 ** Math.floor(k / 10));
    const h = MetricsHistory.from(e);
    const rows = chartRows([{ key: 'now', metrics: h }], 'loss', false, { key: 'now', log: false });
    expect(rows.map((r) => r.now_lr ?? null)).toEqual(e.map((m) => m.lr ?? null));
    expect(chartRows([{ key: 'now', metrics: h }], 'loss', false).some((r) => 'now_lr' in r)).toBe(false);
  });

  it('keeps each step of a long run’s decay, summarized epochs included, and ends on the last rate', () => {
    const n = 60_000;
    const lr = (k: number) => 0.1 * 0.5 ** Math.floor(k / 10_000);
    const h = MetricsHistory.from(withRates(n, lr));
    expect(h.summarized).toBeGreaterThan(0);
    const rows = chartRows([{ key: 'now', metrics: h }], 'loss', false, { key: 'now', log: true });
    const rates = column(rows, 'now_lr');
    expect(rates.length).toBeLessThanOrEqual(2 * CELLS + 2);
    expect([...new Set(rates)].sort((a, b) => b - a)).toEqual([0, 1, 2, 3, 4, 5].map((s) => 0.1 * 0.5 ** s));
    expect(rows.filter((r) => r.now_lr != null).at(-1)).toMatchObject({ epoch: n - 1, now_lr: lr(n - 2) });
  });

  it('leaves a rate of 0 out on a log axis and draws it on a linear one', () => {
    const e = withRates(20, (k) => (k < 10 ? 0.1 * (1 - k / 10) : 0));
    const h = MetricsHistory.from(e);
    expect(column(chartRows([{ key: 'now', metrics: h }], 'loss', false, { key: 'now', log: true }), 'now_lr').every((v) => v > 0)).toBe(true);
    expect(column(chartRows([{ key: 'now', metrics: h }], 'loss', false, { key: 'now', log: false }), 'now_lr')).toContain(0);
  });
});
