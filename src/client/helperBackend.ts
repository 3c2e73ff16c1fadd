// The backend for helper workers (search pool, sweeps): with 'auto', the one the main run's
// timing picked for this model, so each helper does not start and time every backend again.
import type { BackendKey, EngineKey } from '../shared/config';
import { useStore } from '../store/store';

export function helperBackend(requested: BackendKey): EngineKey {
  if (requested !== 'auto') return requested;
  return useStore.getState().backend?.active ?? 'cpu';
}

/**
 * An engine this many times slower than the fastest on the main model cannot win on a batched
 * group: a group of M members costs at most about M times one member on the fastest engine,
 * and at least one member's time on any engine, and search groups rarely hold more members.
 */
const GROUP_REACH = 16;

/**
 * For the search pool with 'auto': the engines its batched groups may be timed on, the main
 * pick first (it trains the trials that run alone); undefined with a named backend.
 */
export function searchEngines(requested: BackendKey): EngineKey[] | undefined {
  if (requested !== 'auto') return undefined;
  const info = useStore.getState().backend;
  const timings = info?.timings ?? [];
  if (!timings.length) return [helperBackend(requested)];
  const best = Math.min(...timings.map((t) => t.msPerStep));
  const within = timings.filter((t) => t.msPerStep <= GROUP_REACH * best).map((t) => t.backend);
  return [info!.active, ...within.filter((b) => b !== info!.active)];
}
