// The held-out test set: evaluated only when asked, with a reminder to do it once, at the end.
import { useState } from 'react';
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { formatLoss, formatPercent } from '../shared/format';

const selectTest = (s: Store) => s.test;
const selectStatus = (s: Store) => s.status;
const selectRunId = (s: Store) => s.runId;

export function TestPanel() {
  const test = useStore(selectTest);
  const status = useStore(selectStatus);
  const runId = useStore(selectRunId);
  const [looks, setLooks] = useState<{ run: number; count: number }>({ run: -1, count: 0 });
  const count = looks.run === runId ? looks.count : 0;
  const evaluate = () => {
    client.evaluateTest().then(
      () => setLooks({ run: runId, count: count + 1 }),
      () => {},
    );
  };
  return (
    <section className="panel" aria-labelledby="test-h">
      <h2 id="test-h">Test set</h2>
      <p className="hint">
        The test set stays hidden while you tune. Use it once, at the end: choosing settings by their test score turns it into a
        second validation set, and the estimate is no longer honest.
      </p>
      <button type="button" onClick={evaluate} disabled={status === 'starting' || status === 'error'}>
        Evaluate on test set
      </button>
      {test && (
        <p data-testid="test-result" className="test-result">
          Test loss <strong>{formatLoss(test.loss)}</strong>
          {test.accuracy !== null && (
            <>
              {' '}
              · accuracy <strong>{formatPercent(test.accuracy)}</strong>
            </>
          )}{' '}
          on {test.n} points.
        </p>
      )}
      {count > 1 && <p className="warn">You have looked at the test set {count} times for this run.</p>}
    </section>
  );
}
