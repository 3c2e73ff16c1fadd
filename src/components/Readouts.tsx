// The current numbers: training and validation loss (and accuracy), never NaN.
import { useStore, type Store } from '../store/store';
import { formatLoss, formatPercent } from '../shared/format';
import { useTranslation } from 'react-i18next';

// Kept importable from here: RunsPanel and TestPanel read it from this module.
export { formatLoss };

// The latest epoch, kept exactly by the history however long the run.
const selectLast = (s: Store) => s.metrics.last;

const pct = (v: number | null | undefined) => formatPercent(v);

export function Readouts() {
  const { t } = useTranslation('view');
  const last = useStore(selectLast);
  const hasAcc = last?.trainAcc !== null && last?.trainAcc !== undefined;
  return (
    <dl className="readouts">
      <div>
        <dt>{t('readouts.trainLoss')}</dt>
        <dd className="train" data-testid="train-loss">
          {formatLoss(last?.trainLoss)}
        </dd>
        {last?.penalty ? (
          <dd className="penalty" data-testid="penalty">
            {t('readouts.penalty', { penalty: formatLoss(last.penalty), total: formatLoss(last.trainLoss + last.penalty) })}
          </dd>
        ) : null}
      </div>
      <div>
        <dt>{t('readouts.valLoss')}</dt>
        <dd className="val" data-testid="val-loss">
          {formatLoss(last?.valLoss)}
        </dd>
      </div>
      {hasAcc && (
        <>
          <div>
            <dt>{t('readouts.trainAcc')}</dt>
            <dd data-testid="train-acc">{pct(last?.trainAcc)}</dd>
          </div>
          <div>
            <dt>{t('readouts.valAcc')}</dt>
            <dd data-testid="val-acc">{pct(last?.valAcc)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
