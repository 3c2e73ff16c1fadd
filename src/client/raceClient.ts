// The optimizer race runs in the lab worker (src/worker/race.ts) beside the main run; its
// progress and result go to the store's race slice, which the Race panel draws.
import { isImages } from '../shared/datasets';
import { t } from '../i18n/i18n';
import { OPTIMIZERS, type OptimizerKey } from '../shared/config';
import { errorText } from '../shared/errorText';
import { checkRaceRequest, type RaceRequest, type RaceResult } from '../shared/race';
import { defaultRates } from '../components/raceLogic';
import { useStore } from '../store/store';
import { labBridge, labUpload } from './labBridge';

export interface RaceOptions {
  /** Default: the optimizers ticked in the panel. */
  optimizers?: OptimizerKey[];
  /** Default: the panel's rates, else raceLogic.ts defaultRates (the usual rate; the config's optimizer at the config's rate). */
  lrs?: Partial<Record<OptimizerKey, number>>;
  /** Default: the panel's. */
  epochs?: number;
  /** Training loss to reach; default: the panel's. */
  target?: number | null;
}

/** Aborts the race under way (Cancel). */
let abort: AbortController | null = null;

/** The request a race with these options sends: every chosen optimizer with its rate filled in. */
export function raceRequest(opts: RaceOptions = {}): RaceRequest {
  const s = useStore.getState();
  const { race, config } = s;
  const optimizers = opts.optimizers ?? OPTIMIZERS.filter((k) => race.chosen[k]);
  const rates = { ...defaultRates(config), ...race.lrs, ...opts.lrs };
  return { config, optimizers, lrs: Object.fromEntries(optimizers.map((k) => [k, rates[k]])), epochs: opts.epochs ?? race.epochs };
}

/**
 * Runs a race and shows it in the panel. Resolves to the result (with what was trained, when
 * cancelled); rejects on a bad request, saying why, with the panel unchanged. One race at a time: while one
 * runs, this rejects.
 */
export async function startRace(opts: RaceOptions = {}): Promise<RaceResult> {
  const s = useStore.getState();
  if (s.race.status === 'running' || s.race.status === 'cancelling') throw new Error('a race is already running');
  // The race trains dense networks only: refused on images before anything changes.
  if (isImages(s.config.dataset)) throw new Error(t('race:images'));
  const request = raceRequest(opts);
  // A bad request is refused before the panel changes: the ticks, rates and last race stay;
  // only the reason is shown.
  try {
    checkRaceRequest(request);
  } catch (e) {
    s.setRace({ status: 'error', error: errorText(e) });
    throw e;
  }
  // The panel shows what a script asked for too.
  const patch = {
    chosen: Object.fromEntries(OPTIMIZERS.map((k) => [k, request.optimizers.includes(k)])) as Record<OptimizerKey, boolean>,
    epochs: request.epochs,
    ...(opts.lrs ? { lrs: { ...s.race.lrs, ...opts.lrs } } : {}),
    ...(opts.target !== undefined ? { target: opts.target } : {}),
  };
  s.setRace({ ...patch, status: 'running', progress: 0, epochsDone: 0, entries: [], config: request.config, batched: null, aloneReason: null, backend: null, error: null });
  const controller = new AbortController();
  abort = controller;
  try {
    await labUpload();
    const result = await labBridge.call(
      (api) =>
        api.race(
          request,
          labBridge.proxy((p) => {
            // A late progress report after the result must not undo it.
            if (useStore.getState().race.status !== 'running' && useStore.getState().race.status !== 'cancelling') return;
            useStore.getState().setRace({ progress: p.epochsDone / p.epochs, epochsDone: p.epochsDone, entries: p.entries });
          }),
        ),
      // Cancel keeps what was trained: the worker stops between epochs and resolves with it.
      { signal: controller.signal, cancel: (api) => api.cancelRace() },
    );
    const done = result.entries[0] ? result.entries[0].trainLoss.length - 1 : 0;
    useStore.getState().setRace({
      status: result.cancelled ? 'cancelled' : 'done',
      entries: result.entries,
      epochsDone: done,
      progress: done / request.epochs,
      batched: result.batched,
      aloneReason: result.aloneReason,
      backend: result.backend,
    });
    return result;
  } catch (e) {
    useStore.getState().setRace({ status: 'error', error: errorText(e) });
    throw e;
  } finally {
    if (abort === controller) abort = null;
  }
}

export function cancelRace(): void {
  if (useStore.getState().race.status !== 'running' || !abort) return;
  useStore.getState().setRace({ status: 'cancelling' });
  abort.abort();
}

/** Ms for one Trainer of the current config to train `epochs` epochs in the lab worker (the bench's race ÷ one run). */
export async function timeOneRun(epochs: number): Promise<number> {
  const config = useStore.getState().config;
  await labUpload();
  return labBridge.call((api) => api.timeOneRun(config, epochs));
}
