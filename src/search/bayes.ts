// Bayesian optimisation (minimisation) over a SearchSpace: a Gaussian-process surrogate with a
// Matérn-5/2 kernel on the parameters mapped to [0, 1], and expected improvement maximised over
// seeded random candidates plus local moves around the best trials. A conditional setting that
// does not exist for a trial (momentum β without the momentum optimizer) sits at a fixed
// coordinate, 0: the trial's other coordinates (the optimizer's) already tell it apart. Pure and
// deterministic for a seed (given the same observations in the same order).
import { SequentialSearch } from './sequential';
import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { gaussian, hashSeed, mulberry32, type Rand } from '../data/random';
import { normCdf, normPdf, robustTargets } from './stats';
import { fromUnit, gridSize, gridTrials, isActive, sampleTrial, spaceKeys, toUnit, trialKey, type SearchBase } from './space';
import type { ParamKey, ParamSpec, SearchSpace, Trial } from './types';

export { BAYES_EXPLANATION } from './explanation';
export { robustTargets } from './stats';

export interface BayesOptions {
  /** Random trials before the model takes over (default 5). */
  initial?: number;
  /** Random candidates scored by expected improvement per suggestion (default 300). */
  candidates?: number;
}

/** How one parameter becomes coordinates in [0, 1]. */
type Coord =
  | { key: ParamKey; kind: 'range'; spec: Extract<ParamSpec, { kind: 'range' }> }
  | { key: ParamKey; kind: 'ordinal'; sorted: number[] }
  | { key: ParamKey; kind: 'onehot'; values: (number | string)[] };

/** Scale of a one-hot coordinate: two different choices end up at distance 1, like the ends of a range. */
const ONE_HOT = Math.SQRT1_2;
/** Base length scales (times √(parameters)), tried by marginal likelihood at each fit. */
const LENGTH_SCALES = [0.05, 0.08, 0.12, 0.2, 0.3, 0.5, 0.8, 1.3];
/** Noise variances relative to the signal, tried likewise; the first is a jitter for stability. */
const NOISES = [1e-6, 1e-3, 1e-2, 1e-1];
/** Exploration margin of expected improvement, in standardised objective units. */
const XI = 0.01;
/** Local moves around each of the best few trials, per suggestion. */
const LOCAL_PER_BEST = 20;
const LOCAL_BEST = 3;
/** All-list spaces up to this size are scored exhaustively instead of by sampling. */
const EXHAUSTIVE = 2000;

function coordsFor(space: SearchSpace): Coord[] {
  return spaceKeys(space).map((key): Coord => {
    const spec = space[key] as ParamSpec;
    if (spec.kind === 'range') return { key, kind: 'range', spec };
    if (spec.values.every((v) => typeof v === 'number')) {
      return { key, kind: 'ordinal', sorted: [...new Set(spec.values as number[])].sort((a, b) => a - b) };
    }
    return { key, kind: 'onehot', values: [...new Set(spec.values)] };
  });
}

function encode(coords: Coord[], t: Trial): number[] {
  const x: number[] = [];
  for (const c of coords) {
    const v = t[c.key];
    if (v === undefined) for (let i = 0; i < (c.kind === 'onehot' ? c.values.length : 1); i++) x.push(0);
    else if (c.kind === 'range') x.push(toUnit(c.spec, Number(v)));
    else if (c.kind === 'ordinal') {
      const m = c.sorted.length;
      const n = Number(v);
      // A value from outside the list sits at its rank among the list's values.
      const idx = c.sorted.indexOf(n);
      const rank = idx >= 0 ? idx : c.sorted.filter((s) => s < n).length - 0.5;
      x.push(m > 1 ? Math.min(1, Math.max(0, rank / (m - 1))) : 0);
    } else for (const w of c.values) x.push(w === v ? ONE_HOT : 0);
  }
  return x;
}

function sqDist(a: number[], b: number[]): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += (a[i] - b[i]) ** 2;
  return s;
}

/** Matérn-5/2 correlation for squared distance r2 and length scale ell. */
export function matern52(r2: number, ell: number): number {
  const s = (Math.sqrt(5 * r2) / ell);
  return (1 + s + (s * s) / 3) * Math.exp(-s);
}

/** Expected improvement below `best` of a normal prediction (mean mu, standard deviation sd). */
export function expectedImprovement(mu: number, sd: number, best: number, xi = XI): number {
  const d = best - mu - xi;
  if (sd <= 1e-12) return Math.max(0, d);
  const z = d / sd;
  return d * normCdf(z) + sd * normPdf(z);
}

interface Fit {
  ell: number;
  /** Signal variance of the standardised objective. */
  signal: number;
  /** Lower Cholesky factor of the unit-signal covariance, row-major. */
  L: Float64Array;
  /** K⁻¹ y for the unit-signal covariance. */
  alpha: Float64Array;
}

/**
 * Fits the GP to standardised targets: for each (length scale, noise) on a small grid the
 * signal variance has a closed form, and the pair with the highest marginal likelihood wins.
 */
function fitGp(X: number[][], y: number[], params: number): Fit | null {
  const n = X.length;
  const d2 = X.map((a) => X.map((b) => sqDist(a, b)));
  let best: (Fit & { score: number }) | null = null;
  const scale = Math.sqrt(Math.max(1, params));
  for (const base of LENGTH_SCALES) {
    const ell = base * scale;
    for (const noise of NOISES) {
      const K = new Matrix(n, n);
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < i; j++) {
          const k = matern52(d2[i][j], ell);
          K.set(i, j, k);
          K.set(j, i, k);
        }
        K.set(i, i, 1 + noise);
      }
      const chol = new CholeskyDecomposition(K);
      if (!chol.isPositiveDefinite()) continue;
      const alphaM = chol.solve(Matrix.columnVector(y));
      let quad = 0;
      for (let i = 0; i < n; i++) quad += y[i] * alphaM.get(i, 0);
      const Lm = chol.lowerTriangularMatrix;
      let logDet = 0;
      for (let i = 0; i < n; i++) logDet += 2 * Math.log(Lm.get(i, i));
      const signal = Math.max(quad / n, 1e-9);
      const score = -0.5 * n * Math.log(signal) - 0.5 * logDet;
      if (!Number.isFinite(score) || (best && score <= best.score)) continue;
      const L = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) L[i * n + j] = Lm.get(i, j);
      best = { ell, signal, L, alpha: Float64Array.from(alphaM.getColumn(0)), score };
    }
  }
  return best;
}

/** Posterior mean and standard deviation of the standardised objective at x. */
function predict(fit: Fit, X: number[][], x: number[], v: Float64Array): { mu: number; sd: number } {
  const n = X.length;
  let mu = 0;
  for (let i = 0; i < n; i++) {
    const k = matern52(sqDist(X[i], x), fit.ell);
    mu += k * fit.alpha[i];
    v[i] = k;
  }
  // Forward substitution: v = L⁻¹ k*, variance = signal · (1 − |v|²).
  let vv = 0;
  for (let i = 0; i < n; i++) {
    let s = v[i];
    for (let j = 0; j < i; j++) s -= fit.L[i * n + j] * v[j];
    s /= fit.L[i * n + i];
    v[i] = s;
    vv += s * s;
  }
  return { mu, sd: Math.sqrt(Math.max(fit.signal * (1 - vv), 0)) };
}

/**
 * Suggests trials one at a time and learns from each result (lower is better).
 *
 *     const bo = new BayesianSearch(space, seed);
 *     for (let i = 0; i < budget; i++) { const t = bo.suggest(); bo.observe(t, await run(t)); }
 *
 * Several suggestions may be outstanding at once (parallel workers): until observed they are
 * assumed to score the mean so far ("constant liar"), which keeps later suggestions away from them.
 */
export class BayesianSearch extends SequentialSearch {
  private readonly coords: Coord[];
  private readonly rand: Rand;
  private readonly initial: number;
  private readonly candidates: number;
  private readonly params: number;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    opts: BayesOptions = {},
    private readonly base?: SearchBase,
  ) {
    super();
    this.coords = coordsFor(space);
    this.rand = mulberry32(hashSeed(seed, 'bayes'));
    this.initial = Math.max(1, Math.floor(opts.initial ?? 5));
    this.candidates = Math.max(1, Math.floor(opts.candidates ?? 300));
    this.params = this.coords.length;
  }

  /** The best observed trial (failures never count), or null. */
  get best(): { trial: Trial; objective: number } | null {
    let bi = -1;
    for (let i = 0; i < this.objectives.length; i++) {
      if (Number.isFinite(this.objectives[i]) && (bi < 0 || this.objectives[i] < this.objectives[bi])) bi = i;
    }
    return bi < 0 ? null : { trial: { ...this.trials[bi] }, objective: this.objectives[bi] };
  }

  protected next(): Trial {
    const targets = robustTargets(this.objectives);
    if (this.trials.length < this.initial || !targets || this.coords.length === 0) return sampleTrial(this.space, this.rand, this.base);

    // Standardise; pending trials are assumed to score the mean (0 after standardising).
    const mean = targets.reduce((a, b) => a + b, 0) / targets.length;
    const sd = Math.sqrt(targets.reduce((a, b) => a + (b - mean) ** 2, 0) / targets.length) || 1;
    const y = [...targets.map((v) => (v - mean) / sd), ...this.pending.map(() => 0)];
    const all = [...this.trials, ...this.pending];
    const X = all.map((t) => encode(this.coords, t));
    const fit = fitGp(X, y, this.params);
    if (!fit) return sampleTrial(this.space, this.rand, this.base);
    const bestY = Math.min(...y.slice(0, targets.length));

    const taken = new Set(all.map(trialKey));
    const v = new Float64Array(X.length);
    let bestEi = -Infinity;
    let choice: Trial | null = null;
    for (const cand of this.candidateTrials(targets)) {
      if (taken.has(trialKey(cand))) continue;
      const { mu, sd: s } = predict(fit, X, encode(this.coords, cand), v);
      const ei = expectedImprovement(mu, s, bestY);
      if (ei > bestEi) {
        bestEi = ei;
        choice = cand;
      }
    }
    // Everything already tried (a small list-only space): fall back to a fresh random draw.
    return choice ?? sampleTrial(this.space, this.rand, this.base);
  }

  /** Random candidates (or the whole grid of a small list-only space) plus moves around the best trials. */
  private candidateTrials(targets: number[]): Trial[] {
    const size = gridSize(this.space, this.base);
    if (size <= EXHAUSTIVE) return gridTrials(this.space, this.base);
    const out: Trial[] = [];
    for (let i = 0; i < this.candidates; i++) out.push(sampleTrial(this.space, this.rand, this.base));
    const order = targets.map((_, i) => i).sort((a, b) => targets[a] - targets[b] || a - b);
    for (const i of order.slice(0, LOCAL_BEST)) {
      for (let j = 0; j < LOCAL_PER_BEST; j++) {
        // Step sizes from 0.01 to 0.2 of each range, so the optimum can be refined as well as searched around.
        const sigma = 0.01 * 20 ** (j / (LOCAL_PER_BEST - 1));
        out.push(this.perturb(this.trials[i], sigma));
      }
    }
    return out;
  }

  /** A move around t; a conditional setting that comes to exist by the move is drawn afresh, one that ceases to is left out. */
  private perturb(t: Trial, sigma: number): Trial {
    const out: Trial = {};
    for (const c of this.coords) {
      const spec = this.space[c.key] as ParamSpec;
      const v = t[c.key];
      if (!isActive(c.key, out, this.base)) continue;
      if (v === undefined && spec.kind === 'range') out[c.key] = fromUnit(c.key, spec, this.rand());
      else if (spec.kind === 'range') out[c.key] = fromUnit(c.key, spec, toUnit(spec, Number(v)) + sigma * gaussian(this.rand));
      else if (this.rand() < 0.25 || v === undefined) out[c.key] = spec.values[Math.min(spec.values.length - 1, Math.floor(this.rand() * spec.values.length))];
      else out[c.key] = v;
    }
    return out;
  }
}
