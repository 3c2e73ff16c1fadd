// The page's one role="alert" region: bad input, notices about the link, divergence, errors.
import { useStore, type Store } from '../store/store';

const selectMessages = (s: Store) => s.messages;

export function AlertRegion() {
  const messages = useStore(selectMessages);
  return (
    <div role="alert" className="alerts" data-testid="alert">
      {messages.map((m) => (
        <div key={m.id} className={`alert alert-${m.kind}`}>
          <span>{m.text}</span>
          <button type="button" className="icon" aria-label="Dismiss message" onClick={() => useStore.getState().dismiss(m.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
