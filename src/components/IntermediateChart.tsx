// Each trial's intermediate curve (the objective after each epoch, as the pruner saw it): pruned
// trials grey, the best trial in colour and on top, a log scale for the y axis. Drawn only for
// searches with curves (a pruner or Hyperband); the trials table carries the numbers, so the
// chart is hidden from screen readers and a sentence says how much the pruning saved.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, XAxis, YAxis } from 'recharts';
import type { Objective, TrialRecord } from '../search/types';
import { formatSig } from '../shared/format';

const PRUNED = '#cbd5e1';
const KEPT = '#60a5fa';
const BEST = '#16a34a';

type Row = { epoch: number } & Record<string, number | null>;

/** One row per epoch, a column `t<index>` per trial (null past its stop, or where a log axis cannot show it). */
export function intermediateRows(trials: readonly TrialRecord[], log: boolean): Row[] {
  const top = Math.max(0, ...trials.map((t) => t.intermediate?.length ?? 0));
  return Array.from({ length: top }, (_, e) => {
    const row: Row = { epoch: e + 1 };
    for (const t of trials) {
      const v = t.intermediate?.[e];
      row[`t${t.index}`] = v !== undefined && Number.isFinite(v) && (!log || v > 0) ? v : null;
    }
    return row;
  });
}

export function IntermediateChart({ trials, objective }: { trials: readonly TrialRecord[]; objective: Objective }) {
  const { t } = useTranslation('prune');
  const { t: ts } = useTranslation('search');
  const [log, setLog] = useState(false);
  const curves = useMemo(() => trials.filter((x) => (x.intermediate?.length ?? 0) > 0), [trials]);
  const rows = useMemo(() => intermediateRows(curves, log), [curves, log]);
  if (curves.length === 0) return null;
  const finite = curves.filter((x) => Number.isFinite(x.mean) && !x.pruned);
  const best = finite.length ? finite.reduce((b, x) => ((objective === 'accuracy' ? x.mean > b.mean : x.mean < b.mean) ? x : b)) : null;
  // Grey first, then the trials that ran to the end, the best last so it is drawn on top.
  const order = [...curves].sort((a, b) => rank(a) - rank(b));
  function rank(x: TrialRecord) {
    return x === best ? 2 : x.pruned ? 0 : 1;
  }
  // Epochs per trial (not counting folds): trained, and what every trial to the end would take.
  const epochs = curves.reduce((a, x) => a + (x.stoppedAt ?? x.intermediate!.length), 0);
  const full = Math.max(...curves.map((x) => x.stoppedAt ?? x.intermediate!.length));
  const label = objective === 'accuracy' ? ts('objectives.accuracy') : ts('objectives.loss');
  return (
    <figure className="chart" data-testid="intermediate-chart">
      <figcaption>
        <strong>{t('chart.title')}</strong> <span className="hint">{t('chart.caption', { objective: label })}</span>
      </figcaption>
      <div className="chart-controls">
        <label className="check">
          <input type="checkbox" checked={log} onChange={(e) => setLog(e.target.checked)} data-testid="intermediate-log" />
          {t('chart.logY')}
        </label>
      </div>
      <div className="sweep-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="epoch" type="number" domain={[1, 'dataMax']} allowDecimals={false} label={{ value: t('chart.epoch'), position: 'insideBottom', offset: -8 }} />
            <YAxis width={56} scale={log ? 'log' : 'auto'} domain={['auto', 'auto']} allowDataOverflow={false} tickFormatter={(v: number) => formatSig(v, 2)} />
            {order.map((x) => (
              <Line
                key={x.index}
                dataKey={`t${x.index}`}
                stroke={x === best ? BEST : x.pruned ? PRUNED : KEPT}
                strokeWidth={x === best ? 2.5 : 1}
                // A trial stopped after its first epoch has one point: a dot, or it would not show.
                dot={x.intermediate!.length === 1 ? { r: 2, fill: PRUNED, stroke: PRUNED } : false}
                connectNulls={false}
                isAnimationActive={false}
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <p className="chart-legend">
        <span>
          <span className="line-key" style={{ borderColor: BEST }} /> {t('chart.best')}
        </span>
        <span>
          <span className="line-key" style={{ borderColor: KEPT }} /> {t('chart.kept')}
        </span>
        <span>
          <span className="line-key" style={{ borderColor: PRUNED }} /> {t('chart.pruned')}
        </span>
      </p>
      <p className="hint" data-testid="intermediate-summary">
        {t('chart.summary', { pruned: curves.filter((x) => x.pruned).length, total: curves.length, epochs, full: full * curves.length })}
      </p>
    </figure>
  );
}
