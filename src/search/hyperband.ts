// Hyperband (Li et al., 2018) as a search strategy: brackets of successive halving over random
// trials, from the most aggressive (many trials, the first rung after a few epochs) to none at
// all (a few trials trained to the end). The plan is made up front; the rung decisions are
// ASHA's (src/search/pruners.ts), made within each bracket.
import { randomTrials } from './space';
import type { SearchSpace, Trial } from './types';

export interface Bracket {
  /** 0 = the most aggressive. */
  bracket: number;
  /** Trials that start in it. */
  trials: number;
  /** Epochs of its rungs (decisions) before the last epoch; empty for the last bracket. */
  rungs: number[];
}

export interface HyperbandPlan {
  brackets: Bracket[];
  /** Each trial with its bracket, in bracket order. */
  trials: { trial: Trial; bracket: number }[];
}

/**
 * The brackets of one Hyperband iteration with R = `epochs` and reduction factor η: s_max =
 * ⌊log_η R⌋; bracket b has s = s_max − b rungs, starts n = ⌈(s_max + 1)/(s + 1) · η^s⌉ trials
 * and decides at R·η^−s, R·η^−s+1, … (rounded, at least 1 epoch) before R.
 */
export function hyperbandBrackets(epochs: number, eta: number): Bracket[] {
  const R = Math.max(1, Math.floor(epochs));
  // The small tolerance keeps log_3(27) at 3, not 2.9999….
  const sMax = Math.floor(Math.log(R) / Math.log(eta) + 1e-9);
  const out: Bracket[] = [];
  for (let s = sMax; s >= 0; s--) {
    const n = Math.ceil(((sMax + 1) / (s + 1)) * eta ** s);
    const rungs: number[] = [];
    for (let k = 0; k < s; k++) {
      const e = Math.max(1, Math.round(R * eta ** (k - s)));
      if (e < R && rungs[rungs.length - 1] !== e) rungs.push(e);
    }
    out.push({ bracket: sMax - s, trials: n, rungs });
  }
  return out;
}

/**
 * Scales the brackets' trial counts to the budget (the search's number of trials): each in
 * proportion, at least 1, the biggest trimmed first while over; with fewer trials than brackets,
 * the least aggressive brackets go.
 */
export function fitBudget(brackets: readonly Bracket[], budget: number): Bracket[] {
  const want = Math.max(1, Math.floor(budget));
  const kept = brackets.slice(0, Math.min(brackets.length, want));
  const total = kept.reduce((a, b) => a + b.trials, 0);
  const out = kept.map((b) => ({ ...b, trials: Math.max(1, Math.round((b.trials * want) / total)) }));
  for (let sum = out.reduce((a, b) => a + b.trials, 0); sum > want; sum--) {
    const big = out.reduce((m, b, i) => (b.trials > out[m].trials ? i : m), 0);
    out[big].trials--;
  }
  return out;
}

/** The whole plan: brackets fitted to the budget, and that many seeded random trials dealt to them in order. */
export function planHyperband(space: SearchSpace, epochs: number, eta: number, budget: number, seed: number): HyperbandPlan {
  const brackets = fitBudget(hyperbandBrackets(epochs, eta), budget);
  const total = brackets.reduce((a, b) => a + b.trials, 0);
  const drawn = randomTrials(space, total, seed);
  const trials: HyperbandPlan['trials'] = [];
  for (const b of brackets) for (let k = 0; k < b.trials; k++) trials.push({ trial: drawn[trials.length], bracket: b.bracket });
  return { brackets, trials };
}
