// Each trial's intermediate curve (the objective after each epoch, as the pruner saw it), pruned
// trials greyed. Filled in by the pruning work; drawn only for searches with intermediate curves.
import type { Objective, TrialRecord } from '../search/types';

export function IntermediateChart(_props: { trials: readonly TrialRecord[]; objective: Objective }) {
  return null;
}
