// The decision boundary (or regression surface) computed in the worker, drawn as a heatmap on a
// canvas with the training and validation points over it. Test points show only on request.
import { useEffect, useRef, type RefObject } from 'react';
import { DOMAIN } from '../shared/datasets';
import { useShallow } from 'zustand/react/shallow';
import { columnKinds, mapOffset, neuronName, paintMap, type MapKind } from '../network/diagram';
import { FEATURE_LABELS } from '../shared/config';
import type { BoundaryView, NetworkMaps, PointsView, TableView } from '../shared/protocol';
import { useStore, type Store } from '../store/store';
import { binaryColor, classColor, css, multiColor, valueColor } from './colors';
import { SliceControls } from './SliceControls';
import { BoundaryAxes } from './classroom/BoundaryAxes';
import { useTranslation } from 'react-i18next';

const selectBoundary = (s: Store) => s.boundary;
const selectPoints = (s: Store) => s.points;
const selectShowTest = (s: Store) => s.showTestPoints;
// The problem of the run that made these points and this boundary, not the config being edited:
// between a change of data set and its new run, the old run's points are still on screen.
const selectRegression = (s: Store) => s.runConfig?.problem === 'regression';
const selectAugmented = (s: Store) => (s.showAugmented ? s.augmented : null);
const selectTable = (s: Store) => s.table;
// The neuron hovered in the network view, with the maps only while one is: otherwise every map
// update would repaint the boundary for nothing.
const selectFocus = (s: Store) => (s.focusNeuron && s.network ? { neuron: s.focusNeuron, network: s.network, run: s.runConfig } : null);

const SIZE = 320;

let scratchCanvas: OffscreenCanvas | null = null;

/**
 * Software-backed 2-D canvases: drawing a 50×50 heatmap needs no GPU, and a GPU-backed canvas
 * would wait on a GPU process that a WebGL training run keeps busy, stalling the page.
 */
const CANVAS_OPTIONS = { willReadFrequently: true } as const;

/** One small canvas reused for every frame: creating a context per frame costs more than drawing. */
function scratch(size: number): OffscreenCanvas {
  if (!scratchCanvas || scratchCanvas.width !== size) scratchCanvas = new OffscreenCanvas(size, size);
  return scratchCanvas;
}

function paintHeatmap(ctx: CanvasRenderingContext2D, b: BoundaryView, regression: boolean): void {
  const r = b.resolution;
  const img = new ImageData(r, r);
  for (let cell = 0; cell < r * r; cell++) {
    const c = regression ? valueColor(b.values[cell]) : b.channels === 1 ? binaryColor(b.values[cell]) : multiColor(b.values, cell * b.channels, b.channels);
    img.data.set([c[0], c[1], c[2], 255], cell * 4);
  }
  const off = scratch(r);
  off.getContext('2d', CANVAS_OPTIONS)!.putImageData(img, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, SIZE, SIZE);
}

let neuronImage: ImageData | null = null;

/** The focused neuron's map, upscaled and smoothed as the boundary, on the same colour scale. */
function paintNeuron(ctx: CanvasRenderingContext2D, net: NetworkMaps, offset: number, kind: MapKind): void {
  const r = net.resolution;
  if (!neuronImage || neuronImage.width !== r) neuronImage = new ImageData(r, r);
  paintMap(net.maps, offset, r, kind, neuronImage.data);
  const off = scratch(r);
  off.getContext('2d', CANVAS_OPTIONS)!.putImageData(neuronImage, 0, 0);
  ctx.imageSmoothingEnabled = true;
  ctx.drawImage(off, 0, 0, SIZE, SIZE);
}

interface FocusedMap {
  offset: number;
  kind: MapKind;
  /** e.g. 'hidden layer 1, unit 2'. */
  name: string;
}

/** The focused neuron's map, if it is among the maps sent for the run on screen. */
function focusedMap(f: ReturnType<typeof selectFocus>, table: TableView | null): FocusedMap | null {
  if (!f || !f.run) return null;
  const { neuron, network, run } = f;
  const kinds = columnKinds(run.activations, run.problem === 'regression');
  const offset = kinds.length === network.shown.length ? mapOffset(network, neuron.layer, neuron.unit) : null;
  if (offset === null) return null;
  const label = neuron.layer > 0 ? undefined : table ? table.inputNames[neuron.unit] : FEATURE_LABELS[run.features[neuron.unit]];
  return { offset, kind: kinds[neuron.layer], name: neuronName(neuron.layer, neuron.unit, kinds.length, label) };
}

const toPx = (v: number) => ((v + DOMAIN) / (2 * DOMAIN)) * SIZE;

/** This epoch's augmented training points: hollow rings in their class colour. */
function paintAugmented(ctx: CanvasRenderingContext2D, p: PointsView, aug: Float32Array, regression: boolean): void {
  let k = 0;
  ctx.lineWidth = 1.4;
  for (let i = 0; i < p.n; i++) {
    if (p.role[i] !== 0) continue;
    ctx.beginPath();
    ctx.arc(toPx(aug[2 * k]), SIZE - toPx(aug[2 * k + 1]), 3, 0, Math.PI * 2);
    ctx.strokeStyle = css(regression ? valueColor(p.y[i]) : classColor(p.y[i]));
    ctx.stroke();
    k++;
  }
}

function paintPoints(ctx: CanvasRenderingContext2D, p: PointsView, regression: boolean, showTest: boolean): void {
  for (const role of showTest ? [0, 1, 2] : [0, 1]) {
    for (let i = 0; i < p.n; i++) {
      if (p.role[i] !== role) continue;
      const x = toPx(p.x[2 * i]);
      const y = SIZE - toPx(p.x[2 * i + 1]);
      ctx.beginPath();
      ctx.arc(x, y, role === 0 ? 3.2 : 3.6, 0, Math.PI * 2);
      ctx.fillStyle = css(regression ? valueColor(p.y[i]) : classColor(p.y[i]));
      ctx.fill();
      // Training points: white rim; validation: black rim; test: dashed-looking thick grey rim.
      ctx.lineWidth = role === 2 ? 2 : 1.2;
      ctx.strokeStyle = role === 0 ? '#fff' : role === 1 ? '#111' : '#7c3aed';
      ctx.stroke();
    }
  }
}

/**
 * Paints the current boundary and points into `ref`'s canvas (SIZE × SIZE pixels; CSS may show it
 * smaller) whenever they change. Shared by the full view and the phone's compact strip. While a
 * neuron of the network view is hovered or focused, its map stands in for the boundary; the hook
 * then returns that neuron's name for a caption.
 */
export function useBoundaryPainter(ref: RefObject<HTMLCanvasElement | null>): string | null {
  const boundary = useStore(selectBoundary);
  const points = useStore(selectPoints);
  const showTest = useStore(selectShowTest);
  const regression = useStore(selectRegression);
  const augmented = useStore(selectAugmented);
  const focus = useStore(useShallow(selectFocus));
  const table = useStore(selectTable);
  const focused = focusedMap(focus, table);
  const focusOffset = focused?.offset ?? null;
  const focusKind = focused?.kind ?? null;
  const focusNet = focus?.network ?? null;

  useEffect(() => {
    const ctx = ref.current?.getContext('2d', CANVAS_OPTIONS) as CanvasRenderingContext2D | null | undefined;
    if (!ctx) return;
    ctx.clearRect(0, 0, SIZE, SIZE);
    if (focusNet && focusOffset !== null && focusKind) paintNeuron(ctx, focusNet, focusOffset, focusKind);
    else if (boundary && boundary.values.length > 0) paintHeatmap(ctx, boundary, regression);
    if (points && augmented) paintAugmented(ctx, points, augmented, regression);
    if (points) paintPoints(ctx, points, regression, showTest);
  }, [ref, boundary, points, showTest, regression, augmented, focusNet, focusOffset, focusKind]);
  return focused?.name ?? null;
}

export const BOUNDARY_SIZE = SIZE;

export function BoundaryCanvas() {
  const { t } = useTranslation('view');
  const ref = useRef<HTMLCanvasElement>(null);
  const showTest = useStore(selectShowTest);
  const regression = useStore(selectRegression);
  const table = useStore(selectTable);
  const noSlice = table !== null && table.slice === null;
  const showing = useBoundaryPainter(ref);

  return (
    <figure className="boundary">
      {table && <SliceControls table={table} />}
      <div className="boundary-frame">
        <canvas
          ref={ref}
          width={SIZE}
          height={SIZE}
          hidden={noSlice}
          data-testid="boundary"
          role="img"
          aria-label={
            showing
              ? t('boundary.mapOf', { name: showing })
              : table?.axes
                ? t(regression ? 'boundary.sliceSurface' : 'boundary.sliceBoundary', { x: table.axes.x.name, y: table.axes.y.name })
                : regression
                  ? t('boundary.surface')
                  : t('boundary.boundary')
          }
        />
        {!noSlice && <BoundaryAxes />}
        {showing && !noSlice && (
          // Over the canvas, not beside it: a caption that moved the page would move the neuron away from the pointer.
          <p className="boundary-focus" data-testid="boundary-focus">
            {t('boundary.showing', { name: showing })}
          </p>
        )}
      </div>
      {noSlice && <p className="hint">{t('boundary.noPlane')}</p>}
      <figcaption>
        <label className="check">
          <input type="checkbox" checked={showTest} onChange={(e) => useStore.getState().setShowTestPoints(e.target.checked)} />
          {t('boundary.showTest')}
        </label>
        <span className="legend">
          <span className="dot dot-train" aria-hidden="true" /> {t('boundary.training')}
          <span className="dot dot-val" aria-hidden="true" /> {t('boundary.validation')}
          {showTest && (
            <>
              <span className="dot dot-test" aria-hidden="true" /> {t('boundary.test')}
            </>
          )}
        </span>
      </figcaption>
    </figure>
  );
}
