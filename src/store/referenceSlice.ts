// The reference slice: what a larger reference network reaches on the current run's data (the
// sweep worker fits it, src/client/referenceClient.ts), so the diagnosis can judge underfitting
// against what the task allows. Keyed by the data it was fitted on, never by the model: a
// different network on the same data reuses it.
import type { StateCreator } from 'zustand';
import type { ExperimentConfig } from '../shared/config';
import type { ReferenceFit } from '../shared/protocol';
import { isImages } from '../shared/datasets';
import { diagnose } from '../diagnosis/diagnose';
import type { Store } from './store';

export interface ReferenceSlice {
  /** The latest reference fit and the key of the data it was fitted on, or null. */
  reference: { key: string; fit: ReferenceFit } | null;
  /** Records a fit; when it is for the current run's data, the diagnosis is redone with it at once. */
  setReference: (key: string, fit: ReferenceFit) => void;
}

/**
 * Names the data a reference fit depends on: the data set and its generation, the split, the
 * input features, the loss and the problem. Not the model, optimizer, regularization or the
 * table's plotted slice (a view, not the inputs). Null for an uploaded file, which has no stable
 * name here, so it gets no reference (the diagnosis then judges as before).
 */
export function referenceKey(c: ExperimentConfig): string | null {
  // No reference for images: a second CNN fit would cost as much as the run; the diagnosis judges from the baseline.
  if (c.dataset === 'upload' || isImages(c.dataset)) return null;
  return JSON.stringify([c.dataset, c.problem, c.samples, c.noise, c.seed, c.trainPct, c.valPct, [...c.features].sort(), c.loss]);
}

/** The reference fit for `config`'s data, when the one held is for that data. */
export function referenceFor(s: Pick<ReferenceSlice, 'reference'>, config: ExperimentConfig | null): ReferenceFit | null {
  if (!s.reference || !config) return null;
  return s.reference.key === referenceKey(config) ? s.reference.fit : null;
}

export const createReferenceSlice: StateCreator<Store, [], [], ReferenceSlice> = (set, get) => ({
  reference: null,
  setReference: (key, fit) => {
    const s = get();
    const reference = { key, fit };
    if (!s.runConfig || referenceKey(s.runConfig) !== key) {
      set({ reference });
      return;
    }
    set({
      reference,
      diagnosis: diagnose({ epochs: s.metrics, baselineLoss: s.baselineLoss, divergedAt: s.divergedAt, previous: s.diagnosis, reference: fit }),
    });
  },
});
