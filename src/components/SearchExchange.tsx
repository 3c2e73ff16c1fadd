// The search's exchange with a big search run elsewhere: download the search as a PyTorch +
// Optuna script (the panel's current spec), the last search's trials as CSV or JSON, and import
// the trials CSV that the script writes. Imported trials are shown on their own, labelled as
// imported, beside the browser's (never mixed into the browser's search).
import { useState } from 'react';
import { bestTrial } from '../client/searchRunner';
import { errorText } from '../shared/errorText';
import { formatSeconds, formatSig } from '../shared/format';
import type { ExperimentConfig } from '../shared/config';
import { describeTrial } from '../search/space';
import type { SearchSpec, TrialRecord } from '../search/types';
import { useStore } from '../store/store';
import { ObjectiveChart } from './ObjectiveChart';

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

interface Imported {
  name: string;
  trials: TrialRecord[];
  objective: SearchSpec['objective'];
}

export function SearchExchange({ spec, config, specOk, lastDone }: { spec: SearchSpec; config: ExperimentConfig; specOk: boolean; lastDone: boolean }) {
  const [imported, setImported] = useState<Imported | null>(null);
  const [error, setError] = useState<string | null>(null);
  const fail = (what: string) => (e: unknown) => useStore.getState().say('search', 'error', `${what}: ${errorText(e)}`);

  const exportScript = () =>
    import('../client/exportSearch')
      .then(({ searchScript }) => searchScript(spec, config))
      .then((text) => download('search_optuna.py', text, 'text/x-python'))
      .catch(fail('Export Optuna script'));
  const exportLast = (format: 'csv' | 'json') =>
    import('../client/exportSearch')
      .then(({ exportSearch }) => exportSearch(format))
      .then((text) => download(`search_trials.${format}`, text, format === 'csv' ? 'text/csv' : 'application/json'))
      .catch(fail(`Export ${format.toUpperCase()}`));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // The CSV parser (papaparse) loads on first use: it stays out of the page's first bundle.
    const { importTrials } = await import('../search/importTrials');
    const r = importTrials(await file.text(), spec.space);
    if (!r.ok) {
      // Refused: what was shown stays as it was.
      setError(`${file.name} was not imported: ${r.error}`);
      return;
    }
    setError(null);
    setImported({ name: file.name, trials: r.trials, objective: spec.objective });
  };

  return (
    <div className="search-exchange">
      <div className="row sweep-controls">
        <button type="button" disabled={!specOk} onClick={exportScript} data-testid="export-optuna" title="This search as a PyTorch + Optuna script: several processes or machines can run it as one study through a shared --storage">
          Export as PyTorch + Optuna script
        </button>
        <button type="button" disabled={!lastDone} onClick={() => exportLast('csv')} data-testid="export-trials-csv">
          Export trials (CSV)
        </button>
        <button type="button" disabled={!lastDone} onClick={() => exportLast('json')} data-testid="export-trials-json">
          Export search (JSON)
        </button>
        <label className="field search-import">
          <span className="field-label">Import trials (CSV) of a search run elsewhere</span>
          <input
            type="file"
            accept=".csv,text/csv"
            data-testid="import-trials"
            onChange={(e) => {
              const input = e.currentTarget;
              void onFile(input.files?.[0]).finally(() => (input.value = ''));
            }}
          />
        </label>
      </div>
      {error && (
        <p className="field-error" role="alert" data-testid="import-trials-error">
          {error}
        </p>
      )}
      {imported && <ImportedTrials imported={imported} onClose={() => setImported(null)} />}
    </div>
  );
}

function ImportedTrials({ imported, onClose }: { imported: Imported; onClose: () => void }) {
  const { trials, objective } = imported;
  const best = bestTrial(trials, objective);
  return (
    <div className="search-imported" data-testid="imported-trials">
      <h3 className="imported-h">
        Imported: {trials.length} trial{trials.length === 1 ? '' : 's'} from {imported.name}{' '}
        <button type="button" className="link" onClick={onClose}>
          remove
        </button>
      </h3>
      {best && (
        <p className="hint" data-testid="imported-best">
          Best imported (trial {best.index + 1}): {describeTrial(best.trial)} → mean {objective} {formatSig(best.mean)}
        </p>
      )}
      <ObjectiveChart trials={trials} objective={objective} xLabel="imported trial" fill="#7c3aed" />
      <table className="trials" data-testid="imported-table">
        <caption>Imported trials ({imported.name})</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>settings</th>
            <th>mean {objective} ± spread</th>
            <th>time</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((t) => (
            <tr key={t.index} className={best && t.index === best.index ? 'best' : undefined} aria-current={best && t.index === best.index ? 'true' : undefined}>
              <td>{t.index + 1}</td>
              <td>{describeTrial(t.trial)}</td>
              <td>
                {formatSig(t.mean)}
                {Number.isFinite(t.std) && ` ± ${formatSig(t.std)}`}
              </td>
              <td>{Number.isFinite(t.ms) ? formatSeconds(t.ms) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
