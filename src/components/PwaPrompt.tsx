// A small, polite banner for the offline app (service worker from vite-plugin-pwa): "Ready to work
// offline" once, when the first visit has saved everything; "A new version is ready — Reload" when
// a new build waits. The new version never replaces the running one by itself, so nothing changes
// under a lesson. The registration loads lazily (src/client/pwaRegister.ts); `npm start` (the dev
// server) registers nothing.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PwaState } from '../client/pwaRegister';

type Api = typeof import('../client/pwaRegister');

export function PwaPrompt() {
  const { t } = useTranslation('pwa');
  const [state, setState] = useState<PwaState>('idle');
  const [api, setApi] = useState<Api | null>(null);

  useEffect(() => {
    if (import.meta.env.DEV || !('serviceWorker' in navigator)) return;
    let stop: (() => void) | undefined;
    let live = true;
    import('../client/pwaRegister')
      .then((m) => {
        if (!live) return;
        setApi(m);
        stop = m.watchPwa(setState);
      })
      // The chunk did not load (offline before the first install): the app runs as before.
      .catch(() => {});
    return () => {
      live = false;
      stop?.();
    };
  }, []);

  // The live region stays in the page, so screen readers hear the message when it appears.
  return (
    <div className="pwa-update" data-testid="pwa-update" role="status" aria-label={t('region')} data-state={state}>
      {state === 'update' && (
        <div className="pwa-update-box">
          <p>
            <strong>{t('updateReady')}</strong> <span className="pwa-update-detail">{t('updateDetail')}</span>
          </p>
          <div className="pwa-update-actions">
            <button type="button" className="primary" data-testid="pwa-reload" onClick={() => api?.reloadToUpdate()}>
              {t('reload')}
            </button>
            <button type="button" data-testid="pwa-dismiss" onClick={() => api?.dismiss()}>
              {t('later')}
            </button>
          </div>
        </div>
      )}
      {state === 'offline-ready' && (
        <div className="pwa-update-box">
          <p>
            <strong>{t('offlineReady')}</strong> <span className="pwa-update-detail">{t('offlineDetail')}</span>
          </p>
          <div className="pwa-update-actions">
            <button type="button" data-testid="pwa-dismiss" onClick={() => api?.dismiss()}>
              {t('dismiss')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
