// The Export menu: a button that opens a list of what can be taken away from a run (config as
// JSON or link, metrics as CSV, loss chart and boundary as PNG/SVG, the model as tfjs files).
// Keyboard: Enter/Space/ArrowDown open it on the first item, arrows move, Escape closes and
// returns focus to the button. Without `runId` it exports the current run; a kept run's menu
// (`runId` given) lists what exists for it (config, metrics and the PyTorch script).
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { t } from '../i18n/i18n';
import { useStore, type Store } from '../store/store';
import { configLink } from '../export/configJson';
import { KEPT_FORMATS, type ExportFormat, type ExportImage } from '../export/formats';
import { errorText } from '../shared/errorText';
import { isImages } from '../shared/datasets';

interface Item {
  key: 'json' | 'link' | 'csv' | 'chart-png' | 'chart-svg' | 'boundary-png' | 'boundary-svg' | 'tfjs' | 'pytorch';
  format: ExportFormat;
  image?: ExportImage;
}

/** What an image run cannot export. */
const IMAGE_LESS: readonly Item['key'][] = ['boundary-png', 'boundary-svg', 'tfjs', 'pytorch'];

const ITEMS: Item[] = [
  { key: 'json', format: 'json' },
  { key: 'link', format: 'link' },
  { key: 'csv', format: 'csv' },
  { key: 'chart-png', format: 'png', image: 'chart' },
  { key: 'chart-svg', format: 'svg', image: 'chart' },
  { key: 'boundary-png', format: 'png', image: 'boundary' },
  { key: 'boundary-svg', format: 'svg', image: 'boundary' },
  { key: 'tfjs', format: 'tfjs' },
  { key: 'pytorch', format: 'pytorch' },
];

const selectRunId = (s: Store) => s.runId;

/** Copies the run's link; where the clipboard is refused, the link is shown in a message instead. */
async function copyLink(id: number): Promise<void> {
  const { findRun } = await import('../client/exportRun');
  const link = configLink(findRun(id).config, location.href);
  const say = useStore.getState().say;
  try {
    await navigator.clipboard.writeText(link);
    say('export', 'info', t('export:copied', { id }));
  } catch {
    say('export', 'info', t('export:noClipboard', { id, link }));
  }
}

export function ExportMenu({ runId }: { runId?: number }) {
  const { t: tr } = useTranslation('export');
  const currentId = useStore(selectRunId);
  const id = runId ?? currentId;
  const current = runId === undefined || runId === currentId;
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const menu = useRef<HTMLUListElement>(null);
  const images = useStore((s) => isImages((s.runId === id || !s.kept.some((k) => k.id === id) ? (s.runConfig ?? s.config) : s.kept.find((k) => k.id === id)!.config).dataset));
  // An image run has no boundary, and its model is not a dense network the tfjs files and the
  // PyTorch script describe: those items are left out (exportRun refuses them with the reason).
  const items = ITEMS.filter((it) => (current || KEPT_FORMATS.includes(it.format)) && !(images && IMAGE_LESS.includes(it.key)));

  const focusItem = (i: number) => {
    const list = menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]');
    if (list && list.length) list[(i + list.length) % list.length].focus();
  };
  useEffect(() => {
    if (open) focusItem(0);
  }, [open]);
  useEffect(() => {
    if (!open) return;
    const away = (e: PointerEvent) => {
      const root = button.current?.parentElement;
      if (root && !root.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', away);
    return () => document.removeEventListener('pointerdown', away);
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const choose = (it: Item) => {
    close();
    // The builders load on first use (see export/formats.ts).
    const done = it.format === 'link' ? copyLink(id) : import('../client/exportRun').then((m) => m.downloadRun(id, it.format, it.image));
    done.catch((e) => useStore.getState().say('export', 'error', tr('failed', { error: errorText(e) })));
  };
  const onMenuKey = (e: KeyboardEvent) => {
    const list = [...(menu.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? [])];
    const at = list.indexOf(document.activeElement as HTMLButtonElement);
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close();
    } else if (e.key === 'ArrowDown') {
      e.preventDefault();
      focusItem(at + 1);
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      focusItem(at - 1);
    } else if (e.key === 'Home') {
      e.preventDefault();
      focusItem(0);
    } else if (e.key === 'End') {
      e.preventDefault();
      focusItem(-1);
    } else if (e.key === 'Tab') {
      setOpen(false);
    }
  };

  return (
    <div className="export-menu" data-testid={current && runId === undefined ? 'export-menu' : `export-menu-${id}`}>
      <button
        ref={button}
        type="button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        title={current ? tr('titleCurrent') : tr('titleKept', { id })}
        aria-label={runId === undefined ? undefined : tr('menuLabel', { id })}
      >
        {tr('button')}
      </button>
      {open && (
        <ul className="export-list" role="menu" id={menuId} ref={menu} aria-label={tr('menuLabel', { id })} onKeyDown={onMenuKey}>
          {items.map((it) => (
            <li key={it.key} role="none">
              <button type="button" role="menuitem" tabIndex={-1} data-export={it.key} onClick={() => choose(it)}>
                {tr(`items.${it.key}`)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
