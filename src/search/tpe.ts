// The tree-structured Parzen estimator (Bergstra et al. 2011, "Algorithms for hyper-parameter
// optimization"; as Optuna's independent TPESampler): after a few random trials, the observations
// are split at the γ quantile of the objective into a good group and the rest. Each setting gets
// two densities, l(x) fitted to the good group's values and g(x) to the rest's, and the next value
// of the setting is the one of n_ei draws from l(x) with the largest l(x)/g(x) (which maximises
// expected improvement under the model). Settings are modelled one at a time ("independent"), in
// PARAM_KEYS order, so a conditional setting is sampled only when the trial built so far has it,
// and learnt only from the observations that had it: this is what makes the estimator a "tree".
//
// Numbers live in [0, 1] (log-scaled for log ranges, widened by half a step each side for whole
// numbers, exactly as space.ts's fromUnit maps back): a mixture of Gaussians truncated to [0, 1],
// one per observation (σ = the larger gap to its neighbours, clipped) plus a wide prior; whole
// numbers score the mass of their rounding interval. Lists (numbers or names) are categorical:
// weighted counts plus a prior weight per value. Pure and deterministic for a seed.
import { SequentialSearch } from './sequential';
import { gaussian, hashSeed, mulberry32, type Rand } from '../data/random';
import { normCdf, paretoRankScores, robustTargets } from './stats';
import { fromUnit, isActive, isIntegerRange, sampleTrial, spaceKeys, type SearchBase } from './space';
import type { ParamKey, ParamSpec, SearchSpace, Trial } from './types';

type Range = Extract<ParamSpec, { kind: 'range' }>;

export interface TpeOptions {
  /** Random trials before the estimators take over (default 10, as Optuna). */
  startup?: number;
  /** Candidates drawn from l(x) per setting and suggestion (default 24, as Optuna). */
  candidates?: number;
  /** Weight of the prior component in both densities (default 1, as Optuna). */
  priorWeight?: number;
}

/**
 * TPE's random start for a budget: Optuna's 10, but at most a quarter of a small budget (at least
 * 3), so a 20-trial search still leaves most of its trials to the model.
 */
export function tpeStartup(budget: number): number {
  return Math.min(10, Math.max(3, Math.ceil(budget / 4)));
}

/** The good group's size among n observations: Optuna's default γ, min(⌈0.1 n⌉, 25). */
export function goodCount(n: number): number {
  return Math.min(Math.ceil(0.1 * n), 25);
}

/**
 * Optuna's default weights of n observations in trial order: equal up to 25; beyond, the newest
 * 25 weigh 1 and older ones ramp down linearly towards 1/n, so the model follows a moving search.
 */
export function observationWeights(n: number): number[] {
  if (n < 25) return new Array<number>(n).fill(1);
  const ramp = n - 25;
  return Array.from({ length: n }, (_, i) => (i >= ramp ? 1 : ramp === 1 ? 1 / n : 1 / n + ((1 - 1 / n) * i) / (ramp - 1)));
}

/** A number's position in [0, 1] as fromUnit maps it back (so whole numbers sit mid-interval). */
export function unitOf(key: ParamKey, spec: Range, v: number): number {
  let lo = spec.min;
  let hi = spec.max;
  if (isIntegerRange(key, spec)) {
    lo = Math.ceil(spec.min) - 0.5;
    hi = Math.floor(spec.max) + 0.5;
  }
  if (spec.scale === 'log' && lo > 0) {
    const span = Math.log(hi) - Math.log(lo);
    return span > 0 ? (Math.log(Math.max(v, lo)) - Math.log(lo)) / span : 0;
  }
  return hi > lo ? (v - lo) / (hi - lo) : 0;
}

/** A mixture of Gaussians truncated to [0, 1]. */
export interface Parzen {
  mus: number[];
  sigmas: number[];
  /** Normalised to sum 1. */
  weights: number[];
}

/**
 * The Parzen estimator of observations in [0, 1] with their weights (Optuna's univariate one): a
 * component per observation with σ the larger distance to its sorted neighbours (the prior's
 * centre among them), clipped to [1 / min(100, n + 2), 1] ("magic clip": a lone cluster of
 * observations cannot collapse to a spike), and a prior N(0.5, 1) with weight `priorWeight`.
 */
export function parzen(obs: readonly number[], weights: readonly number[], priorWeight: number): Parzen {
  const points = obs.map((mu, i) => ({ mu, w: weights[i], prior: false }));
  points.push({ mu: 0.5, w: priorWeight, prior: true });
  points.sort((a, b) => a.mu - b.mu || Number(a.prior) - Number(b.prior));
  const minSigma = 1 / Math.min(100, points.length + 1);
  const last = points.length - 1;
  const sigmas = points.map((p, i) => {
    if (p.prior) return 1;
    // The outermost components look inwards only (Optuna's consider_endpoints = false): a good
    // value near an end of the range keeps a narrow kernel.
    const left = i > 0 ? p.mu - points[i - 1].mu : last > 0 ? 0 : p.mu;
    const right = i < last ? points[i + 1].mu - p.mu : last > 0 ? 0 : 1 - p.mu;
    return Math.min(1, Math.max(minSigma, left, right));
  });
  const total = points.reduce((a, p) => a + p.w, 0);
  return { mus: points.map((p) => p.mu), sigmas, weights: points.map((p) => p.w / total) };
}

/** Mass of N(mu, sigma) in [a, b]. */
function mass(mu: number, sigma: number, a: number, b: number): number {
  return normCdf((b - mu) / sigma) - normCdf((a - mu) / sigma);
}

/** log density of the truncated mixture at u, or log mass of [a, b] when given (whole numbers). */
export function logLikelihood(p: Parzen, u: number, bin?: [number, number]): number {
  let s = 0;
  for (let i = 0; i < p.mus.length; i++) {
    const z = Math.max(mass(p.mus[i], p.sigmas[i], 0, 1), 1e-12);
    if (bin) s += (p.weights[i] * mass(p.mus[i], p.sigmas[i], Math.max(0, bin[0]), Math.min(1, bin[1]))) / z;
    else {
      const d = (u - p.mus[i]) / p.sigmas[i];
      s += (p.weights[i] * Math.exp(-0.5 * d * d)) / (p.sigmas[i] * Math.sqrt(2 * Math.PI) * z);
    }
  }
  return Math.log(Math.max(s, 1e-300));
}

/** A draw from the truncated mixture (rejection per component; its mass in [0, 1] is at least ~⅓). */
export function sampleParzen(p: Parzen, rand: Rand): number {
  let r = rand();
  let i = 0;
  while (i < p.weights.length - 1 && r >= p.weights[i]) r -= p.weights[i++];
  for (let k = 0; k < 100; k++) {
    const u = p.mus[i] + p.sigmas[i] * gaussian(rand);
    if (u >= 0 && u <= 1) return u;
  }
  return Math.min(1, Math.max(0, p.mus[i]));
}

/** A value's observations in trial order with their objective (pending trials score +Infinity). */
interface Observation {
  value: number | string;
  objective: number;
  order: number;
}

/** Splits observations into the good γ group and the rest, each in trial order. */
function split(obs: Observation[]): { good: Observation[]; bad: Observation[] } {
  const ranked = [...obs].sort((a, b) => a.objective - b.objective || a.order - b.order);
  const finite = obs.filter((o) => Number.isFinite(o.objective)).length;
  const n = Math.min(goodCount(obs.length), finite);
  const byOrder = (a: Observation, b: Observation) => a.order - b.order;
  return { good: ranked.slice(0, n).sort(byOrder), bad: ranked.slice(n).sort(byOrder) };
}

/**
 * Suggests trials one at a time and learns from each result (lower is better), like
 * BayesianSearch:
 *
 *     const tpe = new TpeSearch(space, seed);
 *     for (let i = 0; i < budget; i++) { const t = tpe.suggest(); tpe.observe(t, await run(t)); }
 *
 * Several suggestions may be outstanding at once (a round of batched trials): until observed
 * they count as the worst results ("constant liar", as Optuna's option), so l(x) keeps its shape
 * while g(x) grows around them and the next suggestions go elsewhere.
 */
export class TpeSearch extends SequentialSearch {
  private readonly rand: Rand;
  private readonly startup: number;
  private readonly candidates: number;
  private readonly priorWeight: number;

  constructor(
    private readonly space: SearchSpace,
    seed: number,
    opts: TpeOptions = {},
    private readonly base?: SearchBase,
  ) {
    super();
    this.rand = mulberry32(hashSeed(seed, 'tpe'));
    this.startup = Math.max(1, Math.floor(opts.startup ?? 10));
    this.candidates = Math.max(1, Math.floor(opts.candidates ?? 24));
    this.priorWeight = opts.priorWeight ?? 1;
  }

  protected next(): Trial {
    // The first `startup` trials, pending ones included, are random: the same trials come out
    // whether they are asked for one at a time or in rounds.
    // Two objectives: good and bad by Pareto rank (the front first), as Optuna's multi-objective TPE.
    const targets = this.seconds.some((v) => Number.isFinite(v)) ? paretoRankScores(this.objectives, this.seconds) : robustTargets(this.objectives);
    if (this.trials.length + this.pending.length < this.startup || !targets) return sampleTrial(this.space, this.rand, this.base);
    const all = [...this.trials, ...this.pending];
    const scores = [...targets, ...this.pending.map(() => Infinity)];
    const t: Trial = {};
    for (const key of spaceKeys(this.space)) {
      if (!isActive(key, t, this.base)) continue;
      const obs: Observation[] = [];
      all.forEach((tr, order) => {
        if (tr[key] !== undefined) obs.push({ value: tr[key], objective: scores[order], order });
      });
      t[key] = this.sampleSetting(key, this.space[key]!, obs);
    }
    return t;
  }

  /** The value of one setting with the largest l(x)/g(x) among n_ei draws from l(x). */
  private sampleSetting(key: ParamKey, spec: ParamSpec, obs: Observation[]): number | string {
    const { good, bad } = split(obs);
    const wGood = observationWeights(good.length);
    const wBad = observationWeights(bad.length);
    let best: number | string = '';
    let bestScore = -Infinity;
    if (spec.kind === 'list') {
      const l = this.categorical(spec.values, good, wGood);
      const g = this.categorical(spec.values, bad, wBad);
      for (let c = 0; c < this.candidates; c++) {
        let r = this.rand();
        let i = 0;
        while (i < l.length - 1 && r >= l[i]) r -= l[i++];
        const score = Math.log(l[i]) - Math.log(g[i]);
        if (score > bestScore) {
          bestScore = score;
          best = spec.values[i];
        }
      }
      return best;
    }
    const unit = (o: Observation) => unitOf(key, spec, Number(o.value));
    const l = parzen(good.map(unit), wGood, this.priorWeight);
    const g = parzen(bad.map(unit), wBad, this.priorWeight);
    const integer = isIntegerRange(key, spec);
    for (let c = 0; c < this.candidates; c++) {
      const v = fromUnit(key, spec, sampleParzen(l, this.rand));
      const u = unitOf(key, spec, v);
      // Whole numbers: the mass of the interval that rounds to v (fromUnit rounds in the scaled space).
      const bin: [number, number] | undefined = integer ? [unitOf(key, spec, v - 0.5), unitOf(key, spec, v + 0.5)] : undefined;
      const score = logLikelihood(l, u, bin) - logLikelihood(g, u, bin);
      if (score > bestScore) {
        bestScore = score;
        best = v;
      }
    }
    return best;
  }

  /** Each list value's probability: the weights of the observations with it, plus the prior weight. */
  private categorical(values: readonly (number | string)[], obs: Observation[], weights: number[]): number[] {
    const p = values.map(() => this.priorWeight);
    obs.forEach((o, i) => {
      const j = values.indexOf(o.value);
      if (j >= 0) p[j] += weights[i];
    });
    const total = p.reduce((a, b) => a + b, 0);
    return p.map((v) => v / total);
  }
}
