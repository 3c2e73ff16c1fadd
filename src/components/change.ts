// Sends a control's change to the client; a rejected value is shown in the alert region.
import { client } from '../client/trainingClient';
import type { ExperimentConfig, FeatureKey } from '../shared/config';
import { useStore } from '../store/store';
import { errorText } from '../shared/errorText';
import { toggleFeature } from './modelEdits';

export function change(patch: Partial<ExperimentConfig>): void {
  try {
    client.changeConfig(patch).catch(() => {});
    useStore.getState().clear('change');
  } catch (e) {
    useStore.getState().say('change', 'error', errorText(e));
  }
}

/**
 * A demo step (a preset, a remedy, "start fresh"): applies `patch` and trains a fresh run from the
 * same initial weights, the run it replaces kept and overlaid, so before and after sit side by side.
 */
export function startFresh(patch: Partial<ExperimentConfig>, topic = 'change'): void {
  try {
    client
      .changeConfig(patch, { fresh: true })
      .then(() => client.train())
      .catch(() => {});
    useStore.getState().clear(topic);
  } catch (e) {
    useStore.getState().say(topic, 'error', errorText(e));
  }
}

/** Turns input feature `f` on or off (Data panel, network diagram); refuses to leave none, saying why. */
export function changeFeature(f: FeatureKey, on: boolean): void {
  const r = toggleFeature(useStore.getState().config.features, f, on);
  if ('error' in r) {
    useStore.getState().say('features', 'error', r.error);
    return;
  }
  useStore.getState().clear('features');
  change(r);
}
