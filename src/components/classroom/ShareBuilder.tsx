// "Share this setup": a dialog that builds a link from the current config plus a lesson, the
// controls to hide or lock, the panels to show and presentation mode; the link is shown read-only
// with a Copy button. It starts from the page's own link choices, so a shared setup can be edited.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { configToHash } from '../../shared/schema';
import { useStore, type Store } from '../../store/store';
import { CONTROLS, CONTROL_PANELS } from '../../page/controls';
import { lessonChoices } from '../../page/lessonChoices';
import { PANEL_IDS, type PanelId } from '../../page/pageParams';
import { currentPageParams, usePage } from '../../page/pageStore';
import { buildShareLink, choiceFromPage, isLessonId, linkBase, type ShareChoice } from '../../page/shareLink';

const selectConfig = (s: Store) => s.config;

const toggle = <T,>(list: readonly T[], item: T, on: boolean): T[] => (on ? [...list.filter((x) => x !== item), item] : list.filter((x) => x !== item));

function Builder({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('classroom');
  const config = useStore(selectConfig);
  const [choice, setChoice] = useState<ShareChoice>(() => choiceFromPage(currentPageParams()));
  const [copied, setCopied] = useState<'yes' | 'failed' | null>(null);
  const linkRef = useRef<HTMLTextAreaElement>(null);
  const lessons = useMemo(() => lessonChoices(), []);
  const link = buildShareLink(linkBase(location), configToHash(config), choice);
  const set = (patch: Partial<ShareChoice>) => {
    setChoice((c) => ({ ...c, ...patch }));
    setCopied(null);
  };
  const lessonBad = choice.lesson.trim() !== '' && !isLessonId(choice.lesson.trim());

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied('yes');
    } catch {
      // No clipboard permission: fall back to the selection.
      linkRef.current?.select();
      let ok: boolean;
      try {
        ok = document.execCommand('copy');
      } catch {
        ok = false;
      }
      setCopied(ok ? 'yes' : 'failed');
    }
  };

  return (
    <>
      <div className="share-head">
        <h2 id="share-h">{t('share.title')}</h2>
        <button type="button" onClick={onClose} data-testid="share-close">
          {t('share.close')}
        </button>
      </div>
      <p className="hint">{t('share.intro')}</p>
      <label className="field">
        <span className="field-label">{t('share.lesson')}</span>
        {lessons.length > 0 ? (
          <select data-testid="share-lesson" value={choice.lesson} onChange={(e) => set({ lesson: e.target.value })}>
            <option value="">{t('share.noLesson')}</option>
            {lessons.map((l) => (
              <option key={l.id} value={l.id}>
                {l.title}
              </option>
            ))}
          </select>
        ) : (
          <input
            type="text"
            data-testid="share-lesson"
            value={choice.lesson}
            placeholder={t('share.lessonHint')}
            aria-invalid={lessonBad || undefined}
            onChange={(e) => set({ lesson: e.target.value })}
          />
        )}
        {lessonBad && <span className="field-error">{t('share.lessonBad')}</span>}
      </label>
      <fieldset className="group share-controls">
        <legend>{t('share.controls')}</legend>
        {CONTROL_PANELS.map((panel) => (
          <table key={panel} className="share-table">
            <caption>{t(`panels.${panel}`)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('share.control')}</th>
                <th scope="col">{t('share.hide')}</th>
                <th scope="col">{t('share.lock')}</th>
              </tr>
            </thead>
            <tbody>
              {CONTROLS.filter((c) => c.panel === panel).map((c) => {
                const name = t(`controls.${c.label}`);
                const hidden = choice.hide.includes(c.id);
                return (
                  <tr key={c.id}>
                    <th scope="row">{name}</th>
                    <td>
                      <input type="checkbox" data-testid={`share-hide-${c.id}`} aria-label={t('share.hideControl', { name })} checked={hidden} onChange={(e) => set({ hide: toggle(choice.hide, c.id, e.target.checked) })} />
                    </td>
                    <td>
                      <input
                        type="checkbox"
                        data-testid={`share-lock-${c.id}`}
                        aria-label={t('share.lockControl', { name })}
                        checked={!hidden && choice.lock.includes(c.id)}
                        disabled={hidden}
                        onChange={(e) => set({ lock: toggle(choice.lock, c.id, e.target.checked) })}
                      />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ))}
      </fieldset>
      <fieldset className="group share-panels">
        <legend>{t('share.panels')}</legend>
        {PANEL_IDS.map((p: PanelId) => (
          <label key={p} className="check">
            <input type="checkbox" data-testid={`share-panel-${p}`} checked={choice.panels.includes(p)} onChange={(e) => set({ panels: toggle(choice.panels, p, e.target.checked) })} />
            {t(`panels.${p}`)}
          </label>
        ))}
      </fieldset>
      <label className="check share-present">
        <input type="checkbox" data-testid="share-present" checked={choice.present} onChange={(e) => set({ present: e.target.checked })} />
        {t('share.present')}
      </label>
      <div className="share-output">
        <label className="field share-link-field">
          <span className="field-label">{t('share.link')}</span>
          <textarea ref={linkRef} readOnly rows={3} data-testid="share-link" value={link} onFocus={(e) => e.target.select()} />
        </label>
        <div className="row share-actions">
          <button type="button" className="primary" data-testid="share-copy" onClick={() => void copy()}>
            {t('share.copy')}
          </button>
          <button type="button" onClick={() => set(choiceFromPage({ lang: choice.lang, lesson: null, hide: [], lock: [], panels: null, present: false }))}>
            {t('share.clear')}
          </button>
          <span role="status" className={copied === 'failed' ? 'warn' : 'share-copied'} data-testid="share-copied">
            {copied === 'yes' ? t('share.copied') : copied === 'failed' ? t('share.copyFailed') : ''}
          </span>
        </div>
      </div>
    </>
  );
}

/** The toolbar button and its modal dialog (Escape or Close closes it; focus returns to the button). */
export function ShareBuilder() {
  const { t } = useTranslation('classroom');
  const [open, setOpen] = useState(false);
  const dialog = useRef<HTMLDialogElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
  }, [open]);
  const close = () => {
    dialog.current?.close();
  };
  return (
    <>
      <button ref={opener} type="button" data-testid="share-open" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('tools.share')}
      </button>
      {open && (
        <dialog
          ref={dialog}
          className="share-dialog"
          aria-labelledby="share-h"
          data-testid="share-builder"
          onClose={() => {
            setOpen(false);
            opener.current?.focus();
          }}
        >
          <Builder onClose={close} />
        </dialog>
      )}
    </>
  );
}

/** "Show all controls": shown while the link hides, locks or leaves out anything. */
export function ShowAllControls() {
  const { t } = useTranslation('classroom');
  const restricted = usePage((s) => s.hide.length > 0 || s.lock.length > 0 || s.panels !== null);
  const showAll = usePage((s) => s.showAll);
  if (!restricted) return null;
  return (
    <button type="button" data-testid="show-all-controls" aria-pressed={showAll} title={t('tools.showAllHint')} onClick={() => usePage.getState().setShowAll(!showAll)}>
      {t('tools.showAll')}
    </button>
  );
}
