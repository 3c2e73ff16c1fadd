// The page's one role="alert" region: bad input, notices about the link, divergence, errors.
import { useStore, type Store } from '../store/store';
import { useTranslation } from 'react-i18next';

const selectMessages = (s: Store) => s.messages;

export function AlertRegion() {
  const messages = useStore(selectMessages);
  const { t } = useTranslation('run');
  return (
    <div role="alert" className="alerts" data-testid="alert">
      {messages.map((m) => (
        <div key={m.id} className={`alert alert-${m.kind}`}>
          <span>{m.text}</span>
          <button type="button" className="icon" aria-label={t('alerts.dismiss')} onClick={() => useStore.getState().dismiss(m.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
