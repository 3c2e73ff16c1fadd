// Paths on a loss surface: contours of a two-parameter surface, each ticked optimizer's path from
// one start point (drag it, or arrow keys), and the optimizer settings as sliders. The paths come
// from the lab worker (tfjs's own optimizers) and redraw as the settings move.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { requestSurfacePaths } from '../client/lrLabClient';
import { OPTIMIZERS, type OptimizerKey } from '../shared/config';
import { formatLoss, formatSig } from '../shared/format';
import { optimizerLabel } from '../shared/labels';
import { SURFACE_KEYS, type SurfacePath } from '../shared/lrLab';
import { SURFACES } from '../shared/surfaces';
import { surfaceDefaults, type SurfaceSettings } from '../store/lrLabSlice';
import { useStore, type Store } from '../store/store';
import { SelectField } from './SelectField';
import { OPTIMIZER_COLORS } from './colors';
import { clampStart, nudgeStart, plotScale, PLOT_H, PLOT_W, surfaceContours } from './surfacePlot';


/** Settings changes this close together are sent as one request. */
const DEBOUNCE_MS = 30;

const selectSurface = (s: Store) => s.surface;
const selectActions = (s: Store) => ({ set: s.setSurfaceSettings });

interface SliderProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  /** The slider's position for a value, and back (e.g. log10 for the rate). */
  to?: (v: number) => number;
  from?: (p: number) => number;
  format: (v: number) => string;
  onChange: (v: number) => void;
  testId: string;
}

function Slider({ label, value, min, max, step, to = (v) => v, from = (p) => p, format, onChange, testId }: SliderProps) {
  const id = useId();
  return (
    <div className="field lab-slider">
      <label className="field-label" htmlFor={id}>
        {label} <output data-testid={`${testId}-value`}>{format(value)}</output>
      </label>
      <input id={id} type="range" min={min} max={max} step={step} value={to(value)} aria-valuetext={format(value)} data-testid={testId} onChange={(e) => onChange(from(Number(e.target.value)))} />
    </div>
  );
}

/** Rounds a slider's rate to two significant digits, so the shown value is the one used. */
const lrFromSlider = (p: number) => Number(Math.pow(10, p).toPrecision(2));

function pathPoints(p: SurfacePath, sc: ReturnType<typeof plotScale>): [number, number][] {
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < p.points.length; i += 2) out.push([sc.px(p.points[i]), sc.py(p.points[i + 1])]);
  return out;
}

export function LossSurface() {
  const { t } = useTranslation('lab');
  const surface = useStore(selectSurface);
  const { set } = useStore(useShallow(selectActions));
  const s = surface.settings;
  const info = SURFACES[s.surface];
  const sc = useMemo(() => plotScale(info), [info]);
  const rings = useMemo(() => surfaceContours(info), [info]);
  const svgRef = useRef<SVGSVGElement>(null);
  const dragging = useRef(false);

  // The lab worker (a tfjs backend of its own) starts only once the surface is first in view, not
  // with every page load beside the main run's worker.
  const boxRef = useRef<HTMLDivElement>(null);
  const [seen, setSeen] = useState(() => typeof IntersectionObserver === 'undefined');
  useEffect(() => {
    const el = boxRef.current;
    if (seen || !el) return;
    const io = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) setSeen(true);
    });
    io.observe(el);
    return () => io.disconnect();
  }, [seen]);

  // Paths follow the settings: lightly debounced; the client keeps one call in flight, the latest waiting.
  useEffect(() => {
    if (!seen) return;
    const timer = setTimeout(() => requestSurfacePaths(s), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [s, seen]);

  const toParams = (e: PointerEvent<SVGSVGElement>): [number, number] | null => {
    const svg = svgRef.current;
    const m = svg?.getScreenCTM();
    if (!svg || !m) return null;
    const p = new DOMPoint(e.clientX, e.clientY).matrixTransform(m.inverse());
    return clampStart(info, [sc.x(p.x), sc.y(p.y)]);
  };
  const onPointerDown = (e: PointerEvent<SVGSVGElement>) => {
    if (e.button !== 0) return;
    const p = toParams(e);
    if (!p) return;
    dragging.current = true;
    e.currentTarget.setPointerCapture?.(e.pointerId);
    set({ start: p });
  };
  const onPointerMove = (e: PointerEvent<SVGSVGElement>) => {
    if (!dragging.current) return;
    const p = toParams(e);
    if (p) set({ start: p });
  };
  const onPointerUp = (e: PointerEvent<SVGSVGElement>) => {
    dragging.current = false;
    e.currentTarget.releasePointerCapture?.(e.pointerId);
  };
  const onKey = (e: KeyboardEvent<SVGElement>) => {
    const next = nudgeStart(info, s.start, e.key, e.shiftKey);
    if (!next) return;
    e.preventDefault();
    set({ start: next });
  };
  const toggle = (o: OptimizerKey, on: boolean) => set({ optimizers: OPTIMIZERS.filter((k) => (k === o ? on : s.optimizers.includes(k))) });

  // The paths of the latest answer, for the optimizers still ticked (a fresh answer follows).
  const paths = surface.paths.filter((p) => s.optimizers.includes(p.optimizer));
  const [mx, my] = info.minimum;
  const radiusPx = sc.px(info.x[0] + info.radius);
  return (
    <div className="lab-surface" data-testid="loss-surface" ref={boxRef}>
      <h3>{t('surface.title')}</h3>
      <p className="hint">{t('surface.what', { steps: s.steps })}</p>
      <div className="lab-surface-body">
        <div className="lab-plot">
          <svg
            ref={svgRef}
            viewBox={`0 0 ${PLOT_W} ${PLOT_H}`}
            role="group"
            aria-label={t('surface.plot')}
            data-testid="surface-plot"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={onPointerUp}
          >
            <defs>
              <clipPath id="lab-plot-clip">
                <rect width={PLOT_W} height={PLOT_H} />
              </clipPath>
            </defs>
            <rect className="lab-plot-bg" width={PLOT_W} height={PLOT_H} />
            <g clipPath="url(#lab-plot-clip)">
              <g className="lab-contours" data-testid="surface-contours">
                {rings.map((r, i) => (
                  <path key={i} d={r.d} style={{ strokeOpacity: 0.35 + (0.5 * (rings.length - i)) / rings.length }} />
                ))}
              </g>
              <circle className="lab-radius" cx={sc.px(mx)} cy={sc.py(my)} r={radiusPx} />
              <g className="lab-minimum" transform={`translate(${sc.px(mx)},${sc.py(my)})`}>
                <path d="M-6,-6L6,6M-6,6L6,-6" />
                <text x={8} y={-8}>
                  {t('surface.minimum')}
                </text>
              </g>
              {paths.map((p) => {
                const pts = pathPoints(p, sc);
                const color = OPTIMIZER_COLORS[p.optimizer];
                return (
                  <g key={p.optimizer} className="lab-path" data-testid="surface-path" data-optimizer={p.optimizer} data-start={`${p.points[0]},${p.points[1]}`}>
                    <polyline points={pts.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(' ')} stroke={color} />
                    {pts.map(([x, y], i) => (
                      <circle key={i} cx={x} cy={y} r={1.8} fill={color} />
                    ))}
                  </g>
                );
              })}
            </g>
            <text className="lab-axis" x={PLOT_W - 6} y={PLOT_H - 6} textAnchor="end">
              {info.labels[0]} ∈ [{formatSig(info.x[0])}, {formatSig(info.x[1])}]
            </text>
            <text className="lab-axis" x={6} y={14}>
              {info.labels[1]} ∈ [{formatSig(info.y[0], 3)}, {formatSig(info.y[1], 3)}]
            </text>
            <circle
              className="lab-start"
              cx={sc.px(s.start[0])}
              cy={sc.py(s.start[1])}
              r={7}
              tabIndex={0}
              role="button"
              aria-label={t('surface.start', { x: formatSig(s.start[0]), y: formatSig(s.start[1]) })}
              data-testid="surface-start"
              onKeyDown={onKey}
            />
          </svg>
        </div>
        <div className="lab-controls">
          <div className="lab-wide">
            <SelectField
              label={t('surface.surface')}
              value={s.surface}
              options={SURFACE_KEYS}
              labels={Object.fromEntries(SURFACE_KEYS.map((k) => [k, t(`surface.surfaces.${k}`)]))}
              onChange={(surface) => set({ surface })}
              testId="surface-select"
            />
          </div>
          <p className="hint lab-wide" data-testid="surface-hint">
            <span className="lab-formula">{t(`surface.formulas.${s.surface}`)}</span>
            {t(`surface.hints.${s.surface}`)}
          </p>
          <Slider label={t('surface.lr')} value={s.lr} min={-4} max={0.5} step={0.05} to={Math.log10} from={lrFromSlider} format={(v) => formatSig(v, 2)} onChange={(lr) => set({ lr })} testId="surface-lr" />
          <Slider label={t('surface.momentum')} value={s.momentum} min={0} max={0.99} step={0.01} format={(v) => formatSig(v, 2)} onChange={(momentum) => set({ momentum })} testId="surface-momentum" />
          <Slider label={t('surface.beta1')} value={s.beta1} min={0} max={0.99} step={0.01} format={(v) => formatSig(v, 2)} onChange={(beta1) => set({ beta1 })} testId="surface-beta1" />
          <Slider label={t('surface.beta2')} value={s.beta2} min={0.9} max={0.9999} step={0.0001} format={(v) => formatSig(v, 4)} onChange={(beta2) => set({ beta2 })} testId="surface-beta2" />
          <Slider label={t('surface.steps')} value={s.steps} min={10} max={500} step={10} format={(v) => String(v)} onChange={(steps) => set({ steps })} testId="surface-steps" />
          <fieldset className="lab-optimizers lab-wide">
            <legend>{t('surface.optimizers')}</legend>
            {OPTIMIZERS.map((o) => (
              <label key={o}>
                <input type="checkbox" checked={s.optimizers.includes(o)} onChange={(e) => toggle(o, e.target.checked)} data-testid={`surface-opt-${o}`} />
                <span className="lab-swatch" style={{ background: OPTIMIZER_COLORS[o] }} aria-hidden="true" />
                {optimizerLabel(o)}
              </label>
            ))}
          </fieldset>
          <button type="button" className="lab-wide" onClick={() => set({ start: surfaceDefaults(s.surface).start })}>
            {t('surface.defaultStart')}
          </button>
        </div>
      </div>
      {surface.error && (
        <p className="hint lab-error" role="alert">
          {t('surface.failed', { error: surface.error })}
        </p>
      )}
      <SurfaceTable paths={paths} settings={s} />
    </div>
  );
}

function SurfaceTable({ paths, settings }: { paths: SurfacePath[]; settings: SurfaceSettings }) {
  const { t } = useTranslation('lab');
  const info = SURFACES[settings.surface];
  if (!paths.length) return settings.optimizers.length ? <p className="hint">{t('surface.loading')}</p> : null;
  return (
    <div className="table-scroll">
      <table className="lab-table" data-testid="surface-table">
        <caption>{t('surface.table.caption', { radius: formatSig(info.radius) })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('surface.table.optimizer')}</th>
            <th scope="col">{t('surface.table.reached')}</th>
            <th scope="col">{t('surface.table.final')}</th>
          </tr>
        </thead>
        <tbody>
          {paths.map((p) => {
            const taken = p.values.length - 1;
            return (
              <tr key={p.optimizer} data-optimizer={p.optimizer}>
                <th scope="row">
                  <span className="lab-swatch" style={{ background: OPTIMIZER_COLORS[p.optimizer] }} aria-hidden="true" /> {optimizerLabel(p.optimizer)}
                </th>
                <td data-testid={`surface-reached-${p.optimizer}`}>
                  {p.reached !== null ? p.reached : p.escaped ? t('surface.table.escaped', { steps: taken }) : t('surface.table.never', { steps: taken })}
                </td>
                <td>{formatLoss(p.values.at(-1))}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
