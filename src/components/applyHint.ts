// What changing a setting does to the run, in a few words beside its control: read from the one
// live rule (engine/liveSettings.ts), so the page says what the client actually does.
import { SETTING_CHANGES } from '../engine/liveSettings';
import type { ExperimentConfig } from '../shared/config';
import { t } from '../i18n/i18n';

/** Each kind of change's words, in the training namespace (English: "applies at once", …). */
const HINTS = {
  live: 'live',
  'new run': 'newRun',
  'new worker': 'newWorker',
  view: 'view',
} as const satisfies Record<(typeof SETTING_CHANGES)[keyof ExperimentConfig], string>;

export function applyHint(key: keyof ExperimentConfig): string {
  return t(`training:applies.${HINTS[SETTING_CHANGES[key]]}`);
}
