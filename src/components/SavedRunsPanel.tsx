// Saved runs and searches (kept in this browser, client/runStore.ts): a table sortable and
// filterable by any setting or metric; tick runs to overlay their curves and see their settings
// side by side, differences highlighted; open (restores the settings), rename, delete, export and
// import. The table's logic is in savedRuns.ts.
import { useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../client/trainingClient';
import { deleteAll, deleteRun, deleteSearch, exportText, importText, openRun, openSearch, renameRun, useSaved, type SavedState } from '../client/runStore';
import type { SavedRun } from '../storage/records';
import { formatSig } from '../shared/format';
import { OVERLAY_COLORS } from './LossChart';
import { ALL_FIELDS, COLUMNS, compareSettings, compareSummary, filterRuns, sortRuns, type SortState } from './savedRuns';
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

export function SavedRunsPanel() {
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
    setImportNote(r.ok ? { ok: true, text: `Imported ${r.runs} run${r.runs === 1 ? '' : 's'} and ${r.searches} search${r.searches === 1 ? '' : 'es'}.` } : { ok: false, text: `Import refused, nothing changed: ${r.error}.` });
    if (fileRef.current) fileRef.current.value = '';
  }

  return (
    <section className="panel saved-runs" aria-labelledby="saved-runs-h">
      <h2 id="saved-runs-h">Saved runs</h2>
      <p className="hint" data-testid="saved-status">
        {persistent === false ? 'Kept in memory only: they go when the page closes.' : 'Every run is saved in this browser when training pauses or a new run starts.'}
      </p>
      <div className="row saved-tools">
        <label className="field">
          <span className="field-label">Filter by</span>
          <select value={filterKey} onChange={(e) => setFilterKey(e.target.value)}>
            {ALL_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span className="field-label">Value (text, or &lt;0.3, &gt;=100)</span>
          <input type="text" value={query} onChange={(e) => setQuery(e.target.value)} data-testid="runs-filter" />
        </label>
        <label className="field">
          <span className="field-label">Sort by</span>
          <select value={sort.key} onChange={(e) => setSort({ key: e.target.value, dir: sort.dir })}>
            {ALL_FIELDS.map((f) => (
              <option key={f.key} value={f.key}>
                {f.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" className="saved-dir" onClick={() => setSort({ ...sort, dir: sort.dir === 'asc' ? 'desc' : 'asc' })} aria-label={`Sort direction: ${sort.dir === 'asc' ? 'ascending' : 'descending'}`}>
          {sort.dir === 'asc' ? '↑' : '↓'}
        </button>
      </div>
      {runs.length === 0 ? (
        <p className="hint">No saved runs yet: train, then pause or start another run.</p>
      ) : (
        <div className="table-scroll" role="region" aria-label="Saved runs table" tabIndex={0}>
          <table className="saved-table" data-testid="runs-table">
            <caption className="visually-hidden">Saved runs, {shown.length} of {runs.length} shown</caption>
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Compare</span>
                </th>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}>
                    <button type="button" className="link" onClick={() => sortBy(c.key)}>
                      {c.label}
                    </button>
                  </th>
                ))}
                <th scope="col">Actions</th>
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
      {picked.length >= 2 ? <Compare runs={picked} /> : runs.length > 1 && <p className="hint">Tick two or more runs (up to {MAX_OVERLAY}) to overlay their curves and compare their settings.</p>}
      <div className="row saved-tools">
        <button type="button" onClick={() => download(exportText())} disabled={runs.length === 0 && searches.length === 0}>
          Export all
        </button>
        <label className="file-button">
          Import…
          <input ref={fileRef} type="file" accept="application/json,.json" data-testid="import-runs" aria-label="Import saved runs and searches from a JSON file" onChange={(e) => onImport(e.target.files?.[0]).catch(ignore)} />
        </label>
        {confirmAll ? (
          <>
            <button type="button" className="danger" onClick={() => deleteAll().then(() => (setSelected([]), setConfirmAll(false)), ignore)}>
              Delete all: {runs.length} run{runs.length === 1 ? '' : 's'}, {searches.length} search{searches.length === 1 ? '' : 'es'}
            </button>
            <button type="button" onClick={() => setConfirmAll(false)}>
              Cancel
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirmAll(true)} disabled={runs.length === 0 && searches.length === 0}>
            Delete all…
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
          <h3 className="saved-h3">Saved searches</h3>
          <ul className="run-list" data-testid="saved-searches">
            {searches.map((s) => (
              <li key={s.id} data-testid={`search-row-${s.id}`}>
                Search {s.id}: {s.spec.strategy}, {s.trials.length} trials{s.best ? `, best ${s.spec.objective} ${formatSig(s.best.mean ?? NaN, 3)}` : ''} · {new Date(s.savedAt).toLocaleString()}{' '}
                <button type="button" className="link" onClick={() => openSearch(s.id!)} aria-label={`Open search ${s.id}`}>
                  Open
                </button>{' '}
                <button type="button" className="link" onClick={() => deleteSearch(s.id!).catch(ignore)} aria-label={`Delete search ${s.id}`}>
                  Delete
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
  const id = run.id!;
  return (
    <>
      <tr data-testid={`run-row-${id}`} className={checked ? 'picked' : undefined}>
        <td>
          <input type="checkbox" checked={checked} disabled={full} onChange={onToggle} aria-label={`Compare run ${id}`} />
          {color && <span className="swatch" style={{ background: color }} />}
        </td>
        {COLUMNS.map((c) => (
          <td key={c.key} title={c.key === 'name' && run.note ? run.note : undefined}>
            {cellText(c.key, c.value(run))}
          </td>
        ))}
        <td className="saved-actions">
          <button type="button" className="link" onClick={() => openRun(client, id).catch(ignore)} aria-label={`Open run ${id}`}>
            Open
          </button>{' '}
          <button type="button" className="link" onClick={onEdit} aria-expanded={editing} aria-label={`Rename run ${id}`}>
            Rename
          </button>{' '}
          <button type="button" className="link" onClick={() => deleteRun(id).catch(ignore)} aria-label={`Delete run ${id}`}>
            Delete
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
  return (
    <form
      className="row saved-rename"
      onSubmit={(e) => {
        e.preventDefault();
        renameRun(run.id!, name, note).then(onDone, ignore);
      }}
    >
      <label className="field">
        <span className="field-label">Name of run {run.id}</span>
        <input type="text" value={name} onChange={(e) => setName(e.target.value)} maxLength={80} autoFocus />
      </label>
      <label className="field">
        <span className="field-label">Note</span>
        <input type="text" value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
      </label>
      <button type="submit">Save</button>
      <button type="button" onClick={onDone}>
        Cancel
      </button>
    </form>
  );
}

const W = 360;
const H = 150;

/** Validation (solid) and training (dashed) loss of the runs ticked, on shared axes. */
function CompareChart({ runs }: { runs: SavedRun[] }) {
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
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={`Loss curves of runs ${runs.map((r) => r.id).join(', ')}: solid validation, dashed training; loss ${formatSig(minL, 3)} to ${formatSig(maxL, 3)} over ${maxE} epochs`}>
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
            <span className="swatch" style={{ background: OVERLAY_COLORS[i % OVERLAY_COLORS.length] }} /> Run {r.id}
            {r.name ? ` (${r.name})` : ''}
          </span>
        ))}{' '}
        · solid validation, dashed training loss
      </figcaption>
    </figure>
  );
}

function Compare({ runs }: { runs: SavedRun[] }) {
  const [onlyDiff, setOnlyDiff] = useState(false);
  const all = compareSettings(runs);
  const rows = onlyDiff ? all.filter((r) => r.differs) : all;
  const summary = compareSummary(runs);
  const nDiff = all.filter((r) => r.differs).length;
  return (
    <div className="saved-compare" data-testid="runs-compare" role="region" aria-label="Compare saved runs">
      <h3 className="saved-h3">Compare runs {runs.map((r) => r.id).join(', ')}</h3>
      <CompareChart runs={runs} />
      <ul className="run-list">
        {summary.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <label className="check">
        <input type="checkbox" checked={onlyDiff} onChange={(e) => setOnlyDiff(e.target.checked)} /> Show only the settings that differ
      </label>
      <div className="table-scroll" role="region" aria-label="Settings side by side" tabIndex={0}>
        <table className="saved-table compare-table">
          <caption className="hint">
            Settings side by side: {nDiff} differ{nDiff === 1 ? 's' : ''} (highlighted)
          </caption>
          <thead>
            <tr>
              <th scope="col">Setting</th>
              {runs.map((r) => (
                <th key={r.id} scope="col">
                  Run {r.id}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className={row.differs ? 'differs' : undefined} data-differs={row.differs || undefined}>
                <th scope="row">
                  {row.key}
                  {row.differs && <span className="visually-hidden"> (differs)</span>}
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
