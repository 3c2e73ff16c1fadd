// Training and validation curves of the current run, live, with kept runs overlaid for
// comparison, each named in the legend by what differs from the settings now. Loss or accuracy, linear or log scale. Reads the bounded metrics histories
// (older epochs summarized as min/max buckets); lossChartRows.ts turns them into the table.
import { memo, useMemo, useState } from 'react';
import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EarlyStop } from '../shared/protocol';
import { useStore, type Store } from '../store/store';
import { chartRows, type Metric, type RateLine, type Row } from './lossChartRows';
import { isConstant, parseSchedule } from '../shared/schedule';
import { useThrottled } from './useThrottled';
import { runDiffLabel } from './runLabels';
import { formatLoss, formatSig } from '../shared/format';
import { OVERLAY_COLORS } from './colors';
import { usePage } from '../page/pageStore';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';

const selectMetrics = (s: Store) => s.metrics;
const selectKept = (s: Store) => s.kept;
const selectOverlay = (s: Store) => s.overlay;
const selectLog = (s: Store) => s.logScale;
const selectRunId = (s: Store) => s.runId;
// The run on screen decides, not a problem being switched to while its new run sets up.
const selectHasAcc = (s: Store) => (s.runConfig ?? s.config).problem === 'classification';
const selectEarlyStop = (s: Store) => s.earlyStop;
const selectConfig = (s: Store) => s.config;
const selectRunIndex = (s: Store) => s.runIndex;
// The run on screen's schedule (live edits included): its rate is drawn on a second axis.
const selectSchedule = (s: Store) => (s.runConfig ?? s.config).schedule;

/**
 * The rate line of a scheduled run: on a log axis for the multiplicative decays (step, exp), whose
 * later rates a linear axis would flatten to 0; linear for cosine (which ends at 0) and warm-up.
 */
export function rateLineOf(schedule: string): RateLine | null {
  if (isConstant(schedule)) return null;
  const p = parseSchedule(schedule);
  return { key: 'now', log: p.ok && (p.value.kind === 'step' || p.value.kind === 'exp') };
}

/** The chart redraws at most this often (ms) while metrics stream in. */
const REDRAW_MS = 250;

interface Shown {
  key: string;
  label: string;
  color: string;
  current: boolean;
}

export function LossChart() {
  const { t } = useTranslation('view');
  const metrics = useThrottled(useStore(selectMetrics), REDRAW_MS);
  const kept = useStore(selectKept);
  const overlay = useStore(selectOverlay);
  const logScale = useStore(selectLog);
  const runId = useStore(selectRunId);
  const hasAcc = useStore(selectHasAcc);
  const earlyStop = useStore(selectEarlyStop);
  const config = useStore(selectConfig);
  const runIndex = useStore(selectRunIndex);
  const schedule = useStore(selectSchedule);
  // Presentation mode: large ticks (CSS) need a wider axis.
  const big = usePage((s) => s.present);
  const [metricChoice, setMetric] = useState<Metric>('loss');
  const metric = hasAcc ? metricChoice : 'loss';
  const log = logScale && metric === 'loss';
  // The rate shows with the loss (the accuracy view keeps its one axis).
  const rate = useMemo(() => (metric === 'loss' ? rateLineOf(schedule) : null), [schedule, metric]);
  const overlaid = useMemo(
    () => overlay.flatMap((id, i) => kept.filter((k) => k.id === id).map((run) => ({ run, color: OVERLAY_COLORS[i % OVERLAY_COLORS.length] }))),
    [overlay, kept],
  );
  const shown: Shown[] = useMemo(
    () => [
      ...overlaid.map((o) => ({ key: `r${o.run.id}`, label: t('chart.run', { id: o.run.id, label: runDiffLabel(o.run, config, runIndex) }), color: o.color, current: false })),
      { key: 'now', label: t('chart.current', { id: runId }), color: '', current: true },
    ],
    [overlaid, runId, config, runIndex, t],
  );
  // A running flag of the history: no scan of the epochs on each redraw.
  const hasPenalty = metric === 'loss' && metrics.hasPenalty;
  const data = useMemo(
    () => chartRows([...overlaid.map((o) => ({ key: `r${o.run.id}`, metrics: o.run.metrics })), { key: 'now', metrics }], metric, log, rate ?? undefined),
    [overlaid, metrics, metric, log, rate],
  );

  return (
    <figure className="chart">
      <div className="chart-controls">
        {hasAcc && (
          <div role="radiogroup" aria-label={t('chart.metric')} className="seg">
            {(['loss', 'accuracy'] as const).map((m) => (
              <label key={m} className="check">
                <input type="radio" name="metric" checked={metric === m} onChange={() => setMetric(m)} />
                {m === 'loss' ? t('chart.loss') : t('chart.accuracy')}
              </label>
            ))}
          </div>
        )}
        <label className="check">
          <input type="checkbox" checked={logScale} onChange={(e) => useStore.getState().setLogScale(e.target.checked)} disabled={metric !== 'loss'} />
          {t('chart.logScale')}
        </label>
      </div>
      <ChartBody data={data} shown={shown} metric={metric} log={log} marks={earlyStop} penalty={hasPenalty} rate={rate} big={big} t={t} />
      <figcaption className="chart-legend">
        <span>
          <span className="line-key" style={{ borderColor: TRAIN_COLOR }} /> {t('chart.training')}
        </span>
        <span>
          <span className="line-key" style={{ borderColor: VAL_COLOR }} /> {t('chart.validation')}
        </span>
        {hasPenalty && (
          <span>
            <span className="line-key dashed" style={{ borderColor: TRAIN_COLOR }} /> {t('chart.withPenalty')}
          </span>
        )}
        {rate && (
          <span data-testid="rate-legend">
            <span className="line-key dotted" style={{ borderColor: RATE_COLOR }} /> {t('chart.rateLegend', { scale: rate.log ? t('chart.rateLog') : t('chart.rateLinear') })}
          </span>
        )}
        {overlaid.length > 0 && <span className="hint">{t('chart.keptHint')}</span>}
        {shown
          .filter((x) => !x.current)
          .map((x) => (
            <span key={x.key} data-testid="overlay-legend">
              <span className="line-key" style={{ borderColor: x.color }} /> {x.label}
            </span>
          ))}
        {earlyStop && (
          <span data-testid="early-stop-marks">
            {t('chart.earlyStop', { best: earlyStop.bestEpoch, stop: earlyStop.stopEpoch })}
          </span>
        )}
      </figcaption>
    </figure>
  );
}

const TRAIN_COLOR = '#2563eb';
const VAL_COLOR = '#ea580c';
/** The learning rate: a third hue, dotted, apart from the loss lines and the overlay colours. */
const RATE_COLOR = '#7c3aed';

interface BodyProps {
  data: Row[];
  shown: Shown[];
  metric: Metric;
  log: boolean;
  marks: EarlyStop | null;
  /** Also draw the current run's data loss plus penalty. */
  penalty: boolean;
  /** The current run's learning rate, on a right-hand axis (null: none). */
  rate: RateLine | null;
  /** Presentation mode: room for large tick labels. */
  big?: boolean;
  /** The view namespace's t: a language switch redraws the axis labels and line names. */
  t: TFunction<'view'>;
}

/**
 * The SVG chart itself, memoized so it redraws only when its (throttled) data changes. One data
 * table for all lines and no recharts legend: each extra data source or legend makes recharts
 * render again, and those renders were the page's longest tasks.
 */
const ChartBody = memo(function ChartBody({ data, shown, metric, log, marks, penalty, rate, big, t }: BodyProps) {
  return (
    <div className="chart-box" data-testid="loss-chart">
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: big ? 28 : 16, left: 4 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="epoch" type="number" domain={[0, 'dataMax']} allowDecimals={false} label={{ value: t('chart.epoch'), position: 'insideBottom', offset: big ? -18 : -8 }} />
          <YAxis
            scale={log ? 'log' : 'linear'}
            domain={metric === 'accuracy' ? [0, 1] : ['auto', 'auto']}
            allowDataOverflow={log}
            width={big ? 92 : 56}
            tickFormatter={(v: number) => (metric === 'accuracy' ? `${Math.round(v * 100)}%` : formatSig(Number(v), 2))}
          />
          {rate && (
            <YAxis
              yAxisId="rate"
              orientation="right"
              scale={rate.log ? 'log' : 'linear'}
              domain={rate.log ? ['auto', 'auto'] : [0, 'auto']}
              allowDataOverflow={rate.log}
              width={big ? 92 : 56}
              tickFormatter={(v: number) => formatSig(Number(v), 2)}
              label={{ value: t('chart.rate'), angle: 90, position: 'insideRight', fill: RATE_COLOR, fontSize: 11 }}
              stroke={RATE_COLOR}
            />
          )}
          {marks && <ReferenceLine x={marks.bestEpoch} stroke="#16a34a" strokeDasharray="3 3" label={{ value: t('chart.best'), position: 'insideTopLeft', fill: '#16a34a', fontSize: 11 }} />}
          {marks && <ReferenceLine x={marks.stopEpoch} stroke="#6b7280" label={{ value: t('chart.stopped'), position: 'insideTopRight', fill: '#6b7280', fontSize: 11 }} />}
          <Tooltip formatter={(v) => (typeof v === 'number' ? formatLoss(v) : String(v))} labelFormatter={(e) => t('chart.epochN', { epoch: e })} />
          {penalty && <Line dataKey="now_total" name={t('chart.withPenalty')} stroke={TRAIN_COLOR} strokeDasharray="2 3" strokeWidth={1.2} dot={false} isAnimationActive={false} connectNulls />}
          {rate && (
            <Line
              yAxisId="rate"
              className="rate-line"
              dataKey={`${rate.key}_lr`}
              name={t('chart.rate')}
              type="stepBefore"
              stroke={RATE_COLOR}
              strokeDasharray="1 3"
              strokeLinecap="round"
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          )}
          {shown.map((s) => [
            <Line
              key={`${s.key}_train`}
              dataKey={`${s.key}_train`}
              name={t('chart.lineTraining', { label: s.label })}
              stroke={s.current ? TRAIN_COLOR : s.color}
              strokeDasharray={s.current ? undefined : '4 3'}
              strokeWidth={s.current ? 2 : 1.2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />,
            <Line
              key={`${s.key}_val`}
              dataKey={`${s.key}_val`}
              name={t('chart.lineValidation', { label: s.label })}
              stroke={s.current ? VAL_COLOR : s.color}
              strokeWidth={s.current ? 2 : 1.2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />,
          ])}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});
