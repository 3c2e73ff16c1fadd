// Settings controls under a shared link and an open lesson (src/page/gate.ts): a hidden control is
// not rendered, a locked one is shown disabled with a lock mark and the hint "locked by the
// shared link", and a lesson highlights the controls it uses and dims the rest.
// `Gate` wraps any input (checkbox, button, a group) by its test id: a fieldset with no box of its
// own (display: contents), whose `disabled` disables every control inside it.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useGate } from '../../page/gate';
import { controlClass } from '../../page/useControl';
import type { PanelId } from '../../page/pageParams';
import { usePanelShown } from '../../page/useControl';

/**
 * A small padlock with the hint as a tooltip. Hidden from the control's name; the control points
 * at the hint (`id`) with aria-describedby, which reads it even so.
 */
export function LockMark({ id }: { id?: string }) {
  const { t } = useTranslation('classroom');
  return (
    <span className="lock-mark" title={t('lock.hint')} data-testid="lock-mark" aria-hidden="true">
      <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true" focusable="false">
        <path d="M4 7V5a4 4 0 0 1 8 0v2h1v8H3V7h1zm2 0h4V5a2 2 0 0 0-4 0v2z" fill="currentColor" />
      </svg>
      <span id={id} className="visually-hidden">
        {t('lock.hint')}
      </span>
    </span>
  );
}

export function Gate({ id, children }: { id: string; children: ReactNode }) {
  const { t } = useTranslation('classroom');
  const v = useGate(id);
  if (v.hidden) return null;
  // Locked: the group's name (its legend) is the hint, read on entering it.
  return (
    <fieldset className={`gate ${controlClass(v)}`.trim()} disabled={v.locked} data-gate={id}>
      {v.locked && <legend className="visually-hidden">{t('lock.hint')}</legend>}
      {v.locked && <LockMark />}
      {children}
    </fieldset>
  );
}

/** A panel a shared link may leave out (PANEL_IDS); "show all controls" brings it back. */
export function PanelShown({ id, children }: { id: PanelId; children: ReactNode }) {
  return usePanelShown(id) ? children : null;
}
