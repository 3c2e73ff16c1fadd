// The transfer comparison's three validation curves on one chart (loss, or for images accuracy),
// and its table: final validation loss and accuracy, and the epochs each method needed to reach
// the target loss (images: the target accuracy).
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { methodLabel } from '../transfer/labels';
import { CartesianGrid, Legend, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { EpochMetrics } from '../shared/protocol';
import { TRANSFER_METHODS, type TransferMethod, type TransferResult } from '../shared/transferProtocol';
import { formatLoss, formatPercent, formatSig } from '../shared/format';

/** Colour and dash per method: told apart by both, so the chart reads without colour too. */
export const METHOD_STYLE: Record<TransferMethod, { color: string; dash?: string; border: 'solid' | 'dashed' | 'dotted' }> = {
  scratch: { color: '#64748b', border: 'solid' },
  frozen: { color: '#2563eb', dash: '8 4', border: 'dashed' },
  finetune: { color: '#ea580c', dash: '2 3', border: 'dotted' },
};

type Row = { epoch: number } & Partial<Record<TransferMethod, number>>;

export type ChartMetric = 'loss' | 'acc';

function rows(curves: Partial<Record<TransferMethod, readonly EpochMetrics[]>>, metric: ChartMetric): Row[] {
  const length = Math.max(0, ...TRANSFER_METHODS.map((m) => curves[m]?.length ?? 0));
  return Array.from({ length }, (_, e) => {
    const row: Row = { epoch: e };
    for (const m of TRANSFER_METHODS) {
      const point = curves[m]?.[e];
      const v = metric === 'acc' ? (point?.valAcc ?? undefined) : point?.valLoss;
      if (v !== undefined && Number.isFinite(v)) row[m] = v;
    }
    return row;
  });
}

interface ChartProps {
  curves: Partial<Record<TransferMethod, readonly EpochMetrics[]>>;
  /** What the curves show: validation loss, or validation accuracy (image tasks). */
  metric: ChartMetric;
  /** The target loss or accuracy, drawn as a line. */
  target: number;
}

export const TransferChart = memo(function TransferChart({ curves, metric, target }: ChartProps) {
  const data = useMemo(() => rows(curves, metric), [curves, metric]);
  const { t } = useTranslation('transfer');
  const acc = metric === 'acc';
  return (
    <div className="sweep-chart transfer-chart" data-testid="transfer-chart" data-metric={metric} role="img" aria-label={acc ? t('image.chartLabel') : t('chartLabel')}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 8, right: 16, bottom: 20, left: 12 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
          <XAxis dataKey="epoch" type="number" domain={[0, 'dataMax']} allowDecimals={false} label={{ value: t('chartX'), position: 'insideBottom', offset: -12 }} />
          <YAxis
            width={64}
            domain={acc ? [0, 1] : [0, 'auto']}
            tickFormatter={(v: number) => (acc ? formatPercent(v, 0) : formatSig(v, 2))}
            label={{ value: acc ? t('image.chartY') : t('chartY'), angle: -90, position: 'insideLeft', offset: 0, style: { textAnchor: 'middle' } }}
          />
          <Tooltip formatter={(v) => (typeof v === 'number' ? (acc ? formatPercent(v) : formatLoss(v)) : String(v))} labelFormatter={(e) => t('chartEpoch', { epoch: e })} />
          <Legend verticalAlign="top" height={24} />
          <ReferenceLine
            y={target}
            stroke="#16a34a"
            strokeDasharray="4 4"
            label={{ value: acc ? t('image.chartTarget', { acc: formatPercent(target) }) : t('chartTarget', { loss: target }), position: 'insideTopRight', fill: '#16a34a', fontSize: 11 }} />
          {TRANSFER_METHODS.map((m) => (
            <Line
              key={m}
              dataKey={m}
              name={methodLabel(m)}
              stroke={METHOD_STYLE[m].color}
              strokeDasharray={METHOD_STYLE[m].dash}
              strokeWidth={2}
              dot={false}
              isAnimationActive={false}
              connectNulls
            />
          ))}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
});

const pct = (v: number | null) => formatPercent(v);

export function TransferTable({ result }: { result: TransferResult }) {
  const { t } = useTranslation('transfer');
  const trained = result.methods[0]?.curve.length - 1;
  const acc = result.targetAcc;
  return (
    <div className="table-scroll">
      <table className="trials transfer-table" data-testid="transfer-table" data-target-loss={result.targetLoss} data-target-acc={acc ?? ''}>
        <caption>
          {t('tableCaption', { n: result.nTarget, val: result.nVal, seed: result.seed, count: result.headOutputs })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('colMethod')}</th>
            <th scope="col">{t('colLr')}</th>
            <th scope="col">{t('colFrozen')}</th>
            <th scope="col">{t('colLoss')}</th>
            <th scope="col">{t('colAcc')}</th>
            <th scope="col">{acc !== undefined ? t('image.colEpochs', { acc: pct(acc) }) : t('colEpochs', { loss: result.targetLoss })}</th>
          </tr>
        </thead>
        <tbody>
          {result.methods.map((m) => (
            <tr
              key={m.method}
              data-method={m.method}
              data-epochs-to-target={m.epochsToTarget ?? 'none'}
              data-final-val-loss={m.finalValLoss}
              data-final-val-acc={m.finalValAcc ?? ''}
            >
              <th scope="row">
                <span className="line-key" style={{ borderColor: METHOD_STYLE[m.method].color, borderTopStyle: METHOD_STYLE[m.method].border }} /> {methodLabel(m.method)}
              </th>
              <td>{formatSig(m.lr)}</td>
              <td>
                {m.method === 'scratch'
                  ? t('noBaseCell')
                  : !m.frozenLayers.length
                    ? t('none')
                    : acc !== undefined
                      ? t('image.frozenCell', { layers: m.frozenLayers.join(', ') })
                      : m.frozenLayers.join(', ')}
              </td>
              <td>{formatLoss(m.finalValLoss)}</td>
              <td>{pct(m.finalValAcc)}</td>
              <td>{m.epochsToTarget ?? t('notReached', { n: trained })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
