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
