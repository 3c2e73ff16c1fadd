import { describe, it, expect } from 'vitest';
import { mulberry32 } from '../data/random';
import { diagnose, REGIMES, type Diagnosis, type Regime } from './diagnose';
import { MetricsHistory } from './metricsHistory';
import type { EpochMetrics } from '../shared/protocol';

type Curve = (t: number) => number;

/** Epochs 0..n-1 with uniform multiplicative noise of ±noiseT / ±noiseV around the clean curves. */
function curves(n: number, train: Curve, val: Curve, noiseT: number, noiseV: number, seed: number): EpochMetrics[] {
  const rand = mulberry32(seed);
  const out: EpochMetrics[] = [];
  for (let t = 0; t < n; t++) {
    const trainLoss = train(t) * (1 + noiseT * (2 * rand() - 1));
    const valLoss = val(t) * (1 + noiseV * (2 * rand() - 1));
    out.push({ epoch: t, trainLoss, valLoss, trainAcc: null, valAcc: null });
  }
  return out;
}

const BASE = 0.69;
const falling = (floor: number, tau: number): Curve => (t) => floor + (BASE - floor) * Math.exp(-t / tau);

// Validation falls to 0.3 at epoch 150, then rises linearly by `rise` (relative) by epoch 400.
const valleyVal =
  (rise: number): Curve =>
  (t) =>
    t <= 150 ? 0.3 + 0.39 * ((150 - t) / 150) ** 2 : 0.3 * (1 + (rise * (t - 150)) / 250);

const overfit = () => curves(401, falling(0.02, 30), valleyVal(0.4), 0.01, 0.03, 1);
const underfit = () => curves(300, () => 0.68, () => 0.68, 0.02, 0.02, 2);
const goodFit = () => curves(400, falling(0.05, 40), (t) => 1.08 * falling(0.05, 40)(t), 0.02, 0.02, 3);
const noisyGoodFit = (seed: number) => curves(400, falling(0.05, 40), (t) => 1.05 * falling(0.05, 40)(t), 0.02, 0.15, seed);
// Training loss ~0.27 → 0.2 (close to validation, so no gap), validation 7% above its minimum.
const borderline = () => curves(401, falling(0.2, 60), valleyVal(0.07), 0.005, 0.01, 4);
// Falls to 0.3 by epoch 50, then grows ×e every 8 epochs until epoch 80.
const blowUp = () => {
  const f = (t: number) => (t <= 50 ? falling(0.3, 10)(t) : 0.3 * Math.exp((t - 50) / 8));
  return curves(81, f, (t) => 1.1 * f(t), 0.01, 0.03, 5);
};

function expectSane(d: Diagnosis): void {
  expect(REGIMES).toContain(d.regime);
  expect(d.evidence).not.toMatch(/NaN|Infinity|undefined/);
  expect(d.evidence.length).toBeGreaterThan(10);
  if (d.sinceEpoch !== null) expect(d.evidence).toContain(String(d.sinceEpoch));
}

interface Case {
  name: string;
  epochs: () => EpochMetrics[];
  regime: Regime;
  baseline?: number;
  divergedAt?: number;
  since?: [number, number];
}

const table: Case[] = [
  { name: 'clean overfit', epochs: overfit, regime: 'overfitting', since: [150, 20] },
  { name: 'clean underfit', epochs: underfit, regime: 'underfitting', since: [0, 20] },
  { name: 'good fit', epochs: goodFit, regime: 'good fit' },
  { name: 'noisy good fit', epochs: () => noisyGoodFit(6), regime: 'good fit' },
  { name: 'divergence via divergedAt', epochs: () => curves(12, falling(0.3, 5), falling(0.3, 5), 0, 0, 7), divergedAt: 12, regime: 'diverged', since: [12, 0] },
  { name: 'divergence via blow-up', epochs: blowUp, regime: 'diverged', since: [50, 5] },
  { name: 'too short', epochs: () => curves(10, falling(0.05, 3), falling(0.05, 3), 0.01, 0.01, 8), regime: 'too early to tell' },
  { name: 'still learning after 25 epochs', epochs: () => curves(25, falling(0.05, 80), falling(0.06, 80), 0.01, 0.02, 9), regime: 'too early to tell' },
  {
    name: 'underfit with an unknown baseline (judged against the starting loss)',
    epochs: () => curves(200, (t) => 0.7 - 0.02 * Math.min(1, t / 10), () => 0.69, 0.01, 0.02, 10),
    baseline: NaN,
    regime: 'underfitting',
  },
  {
    name: 'memorised: training loss → 0 while validation stays flat near the baseline',
    epochs: () => curves(300, falling(0.005, 20), (t) => 0.55 + 0.14 * Math.exp(-t / 10), 0.01, 0.04, 11),
    regime: 'overfitting',
  },
];

describe('diagnose: synthetic curves', () => {
  for (const c of table) {
    it(c.name, () => {
      const d = diagnose({ epochs: c.epochs(), baselineLoss: c.baseline ?? BASE, divergedAt: c.divergedAt });
      expect(d.regime, d.evidence).toBe(c.regime);
      if (c.since) {
        expect(d.sinceEpoch).not.toBeNull();
        expect(Math.abs((d.sinceEpoch ?? -1e9) - c.since[0]), d.evidence).toBeLessThanOrEqual(c.since[1]);
      }
      if (d.regime === 'too early to tell') expect(d.sinceEpoch).toBeNull();
      expectSane(d);
    });
  }

  it('evidence names the numbers', () => {
    const over = diagnose({ epochs: overfit(), baselineLoss: BASE });
    expect(over.evidence).toMatch(/validation loss has risen \d+% since its minimum of 0\.3\d* at epoch \d+ while training loss kept falling/);
    const under = diagnose({ epochs: underfit(), baselineLoss: BASE });
    expect(under.evidence).toMatch(/training loss 0\.6\d* is 9\d% of the 0\.69 a model that ignores the inputs gets/);
    const div = diagnose({ epochs: [], baselineLoss: BASE, divergedAt: 12 });
    expect(div.evidence).toBe('the loss overflowed to infinity or not-a-number at epoch 12');
  });

  it('noisy good fit is not called overfitting, across seeds', () => {
    for (let seed = 100; seed < 130; seed++) {
      const d = diagnose({ epochs: noisyGoodFit(seed), baselineLoss: BASE });
      expect(d.regime, `seed ${seed}: ${d.evidence}`).toBe('good fit');
    }
  });

  it('a non-finite loss inside the epochs counts as divergence', () => {
    const e = goodFit();
    e[30] = { ...e[30], valLoss: Infinity };
    const d = diagnose({ epochs: e, baselineLoss: BASE });
    expect(d).toMatchObject({ regime: 'diverged', sinceEpoch: 30 });
    expectSane(d);
  });

  it('data loss settling at a higher level (e.g. a stronger penalty mid-run) is not divergence', () => {
    const step = (t: number) => (t < 200 ? falling(0.03, 30)(t) : 0.03 + 0.37 * (1 - Math.exp(-(t - 200) / 5)));
    for (const len of [205, 210, 220, 240, 300]) {
      const d = diagnose({ epochs: curves(len, step, (t) => 1.2 * step(t), 0.01, 0.03, 14), baselineLoss: BASE });
      expect(d.regime, `${len}: ${d.evidence}`).not.toBe('diverged');
      expectSane(d);
    }
  });

  it('a single huge spike in validation loss is not overfitting', () => {
    const e = goodFit();
    e[395] = { ...e[395], valLoss: e[395].valLoss * 30 };
    e[396] = { ...e[396], valLoss: e[396].valLoss * 30 };
    expect(diagnose({ epochs: e, baselineLoss: BASE }).regime).toBe('good fit');
  });
});

describe('diagnose: hysteresis', () => {
  const prev = (regime: Regime): Diagnosis => ({ regime, sinceEpoch: 150, evidence: '' });

  it('a 7% rise keeps overfitting but does not enter it', () => {
    const e = borderline();
    const kept = diagnose({ epochs: e, baselineLoss: BASE, previous: prev('overfitting') });
    expect(kept.regime, kept.evidence).toBe('overfitting');
    expect(Math.abs((kept.sinceEpoch ?? -1e9) - 150)).toBeLessThanOrEqual(25);
    expectSane(kept);
    const fresh = diagnose({ epochs: e, baselineLoss: BASE, previous: prev('good fit') });
    expect(fresh.regime, fresh.evidence).not.toBe('overfitting');
    expectSane(fresh);
    expect(diagnose({ epochs: e, baselineLoss: BASE }).regime).not.toBe('overfitting');
  });

  it('a clear rise enters overfitting whatever came before', () => {
    expect(diagnose({ epochs: overfit(), baselineLoss: BASE, previous: prev('good fit') }).regime).toBe('overfitting');
  });

  it('diverged wins at once over a previous verdict', () => {
    expect(diagnose({ epochs: blowUp(), baselineLoss: BASE, previous: prev('good fit') }).regime).toBe('diverged');
    expect(diagnose({ epochs: overfit(), baselineLoss: BASE, divergedAt: 401, previous: prev('overfitting') }).regime).toBe('diverged');
  });

  it('underfitting is kept while the plateau only slightly improves', () => {
    // 0.62 of the baseline and falling ~3% over the last quarter: not enough to enter, enough to stay.
    const e = curves(300, (t) => 0.44 - 0.05 * (t / 300), () => 0.45, 0.005, 0.01, 12);
    const kept = diagnose({ epochs: e, baselineLoss: BASE, previous: prev('underfitting') });
    expect(kept.regime, kept.evidence).toBe('underfitting');
    const fresh = diagnose({ epochs: e, baselineLoss: BASE });
    expect(fresh.regime, fresh.evidence).not.toBe('underfitting');
  });
});

describe('diagnose: live updates', () => {
  function regimesOverPrefixes(epochs: EpochMetrics[], every: number): Regime[] {
    const seen: Regime[] = [];
    let previous: Diagnosis | null = null;
    for (let len = every; len <= epochs.length; len += every) {
      previous = diagnose({ epochs: epochs.slice(0, len), baselineLoss: BASE, previous });
      expectSane(previous);
      seen.push(previous.regime);
    }
    return seen;
  }
  const flips = (r: Regime[]) => r.filter((x, i) => i > 0 && x !== r[i - 1]).length;

  it('noisy good fit: growing prefixes flip the regime at most twice', () => {
    for (const seed of [6, 21, 22, 23, 24]) {
      const seen = regimesOverPrefixes(noisyGoodFit(seed), 10);
      expect(flips(seen), `seed ${seed}: ${seen.join(', ')}`).toBeLessThanOrEqual(2);
      expect(seen).not.toContain('overfitting');
      expect(seen[seen.length - 1]).toBe('good fit');
    }
  });

  it('clean overfit: flagged within 80 epochs of the minimum and stays flagged', () => {
    const seen = regimesOverPrefixes(overfit(), 10);
    const first = seen.indexOf('overfitting');
    expect(first).toBeGreaterThan(0);
    expect((first + 1) * 10).toBeLessThanOrEqual(230);
    expect(seen.slice(first).every((r) => r === 'overfitting'), seen.join(', ')).toBe(true);
  });
});

// 20,000 epochs: validation bottoms out at epoch 6000 and rises 30% by the end.
const long = curves(
  20000,
  (t) => 0.01 + 0.68 * Math.exp(-t / 1500),
  (t) => (t <= 6000 ? 0.2 + 0.49 * ((6000 - t) / 6000) ** 2 : 0.2 * (1 + (0.3 * (t - 6000)) / 14000)),
  0.02,
  0.1,
  13,
);

describe('diagnose: long runs', () => {

  it('is subsampled and still finds the minimum', () => {
    const d = diagnose({ epochs: long, baselineLoss: BASE });
    expect(d.regime, d.evidence).toBe('overfitting');
    expect(Math.abs((d.sinceEpoch ?? -1e9) - 6000)).toBeLessThanOrEqual(800);
    expectSane(d);
  });

  it('takes a few milliseconds per call', () => {
    diagnose({ epochs: long, baselineLoss: BASE });
    const t0 = performance.now();
    for (let i = 0; i < 20; i++) diagnose({ epochs: long, baselineLoss: BASE });
    expect((performance.now() - t0) / 20).toBeLessThan(20);
  });
});

describe('diagnose: on the page’s bounded history', () => {
  // Every table case is shorter than RECENT, so the history holds each epoch and the verdict must
  // be the very same as on the plain array, with and without a previous verdict.
  for (const c of table) {
    it(`${c.name}: same verdict as on the array`, () => {
      const e = c.epochs();
      const base = c.baseline ?? BASE;
      for (const previous of [null, ...REGIMES.map((r) => ({ regime: r, sinceEpoch: null, evidence: '' }))]) {
        expect(diagnose({ epochs: MetricsHistory.from(e), baselineLoss: base, divergedAt: c.divergedAt, previous })).toEqual(
          diagnose({ epochs: e, baselineLoss: base, divergedAt: c.divergedAt, previous }),
        );
      }
    });
  }

  it('same verdicts on growing prefixes, appended batch by batch as the page does', () => {
    const e = noisyGoodFit(3);
    let h = MetricsHistory.empty();
    for (let len = 10; len <= e.length; len += 10) {
      h = h.appended(e.slice(len - 10, len));
      expect(diagnose({ epochs: h, baselineLoss: BASE })).toEqual(diagnose({ epochs: e.slice(0, len), baselineLoss: BASE }));
    }
  });


  it('a long run with older epochs summarized still finds the minimum', () => {
    const h = MetricsHistory.from(long);
    expect(h.summarized).toBeGreaterThan(0);
    const d = diagnose({ epochs: h, baselineLoss: BASE });
    expect(d.regime, d.evidence).toBe('overfitting');
    expect(Math.abs((d.sinceEpoch ?? -1e9) - 6000)).toBeLessThanOrEqual(800);
    expectSane(d);
  });

  it('a non-finite loss long since summarized still counts as divergence', () => {
    const e = goodFit();
    e[7] = { ...e[7], valLoss: Infinity };
    const h = MetricsHistory.from([...e, ...long.slice(e.length).map((m) => ({ ...m }))]);
    expect(h.summarized).toBeGreaterThan(0);
    const d = diagnose({ epochs: h, baselineLoss: BASE });
    expect(d.regime).toBe('diverged');
    expect(d.sinceEpoch).toBe(7);
    expect(d.evidence).toContain('infinite');
  });
});
