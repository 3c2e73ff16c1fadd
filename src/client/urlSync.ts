// Keeps the experiment config and the URL hash in step: the page starts from the hash, and a
// hash edited by hand (or a pasted link) is applied like any other config change.
import { configToHash, parseHash } from '../shared/schema';
import { useStore } from '../store/store';
import type { TrainingClient } from './trainingClient';

/** Reads the hash into the store; bad values become defaults with a visible notice. */
export function loadConfigFromHash(): void {
  const { config, notices } = parseHash(location.hash);
  const s = useStore.getState();
  s.setConfigState(config);
  if (notices.length) s.say('hash', 'warning', `Some settings in the link were not valid: ${notices.join('; ')}.`);
  history.replaceState(null, '', configToHash(config));
}

export function followHashChanges(client: TrainingClient): () => void {
  const onChange = () => {
    if (location.hash === configToHash(client.config())) return;
    const { config, notices } = parseHash(location.hash);
    if (notices.length) useStore.getState().say('hash', 'warning', `Some settings in the link were not valid: ${notices.join('; ')}.`);
    client.changeConfig(config).catch(() => {});
  };
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
