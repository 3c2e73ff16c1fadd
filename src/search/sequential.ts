// What every model-based searcher (Bayesian, TPE) shares: the trials observed with their
// objectives, the trials suggested but not yet observed (a round in flight), and the
// suggest → observe loop around a subclass's `next()`.
import { trialKey } from './space';
import type { Trial } from './types';

export abstract class SequentialSearch {
  protected readonly trials: Trial[] = [];
  protected readonly objectives: number[] = [];
  /** Each observation's second objective (lower is better), NaN where none was given. */
  protected readonly seconds: number[] = [];
  /** Suggested, not yet observed: a model-based pick treats them as taken. */
  protected pending: Trial[] = [];

  /** Observations so far. */
  get count(): number {
    return this.trials.length;
  }

  /** The next trial to run. */
  suggest(): Trial {
    const t = this.next();
    this.pending.push(t);
    return { ...t };
  }

  /**
   * Records a result (NaN or Infinity for a failed or diverged run), and for a two-objective
   * search its second objective (lower is better); the trial need not come from suggest.
   */
  observe(trial: Trial, objective: number, second = NaN): void {
    const key = trialKey(trial);
    const i = this.pending.findIndex((p) => trialKey(p) === key);
    if (i >= 0) this.pending.splice(i, 1);
    this.trials.push({ ...trial });
    this.objectives.push(objective);
    this.seconds.push(second);
  }

  protected abstract next(): Trial;
}
