// Training and validation curves of the current run, live, with kept runs overlaid for
// comparison. Loss or accuracy, linear or log scale.
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochMetrics } from '../shared/protocol';
import type { KeptRun } from '../store/runSlice';
import { useStore } from '../store/store';
import { downsample } from './downsample';
import { useThrottled } from './useThrottled';

type S = ReturnType<typeof useStore.getState>;
const selectMetrics = (s: S) => s.metrics;
const selectKept = (s: S) => s.kept;
const selectOverlay = (s: S) => s.overlay;
const selectLog = (s: S) => s.logScale;
const selectRunId = (s: S) => s.runId;
const selectHasAcc = (s: S) => s.data.problem === 'classification';

const MAX_POINTS = 250;
/** The chart redraws at most this often (ms) while metrics stream in. */
const REDRAW_MS = 250;
export const OVERLAY_COLORS = ['#7c3aed', '#059669', '#db2777', '#0891b2', '#a16207'];

type Metric = 'loss' | 'accuracy';

interface Row {
  epoch: number;
  train: number | null;
  val: number | null;
}

function rows(m: readonly EpochMetrics[], metric: Metric, log: boolean): Row[] {
  // Log scales cannot show zero: such points are left out rather than drawn at -∞.
  const ok = (v: number | null) => (v !== null && Number.isFinite(v) && (!log || v > 0) ? v : null);
  return downsample(m, MAX_POINTS).map((e) => ({
    epoch: e.epoch,
    train: ok(metric === 'loss' ? e.trainLoss : e.trainAcc),
    val: ok(metric === 'loss' ? e.valLoss : e.valAcc),
  }));
}

export function LossChart() {
  const metrics = useThrottled(useStore(selectMetrics), REDRAW_MS);
  const kept = useStore(selectKept);
  const overlay = useStore(selectOverlay);
  const logScale = useStore(selectLog);
  const runId = useStore(selectRunId);
  const hasAcc = useStore(selectHasAcc);
  const [metricChoice, setMetric] = useState<Metric>('loss');
  const metric = hasAcc ? metricChoice : 'loss';
  const log = logScale && metric === 'loss';
  const current = useMemo(() => rows(metrics, metric, log), [metrics, metric, log]);
  const shown = useMemo(
    () => overlay.map((id, i) => ({ run: kept.find((k) => k.id === id), color: OVERLAY_COLORS[i % OVERLAY_COLORS.length] })).filter((o) => o.run),
    [overlay, kept],
  );
  const overlays = useMemo(() => shown.map((o) => ({ ...o, data: rows(o.run!.metrics, metric, log) })), [shown, metric, log]);

  return (
    <figure className="chart">
      <div className="chart-controls">
        {hasAcc && (
          <div role="radiogroup" aria-label="Metric" className="seg">
            {(['loss', 'accuracy'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name="metric" checked={metric === m} onChange={() => setMetric(m)} />
                {m === 'loss' ? 'Loss' : 'Accuracy'}
              </label>
            ))}
          </div>
        )}
        <label className="check">
          <input type="checkbox" checked={logScale} onChange={(e) => useStore.getState().setLogScale(e.target.checked)} disabled={metric !== 'loss'} />
          Log scale
        </label>
      </div>
      <ChartBody current={current} overlays={overlays} runId={runId} metric={metric} log={log} />
    </figure>
  );
}

interface BodyProps {
  current: Row[];
  overlays: { run?: KeptRun; color: string; data: Row[] }[];
  runId: number;
  metric: Metric;
  log: boolean;
}

/** The SVG chart itself; memoized so it redraws only when its (throttled) data changes. */
const ChartBody = memo(function ChartBody({ current, overlays, runId, metric, log }: BodyProps) {
  return (
    <div className="chart-box" data-testid="loss-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="epoch" type="number" domain={[0, 'dataMax']} allowDecimals={false} label={{ value: 'epoch', position: 'insideBottom', offset: -8 }} />
          <YAxis
            scale={log ? 'log' : 'linear'}
            domain={metric === 'accuracy' ? [0, 1] : ['auto', 'auto']}
            allowDataOverflow={log}
            width={56}
            tickFormatter={(v: number) => (metric === 'accuracy' ? `${Math.round(v * 100)}%` : Number(v).toPrecision(2))}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? v.toFixed(4) : String(v))} labelFormatter={(e) => `epoch ${e}`} />
          <Legend verticalAlign="top" height={24} />
          {overlays.map((o) => [
            <Line key={`t${o.run!.id}`} data={o.data} dataKey="train" name={`run ${o.run!.id} train`} stroke={o.color} strokeDasharray="4 3" dot={false} isAnimationActive={false} strokeWidth={1.2} connectNulls />,
            <Line key={`v${o.run!.id}`} data={o.data} dataKey="val" name={`run ${o.run!.id} validation`} stroke={o.color} dot={false} isAnimationActive={false} strokeWidth={1.2} connectNulls />,
          ])}
          <Line data={current} dataKey="train" name={`run ${runId} train`} stroke="#2563eb" dot={false} isAnimationActive={false} strokeWidth={2} connectNulls />
          <Line data={current} dataKey="val" name={`run ${runId} validation`} stroke="#ea580c" dot={false} isAnimationActive={false} strokeWidth={2} connectNulls />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
