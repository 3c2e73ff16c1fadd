// The classroom tools in the header: "Share this setup", presentation mode (`present=1` in the
// link) and, while in it, the button of the controls drawer; "Show all controls" when a shared link
// hides or locks anything. Presentation mode is CSS under the root class `present`; the drawer is
// the settings column (#settings), open under the root class `drawer-open`.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePage } from '../../page/pageStore';
import { ShareBuilder, ShowAllControls } from './ShareBuilder';

export const SETTINGS_ID = 'settings';

const FOCUSABLE = 'button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

function useRootClass(name: string, on: boolean) {
  useEffect(() => {
    document.documentElement.classList.toggle(name, on);
    return () => document.documentElement.classList.remove(name);
  }, [name, on]);
}

/** The controls drawer's button (presentation mode only): opens the settings over the view; Escape closes. */
function DrawerToggle({ present }: { present: boolean }) {
  const { t } = useTranslation('classroom');
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const isOpen = present && open;
  useRootClass('drawer-open', isOpen);
  useEffect(() => {
    if (!isOpen) return;
    // Into the drawer, on its first control.
    const first = document.getElementById(SETTINGS_ID)?.querySelector<HTMLElement>(FOCUSABLE);
    first?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || document.querySelector('dialog[open]')) return;
      setOpen(false);
      button.current?.focus();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [isOpen]);
  if (!present) return null;
  return (
    <button
      ref={button}
      type="button"
      data-testid="controls-drawer"
      aria-expanded={isOpen}
      aria-controls={SETTINGS_ID}
      title={isOpen ? t('drawer.close') : t('drawer.open')}
      onClick={() => setOpen(!isOpen)}
    >
      <span aria-hidden="true" className="glyph">
        ☰
      </span>
      {t('drawer.toggle')}
    </button>
  );
}

export function ClassroomTools() {
  const { t } = useTranslation('classroom');
  const present = usePage((s) => s.present);
  useRootClass('present', present);
  return (
    <div className="classroom-tools" role="group" aria-label={t('tools.label')}>
      <DrawerToggle present={present} />
      <ShareBuilder />
      <button type="button" data-testid="present-mode" aria-pressed={present} onClick={() => usePage.getState().setPage({ present: !present })}>
        {t('tools.present')}
      </button>
      <ShowAllControls />
    </div>
  );
}
