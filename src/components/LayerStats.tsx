// Training health per layer: gradient norm, weight norm and update/weight ratio over the epochs as
// tiny SVG sparklines (each column on ONE log range shared by every layer, so vanishing gradients
// in early layers show as lines below the later ones), and dead / saturated hidden units.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { lastValue, logY, RATIO_GUIDE, sharedLogRange, sparkPath } from '../network/sparkline';
import { statsSeries } from '../network/statsHistory';
import { formatLoss, formatSig } from '../shared/format';
import { useStore, type Store } from '../store/store';
import { useThrottled } from './useThrottled';
import { useTranslation } from 'react-i18next';

const selectStats = (s: Store) => ({ samples: s.layerStats, layers: (s.runConfig ?? s.config).layers });

const W = 64;
const H = 22;

/** Magnitudes span decades: scientific below 0.001, three significant digits above. */
const magnitude = (v: number | null) => (v !== null && v !== 0 && Math.abs(v) < 1e-3 ? formatLoss(v) : formatSig(v, 3));

const METRICS = [
  { key: 'gradNorm', title: 'stats.gradNorm', guide: undefined },
  { key: 'weightNorm', title: 'stats.weightNorm', guide: undefined },
  { key: 'updateRatio', title: 'stats.updateRatio', guide: RATIO_GUIDE },
] as const;

function Spark({ xs, ys, range, guide, label }: { xs: number[]; ys: (number | null)[]; range: [number, number] | null; guide?: number; label: string }) {
  const { t } = useTranslation('network');
  const last = lastValue(ys);
  return (
    <span className="spark">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} aria-hidden="true">
        {range && guide !== undefined && <line className="spark-guide" x1={0} x2={W} y1={logY(guide, range, H)} y2={logY(guide, range, H)} />}
        {range && <path d={sparkPath(xs, ys, range, W, H)} />}
      </svg>
      <span className="spark-value" aria-label={t('stats.latest', { name: label, value: magnitude(last) })}>
        {magnitude(last)}
      </span>
    </span>
  );
}

export function LayerStats() {
  const { t, i18n } = useTranslation('network');
  const { samples: live, layers } = useStore(useShallow(selectStats));
  // Samples come several times a second; a few redraws a second are plenty for trends over epochs.
  const samples = useThrottled(live, 250);
  const series = useMemo(() => statsSeries(samples), [samples]);
  const ranges = useMemo(() => METRICS.map((m) => sharedLogRange(series.layers.map((l) => l[m.key]), m.guide)), [series]);
  const count = series.layers.length;
  const first = series.epochs[0];
  const last = series.epochs.at(-1);
  return (
    <div className="layer-stats" data-testid="layer-stats">
      <h3>{t('stats.title')}</h3>
      {count === 0 ? (
        <p className="hint">{t('stats.empty')}</p>
      ) : (
        <>
        <p className="hint">{t('stats.hint')}</p>
        {/* Scrolls sideways on a narrow screen: focusable, so the keyboard can scroll it too. */}
        <div className="layer-stats-scroll" tabIndex={0} role="region" aria-label={t('stats.region')}>
          <table className="layer-stats-table">
            <caption className="hint">
              {t('stats.epochs', { first, last: last ?? '' })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('stats.layer')}</th>
                {METRICS.map((m) => (
                  <th key={m.key} scope="col">
                    {t(m.title)}
                  </th>
                ))}
                <th scope="col">{t('stats.dead')}</th>
                <th scope="col">{t('stats.saturated')}</th>
              </tr>
            </thead>
            <tbody>
              {series.layers.map((l, i) => {
                const name = i === count - 1 ? t('stats.output') : t('stats.hidden', { n: l.layer });
                const units = layers.length === count - 1 ? layers[i] : undefined;
                const of = (v: number | null) => (v === null ? '—' : units !== undefined ? t('stats.of', { n: v, units }) : String(v));
                return (
                  <tr key={l.layer} data-testid={`layer-stats-${l.layer}`}>
                    <th scope="row">{name}</th>
                    {METRICS.map((m, k) => (
                      <td key={m.key}>
                        <Spark xs={series.epochs} ys={l[m.key]} range={ranges[k]} guide={m.guide} label={`${name} ${i18n.language === 'en' ? t(m.title).toLowerCase() : t(m.title)}`} />
                      </td>
                    ))}
                    <td>{l.dead ? of(lastValue(l.dead)) : '—'}</td>
                    <td>{l.saturated ? of(lastValue(l.saturated)) : '—'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        </>
      )}
    </div>
  );
}
