// The objective per trial with the best so far: the search results' chart, also drawn for trials
// imported from a CSV file (SearchExchange.tsx).
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from 'recharts';
import type { Objective, TrialRecord } from '../search/types';
import { formatSig } from '../shared/format';
import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import './searchViews.css';

/** One point per trial in trial order, with the best so far (a non-finite trial keeps the best as it was). */
export function objectiveRows(trials: readonly TrialRecord[], objective: Objective): { trial: number; value: number; best: number }[] {
  const rows: { trial: number; value: number; best: number }[] = [];
  for (const t of [...trials].sort((a, b) => a.index - b.index)) {
    const prev = rows.at(-1)?.best ?? t.mean;
    const finite = Number.isFinite(t.mean) ? t.mean : prev;
    rows.push({ trial: t.index + 1, value: t.mean, best: objective === 'accuracy' ? Math.max(prev, finite) : Math.min(prev, finite) });
  }
  return rows;
}

export function ObjectiveChart({ trials, objective, xLabel, fill = '#64748b' }: { trials: readonly TrialRecord[]; objective: Objective; xLabel?: string; fill?: string }) {
  const { t } = useTranslation('search');
  const { t: tv } = useTranslation('searchViews');
  const [log, setLog] = useState(false);
  const rows = objectiveRows(trials, objective);
  if (rows.length < 2) return null;
  // A log axis needs every plotted value positive (a diverged trial's NaN is not drawn anyway).
  const canLog = rows.every((r) => !Number.isFinite(r.value) || r.value > 0);
  const logY = log && canLog;
  return (
    <>
      <div className="sv-toggles">
        <label>
          <input type="checkbox" checked={logY} disabled={!canLog} onChange={(e) => setLog(e.target.checked)} data-testid="objective-log" /> {tv('logScoreAxis')}
        </label>
      </div>
      {/* Hidden from screen readers: recharts gives each point role="img" and no name, and the
          trials table beside it holds the same numbers. */}
      <div className="sweep-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="trial" type="number" domain={[1, 'dataMax']} allowDecimals={false} label={{ value: xLabel ?? t('chartTrial'), position: 'insideBottom', offset: -8 }} />
            <YAxis width={56} scale={logY ? 'log' : 'auto'} domain={logY ? ['auto', 'auto'] : undefined} allowDataOverflow={logY} tickFormatter={(v: number) => formatSig(v, 2)} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatSig(v, 4) : String(v))} />
            <Scatter dataKey="value" name={t('chartTrial')} fill={fill} isAnimationActive={false} />
            <Line dataKey="best" name={t('chartBest')} stroke="#16a34a" dot={false} isAnimationActive={false} type="stepAfter" />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
