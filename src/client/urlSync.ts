// Keeps the experiment config and the URL hash in step: the page starts from the hash, and a
// hash edited by hand (or a pasted link) is applied like any other config change. Either way the
// address bar ends up showing the config actually in use, never the bad values that were refused.
import { configToHash, parseHash } from '../shared/schema';
import { useStore } from '../store/store';
import type { TrainingClient } from './trainingClient';

function notify(notices: string[]): void {
  if (notices.length) useStore.getState().say('hash', 'warning', `Some settings in the link were not valid: ${notices.join('; ')}.`);
}

/** Reads the hash into the store; bad values become defaults with a visible notice. */
export function loadConfigFromHash(): void {
  const { config, notices } = parseHash(location.hash);
  useStore.getState().setConfigState(config);
  notify(notices);
  history.replaceState(null, '', configToHash(config));
}

export function followHashChanges(client: TrainingClient): () => void {
  const onChange = () => {
    if (location.hash === configToHash(client.config())) return;
    const { config, notices } = parseHash(location.hash);
    notify(notices);
    try {
      client.changeConfig(config).catch(() => {});
    } catch (e) {
      // A link that parses but cannot apply (e.g. "upload" with no file) keeps the current setup.
      useStore.getState().say('hash-apply', 'warning', `The link could not be applied: ${e instanceof Error ? e.message : String(e)}.`);
    }
    // changeConfig writes the hash only when a setting changed; a hash whose bad values fell back
    // to what is already in use must still be rewritten.
    history.replaceState(null, '', configToHash(client.config()));
  };
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}
