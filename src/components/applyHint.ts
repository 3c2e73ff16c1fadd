// What changing a setting does to the run, in a few words beside its control: read from the one
// live rule (engine/liveSettings.ts), so the page says what the client actually does.
import { SETTING_CHANGES } from '../engine/liveSettings';
import type { ExperimentConfig } from '../shared/config';

const HINTS: Record<(typeof SETTING_CHANGES)[keyof ExperimentConfig], string> = {
  live: 'applies at once',
  'new run': 'starts a new run',
  'new worker': 'restarts training on it',
  view: 'redraws the view',
};

export function applyHint(key: keyof ExperimentConfig): string {
  return HINTS[SETTING_CHANGES[key]];
}
