// The current numbers: training and validation loss (and accuracy), never NaN.
import { useStore, type Store } from '../store/store';
import { formatLoss, formatPercent } from '../shared/format';

// Kept importable from here: RunsPanel and TestPanel read it from this module.
export { formatLoss };

// The latest epoch, kept exactly by the history however long the run.
const selectLast = (s: Store) => s.metrics.last;

const pct = (v: number | null | undefined) => formatPercent(v);

export function Readouts() {
  const last = useStore(selectLast);
  const hasAcc = last?.trainAcc !== null && last?.trainAcc !== undefined;
  return (
    <dl className="readouts">
      <div>
        <dt>Training loss</dt>
        <dd className="train" data-testid="train-loss">
          {formatLoss(last?.trainLoss)}
        </dd>
        {last?.penalty ? (
          <dd className="penalty" data-testid="penalty">
            + penalty {formatLoss(last.penalty)} = {formatLoss(last.trainLoss + last.penalty)} minimized
          </dd>
        ) : null}
      </div>
      <div>
        <dt>Validation loss</dt>
        <dd className="val" data-testid="val-loss">
          {formatLoss(last?.valLoss)}
        </dd>
      </div>
      {hasAcc && (
        <>
          <div>
            <dt>Training accuracy</dt>
            <dd data-testid="train-acc">{pct(last?.trainAcc)}</dd>
          </div>
          <div>
            <dt>Validation accuracy</dt>
            <dd data-testid="val-acc">{pct(last?.valAcc)}</dd>
          </div>
        </>
      )}
    </dl>
  );
}
