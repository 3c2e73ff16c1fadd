// Learning curve (final losses against training-set size) and capacity sweep (against hidden
// width): each trains several models of the current config in a worker, with progress and Cancel.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { cancelSweep, startSweep } from '../client/sweepClient';
import { useTranslation } from 'react-i18next';
import { useStore, type Store } from '../store/store';
import { NumberField } from './NumberField';
import { formatLoss, formatSig } from '../shared/format';
import { isImages } from '../shared/datasets';

const selectSweep = (s: Store) => s.sweep;


const selectImages = (s: Store) => isImages(s.config.dataset);

/** The sweeps, or on image sets one line saying why they do not apply. */
export function SweepPanel() {
  const { t } = useTranslation('sweeps');
  const images = useStore(selectImages);
  if (!images) return <SweepControls />;
  return (
    <section className="panel" aria-labelledby="sweep-h">
      <h2 id="sweep-h">{t('title')}</h2>
      <p className="hint" data-testid="sweeps-images">
        {t('images')}
      </p>
    </section>
  );
}

function SweepControls() {
  const { t } = useTranslation('sweeps');
  const sweep = useStore(selectSweep);
  const busy = sweep.status === 'running' || sweep.status === 'cancelling';
  const ignore = () => {};
  const data = sweep.points.map((p) => ({ x: sweep.kind === 'size' ? p.trainSize : p.value, train: p.trainLoss, val: p.valLoss }));
  return (
    <section className="panel" aria-labelledby="sweep-h">
      <h2 id="sweep-h">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <div className="row sweep-controls">
        <NumberField label={t('epochs')} range="sweepEpochs" value={sweep.epochs} onCommit={(epochs) => useStore.getState().setSweep({ epochs })} testId="sweep-epochs" />
        <button type="button" disabled={busy} onClick={() => startSweep('size', sweep.epochs).catch(ignore)}>
          {t('learningCurve')}
        </button>
        <button type="button" disabled={busy} onClick={() => startSweep('width', sweep.epochs).catch(ignore)}>
          {t('capacity')}
        </button>
        {busy && (
          <button type="button" onClick={() => cancelSweep().catch(ignore)} disabled={sweep.status === 'cancelling'}>
            {t('cancel')}
          </button>
        )}
      </div>
      {sweep.status !== 'idle' && (
        <>
          <div className="sweep-status">
            <progress max={1} value={sweep.progress} aria-label={t('progress')} data-testid="sweep-progress" />
            <span data-testid="sweep-status">
              {sweep.status === 'running' && `${Math.round(sweep.progress * 100)}%`}
              {sweep.status === 'cancelling' && t('cancelling')}
              {sweep.status === 'cancelled' && t('cancelled', { count: sweep.points.length })}
              {sweep.status === 'done' && t('done', { count: sweep.points.length })}
              {sweep.status === 'error' && t('failed', { error: sweep.error ?? '' })}
            </span>
          </div>
          <p className="hint">{t(`kinds.${sweep.kind}.what`)}</p>
          <div className="sweep-chart" data-testid="sweep-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                <XAxis dataKey="x" type="number" scale={sweep.kind === 'width' ? 'log' : 'linear'} domain={['dataMin', 'dataMax']} label={{ value: t(`kinds.${sweep.kind}.x`), position: 'insideBottom', offset: -8 }} />
                <YAxis width={56} tickFormatter={(v: number) => formatSig(v, 2)} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? formatLoss(v) : String(v))} />
                <Legend verticalAlign="top" height={24} />
                <Line dataKey="train" name={t('finalTrain')} stroke="#2563eb" isAnimationActive={false} />
                <Line dataKey="val" name={t('finalVal')} stroke="#ea580c" isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}
