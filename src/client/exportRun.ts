// "Take away" a run: its config (JSON or link), metrics (CSV), the loss chart and the decision
// boundary (PNG or SVG) and the trained model (tfjs files). One registry of formats serves the
// Export menu and `playground.exportRun(id, format)`.
//
// What exists for which run: the current run (`runId` in the store) has everything; a kept run
// has its config and metrics only (its chart, boundary and weights are gone once it was replaced),
// and asking for more rejects with a message that says so.
import { t } from '../i18n/i18n';
import { isImages } from '../shared/datasets';
import type { ExperimentConfig } from '../shared/config';
import type { MetricsHistory } from '../diagnosis/metricsHistory';
import type { LiveEdits } from '../store/runSlice';
import { useStore } from '../store/store';
import { client } from './trainingClient';
import { configJson, configLink } from '../export/configJson';
import { metricsCsv } from '../export/metricsCsv';
import { canvasPng, serializeSvg, svgSize, svgToPng } from '../export/chartSvg';
import { boundarySvg, heatmapPixels } from '../export/boundarySvg';
import { modelFiles } from '../export/modelFiles';
import { downloadFile } from '../export/download';

import { EXPORT_FORMATS, KEPT_FORMATS, type ExportFormat, type ExportImage } from '../export/formats';

export { EXPORT_FORMATS, KEPT_FORMATS, type ExportFormat, type ExportImage };

/** A tfjs model: model.json's text and weights.bin's bytes (the manifest names the .bin file). */
export interface TfjsExport {
  json: string;
  weights: Uint8Array;
  jsonName: string;
  weightsName: string;
}

export type ExportResult = string | Uint8Array | TfjsExport;

/** The run being exported. */
export interface ExportSource {
  id: number;
  current: boolean;
  config: ExperimentConfig;
  metrics: MetricsHistory;
  /** The config the run started with, which initial weights of it (its run index), and live edits made during it. */
  startConfig: ExperimentConfig;
  runIndex: number;
  liveEdits: LiveEdits | null;
}

type Builder = (run: ExportSource, image: ExportImage) => Promise<ExportResult>;

/**
 * A standalone PyTorch script replaying the run from its start config and initial weights, built
 * in the training worker (src/export/pytorchScript.ts). A run changed while it trained (settings
 * or weights) cannot be replayed from one config: refused with the reason.
 */
const PYTORCH: Builder | null = async (run) => {
  if (run.liveEdits) {
    const what = run.liveEdits.weightsFrom !== undefined ? t('export:weightsByHand') : t('export:settingsChanged');
    throw new Error(t('export:liveEdits', { id: run.id, what, epoch: run.liveEdits.fromEpoch }));
  }
  // The worker refuses too (exportRefusal, for the scripting API); here the page says it in its language.
  if (isImages(run.startConfig.dataset)) throw new Error(t('export:images', { id: run.id, what: t('export:items.pytorch') }));
  if (run.startConfig.batchnorm?.some(Boolean)) throw new Error(t('export:batchnorm', { id: run.id }));
  const epochs = run.metrics.last?.epoch ?? 0;
  // The page's losses, printed beside the script's, while every epoch is kept exactly.
  const reference = run.metrics.summarized === 0 ? run.metrics.toArray() : undefined;
  return client.pytorchScript(run.startConfig, run.runIndex, epochs, reference);
};

const BUILDERS: Record<ExportFormat, Builder | null> = {
  json: async (run) => configJson(run.config),
  link: async (run) => configLink(run.config, location.href),
  csv: async (run) => metricsCsv(run.metrics),
  png: (run, image) => (currentOnly(run, `a ${image === 'chart' ? 'loss chart' : 'decision boundary'} image`), image === 'chart' ? chartPng() : boundaryPng()),
  svg: async (run, image) => (currentOnly(run, `a ${image === 'chart' ? 'loss chart' : 'decision boundary'} image`), image === 'chart' ? chartSvgText() : boundarySvgText()),
  tfjs: (run) => (currentOnly(run, 'the trained model'), imagesRefused(run, t('export:items.tfjs')), tfjsFiles(run)),
  pytorch: PYTORCH,
};

export function formatAvailable(format: ExportFormat): boolean {
  return BUILDERS[format] !== null;
}


/** Image models are not the dense networks the tfjs files and the PyTorch script describe. */
function imagesRefused(run: ExportSource, what: string): void {
  if (isImages(run.config.dataset)) throw new Error(t('export:images', { id: run.id, what }));
}

function currentOnly(run: ExportSource, what: string): void {
  if (!run.current) throw new Error(t('export:keptRun', { id: run.id, what, current: useStore.getState().runId }));
}

export function findRun(id: number): ExportSource {
  const s = useStore.getState();
  if (id === s.runId) {
    const startConfig = s.runStartConfig ?? s.config;
    return { id, current: true, config: s.config, metrics: s.metrics, startConfig, runIndex: s.runIndex, liveEdits: s.liveEdits };
  }
  const kept = s.kept.find((k) => k.id === id);
  if (kept) return { id, current: false, config: kept.config, metrics: kept.metrics, startConfig: kept.config, runIndex: kept.runIndex, liveEdits: kept.liveEdits };
  const ids = [s.runId, ...s.kept.map((k) => k.id)];
  throw new Error(t('export:noRun', { id, ids: ids.join(', '), current: s.runId }));
}

export async function exportRun(id: number, format: string, image: ExportImage = 'boundary'): Promise<ExportResult> {
  if (!(EXPORT_FORMATS as readonly string[]).includes(format)) throw new Error(`unknown export format "${format}": use one of ${EXPORT_FORMATS.join(', ')}`);
  if (image !== 'boundary' && image !== 'chart') throw new Error(`unknown image "${String(image)}": use "boundary" or "chart"`);
  const build = BUILDERS[format as ExportFormat];
  if (!build) throw new Error(`export as ${format} is not available yet`);
  return build(findRun(id), image);
}

// ── Pictures (current run only; read from the page) ──

function chartElement(): SVGSVGElement {
  const svg = document.querySelector<SVGSVGElement>('[data-testid="loss-chart"] svg.recharts-surface');
  if (!svg) throw new Error(t('export:noChart'));
  return svg;
}

function chartSvgText(): string {
  return serializeSvg(chartElement());
}

async function chartPng(): Promise<Uint8Array> {
  const svg = chartElement();
  const { width, height } = svgSize(svg);
  return svgToPng(serializeSvg(svg), width, height);
}

function boundaryCanvas(): HTMLCanvasElement {
  const canvas = document.querySelector<HTMLCanvasElement>('canvas[data-testid="boundary"]');
  if (!canvas || canvas.hidden) throw new Error(t('export:noBoundary'));
  return canvas;
}

function boundaryPng(): Promise<Uint8Array> {
  return canvasPng(boundaryCanvas());
}

function boundarySvgText(): string {
  const canvas = boundaryCanvas();
  const s = useStore.getState();
  const regression = s.runConfig?.problem === 'regression';
  let heatmap: string | null = null;
  if (s.boundary && s.boundary.values.length > 0) {
    const r = s.boundary.resolution;
    const c = document.createElement('canvas');
    c.width = r;
    c.height = r;
    c.getContext('2d')!.putImageData(new ImageData(heatmapPixels(s.boundary, regression), r, r), 0, 0);
    heatmap = c.toDataURL('image/png');
  }
  return boundarySvg({ size: canvas.width, heatmap, points: s.points, regression, showTest: s.showTestPoints });
}

async function tfjsFiles(run: ExportSource): Promise<TfjsExport> {
  const net = await client.getNetwork();
  return modelFiles(net, `run-${run.id}-model`, run.config);
}

// ── Downloads (the menu) ──

const MIME: Record<ExportFormat, string> = {
  json: 'application/json',
  link: 'text/plain',
  csv: 'text/csv',
  png: 'image/png',
  svg: 'image/svg+xml',
  tfjs: 'application/json',
  pytorch: 'text/x-python',
};

export function fileName(id: number, format: ExportFormat, image: ExportImage = 'boundary'): string {
  switch (format) {
    case 'json':
      return `run-${id}-config.json`;
    case 'link':
      return `run-${id}-link.txt`;
    case 'csv':
      return `run-${id}-metrics.csv`;
    case 'png':
    case 'svg':
      return `run-${id}-${image === 'chart' ? 'loss-chart' : 'boundary'}.${format}`;
    case 'tfjs':
      return `run-${id}-model.json`;
    case 'pytorch':
      return `run-${id}-train.py`;
  }
}

/** Exports and saves as file(s): the tfjs model as its .json and .weights.bin pair. */
export async function downloadRun(id: number, format: ExportFormat, image: ExportImage = 'boundary'): Promise<void> {
  const result = await exportRun(id, format, image);
  if (typeof result === 'string' || result instanceof Uint8Array) {
    downloadFile(result, fileName(id, format, image), MIME[format]);
  } else {
    downloadFile(result.json, result.jsonName, 'application/json');
    downloadFile(result.weights, result.weightsName, 'application/octet-stream');
  }
}
