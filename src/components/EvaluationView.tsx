// Tables only: how the model does on the validation rows, updated as it trains. Classification
// shows a confusion matrix, regression the predicted values against the actual ones.
import { memo } from 'react';
import { CartesianGrid, ReferenceLine, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { EvaluationView as View } from '../shared/protocol';
import { useStore, type Store } from '../store/store';
import { useThrottled } from './useThrottled';
import { formatFixed, formatPercent, formatSig } from '../shared/format';
import { Trans, useTranslation } from 'react-i18next';

const selectEvaluation = (s: Store) => s.evaluation;
const selectTarget = (s: Store) => s.table?.target ?? '';

function Confusion({ view }: { view: Extract<View, { kind: 'confusion' }> }) {
  const k = view.classNames.length;
  const total = view.counts.reduce((a, b) => a + b, 0);
  const right = view.classNames.reduce((a, _, i) => a + view.counts[i * k + i], 0);
  const max = Math.max(1, ...view.counts);
  const { t } = useTranslation('view');
  return (
    <figure className="evaluation" data-testid="confusion">
      <figcaption>
        {t('evaluation.confusion', { right, total, pct: formatPercent(total ? right / total : 0) })}
      </figcaption>
      <table className="confusion">
        <thead>
          <tr>
            <th scope="col">{t('evaluation.corner')}</th>
            {view.classNames.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {view.classNames.map((actual, i) => (
            <tr key={actual}>
              <th scope="row">{actual}</th>
              {view.classNames.map((p, j) => {
                const n = view.counts[i * k + j];
                const shade = n / max;
                const bg = i === j ? `rgba(22, 163, 74, ${0.12 + 0.5 * shade})` : n > 0 ? `rgba(220, 38, 38, ${0.1 + 0.45 * shade})` : undefined;
                return (
                  <td key={p} className={i === j ? 'diag' : undefined} style={{ background: bg }} data-testid={`confusion-${i}-${j}`}>
                    {n}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

const FitChart = memo(function FitChart({ view, target }: { view: Extract<View, { kind: 'fit' }>; target: string }) {
  const data = Array.from(view.actual, (a, i) => ({ actual: a, predicted: view.predicted[i] }));
  let lo = Infinity;
  let hi = -Infinity;
  for (const d of data) {
    lo = Math.min(lo, d.actual, d.predicted);
    hi = Math.max(hi, d.actual, d.predicted);
  }
  if (!Number.isFinite(lo)) [lo, hi] = [0, 1];
  const pad = (hi - lo) * 0.05 || 1;
  const domain: [number, number] = [Math.floor(lo - pad), Math.ceil(hi + pad)];
  let se = 0;
  for (const d of data) se += (d.predicted - d.actual) ** 2;
  const rmse = data.length ? Math.sqrt(se / data.length) : NaN;
  const { t } = useTranslation('view');
  return (
    <figure className="evaluation" data-testid="fit-plot">
      <figcaption>
        <Trans
          t={t}
          i18nKey="evaluation.fit"
          values={{ target, rmse: formatSig(rmse, 3, false) }}
          components={{ rmse: <span data-testid="fit-rmse" /> }}
        />
      </figcaption>
      {/* Hidden from screen readers: recharts gives each point role="img" and no name; the caption says what it shows. */}
      <div className="fit-chart" aria-hidden="true">
        <ResponsiveContainer width="100%" height="100%">
          <ScatterChart margin={{ top: 8, right: 12, bottom: 24, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis type="number" dataKey="actual" domain={domain} name={t('evaluation.actual')} label={{ value: t('evaluation.actualOf', { target }), position: 'insideBottom', offset: -12 }} />
            <YAxis type="number" dataKey="predicted" domain={domain} name={t('evaluation.predicted')} width={48} label={{ value: t('evaluation.predicted'), angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatFixed(v, 2) : String(v))} />
            <ReferenceLine segment={[{ x: domain[0], y: domain[0] }, { x: domain[1], y: domain[1] }]} stroke="#6b7280" strokeDasharray="4 4" />
            <Scatter data={data} fill="#ea580c" isAnimationActive={false} />
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </figure>
  );
});

export function EvaluationView() {
  const live = useStore(selectEvaluation);
  const target = useStore(selectTarget);
  // At most a few redraws a second while training.
  const view = useThrottled(live, 500);
  if (!view) return null;
  return view.kind === 'confusion' ? <Confusion view={view} /> : <FitChart view={view} target={target} />;
}
