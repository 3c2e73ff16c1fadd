// A two-objective search: every trial as (second objective, objective), the Pareto front (the
// trials no other beats on both) highlighted and joined, and each front trial in a list with an
// Apply button that sets the playground to its settings, as "Apply best" does.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { objectivePoints } from '../client/searchOutcome';
import { applyTrial } from '../search/applyTrial';
import { trialText } from '../search/labels';
import type { ModelShape } from '../search/objectives';
import { paretoFront } from '../search/pareto';
import type { Objective, SecondObjective, TrialRecord } from '../search/types';
import { errorText } from '../shared/errorText';
import { formatCount, formatSeconds, formatSig } from '../shared/format';
import { useStore } from '../store/store';
import { change } from './change';
import { scaleUnit, ticks, tickText, useWidth } from './searchViewScale';

export function ParetoPlot({ trials, objective, second, shape }: { trials: readonly TrialRecord[]; objective: Objective; second: SecondObjective; shape: ModelShape }) {
  const { t } = useTranslation('searchViews');
  const { t: ts } = useTranslation('search');
  const points = useMemo(() => objectivePoints(trials, second, shape), [trials, second, shape]);
  const front = useMemo(() => paretoFront(points, objective), [points, objective]);
  const shown = points.filter((p) => Number.isFinite(p.first) && Number.isFinite(p.second));
  const xs = shown.map((p) => p.second);
  const ys = shown.map((p) => p.first);
  const xMin = Math.min(...xs);
  const xMax = Math.max(...xs);
  const yMin = Math.min(...ys);
  const yMax = Math.max(...ys);
  // null: decided by the data (log when the second objective spans a factor of 10 or more).
  const [logXSet, setLogX] = useState<boolean | null>(null);
  const logX = logXSet ?? (xMin > 0 && xMax / xMin >= 10);
  const [logY, setLogY] = useState(false);
  const [applied, setApplied] = useState<number | null>(null);
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  if (shown.length === 0) return null;
  const lx = logX && xMin > 0;
  const ly = logY && yMin > 0;
  const width = Math.max(280, Math.min(boxWidth || 480, 560));
  const m = { l: 54, r: 14, t: 10, b: 40 };
  const pw = width - m.l - m.r;
  const ph = 220 - m.t - m.b;
  // A little room around the points so those on the extremes are not cut by the frame.
  const X = (v: number) => (0.04 + 0.92 * scaleUnit(v, xMin, xMax, lx)) * pw;
  const Y = (v: number) => (1 - (0.05 + 0.9 * scaleUnit(v, yMin, yMax, ly))) * ph;
  const onFront = new Set(front.map((p) => p.trial.index));
  const byX = [...front].sort((a, b) => a.second - b.second);
  const secondName = t(`second.${second}`);
  const secondText = (v: number) => (second === 'time' ? formatSeconds(v) : formatCount(v));
  const objectiveName = ts(`objectiveName.${objective}`);

  const apply = (tr: TrialRecord) => {
    try {
      change(applyTrial(useStore.getState().config, tr.trial));
      setApplied(tr.index);
    } catch (e) {
      useStore.getState().say('search', 'error', t('applyFailed', { error: errorText(e) }));
    }
  };

  return (
    <figure className="sv-figure" data-testid="pareto">
      <figcaption className="sv-caption">
        <strong>{t('paretoTitle')}</strong> <span className="hint">{t('paretoHint', { second: t(`secondLower.${second}`), objective: objectiveName })}</span>
      </figcaption>
      <div className="sv-toggles">
        <label>
          <input type="checkbox" checked={lx} disabled={!(xMin > 0)} onChange={(e) => setLogX(e.target.checked)} /> {t('logX')}
        </label>
        <label>
          <input type="checkbox" checked={ly} disabled={!(yMin > 0)} onChange={(e) => setLogY(e.target.checked)} /> {t('logY')}
        </label>
      </div>
      <div ref={boxRef} className="sv-box">
        <svg width={width} height={ph + m.t + m.b} role="img" aria-label={t('paretoLabel', { count: shown.length, front: front.length })}>
          <g transform={`translate(${m.l},${m.t})`}>
            <rect width={pw} height={ph} fill="#f8fafc" stroke="#cbd5e1" />
            {ticks(xMin, xMax, lx).map((v) => (
              <g key={v} transform={`translate(${X(v).toFixed(1)},${ph})`}>
                <line y2={4} stroke="#334155" />
                <text y={15} textAnchor="middle" className="sv-tick">
                  {second === 'time' ? tickText(v / 1000) : tickText(v)}
                </text>
              </g>
            ))}
            {ticks(yMin, yMax, ly).map((v) => (
              <g key={v} transform={`translate(0,${Y(v).toFixed(1)})`}>
                <line x1={-4} stroke="#334155" />
                <text x={-6} dy="0.32em" textAnchor="end" className="sv-tick">
                  {tickText(v)}
                </text>
              </g>
            ))}
            <text x={pw / 2} y={ph + 32} textAnchor="middle" className="sv-axis-name">
              {lx ? t('withLog', { name: second === 'time' ? t('timeAxis') : secondName }) : second === 'time' ? t('timeAxis') : secondName}
            </text>
            <path d={byX.map((p, i) => `${i ? 'L' : 'M'}${X(p.second).toFixed(1)},${Y(p.first).toFixed(1)}`).join('')} fill="none" stroke="#dc2626" strokeWidth={1.6} />
            {shown.map((p) => {
              const on = onFront.has(p.trial.index);
              return (
                <circle
                  key={p.trial.index}
                  cx={X(p.second).toFixed(1)}
                  cy={Y(p.first).toFixed(1)}
                  r={on ? 5.5 : 3.5}
                  fill={on ? '#dc2626' : p.trial.pruned ? '#fff' : '#94a3b8'}
                  stroke={on ? '#fff' : '#64748b'}
                  strokeWidth={on ? 1.5 : 0.8}
                  data-front={on || undefined}
                >
                  <title>{`#${p.trial.index + 1}: ${objectiveName} ${formatSig(p.first)}, ${secondName} ${secondText(p.second)}`}</title>
                </circle>
              );
            })}
          </g>
          <text transform={`translate(12,${m.t + ph / 2}) rotate(-90)`} textAnchor="middle" className="sv-axis-name">
            {ly ? t('withLog', { name: t('objectiveAxis', { objective: objectiveName }) }) : t('objectiveAxis', { objective: objectiveName })}
          </text>
        </svg>
      </div>
      <table className="trials sv-front" data-testid="pareto-table">
        <caption className="hint">{t('frontCaption', { count: front.length })}</caption>
        <thead>
          <tr>
            <th>#</th>
            <th>{ts('colSettings')}</th>
            <th>{objectiveName}</th>
            <th>{secondName}</th>
            <th>
              <span className="visually-hidden">{t('applyColumn')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {front.map((p) => (
            <tr key={p.trial.index} data-trial={p.trial.index}>
              <td>{p.trial.index + 1}</td>
              <td>{trialText(p.trial.trial)}</td>
              <td>{formatSig(p.first)}</td>
              <td>{secondText(p.second)}</td>
              <td>
                <button type="button" onClick={() => apply(p.trial)} aria-label={t('applyTrial', { n: p.trial.index + 1 })} data-testid={`pareto-apply-${p.trial.index}`}>
                  {t('apply')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint" role="status">
        {applied !== null && t('applied', { n: applied + 1 })}
      </p>
    </figure>
  );
}
