// The backend for helper workers (search pool, sweeps): with 'auto', the one the main run's
// timing picked for this model, so each helper does not start and time every backend again.
import type { BackendKey, EngineKey } from '../shared/config';
import { useStore } from '../store/store';

export function helperBackend(requested: BackendKey): EngineKey {
  if (requested !== 'auto') return requested;
  return useStore.getState().backend?.active ?? 'cpu';
}
