// What a table data set turned into: rows used, dropped rows, the target, the network's inputs
// after encoding, and where the data come from.
import { BUILTIN_TABLES, type BuiltinTableKey } from '../shared/builtinTables';
import { useStore, type Store } from '../store/store';

const selectTable = (s: Store) => s.table;
// The data set of the run that made this table, so the credit never names the next set while it loads.
const selectDataset = (s: Store) => s.runConfig?.dataset ?? s.config.dataset;

export function TableSummary() {
  const t = useStore(selectTable);
  const dataset = useStore(selectDataset);
  const builtin = dataset in BUILTIN_TABLES ? BUILTIN_TABLES[dataset as BuiltinTableKey] : null;
  return (
    <div className="table-summary" data-testid="table-summary">
      {t ? (
        <>
          <p>
            <strong>{t.name}</strong>: <span data-testid="table-rows">{t.rows}</span> rows used; predicting <strong>{t.target}</strong>
            {t.classNames.length ? ` (${t.classNames.length} classes: ${t.classNames.join(', ')})` : ' (a number)'}.
          </p>
          {t.dropped > 0 && (
            <p className="warn" data-testid="table-dropped">
              {t.dropped} {t.dropped === 1 ? 'row was' : 'rows were'} dropped because a value was missing.
            </p>
          )}
          <details>
            <summary>{t.inputNames.length} network inputs</summary>
            <p className="hint">
              Numeric columns are standardized with the mean and standard deviation of the training split only; categories are
              one-hot encoded.
            </p>
            <ul className="input-list">
              {t.inputNames.map((n) => (
                <li key={n}>{n}</li>
              ))}
            </ul>
          </details>
          {t.notes.map((n) => (
            <p className="hint" key={n}>
              {n}
            </p>
          ))}
        </>
      ) : (
        <p className="hint">Loading the table…</p>
      )}
      {builtin && (
        <p className="hint attribution" data-testid="attribution">
          Data: {builtin.attribution.source}. Licence: {builtin.attribution.licence}.{' '}
          <a href={builtin.attribution.url} target="_blank" rel="noreferrer">
            Source
          </a>
        </p>
      )}
    </div>
  );
}
