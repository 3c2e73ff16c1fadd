// The search's exchange with a big search run elsewhere: download the search as a PyTorch +
// Optuna script (the panel's current spec), the last search's trials as CSV or JSON, and import
// the trials CSV that the script writes. Imported trials are shown on their own, labelled as
// imported, beside the browser's (never mixed into the browser's search).
import { useState } from 'react';
import { isImages } from '../shared/datasets';
import { useTranslation } from 'react-i18next';
import { bestTrial } from '../client/searchRunner';
import { errorText } from '../shared/errorText';
import { formatSeconds, formatSig } from '../shared/format';
import type { ExperimentConfig } from '../shared/config';
import { trialText } from '../search/labels';
import type { SearchSpec, TrialRecord } from '../search/types';
import { useStore } from '../store/store';
import { ObjectiveChart } from './lazyCharts';

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
  const { t } = useTranslation('search');
  const [imported, setImported] = useState<Imported | null>(null);
  // The Optuna script writes dense PyTorch networks only (searchScript says why when asked).
  const images = isImages(config.dataset);
  const [error, setError] = useState<string | null>(null);
  const fail = (what: (error: string) => string) => (e: unknown) => useStore.getState().say('search', 'error', what(errorText(e)));

  const exportScript = () =>
    import('../client/exportSearch')
      .then(({ searchScript }) => searchScript(spec, config))
      .then((text) => download('search_optuna.py', text, 'text/x-python'))
      .catch(fail((error) => t('exportOptunaFailed', { error })));
  const exportLast = (format: 'csv' | 'json') =>
    import('../client/exportSearch')
      .then(({ exportSearch }) => exportSearch(format))
      .then((text) => download(`search_trials.${format}`, text, format === 'csv' ? 'text/csv' : 'application/json'))
      .catch(fail((error) => t('exportFailed', { format: format.toUpperCase(), error })));

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    // The CSV parser (papaparse) loads on first use: it stays out of the page's first bundle.
    const { importTrials } = await import('../search/importTrials');
    const r = importTrials(await file.text(), spec.space);
    if (!r.ok) {
      // Refused: what was shown stays as it was.
      setError(t('notImported', { name: file.name, error: r.error }));
      return;
    }
    setError(null);
    setImported({ name: file.name, trials: r.trials, objective: spec.objective });
  };

  return (
    <div className="search-exchange">
      {images && (
        <p className="hint" data-testid="optuna-images">
          {t('optunaImages')}
        </p>
      )}
      <div className="row sweep-controls">
        <button type="button" disabled={!specOk || images} onClick={exportScript} data-testid="export-optuna" title={images ? t('searchImages', { ns: 'export' }) : t('exportOptunaTitle')}>
          {t('exportOptuna')}
        </button>
        <button type="button" disabled={!lastDone} onClick={() => exportLast('csv')} data-testid="export-trials-csv">
          {t('exportCsv')}
        </button>
        <button type="button" disabled={!lastDone} onClick={() => exportLast('json')} data-testid="export-trials-json">
          {t('exportJson')}
        </button>
        <label className="field search-import">
          <span className="field-label">{t('importLabel')}</span>
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
  const { t } = useTranslation('search');
  const { trials, objective } = imported;
  const best = bestTrial(trials, objective);
  return (
    <div className="search-imported" data-testid="imported-trials">
      <h3 className="imported-h">
        {t('imported', { count: trials.length, name: imported.name })}{' '}
        <button type="button" className="link" onClick={onClose}>
          {t('remove')}
        </button>
      </h3>
      {best && (
        <p className="hint" data-testid="imported-best">
          {t('importedBest', { n: best.index + 1, trial: trialText(best.trial), objective: t(`objectiveName.${objective}`), mean: formatSig(best.mean) })}
        </p>
      )}
      <ObjectiveChart trials={trials} objective={objective} xLabel={t('chartImported')} fill="#7c3aed" />
      <table className="trials" data-testid="imported-table">
        <caption>{t('importedCaption', { name: imported.name })}</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>{t('colSettings')}</th>
            <th>{t('colMean', { objective: t(`objectiveName.${objective}`) })}</th>
            <th>{t('colTime')}</th>
          </tr>
        </thead>
        <tbody>
          {trials.map((tr) => (
            <tr key={tr.index} className={best && tr.index === best.index ? 'best' : undefined} aria-current={best && tr.index === best.index ? 'true' : undefined}>
              <td>{tr.index + 1}</td>
              <td>{trialText(tr.trial)}</td>
              <td>
                {formatSig(tr.mean)}
                {Number.isFinite(tr.std) && ` ± ${formatSig(tr.std)}`}
              </td>
              <td>{Number.isFinite(tr.ms) ? formatSeconds(tr.ms) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
