// Starts the diagnosis's reference fit (src/worker/referenceFit.ts) in the sweep worker once a
// run has begun training on data no reference was fitted on yet, and hands the answers to the
// store. Cached per data (referenceKey), so trying other networks on the same data costs nothing
// more. Never in the main run's way: it runs in its own worker, and until it answers (or when it
// fails) the diagnosis judges as it does without one.
import type { ExperimentConfig } from '../shared/config';
import type { ReferenceFit } from '../shared/protocol';
import { referenceKey } from '../store/referenceSlice';
import { useStore, type Store } from '../store/store';
import { fitReference } from './sweepClient';

/** Fits kept; a handful of data sets is all one visit uses. */
const MAX_CACHED = 20;
/** A data set whose fit failed this often is not tried again (a worker restarted by a backend change may fail one). */
const MAX_FAILURES = 2;

interface ReferenceFits {
  /** Starts or reuses a fit for the state's run when it should; called on every store change. */
  consider(s: Store): void;
}

/** Decides, per store state, whether to start a fit, reuse a cached one or wait. */
function referenceFits(fit: (config: ExperimentConfig) => Promise<ReferenceFit | null>, store: () => Store): ReferenceFits {
  const cache = new Map<string, ReferenceFit>();
  const inFlight = new Set<string>();
  const failures = new Map<string, number>();
  const consider = (s: Store) => {
    const config = s.runConfig;
    const key = config ? referenceKey(config) : null;
    if (!config || !key) return;
    const cached = cache.get(key);
    if (cached) {
      if (s.reference?.key !== key) s.setReference(key, cached);
      return;
    }
    // Only once the run has trained: a page opened and left alone starts no second worker. And
    // not while it trains: on a machine with two cores a fit beside the run halved its speed
    // (263 → 136 epochs/s on the default task, software WebGL 5.1 → 0.6), so it waits for a
    // pause, the end of train(n) or the epoch budget, early stopping, or a finished run.
    if (s.status === 'training' || s.metrics.epochs < 2 || inFlight.has(key) || (failures.get(key) ?? 0) >= MAX_FAILURES) return;
    inFlight.add(key);
    fit(config)
      .then((result) => {
        if (!result) throw new Error('the reference fit did not finish');
        cache.set(key, result);
        if (cache.size > MAX_CACHED) cache.delete(cache.keys().next().value!);
        store().setReference(key, result);
      })
      .catch(() => {
        // A reference only refines the diagnosis; without one it judges as before.
        failures.set(key, (failures.get(key) ?? 0) + 1);
      })
      .finally(() => inFlight.delete(key));
  };
  return { consider };
}

/** Watches the store for runs that need a reference fit (by `fit`, the sweep worker's by default); returns the unsubscribe function. */
export function watchReferenceFits(fit: (config: ExperimentConfig) => Promise<ReferenceFit | null> = fitReference): () => void {
  const fits = referenceFits(fit, useStore.getState);
  return useStore.subscribe((s, prev) => {
    if (s.runConfig !== prev.runConfig || s.metrics !== prev.metrics || s.status !== prev.status) fits.consider(s);
  });
}
