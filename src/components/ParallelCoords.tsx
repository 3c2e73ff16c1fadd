// Parallel coordinates of every trial: an axis per searched setting (log-spaced for a log range,
// names evenly spaced for a choice) and the objective; each trial a line coloured by its score,
// pruned trials grey and dashed. Drag along an axis to keep an interval (or type it in the
// "Filter by value" fields): the trials table below shows only the trials inside every interval.
import { useMemo, useState, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { paramLabel } from '../search/labels';
import { axisPosition, axisValue, brushRange, OBJECTIVE_AXIS, searchAxes, trialPasses, useTrialFilter, type Axis, type TrialFilterState } from '../search/trialFilter';
import type { Objective, ParamKey, SearchSpace, TrialRecord } from '../search/types';
import { scaleUnit, ticks, tickText, useWidth, viridis } from './searchViewScale';
import { AxisFilters } from './AxisFilters';
import { ColorLegend } from './ColorLegend';

const selectRanges = (f: TrialFilterState) => f.ranges;
const HEIGHT = 260;
const TOP = 44;
const BOTTOM = 14;
const PLOT_H = HEIGHT - TOP - BOTTOM;
/** Narrower than this, the plot keeps this width and its box scrolls sideways. */
const MIN_WIDTH = 520;

/** A name in lines of at most about `room` pixels (11 px type: about 6 px a character), at most two, the second cut with an ellipsis. */
function wrap(text: string, room: number): string[] {
  const max = Math.max(6, Math.floor((room - 8) / 6));
  if (text.length <= max) return [text];
  const words = text.split(/\s+/);
  const lines: string[] = [''];
  for (const w of words) {
    const cur = lines[lines.length - 1];
    if (cur && (cur + ' ' + w).length > max) lines.push(w);
    else lines[lines.length - 1] = cur ? cur + ' ' + w : w;
  }
  // Chinese names have no spaces: cut by characters.
  const out = lines.length === 1 ? [text.slice(0, max), text.slice(max)] : lines;
  const second = out.slice(1).join(' ');
  return [out[0], second.length > max ? second.slice(0, max - 1) + '…' : second];
}

export function ParallelCoords({ space, trials, objective }: { space: SearchSpace; trials: readonly TrialRecord[]; objective: Objective }) {
  const { t } = useTranslation('searchViews');
  const { t: ts } = useTranslation('search');
  const ranges = useTrialFilter(selectRanges);
  const [logSettings, setLogSettings] = useState(true);
  const [logObjective, setLogObjective] = useState(false);
  const [drag, setDrag] = useState<{ key: string; y0: number; y1: number } | null>(null);
  const [boxRef, boxWidth] = useWidth<HTMLDivElement>();
  const axes = useMemo(() => searchAxes(space, trials), [space, trials]);
  const width = Math.max(MIN_WIDTH, boxWidth);
  const left = 56;
  const right = 56;
  const x = (i: number) => left + (axes.length > 1 ? (i * (width - left - right)) / (axes.length - 1) : (width - left - right) / 2);
  // The room between two axes, for wrapping their names.
  const gap = axes.length > 1 ? (width - left - right) / (axes.length - 1) : width;
  const isLog = (a: Axis) => a.kind === 'number' && (a.key === OBJECTIVE_AXIS ? logObjective && a.min > 0 : logSettings && a.log);
  const pos = (a: Axis, v: number) => axisPosition(a, v, isLog(a));
  const yOf = (p: number) => TOP + (1 - p) * PLOT_H;
  const objAxis = axes[axes.length - 1] as Extract<Axis, { kind: 'number' }>;
  const name = (a: Axis) => (a.key === OBJECTIVE_AXIS ? t('objectiveAxis', { objective: ts(`objectiveName.${objective}`) }) : paramLabel(a.key as ParamKey));

  const lines = trials.map((tr) => {
    const pts: string[] = [];
    axes.forEach((a, i) => {
      const v = axisValue(tr, a.key);
      // A diverged score sits at the objective axis's worst end; a setting the trial lacks is skipped.
      const p = v === null ? (a.key === OBJECTIVE_AXIS ? (objective === 'accuracy' ? 0 : 1) : null) : pos(a, v);
      if (p !== null) pts.push(`${x(i).toFixed(1)},${yOf(p).toFixed(1)}`);
    });
    const score = Number.isFinite(tr.mean) ? scaleUnit(tr.mean, objAxis.min, objAxis.max, isLog(objAxis)) : NaN;
    return { tr, d: pts.length ? `M${pts.join('L')}` : '', kept: trialPasses(tr, ranges), score };
  });
  // Drawn in layers: filtered out, then pruned, then the kept ones worst first so the best lie on top.
  const rank = (l: (typeof lines)[number]) => (!l.kept ? 0 : l.tr.pruned ? 1 : 2);
  const better = (l: (typeof lines)[number]) => (Number.isFinite(l.score) ? (objective === 'accuracy' ? l.score : -l.score) : -Infinity);
  const ordered = [...lines].sort((a, b) => rank(a) - rank(b) || better(a) - better(b));

  const yToP = (y: number) => Math.min(1, Math.max(0, 1 - (y - TOP) / PLOT_H));
  const svgY = (e: ReactPointerEvent<SVGElement>) => {
    const svg = (e.currentTarget as SVGElement).ownerSVGElement ?? (e.currentTarget as SVGSVGElement);
    return e.clientY - svg.getBoundingClientRect().top;
  };
  const onDown = (key: string) => (e: ReactPointerEvent<SVGRectElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const y = svgY(e);
    setDrag({ key, y0: y, y1: y });
  };
  const onMove = (e: ReactPointerEvent<SVGRectElement>) => {
    if (drag) setDrag({ ...drag, y1: svgY(e) });
  };
  const onUp = (a: Axis) => () => {
    if (!drag) return;
    const set = useTrialFilter.getState().setRange;
    // A click (no drag) clears the axis's interval.
    if (Math.abs(drag.y1 - drag.y0) < 4) set(a.key, null);
    else set(a.key, brushRange(a, yToP(drag.y0), yToP(drag.y1), isLog(a)));
    setDrag(null);
  };

  /** The shown band of a kept interval, in positions. */
  const band = (a: Axis): [number, number] | null => {
    const r = ranges[a.key];
    if (!r) return null;
    if (a.kind === 'choice') {
      const step = a.indices.length > 1 ? 0.5 / (a.indices.length - 1) : 0.5;
      const inside = a.indices.filter((i) => i >= r[0] && i <= r[1]).map((i) => pos(a, i));
      return inside.length ? [Math.max(0, Math.min(...inside) - step / 2), Math.min(1, Math.max(...inside) + step / 2)] : [0, 0];
    }
    const clamp = (p: number) => Math.min(1, Math.max(0, p));
    return [clamp(pos(a, Math.max(a.min, Math.min(r[0], r[1])))), clamp(pos(a, Math.min(a.max, Math.max(r[0], r[1]))))];
  };

  return (
    <figure className="sv-figure" data-testid="parallel-coords">
      <figcaption className="sv-caption">
        <strong>{t('parallelTitle')}</strong> <span className="hint">{t('parallelHint')}</span>
      </figcaption>
      <div className="sv-toggles">
        <label>
          <input type="checkbox" checked={logSettings} onChange={(e) => setLogSettings(e.target.checked)} /> {t('logSettings')}
        </label>
        <label>
          <input type="checkbox" checked={logObjective} disabled={!(objAxis.min > 0)} onChange={(e) => setLogObjective(e.target.checked)} /> {t('logObjective')}
        </label>
      </div>
      <div className="sv-scroll" ref={boxRef}>
        <svg width={width} height={HEIGHT} role="img" aria-label={t('parallelLabel', { count: trials.length, axes: axes.map(name).join(', ') })}>
          <g fill="none">
            {ordered.map((l) => (
              <path
                key={l.tr.index}
                d={l.d}
                data-trial={l.tr.index}
                data-kept={l.kept}
                stroke={!l.kept ? '#e2e8f0' : l.tr.pruned ? '#94a3b8' : viridis(objective === 'accuracy' ? 1 - l.score : l.score)}
                strokeWidth={l.kept && !l.tr.pruned ? 1.6 : 1.1}
                strokeDasharray={l.tr.pruned ? '4 3' : undefined}
                opacity={l.kept ? 0.9 : 0.7}
              >
                <title>{`#${l.tr.index + 1}`}</title>
              </path>
            ))}
          </g>
          {axes.map((a, i) => {
            const b = band(a);
            const dragging = drag?.key === a.key;
            return (
              <g key={a.key} transform={`translate(${x(i)},0)`} className="sv-axis">
                <line y1={TOP} y2={TOP + PLOT_H} stroke="#334155" />
                <text y={TOP - 20} textAnchor="middle" className="sv-axis-name">
                  {wrap(name(a), gap).map((line, k, all) => (
                    <tspan key={k} x={0} dy={k === 0 ? `${-(all.length - 1) * 1.1}em` : '1.1em'}>
                      {line}
                    </tspan>
                  ))}
                </text>
                {isLog(a) && (
                  <text y={TOP - 8} textAnchor="middle" className="sv-axis-note">
                    {t('logNote')}
                  </text>
                )}
                {(a.kind === 'choice' ? a.indices.map((idx, k) => ({ v: idx, label: a.names[k] })) : (a.values && a.values.length <= 8 ? a.values : ticks(a.min, a.max, isLog(a))).map((v) => ({ v, label: tickText(v) }))).map(({ v, label }) => (
                  <g key={label} transform={`translate(0,${yOf(pos(a, v)).toFixed(1)})`}>
                    <line x1={-3} x2={0} stroke="#334155" />
                    <text x={-5} dy="0.32em" textAnchor="end" className="sv-tick">
                      {label}
                    </text>
                  </g>
                ))}
                {b && <rect x={-7} width={14} y={yOf(b[1])} height={Math.max(2, yOf(b[0]) - yOf(b[1]))} className="sv-brush" />}
                {dragging && <rect x={-7} width={14} y={Math.min(drag.y0, drag.y1)} height={Math.abs(drag.y1 - drag.y0)} className="sv-brush sv-brush-live" />}
                <rect
                  x={-14}
                  width={28}
                  y={TOP - 4}
                  height={PLOT_H + 8}
                  fill="transparent"
                  className="sv-hit"
                  data-axis={a.key}
                  onPointerDown={onDown(a.key)}
                  onPointerMove={onMove}
                  onPointerUp={onUp(a)}
                  onPointerCancel={() => setDrag(null)}
                >
                  <title>{t('brushTitle', { axis: name(a) })}</title>
                </rect>
              </g>
            );
          })}
        </svg>
      </div>
      <ColorLegend min={objAxis.min} max={objAxis.max} log={isLog(objAxis)} label={t('colourBy', { objective: ts(`objectiveName.${objective}`) })} reversed={objective === 'accuracy'} pruned />
      <AxisFilters axes={axes} name={name} />
    </figure>
  );
}
