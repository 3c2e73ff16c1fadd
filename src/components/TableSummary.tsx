// What a table data set turned into: rows used, dropped rows, the target, the network's inputs
// after encoding, and where the data come from.
import { BUILTIN_TABLES, type BuiltinTableKey } from '../shared/builtinTables';
import { useStore, type Store } from '../store/store';
import { useTranslation } from 'react-i18next';

const selectTable = (s: Store) => s.table;
// The data set of the run that made this table, so the credit never names the next set while it loads.
const selectDataset = (s: Store) => s.runConfig?.dataset ?? s.config.dataset;

export function TableSummary() {
  const t = useStore(selectTable);
  const dataset = useStore(selectDataset);
  const { t: tr } = useTranslation('data');
  const builtin = dataset in BUILTIN_TABLES ? BUILTIN_TABLES[dataset as BuiltinTableKey] : null;
  return (
    <div className="table-summary" data-testid="table-summary">
      {t ? (
        <>
          <p>
            <strong>{t.name}</strong>: <span data-testid="table-rows">{t.rows}</span> {tr('summary.rowsUsed')} <strong>{t.target}</strong>
            {t.classNames.length ? tr('summary.classes', { n: t.classNames.length, names: t.classNames.join(', ') }) : tr('summary.number')}
            {tr('summary.end')}
          </p>
          {t.dropped > 0 && (
            <p className="warn" data-testid="table-dropped">
              {tr('summary.dropped', { count: t.dropped })}
            </p>
          )}
          <details>
            <summary>{tr('summary.inputs', { n: t.inputNames.length })}</summary>
            <p className="hint">{tr('summary.encoding')}</p>
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
        <p className="hint">{tr('summary.loading')}</p>
      )}
      {builtin && (
        <p className="hint attribution" data-testid="attribution">
          {tr('summary.credit', { source: builtin.attribution.source, licence: builtin.attribution.licence })}{' '}
          <a href={builtin.attribution.url} target="_blank" rel="noreferrer">
            {tr('summary.source')}
          </a>
        </p>
      )}
    </div>
  );
}
