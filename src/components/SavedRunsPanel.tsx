// Saved runs and searches (kept in this browser, client/runStore.ts): a table sortable and
// filterable by any setting or metric; tick runs to overlay their curves and see their settings
// side by side, differences highlighted; open (restores the settings), rename, delete, export and
// import. The table's logic is in savedRuns.ts.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { t as tt } from '../i18n/i18n';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../client/trainingClient';
import { deleteAll, deleteRun, deleteSearch, exportText, importText, openRun, openSearch, renameRun, useSaved, type SavedState } from '../client/runStore';
import type { SavedRun } from '../storage/records';
import { formatSig } from '../shared/format';
import { OVERLAY_COLORS } from './colors';
import { ALL_FIELDS, COLUMNS, compareChanges, compareSettings, filterRuns, METRIC_FIELDS, sortRuns, type RunField, type SortState } from './savedRuns';
import { MAX_OVERLAY } from '../store/runSlice';

const selectSaved = (s: SavedState) => ({ runs: s.runs, searches: s.searches, persistent: s.persistent });

function cellText(key: string, v: number | string | null): string {
  if (v === null) return '–';
  if (key === 'savedAt') return new Date(String(v)).toLocaleString();
  if (key === 'valAcc' && typeof v === 'number') return `${Math.round(v * 100)}%`;
  if (typeof v === 'number' && !Number.isInteger(v)) return formatSig(v, 3);
  return String(v);
}

function download(text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `tuning-playground-runs-${new Date().toISOString().slice(0, 10)}.json`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

const ignore = () => {};

/** A field's name in the page's language (settings keep their config key). */
function fieldLabel(f: RunField): string {
  if (METRIC_FIELDS.includes(f)) return tt(`saved:fields.${f.key as 'id'}`);
  // A setting: its name in the page's language (English keeps the link's key).
  return f.key.startsWith('config.') ? tt(`saved:settings.${f.key.slice(7) as 'lr'}`, { defaultValue: f.label }) : f.label;
}

export function SavedRunsPanel() {
  const { t } = useTranslation('saved');
  const { runs, searches, persistent } = useSaved(useShallow(selectSaved));
  const [sort, setSort] = useState<SortState>({ key: 'id', dir: 'desc' });
  const [filterKey, setFilterKey] = useState('config.dataset');
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<number[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [confirmAll, setConfirmAll] = useState(false);
  const [importNote, setImportNote] = useState<{ ok: boolean; text: string } | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const shown = sortRuns(filterRuns(runs, filterKey, query), sort);
  const picked = selected.map((id) => runs.find((r) => r.id === id)).filter((r): r is SavedRun => r !== undefined);

  const toggle = (id: number) => setSelected((s) => (s.includes(id) ? s.filter((x) => x !== id) : s.length >= MAX_OVERLAY ? s : [...s, id]));
  const sortBy = (key: string) => setSort((s) => ({ key, dir: s.key === key && s.dir === 'asc' ? 'desc' : 'asc' }));

  async function onImport(file: File | undefined) {
    if (!file) return;
    const r = await importText(await file.text());
    setImportNote(r.ok ? { ok: true, text: t('imported', { runs: t('nRuns', { count: r.runs }), searches: t('nSearches', { count: r.searches }) }) } : { ok: false, text: t('importRefused', { error: r.error }) });
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <section className="panel saved-runs" aria-labelledby="saved-runs-h">
      <h2 id="saved-runs-h">{t('title')}</h2>
      <p className="hint" data-testid="saved-status">
        {persistent === false ? t('memoryOnly') : t('persistent')}
      </p>
      <div className="row saved-tools">
        <label className="field">
          <span className="field-label">{t('filterBy')}</span>
          <select value={filterKey} onChange={(e) => setFilterKey(e.target.value)}>
            {ALL_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {fieldLabel(f)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">{t('filterValue')}</span>
          <input type="text" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="runs-filter" />
        </label>
        <label className="field">
          <span className="field-label">{t('sortBy')}</span>
          <select value={sort.key} onChange={(e) => setSort({ key: e.target.value, dir: sort.dir })}>
            {ALL_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {fieldLabel(f)}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="saved-dir" onClick={() => setSort({ ...sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' })} aria-label={t('sortDir', { dir: sort.dir === 'asc' ? t('ascending') : t('descending') })}>
          {sort.dir === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="hint">{t('noRuns')}</p>
      ) : (
        <div className="table-scroll" role="region" aria-label={t('tableLabel')} tabIndex={0}>
          <table className="saved-table" data-testid="runs-table">
            <caption className="visually-hidden">{t('caption', { shown: shown.length, total: runs.length })}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">{t('compare')}</span>
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="link" onClick={() => sortBy(c.key)}>
                      {fieldLabel(c)}
                    </button>
                  </th>
                ))}
                <th scope="col">{t('actions')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((r) => {
                const id = r.id!;
                const i = selected.indexOf(id);
                return (
                  <SavedRow key={id} run={r} checked={i >= 0} color={i >= 0 ? OVERLAY_COLORS[i % OVERLAY_COLORS.length] : null} full={i < 0 && selected.length >= MAX_OVERLAY} editing={editing === id} onToggle={() => toggle(id)} onEdit={() => setEditing(editing === id ? null : id)} onDone={() => setEditing(null)} />
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {picked.length >= 2 ? <Compare runs={picked} /> : runs.length > 1 && <p className="hint">{t('tick', { max: MAX_OVERLAY })}</p>}
      <div className="row saved-tools">
        <button type="button" onClick={() => download(exportText())} disabled={runs.length === 0 && searches.length === 0}>
          {t('exportAll')}
        </button>
        <label className="file-button">
          {t('import')}
          <input ref={fileRef} type="file" accept="application/json,.json" data-testid="import-runs" aria-label={t('importLabel')} onChange={(e) => onImport(e.target.files?.[0]).catch(ignore)} />
        </label>
        {confirmAll ? (
          <>
            <button type="button" className="danger" onClick={() => deleteAll().then(() => (setSelected([]), setConfirmAll(false)), ignore)}>
              {t('deleteAll', { runs: t('nRuns', { count: runs.length }), searches: t('nSearches', { count: searches.length }) })}
            </button>
            <button type="button" onClick={() => setConfirmAll(false)}>
              {t('cancel')}
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmAll(true)} disabled={runs.length === 0 && searches.length === 0}>
            {t('deleteAllAsk')}
          </button>
        )}
      </div>
      {importNote && (
        <p className={importNote.ok ? 'hint' : 'field-error'} role="status" data-testid="import-result">
          {importNote.text}
        </p>
      )}
      {searches.length > 0 && (
        <>
          <h3 className="saved-h3">{t('searches')}</h3>
          <ul className="run-list" data-testid="saved-searches">
            {searches.map((s) => (
              <li key={s.id} data-testid={`search-row-${s.id}`}>
                {t('searchRow', { id: s.id!, strategy: t(`strategyName.${s.spec.strategy}`), count: s.trials.length })}
                {s.best ? t('searchBest', { objective: t(`objectiveName.${s.spec.objective}`), value: formatSig(s.best.mean ?? NaN, 3) }) : ''} · {new Date(s.savedAt).toLocaleString()}{' '}
                <button type="button" className="link" onClick={() => openSearch(s.id!)} aria-label={t('openSearch', { id: s.id! })}>
                  {t('open')}
                </button>{' '}
                <button type="button" className="link" onClick={() => deleteSearch(s.id!).catch(ignore)} aria-label={t('deleteSearch', { id: s.id! })}>
                  {t('delete')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

interface RowProps {
  run: SavedRun;
  checked: boolean;
  color: string | null;
  full: boolean;
  editing: boolean;
  onToggle: () => void;
  onEdit: () => void;
  onDone: () => void;
}

function SavedRow({ run, checked, color, full, editing, onToggle, onEdit, onDone }: RowProps) {
  const { t } = useTranslation('saved');
  const id = run.id!;
  return (
    <>
      <tr data-testid={`run-row-${id}`} className={checked ? 'picked' : undefined}>
        <td>
          <input type="checkbox" checked={checked} disabled={full} onChange={onToggle} aria-label={t('compareRun', { id })} />
          {color && <span className="swatch" style={{ background: color }} />}
        </td>
        {COLUMNS.map((c) => (
          <td key={c.key} title={c.key === 'name' && run.note ? run.note : undefined}>
            {cellText(c.key, c.value(run))}
          </td>
        ))}
        <td className="saved-actions">
          <button type="button" className="link" onClick={() => openRun(client, id).catch(ignore)} aria-label={t('openRun', { id })}>
            {t('open')}
          </button>{' '}
          <button type="button" className="link" onClick={onEdit} aria-expanded={editing} aria-label={t('renameRun', { id })}>
            {t('rename')}
          </button>{' '}
          <button type="button" className="link" onClick={() => deleteRun(id).catch(ignore)} aria-label={t('deleteRun', { id })}>
            {t('delete')}
          </button>
        </td>
      </tr>
      {editing && (
        <tr>
          <td colSpan={COLUMNS.length + 2}>
            <RenameForm run={run} onDone={onDone} />
          </td>
        </tr>
      )}
    </>
  );
}

function RenameForm({ run, onDone }: { run: SavedRun; onDone: () => void }) {
  const [name, setName] = useState(run.name);
  const [note, setNote] = useState(run.note);
  const { t } = useTranslation('saved');
  return (
    <form
      className="row saved-rename"
      onSubmit={(e) => {
        e.preventDefault();
        renameRun(run.id!, name, note).then(onDone, ignore);
      }}
    >
      <label className="field">
        <span className="field-label">{t('nameOf', { id: run.id! })}</span>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoFocus />
      </label>
      <label className="field">
        <span className="field-label">{t('note')}</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <button type="submit">{t('save')}</button>
      <button type="button" onClick={onDone}>
        {t('cancel')}
      </button>
    </form>
  );
}

const W = 360;
const H = 150;

/** Validation (solid) and training (dashed) loss of the runs ticked, on shared axes. */
function CompareChart({ runs }: { runs: SavedRun[] }) {
  const { t } = useTranslation('saved');
  let maxE = 1;
  let minL = Infinity;
  let maxL = -Infinity;
  for (const r of runs) {
    maxE = Math.max(maxE, ...r.curves.epoch);
    for (const v of [...r.curves.valLoss, ...r.curves.trainLoss]) {
      if (v === null) continue;
      minL = Math.min(minL, v);
      maxL = Math.max(maxL, v);
    }
  }
  if (!(maxL > minL)) {
    minL = Number.isFinite(minL) ? minL - 0.5 : 0;
    maxL = minL + 1;
  }
  const x = (e: number) => (e / maxE) * (W - 10) + 5;
  const y = (v: number) => H - 5 - ((v - minL) / (maxL - minL)) * (H - 10);
  const line = (r: SavedRun, k: 'valLoss' | 'trainLoss') =>
    r.curves.epoch
      .map((e, i) => [e, r.curves[k][i]] as const)
      .filter(([, v]) => v !== null)
      .map(([e, v]) => `${x(e).toFixed(1)},${y(v!).toFixed(1)}`)
      .join(' ');
  return (
    <figure className="saved-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={t('chartLabel', { ids: runs.map((r) => r.id).join(', '), min: formatSig(minL, 3), max: formatSig(maxL, 3), epochs: maxE })}>
        <rect x="0" y="0" width={W} height={H} fill="#fff" stroke="#e2e8f0" />
        {runs.map((r, i) => (
          <g key={r.id} stroke={OVERLAY_COLORS[i % OVERLAY_COLORS.length]} fill="none" strokeWidth="1.5">
            <polyline points={line(r, 'trainLoss')} strokeDasharray="4 3" />
            <polyline points={line(r, 'valLoss')} />
          </g>
        ))}
      </svg>
      <figcaption className="hint">
        {runs.map((r, i) => (
          <span key={r.id} className="saved-legend">
            <span className="swatch" style={{ background: OVERLAY_COLORS[i % OVERLAY_COLORS.length] }} /> {t('run', { id: r.id! })}
            {r.name ? ` (${r.name})` : ''}
          </span>
        ))}{' '}
        {t('legend')}
      </figcaption>
    </figure>
  );
}

function Compare({ runs }: { runs: SavedRun[] }) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const all = compareSettings(runs);
  const rows = onlyDiff ? all.filter((r) => r.differs) : all;
  const { t } = useTranslation('saved');
  const summary = compareChanges(runs).map(({ a, b, changes }) => t('summary', { a: a!, b: b!, changes: changes.length ? changes.join(', ') : t('sameSettings') }));
  const nDiff = all.filter((r) => r.differs).length;
  return (
    <div className="saved-compare" data-testid="runs-compare" role="region" aria-label={t('compareLabel')}>
      <h3 className="saved-h3">{t('compareHeading', { ids: runs.map((r) => r.id).join(', ') })}</h3>
      <CompareChart runs={runs} />
      <ul className="run-list">
        {summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> {t('onlyDiff')}
      </label>
      <div className="table-scroll" role="region" aria-label={t('sideBySide')} tabIndex={0}>
        <table className="saved-table compare-table">
          <caption className="hint">
            {t('differ', { count: nDiff })}
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('setting')}</th>
              {runs.map((r) => (
                <th key={r.id} scope="col">
                  {t('run', { id: r.id! })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.differs ? 'differs' : undefined} data-differs={row.differs || undefined}>
                <th scope="row">
                  {row.key}
                  {row.differs && <span className="visually-hidden">{t('differs')}</span>}
                </th>
                {row.values.map((v, i) => (
                  <td key={i}>{v}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
