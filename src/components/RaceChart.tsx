// The optimizer race's chart: training (solid) and validation (dashed) loss per epoch, one
// colour per optimizer, with a legend naming each and its settings. Loaded lazily (recharts).
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useTranslation } from 'react-i18next';
import type { ExperimentConfig } from '../shared/config';
import { optimizerLabel } from '../shared/labels';
import { formatLoss, formatSig } from '../shared/format';
import { isConstant } from '../shared/schedule';
import type { RaceEntry } from '../shared/race';
import { legendText, lossAxisTop, RACE_COLOURS, raceChartRows } from './raceLogic';

export function RaceChart({ entries, config }: { entries: RaceEntry[]; config: ExperimentConfig }) {
  const { t } = useTranslation('race');
  const rows = raceChartRows(entries);
  const top = lossAxisTop(entries);
  return (
    <figure className="race-figure" data-testid="race-chart">
      <div className="sweep-chart" role="img" aria-label={t('chartLabel')}>
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={rows} margin={{ top: 8, right: 16, bottom: 16, left: 4 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e5e7eb" />
            <XAxis dataKey="epoch" type="number" domain={[0, 'dataMax']} label={{ value: t('epochAxis'), position: 'insideBottom', offset: -8 }} />
            <YAxis width={56} domain={[0, top]} allowDataOverflow tickFormatter={(v: number) => formatSig(v, 2)} label={{ value: t('lossAxis'), angle: -90, position: 'insideLeft' }} />
            <Tooltip formatter={(v) => (typeof v === 'number' ? formatLoss(v) : String(v))} labelFormatter={(e) => `${t('epochAxis')} ${e}`} />
            {entries.flatMap((e) => [
              <Line key={`train:${e.optimizer}`} dataKey={`train:${e.optimizer}`} name={`${optimizerLabel(e.optimizer)} (${t('train')})`} stroke={RACE_COLOURS[e.optimizer]} dot={false} strokeWidth={2} isAnimationActive={false} connectNulls={false} />,
              <Line key={`val:${e.optimizer}`} dataKey={`val:${e.optimizer}`} name={`${optimizerLabel(e.optimizer)} (${t('val')})`} stroke={RACE_COLOURS[e.optimizer]} strokeDasharray="5 4" dot={false} strokeWidth={1.5} isAnimationActive={false} connectNulls={false} />,
            ])}
          </LineChart>
        </ResponsiveContainer>
      </div>
      <figcaption>
        <ul className="race-legend" data-testid="race-legend">
          {entries.map((e) => (
            <li key={e.optimizer}>
              <span className="race-swatch" style={{ background: RACE_COLOURS[e.optimizer] }} aria-hidden="true" />
              {legendText(e.optimizer, e.lr, config, t('lr'), optimizerLabel(e.optimizer))}
            </li>
          ))}
        </ul>
        <p className="hint">{t('chartLabel')}</p>
        {!isConstant(config.schedule) && <p className="hint">{t('scheduled', { schedule: config.schedule })}</p>}
      </figcaption>
    </figure>
  );
}
