// The loss chart's text alternative, on request: a data table of the current run's curves
// (lossTableRows.ts picks the epochs). Closed by default, so it costs nothing while hidden.
import { useId, useState } from 'react';
import { useStore, type Store } from '../store/store';
import { formatLoss, formatPercent } from '../shared/format';
import { lossTableRows } from './lossTableRows';
import { useThrottled } from './useThrottled';
import { useTranslation } from 'react-i18next';

const selectMetrics = (s: Store) => s.metrics;

/** A table that changed 10× a second would be unreadable; once a second is enough. */
const REFRESH_MS = 1000;

function Table() {
  const { t } = useTranslation('view');
  const metrics = useThrottled(useStore(selectMetrics), REFRESH_MS);
  const rows = lossTableRows(metrics);
  const acc = rows.some((r) => r.trainAcc !== null);
  if (rows.length === 0) return <p className="hint">{t('table.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="trials loss-table" data-testid="loss-table">
        <caption className="visually-hidden">{t('table.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('table.epoch')}</th>
            <th scope="col">{t('table.trainLoss')}</th>
            <th scope="col">{t('table.valLoss')}</th>
            {acc && <th scope="col">{t('table.trainAcc')}</th>}
            {acc && <th scope="col">{t('table.valAcc')}</th>}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.epoch}>
              <th scope="row">{r.epoch}</th>
              <td>{formatLoss(r.trainLoss)}</td>
              <td>{formatLoss(r.valLoss)}</td>
              {acc && <td>{formatPercent(r.trainAcc)}</td>}
              {acc && <td>{formatPercent(r.valAcc)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function LossTable() {
  const { t } = useTranslation('view');
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className="loss-table-box">
      <button type="button" className="link" aria-expanded={open} aria-controls={id} onClick={() => setOpen(!open)}>
        {open ? t('table.hide') : t('table.show')}
      </button>
      <div id={id}>{open && <Table />}</div>
    </div>
  );
}
