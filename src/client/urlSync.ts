// The config and the URL hash, both directions, in this one module. Store → link: a
// subscription writes every new config into the address bar (replaceState, so no history entry).
// Link → store: the page starts from the hash, and a hash edited by hand (or a pasted link) is
// applied like any other config change, so the model is rebuilt as needed. Either way the
// address bar ends up showing the config actually in use, never the bad values that were refused.
import { t } from '../i18n/i18n';
import type { ExperimentConfig } from '../shared/config';
import { configToHash, parseHash } from '../shared/schema';
import { useStore } from '../store/store';
import { errorText } from '../shared/errorText';
import { pageParamsToString, readPageParams } from '../page/pageParams';
import { currentPageParams, usePage } from '../page/pageStore';

/** Applies a whole config from a link: the training client's changeConfig on the page. */
export type ApplyConfig = (config: ExperimentConfig) => Promise<void>;

function notify(notices: string[]): void {
  if (notices.length) useStore.getState().say('hash', 'warning', t('messages:linkInvalid', { notices: notices.join('; ') }));
}

/** The link for a config and the page's view keys (language, lesson, classroom). */
function hashFor(config: ExperimentConfig): string {
  return configToHash(config) + pageParamsToString(currentPageParams());
}

/** Shows the config in use (and the page keys) in the address bar. */
function writeHash(config: ExperimentConfig): void {
  const hash = hashFor(config);
  if (location.hash !== hash) history.replaceState(null, '', hash);
}

/** The page keys of the link into the page store. */
function loadPageParams(hash: string): void {
  usePage.getState().setPage(readPageParams(hash));
}

/** Reads the hash into the store; bad values become defaults with a visible notice. */
function loadFromHash(): void {
  const s = useStore.getState();
  const { config, notices } = parseHash(location.hash, s.upload);
  try {
    s.applyConfig(config);
  } catch (e) {
    // Not expected (parseHash gives a valid config); the page then starts from the defaults.
    notices.push(`the link could not be applied (${errorText(e)}); using defaults`);
  }
  notify(notices);
}

/**
 * Starts the page from the link, then keeps link and config in step: a new config is written into
 * the address bar, and an edited hash is applied through `apply`. Returns a function that stops both.
 */
export function syncUrl(apply: ApplyConfig): () => void {
  loadPageParams(location.hash);
  loadFromHash();
  // The link may have held refused values or left settings out: show what is in use.
  writeHash(useStore.getState().config);
  const unsubscribe = useStore.subscribe((s, prev) => {
    if (s.config !== prev.config) writeHash(s.config);
  });
  const unsubscribePage = usePage.subscribe((p, prev) => {
    if (p.lang !== prev.lang || p.lesson !== prev.lesson || p.hide !== prev.hide || p.lock !== prev.lock || p.panels !== prev.panels || p.present !== prev.present) writeHash(useStore.getState().config);
  });
  const onChange = () => {
    const s = useStore.getState();
    const hash = location.hash;
    if (hash === hashFor(s.config)) return;
    const { config, notices } = parseHash(hash, s.upload);
    notify(notices);
    try {
      apply(config).catch(() => {});
    } catch (e) {
      // A link that parses but cannot apply (e.g. a slice the table lacks) keeps the current setup.
      useStore.getState().say('hash-apply', 'warning', t('messages:linkFailed', { error: errorText(e) }));
    }
    // The page keys after the config (their subscription writes the address bar).
    loadPageParams(hash);
    // The subscription writes the hash only when a setting changed; a hash whose bad values fell
    // back to what is already in use must still be rewritten.
    writeHash(useStore.getState().config);
  };
  window.addEventListener('hashchange', onChange);
  return () => {
    unsubscribe();
    unsubscribePage();
    window.removeEventListener('hashchange', onChange);
  };
}
