// The learning-rate finder: the range test on a copy of the current setup (in the lab worker),
// its smoothed loss against the rate on a log axis, the suggested rate marked, and "Use it".
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import { cancelFinder, findLearningRate, roundRate, applySuggestedRate } from '../client/lrLabClient';
import { FINDER_STEPS } from '../engine/lrFinder';
import { formatLoss, formatSig } from '../shared/format';
import { useStore, type Store } from '../store/store';

const selectFinder = (s: Store) => s.finder;
const selectLr = (s: Store) => s.config.lr;

/** Ticks at every power of ten of the sweep. */
const DECADES = [1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

/** A tick: 1e-6 … 1e-3 as powers of ten (short), then 0.01, 0.1, 1, 10. */
const decade = (v: number) => (v < 0.005 ? `1e${Math.round(Math.log10(v))}` : formatSig(v, 1));

export function LrFinder() {
  const { t } = useTranslation('lab');
  const finder = useStore(selectFinder);
  const lr = useStore(selectLr);
  const busy = finder.status === 'running' || finder.status === 'cancelling';
  const r = finder.result;
  const data = r ? r.lrs.map((x, i) => ({ lr: x, loss: r.losses[i] })) : [];
  const suggested = r?.suggested != null ? roundRate(r.suggested) : null;
  const steps = r?.lrs.length ?? 0;
  const ignore = () => {};
  return (
    <div className="lab-finder" data-testid="lr-finder">
      <h3>{t('finder.title')}</h3>
      <p className="hint">{t('finder.what', { steps: FINDER_STEPS })}</p>
      <div className="row sweep-controls">
        <button type="button" disabled={busy} onClick={() => findLearningRate().catch(ignore)} data-testid="lr-find">
          {t('finder.find')}
        </button>
        {busy && (
          <button type="button" onClick={cancelFinder} disabled={finder.status === 'cancelling'}>
            {t('finder.cancel')}
          </button>
        )}
      </div>
      {finder.status !== 'idle' && (
        <div className="sweep-status">
          <progress max={1} value={finder.progress} aria-label={t('finder.progress')} data-testid="lr-progress" />
          <span data-testid="lr-status" role="status">
            {finder.status === 'running' && t('finder.running', { percent: Math.round(finder.progress * 100) })}
            {finder.status === 'cancelling' && t('finder.cancelling')}
            {finder.status === 'cancelled' && t('finder.cancelled', { steps })}
            {finder.status === 'done' && (r?.stoppedEarly ? t('finder.doneEarly', { steps }) : t('finder.done', { steps }))}
            {finder.status === 'error' && t('finder.failed', { error: finder.error ?? '' })}
          </span>
        </div>
      )}
      {r && !busy && (
        <>
          {suggested !== null ? (
            <div className="lab-suggestion">
              <p>
                {t('finder.suggested')} <strong data-testid="lr-suggested">{formatSig(suggested, 2, false)}</strong>{' '}
                <span className="hint">{t('finder.why', { minimum: formatSig(r.minimum, 2), steepest: formatSig(r.steepest, 2) })}</span>
              </p>
              <button type="button" onClick={applySuggestedRate} disabled={lr === suggested} title={t('finder.useItHint')} data-testid="lr-use">
                {lr === suggested ? t('finder.inUse') : t('finder.useIt')}
              </button>
            </div>
          ) : (
            <p className="hint">{t('finder.none')}</p>
          )}
        </>
      )}
      {data.length > 0 && (
        <div className="lab-chart" data-testid="lr-chart">
          <ResponsiveContainer width="100%" height="100%">
            <LineChart data={data} margin={{ top: 12, right: 16, bottom: 20, left: 4 }}>
              <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
              <XAxis
                dataKey="lr"
                type="number"
                scale="log"
                domain={[1e-6, 10]}
                ticks={DECADES}
                allowDataOverflow
                tickFormatter={decade}
                label={{ value: t('finder.xAxis'), position: 'insideBottom', offset: -10 }}
              />
              <YAxis width={56} domain={['auto', 'auto']} tickFormatter={(v: number) => formatSig(v, 2)} />
              <Tooltip labelFormatter={(v) => `lr ${formatSig(Number(v), 2)}`} formatter={(v) => (typeof v === 'number' ? formatLoss(v) : String(v))} />
              <Line dataKey="loss" name={t('finder.loss')} stroke="#2563eb" dot={false} isAnimationActive={false} />
              {r?.steepest != null && <ReferenceLine x={r.steepest} stroke="#94a3b8" strokeDasharray="4 3" label={{ value: t('finder.markSteepest'), position: 'insideTopLeft', fontSize: 11 }} />}
              {suggested !== null && <ReferenceLine x={suggested} stroke="#16a34a" strokeWidth={2} label={{ value: t('finder.markSuggested'), position: 'insideTopRight', fontSize: 11 }} />}
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </div>
  );
}
