// Sends a control's change to the client; a rejected value is shown in the alert region.
import { client } from '../client/trainingClient';
import type { ExperimentConfig } from '../shared/config';
import { useStore } from '../store/store';
import { errorText } from '../shared/errorText';

export function change(patch: Partial<ExperimentConfig>): void {
  try {
    client.changeConfig(patch).catch(() => {});
    useStore.getState().clear('change');
  } catch (e) {
    useStore.getState().say('change', 'error', errorText(e));
  }
}
