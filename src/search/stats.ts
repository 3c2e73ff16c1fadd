// Small numeric helpers shared by the model-based searches (bayes.ts, tpe.ts), kept apart so
// that TPE and the script export do not pull in the Gaussian process's linear algebra.

export function normPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

/** Standard normal CDF (Abramowitz–Stegun 7.1.26 on erf, error < 1.5e-7). */
export function normCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}

/**
 * Objectives as the model sees them: failures (NaN, ±Infinity) count as the worst result, and
 * values far above the median are capped so one diverged run does not flatten the rest.
 */
export function robustTargets(objectives: number[]): number[] | null {
  const finite = objectives.filter((v) => Number.isFinite(v));
  if (finite.length === 0) return null;
  const sorted = [...finite].sort((a, b) => a - b);
  const med = sorted[Math.floor((sorted.length - 1) / 2)];
  const spread = med - sorted[0];
  const cap = spread > 0 ? med + 5 * spread : sorted[sorted.length - 1];
  const capped = objectives.map((v) => (Number.isFinite(v) ? Math.min(v, cap) : NaN));
  const worst = Math.max(...capped.filter((v) => !Number.isNaN(v)));
  return capped.map((v) => (Number.isNaN(v) ? worst : v));
}

/**
 * One score per observation of a two-objective search (both lower is better), for a searcher
 * that splits good from bad by one number: the non-domination rank (0 = the Pareto front, 1 = the
 * front once it is removed, …, as Optuna's multi-objective TPE ranks trials), plus within a rank
 * a fraction (< 1) from the sum of both objectives scaled to [0, 1], so the rank decides first.
 * An observation without two finite values ranks after all others.
 */
export function paretoRankScores(first: readonly number[], second: readonly number[]): number[] {
  const n = first.length;
  const ok = first.map((f, i) => Number.isFinite(f) && Number.isFinite(second[i]));
  const span = (xs: number[]) => {
    const v = xs.filter((_, i) => ok[i]);
    const lo = Math.min(...v);
    const hi = Math.max(...v);
    return (x: number) => (hi > lo ? (x - lo) / (hi - lo) : 0);
  };
  const s1 = span([...first]);
  const s2 = span([...second]);
  const rank = new Array<number>(n).fill(-1);
  let left = ok.filter(Boolean).length;
  for (let r = 0; left > 0; r++) {
    const front: number[] = [];
    for (let i = 0; i < n; i++) {
      if (!ok[i] || rank[i] >= 0) continue;
      let dominated = false;
      for (let j = 0; j < n && !dominated; j++) {
        if (j === i || !ok[j] || rank[j] >= 0) continue;
        dominated = first[j] <= first[i] && second[j] <= second[i] && (first[j] < first[i] || second[j] < second[i]);
      }
      if (!dominated) front.push(i);
    }
    for (const i of front) rank[i] = r;
    left -= front.length;
  }
  const worst = Math.max(0, ...rank) + 1;
  return first.map((f, i) => (ok[i] ? rank[i] + (s1(f) + s2(second[i])) / 2.001 : worst));
}
