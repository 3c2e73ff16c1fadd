// The current config and the data's input and output widths: what a trial's parameter count
// needs (src/search/objectives.ts). Light on purpose: the search runner imports it, and the
// importance forest and the Pareto front (searchOutcome.ts) stay out of its chunk.
import { isTable } from '../shared/datasets';
import { outputUnits } from '../shared/config';
import type { ModelShape } from '../search/objectives';
import { useStore, type Store } from '../store/store';

/** The current config and the data's input and output widths, as the Model panel counts them. */
export function modelShape(s: Pick<Store, 'config' | 'table' | 'upload'> = useStore.getState()): ModelShape {
  const inputs = isTable(s.config.dataset) ? (s.table?.inputNames.length ?? 0) : s.config.features.length;
  return { config: s.config, inputs, outputs: outputUnits(s.config.dataset, s.upload) };
}
