// The held-out test set: evaluated only when asked, with a reminder to do it once, at the end.
import { useState } from 'react';
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { formatLoss, formatPercent } from '../shared/format';
import { useTranslation } from 'react-i18next';

const selectTest = (s: Store) => s.test;
const selectStatus = (s: Store) => s.status;
const selectRunId = (s: Store) => s.runId;

export function TestPanel() {
  const { t } = useTranslation('test');
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
      <h2 id="test-h">{t('title')}</h2>
      <p className="hint">{t('hint')}</p>
      <button type="button" onClick={evaluate} disabled={status === 'starting' || status === 'error'}>
        {t('evaluate')}
      </button>
      {test && (
        <p data-testid="test-result" className="test-result">
          {t('loss')} <strong>{formatLoss(test.loss)}</strong>
          {test.accuracy !== null && (
            <>
              {' '}
              · {t('accuracy')} <strong>{formatPercent(test.accuracy)}</strong>
            </>
          )}{' '}
          {t('on', { n: test.n })}
        </p>
      )}
      {count > 1 && <p className="warn">{t('looked', { count })}</p>}
    </section>
  );
}
