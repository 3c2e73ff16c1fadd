// The keyboard shortcuts: installed once for the page, and listed in a small popover opened from
// the run bar (or with "?"). The rules for when a key counts live in shortcuts.ts.
import { useEffect, useId, useRef, useState } from 'react';
import { client } from '../client/trainingClient';
import { useStore } from '../store/store';
import { SHORTCUTS, shortcutFor, type ShortcutAction } from './shortcuts';
import { useTranslation } from 'react-i18next';

const ignore = () => {};

/** Does what the toolbar's buttons do, refused in the same states the buttons are disabled in. */
function run(action: Exclude<ShortcutAction, 'help'>): void {
  const status = useStore.getState().status;
  if (status === 'starting') return;
  if (action === 'reset') client.reset().catch(ignore);
  else if (status === 'error' || status === 'diverged') return;
  else if (action === 'step') client.step().catch(ignore);
  else (status === 'training' ? client.pause() : client.train()).catch(ignore);
}

export function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const { t } = useTranslation('run');

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        return;
      }
      const action = shortcutFor({ key: e.key, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, repeat: e.repeat, target: e.target as HTMLElement | null });
      if (!action) return;
      e.preventDefault(); // Space would scroll the page
      if (action === 'help') setOpen((o) => !o);
      else run(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="shortcuts">
      <button ref={button} type="button" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)} data-testid="shortcuts-button">
        {t('shortcuts.button')}
      </button>
      <div id={id} className="shortcuts-popover" hidden={!open} data-testid="shortcuts-help">
        <table>
          <caption>{t('shortcuts.caption')}</caption>
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys === 'Space' ? t('shortcuts.space') : s.keys}</kbd>
                </th>
                <td>{t(`shortcuts.${s.action}`)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <kbd>↑</kbd> <kbd>↓</kbd>
              </th>
              <td>{t('shortcuts.numberField')}</td>
            </tr>
          </tbody>
        </table>
        <button
          type="button"
          onClick={() => {
            setOpen(false);
            button.current?.focus();
          }}
        >
          {t('shortcuts.close')}
        </button>
      </div>
    </div>
  );
}
