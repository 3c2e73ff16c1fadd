// What a finished search adds to its trials: the settings' importance (from the analysis worker)
// and, with two objectives, the Pareto front. Reads the page's config and data widths for the
// parameter count. Loaded on first use (the front stays out of the page's first bundle).
import { modelShape } from './modelShape';
import { importanceOffThread } from './importance';
import { secondValue, type ModelShape } from '../search/objectives';
import { paretoFront, type ParetoPoint } from '../search/pareto';
import type { Importance, SearchSpace, SearchSpec, SecondObjective, TrialRecord } from '../search/types';

export { modelShape };

/** Every trial as a point (objective, second objective). */
export function objectivePoints(trials: readonly TrialRecord[], which: SecondObjective, shape: ModelShape | null): ParetoPoint[] {
  return trials.map((trial) => ({ trial, first: trial.mean, second: secondValue(trial, which, shape) }));
}

/** How the importance is computed: in the analysis worker (tests hand in its API in-process). */
export type ImportanceOf = (space: SearchSpace, trials: readonly TrialRecord[], seed: number) => Promise<Importance[]>;

export async function searchOutcome(spec: SearchSpec, trials: readonly TrialRecord[], importanceOf: ImportanceOf = importanceOffThread): Promise<{ importance: Importance[]; pareto?: TrialRecord[] }> {
  const importance = await importanceOf(spec.space, trials, spec.seed);
  const second = spec.objectives?.[1];
  if (!second) return { importance };
  const front = paretoFront(objectivePoints(trials, second, modelShape()), spec.objective);
  return { importance, pareto: front.map((p) => p.trial) };
}
