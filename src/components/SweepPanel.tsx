// Learning curve (final losses against training-set size) and capacity sweep (against hidden
// width): each trains several models of the current config in a worker, with progress and Cancel.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { cancelSweep, startSweep } from '../client/sweepClient';
import type { SweepKind } from '../shared/sweep';
import { useStore, type Store } from '../store/store';
import { NumberField } from './NumberField';
import { formatLoss, formatSig } from '../shared/format';

const selectSweep = (s: Store) => s.sweep;

const TITLES: Record<SweepKind, { x: string; what: string }> = {
  size: { x: 'training points', what: 'More data: validation loss falls toward training loss as the training set grows.' },
  width: { x: 'units per hidden layer', what: 'Capacity: too few units underfit (both high), too many overfit (the gap widens).' },
};

export function SweepPanel() {
  const sweep = useStore(selectSweep);
  const busy = sweep.status === 'running' || sweep.status === 'cancelling';
  const ignore = () => {};
  const data = sweep.points.map((p) => ({ x: sweep.kind === 'size' ? p.trainSize : p.value, train: p.trainLoss, val: p.valLoss }));
  return (
    <section className="panel" aria-labelledby="sweep-h">
      <h2 id="sweep-h">Learning curve and capacity</h2>
      <p className="hint">Trains the current setup several times, in the background, and plots the final losses.</p>
      <div className="row sweep-controls">
        <NumberField label="Epochs per model" range="sweepEpochs" value={sweep.epochs} onCommit={(epochs) => useStore.getState().setSweep({ epochs })} testId="sweep-epochs" />
        <button type="button" disabled={busy} onClick={() => startSweep('size', sweep.epochs).catch(ignore)}>
          Learning curve
        </button>
        <button type="button" disabled={busy} onClick={() => startSweep('width', sweep.epochs).catch(ignore)}>
          Capacity sweep
        </button>
        {busy && (
          <button type="button" onClick={() => cancelSweep().catch(ignore)} disabled={sweep.status === 'cancelling'}>
            Cancel
          </button>
        )}
      </div>
      {sweep.status !== 'idle' && (
        <>
          <div className="sweep-status">
            <progress max={1} value={sweep.progress} aria-label="Sweep progress" data-testid="sweep-progress" />
            <span data-testid="sweep-status">
              {sweep.status === 'running' && `${Math.round(sweep.progress * 100)}%`}
              {sweep.status === 'cancelling' && 'cancelling…'}
              {sweep.status === 'cancelled' && `cancelled; ${sweep.points.length} models finished`}
              {sweep.status === 'done' && `done: ${sweep.points.length} models`}
              {sweep.status === 'error' && `failed: ${sweep.error}`}
            </span>
          </div>
          <p className="hint">{TITLES[sweep.kind].what}</p>
          <div className="sweep-chart" data-testid="sweep-chart">
            <ResponsiveContainer width="100%" height="100%">
              <LineChart data={data} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
                <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
                <XAxis dataKey="x" type="number" scale={sweep.kind === 'width' ? 'log' : 'linear'} domain={['dataMin', 'dataMax']} label={{ value: TITLES[sweep.kind].x, position: 'insideBottom', offset: -8 }} />
                <YAxis width={56} tickFormatter={(v: number) => formatSig(v, 2)} />
                <Tooltip formatter={(v) => (typeof v === 'number' ? formatLoss(v) : String(v))} />
                <Legend verticalAlign="top" height={24} />
                <Line dataKey="train" name="final training loss" stroke="#2563eb" isAnimationActive={false} />
                <Line dataKey="val" name="final validation loss" stroke="#ea580c" isAnimationActive={false} />
              </LineChart>
            </ResponsiveContainer>
          </div>
        </>
      )}
    </section>
  );
}
