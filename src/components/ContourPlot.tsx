// Any two searched settings against each other: each trial a dot coloured by its score, over the
// score a random forest fitted on those two settings predicts (filled contours), so the good
// region of the pair shows even between trials. Log toggles per axis.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { contours } from 'd3-contour';
import { fitForest, predictForest } from '../search/fanova';
import { paramLabel } from '../search/labels';
import { axisPosition, axisValue, OBJECTIVE_AXIS, searchAxes, type Axis } from '../search/trialFilter';
import type { Objective, ParamKey, SearchSpace, TrialRecord } from '../search/types';
import { formatSig } from '../shared/format';
import { scaleUnit, ticks, tickText, useWidth, viridis } from './searchViewScale';
import { ColorLegend } from './ColorLegend';

const GRID = 36;
const LEVELS = 10;
/** Space left at each end of an axis so points on its ends (a choice's first and last name) are not cut. */
const PAD = 0.06;

type SettingAxis = Axis & { key: ParamKey };

export function ContourPlot({ space, trials, objective, initial }: { space: SearchSpace; trials: readonly TrialRecord[]; objective: Objective; initial: readonly ParamKey[] }) {
  const { t } = useTranslation('searchViews');
  const { t: ts } = useTranslation('search');
  const axes = useMemo(() => searchAxes(space, trials).filter((a): a is SettingAxis => a.key !== OBJECTIVE_AXIS), [space, trials]);
  const [xKey, setXKey] = useState<ParamKey | null>(null);
  const [yKey, setYKey] = useState<ParamKey | null>(null);
  const [logX, setLogX] = useState(true);
  const [logY, setLogY] = useState(true);
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  const keys = axes.map((a) => a.key);
  const pickX = xKey && keys.includes(xKey) ? xKey : (initial.find((k) => keys.includes(k)) ?? keys[0]);
  const pickY = yKey && keys.includes(yKey) && yKey !== pickX ? yKey : (initial.find((k) => keys.includes(k) && k !== pickX) ?? keys.find((k) => k !== pickX));
  const ax = axes.find((a) => a.key === pickX);
  const ay = axes.find((a) => a.key === pickY);

  const size = Math.max(260, Math.min(boxWidth || 420, 460));
  const m = { l: 54, r: 12, t: 8, b: 40 };
  const pw = size - m.l - m.r;
  const ph = Math.round(size * 0.72) - m.t - m.b;
  const canLog = (a: Axis | undefined) => !!a && a.kind === 'number' && a.min > 0;
  const lx = canLog(ax) && logX;
  const ly = canLog(ay) && logY;
  const padded = (p: number) => PAD + p * (1 - 2 * PAD);

  const plot = useMemo(() => {
    if (!ax || !ay) return null;
    const pts = trials
      .map((tr) => ({ tr, vx: axisValue(tr, ax.key), vy: axisValue(tr, ay.key) }))
      .filter((p): p is { tr: TrialRecord; vx: number; vy: number } => p.vx !== null && p.vy !== null)
      .map((p) => ({ ...p, px: padded(axisPosition(ax, p.vx, lx)), py: padded(axisPosition(ay, p.vy, ly)) }));
    const fit = pts.filter((p) => Number.isFinite(p.tr.mean) && !p.tr.pruned);
    const scores = fit.map((p) => p.tr.mean);
    const lo = scores.length ? Math.min(...scores) : 0;
    const hi = scores.length ? Math.max(...scores) : 1;
    let bands: { level: number; d: string }[] = [];
    if (fit.length >= 4 && hi > lo) {
      const forest = fitForest(
        fit.map((p) => [p.px, p.py]),
        scores,
        { trees: 24, seed: 1 },
      );
      const values: number[] = [];
      for (let j = 0; j < GRID; j++) for (let i = 0; i < GRID; i++) values.push(predictForest(forest, [(i + 0.5) / GRID, 1 - (j + 0.5) / GRID]));
      const levels = Array.from({ length: LEVELS }, (_, k) => lo + ((k + 0.5) * (hi - lo)) / LEVELS);
      bands = contours()
        .size([GRID, GRID])
        .thresholds(levels)(values)
        .map((c) => ({
          level: c.value,
          d: c.coordinates.flatMap((poly) => poly.map((ring) => 'M' + ring.map(([gx, gy]) => `${((gx / GRID) * pw).toFixed(1)},${((gy / GRID) * ph).toFixed(1)}`).join('L') + 'Z')).join(''),
        }))
        .filter((b) => b.d.length > 0);
    }
    return { pts, lo, hi, bands };
  }, [ax, ay, trials, lx, ly, pw, ph]);

  if (axes.length < 2 || !ax || !ay || !plot) return null;
  const colour = (v: number) => viridis(objective === 'accuracy' ? 1 - scaleUnit(v, plot.lo, plot.hi, false) : scaleUnit(v, plot.lo, plot.hi, false));
  const axisTicks = (a: SettingAxis, log: boolean) =>
    a.kind === 'choice' ? a.indices.map((v, k) => ({ p: padded(axisPosition(a, v)), label: a.names[k] })) : (a.values && a.values.length <= 8 ? a.values : ticks(a.min, a.max, log)).map((v) => ({ p: padded(axisPosition(a, v, log)), label: tickText(v) }));
  const select = (value: ParamKey, set: (k: ParamKey) => void, label: string, testId: string) => (
    <label className="field sv-select">
      <span className="field-label">{label}</span>
      <select value={value} onChange={(e) => set(e.target.value as ParamKey)} data-testid={testId}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {paramLabel(k)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <figure className="sv-figure" data-testid="contour">
      <figcaption className="sv-caption">
        <strong>{t('contourTitle')}</strong> <span className="hint">{t('contourHint')}</span>
      </figcaption>
      <div className="sv-toggles">
        {select(ax.key, (k) => setXKey(k), t('xSetting'), 'contour-x')}
        {select(ay.key, (k) => setYKey(k), t('ySetting'), 'contour-y')}
        <label>
          <input type="checkbox" checked={lx} disabled={!canLog(ax)} onChange={(e) => setLogX(e.target.checked)} /> {t('logX')}
        </label>
        <label>
          <input type="checkbox" checked={ly} disabled={!canLog(ay)} onChange={(e) => setLogY(e.target.checked)} /> {t('logY')}
        </label>
      </div>
      <div ref={boxRef} className="sv-box">
        <svg width={size} height={ph + m.t + m.b} role="img" aria-label={t('contourLabel', { x: paramLabel(ax.key), y: paramLabel(ay.key), count: plot.pts.length })}>
          <g transform={`translate(${m.l},${m.t})`}>
            <rect width={pw} height={ph} fill={plot.bands.length ? colour(plot.lo) : '#f8fafc'} opacity={plot.bands.length ? 0.35 : 1} stroke="#cbd5e1" />
            {plot.bands.map((b) => (
              <path key={b.level} d={b.d} fill={colour(b.level)} opacity={0.35} />
            ))}
            {axisTicks(ax, lx).map(({ p, label }) => (
              <g key={label} transform={`translate(${(p * pw).toFixed(1)},${ph})`}>
                <line y2={4} stroke="#334155" />
                <text y={15} textAnchor="middle" className="sv-tick">
                  {label}
                </text>
              </g>
            ))}
            {axisTicks(ay, ly).map(({ p, label }) => (
              <g key={label} transform={`translate(0,${((1 - p) * ph).toFixed(1)})`}>
                <line x1={-4} stroke="#334155" />
                <text x={-6} dy="0.32em" textAnchor="end" className="sv-tick">
                  {label}
                </text>
              </g>
            ))}
            <text x={pw / 2} y={ph + 32} textAnchor="middle" className="sv-axis-name">
              {lx ? t('withLog', { name: paramLabel(ax.key) }) : paramLabel(ax.key)}
            </text>
            {plot.pts.map(({ tr, px, py, vx, vy }) => (
              <circle
                key={tr.index}
                cx={(px * pw).toFixed(1)}
                cy={((1 - py) * ph).toFixed(1)}
                r={4.5}
                fill={tr.pruned || !Number.isFinite(tr.mean) ? '#fff' : colour(tr.mean)}
                stroke={tr.pruned || !Number.isFinite(tr.mean) ? '#94a3b8' : '#fff'}
                strokeWidth={1.2}
              >
                <title>{`#${tr.index + 1}: ${paramLabel(ax.key)} ${ax.kind === 'choice' ? tr.trial[ax.key] : formatSig(vx)}, ${paramLabel(ay.key)} ${ay.kind === 'choice' ? tr.trial[ay.key] : formatSig(vy)} → ${formatSig(tr.mean)}`}</title>
              </circle>
            ))}
          </g>
          <text transform={`translate(12,${m.t + ph / 2}) rotate(-90)`} textAnchor="middle" className="sv-axis-name">
            {ly ? t('withLog', { name: paramLabel(ay.key) }) : paramLabel(ay.key)}
          </text>
        </svg>
      </div>
      <ColorLegend min={plot.lo} max={plot.hi} log={false} label={t('colourBy', { objective: ts(`objectiveName.${objective}`) })} reversed={objective === 'accuracy'} />
    </figure>
  );
}
