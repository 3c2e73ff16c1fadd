// The run slice: what the worker reports (epochs, boundary, points, backend) and kept runs.
import type { StateCreator } from 'zustand';
import type { ExperimentConfig } from '../shared/config';
import { diagnose, type Diagnosis } from '../diagnosis/diagnose';
import { MetricsHistory } from '../diagnosis/metricsHistory';
import type { BackendInfo, BoundaryView, EarlyStop, EvaluationView, ImageSetView, ImageViews, MetricsBatch, NetworkMaps, PointsView, TableView, TestResult } from '../shared/protocol';
import type { Store } from './store';
import { isImages } from '../shared/datasets';
import { referenceFor } from './referenceSlice';
import { appendStats } from '../network/statsHistory';

export type RunStatus = 'starting' | 'ready' | 'training' | 'diverged' | 'error';

export interface KeptRun {
  id: number;
  /** A fixed summary (data set, network, optimizer, epochs); the panel and chart label a run by what differs (runLabels.ts). */
  label: string;
  /** The config the run started with (live edits during it are in `liveEdits`). */
  config: ExperimentConfig;
  /** Which reset of its config its initial weights came from. */
  runIndex: number;
  /** The run's bounded history, as it was when the run was replaced (never appended to again). */
  metrics: MetricsHistory;
  /** Its test result, when it was evaluated on the test split. */
  test: TestResult | null;
  /** Settings changed live during the run: the first epoch it happened at, and the config after the last one. */
  liveEdits: LiveEdits | null;
}

export interface LiveEdits {
  fromEpoch: number;
  config: ExperimentConfig;
  /** The first epoch a weight or bias was set by hand in the network view, if one was. */
  weightsFrom?: number;
}

/** Finished runs remembered for overlaying; up to MAX_OVERLAY can be shown at once. */
export const MAX_KEPT_RUNS = 10;
export const MAX_OVERLAY = 5;

export interface RunSlice {
  status: RunStatus;
  backend: BackendInfo | null;
  /** Which reset of this config the current weights come from (0 = as the URL gives). */
  runIndex: number;
  runId: number;
  runConfig: ExperimentConfig | null;
  /**
   * The current run's metrics: every recent epoch, older ones summarized (metricsHistory.ts), so
   * memory and the cost of each batch stay flat on runs of any length. A new reference per batch.
   */
  metrics: MetricsHistory;
  boundary: BoundaryView | null;
  points: PointsView | null;
  numTensors: number;
  divergedAt: number | null;
  earlyStop: EarlyStop | null;
  /** The latest augmented training points (2n raw coordinates), while augmentation is on. */
  augmented: Float32Array | null;
  /** Validation loss of a model that ignores the inputs: the reference for underfitting. */
  baselineLoss: number;
  /** The regime the curves show, with hysteresis across updates. */
  diagnosis: Diagnosis;
  test: TestResult | null;
  /** Tables only: what was loaded, and the latest confusion matrix or predicted-vs-actual. */
  table: TableView | null;
  evaluation: EvaluationView | null;
  /** Image sets only: what was loaded (counts, a sample), and the latest misclassified images and filters. */
  imageSet: ImageSetView | null;
  imageViews: ImageViews | null;
  kept: KeptRun[];
  overlay: number[];
  /** The config the current run started with; `runConfig` follows live edits. */
  runStartConfig: ExperimentConfig | null;
  /** Live edits made during the current run after it had trained (then "start fresh" is offered). */
  liveEdits: LiveEdits | null;
  /** Records a live edit of the current run at `epoch`, the run's config now being `config`. */
  noteLiveEdit: (epoch: number, config: ExperimentConfig) => void;
  /** Records that a weight or bias of the current run was set by hand at `epoch`. */
  noteWeightEdit: (epoch: number) => void;
  /** Overlays a kept run (the oldest overlaid one makes room when all are taken). */
  showKept: (id: number) => void;
  startRun: (config: ExperimentConfig, runIndex: number, points: PointsView, first: MetricsBatch, baselineLoss?: number, table?: TableView | null, imageSet?: ImageSetView | null) => void;
  /** A new slice of the same table: plot coordinates, axes and boundary change, the model does not. */
  setSlice: (plot: Float32Array, table: TableView, boundary: BoundaryView, network?: NetworkMaps) => void;
  appendBatch: (b: MetricsBatch) => void;
  setStatus: (s: RunStatus) => void;
  setBackend: (b: BackendInfo | null) => void;
  setTest: (t: TestResult | null) => void;
  toggleOverlay: (id: number) => void;
}

function describe(c: ExperimentConfig, epochs: number): string {
  const arch = isImages(c.dataset) ? `${c.images} images · ${c.imageLayers}` : c.layers.length ? c.layers.join('-') : 'linear';
  return `${c.dataset} · ${arch} · ${c.optimizer} lr ${c.lr} · ${epochs} ep`;
}

export const createRunSlice: StateCreator<Store, [], [], RunSlice> = (set, get) => ({
  status: 'starting',
  backend: null,
  runIndex: 0,
  runId: 0,
  runConfig: null,
  metrics: MetricsHistory.empty(),
  boundary: null,
  points: null,
  numTensors: 0,
  divergedAt: null,
  earlyStop: null,
  augmented: null,
  baselineLoss: NaN,
  diagnosis: { regime: 'too early to tell', sinceEpoch: null, evidence: '' },
  test: null,
  table: null,
  evaluation: null,
  imageSet: null,
  imageViews: null,
  kept: [],
  overlay: [],
  runStartConfig: null,
  liveEdits: null,
  startRun: (config, runIndex, points, first, baselineLoss = NaN, table = null, imageSet = null) => {
    const s = get();
    const metrics = MetricsHistory.from(first.epochs);
    let kept = s.kept;
    // The run being replaced is kept for comparison if it trained at all.
    if (s.runConfig && s.metrics.epochs > 1) {
      const last = s.metrics.last?.epoch ?? 0;
      const started = s.runStartConfig ?? s.runConfig;
      kept = [
        { id: s.runId, label: describe(started, last), config: started, runIndex: s.runIndex, metrics: s.metrics, test: s.test, liveEdits: s.liveEdits },
        ...kept,
      ].slice(0, MAX_KEPT_RUNS);
    }
    const ids = new Set(kept.map((k) => k.id));
    set({
      runIndex,
      runId: s.runId + 1,
      runConfig: config,
      runStartConfig: config,
      liveEdits: null,
      points,
      metrics,
      boundary: first.boundary ?? null,
      network: first.network ?? null,
      layerStats: appendStats([], first.layerStats ?? []),
      focusNeuron: null,
      numTensors: first.numTensors,
      divergedAt: null,
      earlyStop: null,
      augmented: null,
      baselineLoss,
      diagnosis: diagnose({ epochs: metrics, baselineLoss, reference: referenceFor(s, config) }),
      test: null,
      table,
      evaluation: first.evaluation ?? null,
      imageSet,
      imageViews: first.images ?? null,
      kept,
      overlay: s.overlay.filter((id) => ids.has(id)),
      status: 'ready',
    });
  },
  appendBatch: (b) =>
    set((s) => {
      // Amortized O(1) an epoch: the history appends in place and hands back a new reference. An
      // empty one is replaced, never written, so the shared initial state stays empty.
      const metrics = (s.metrics.epochs === 0 ? MetricsHistory.empty() : s.metrics).appended(b.epochs);
      const divergedAt = b.divergedAt ?? s.divergedAt;
      return {
        metrics,
        diagnosis: diagnose({ epochs: metrics, baselineLoss: s.baselineLoss, divergedAt, previous: s.diagnosis, reference: referenceFor(s, s.runConfig) }),
        boundary: b.boundary ?? s.boundary,
        network: b.network ?? (b.boundary && !s.networkShown ? null : s.network),
        layerStats: b.layerStats ? appendStats(s.layerStats, b.layerStats) : s.layerStats,
        numTensors: b.numTensors,
        divergedAt,
        earlyStop: b.earlyStop ?? s.earlyStop,
        augmented: b.boundary ? (b.augmented ?? null) : s.augmented,
        evaluation: b.evaluation ?? s.evaluation,
        imageViews: b.images ?? s.imageViews,
      };
    }),
  setSlice: (plot, table, boundary, network) => set((s) => ({ table, boundary, network: network ?? null, points: s.points ? { ...s.points, x: plot } : s.points })),
  setStatus: (status) => set({ status }),
  setBackend: (backend) => set({ backend }),
  setTest: (test) => set({ test }),
  noteLiveEdit: (epoch, config) => set((s) => ({ liveEdits: { ...s.liveEdits, fromEpoch: s.liveEdits?.fromEpoch ?? epoch, config } })),
  noteWeightEdit: (epoch) =>
    set((s) => {
      const config = s.liveEdits?.config ?? s.runConfig;
      if (!config) return {};
      return { liveEdits: { fromEpoch: s.liveEdits?.fromEpoch ?? epoch, config, weightsFrom: s.liveEdits?.weightsFrom ?? epoch } };
    }),
  showKept: (id) =>
    set((s) => {
      if (s.overlay.includes(id) || !s.kept.some((k) => k.id === id)) return {};
      return { overlay: [...s.overlay, id].slice(-MAX_OVERLAY) };
    }),
  toggleOverlay: (id) =>
    set((s) => {
      if (s.overlay.includes(id)) return { overlay: s.overlay.filter((x) => x !== id) };
      if (s.overlay.length >= MAX_OVERLAY) return {};
      return { overlay: [...s.overlay, id] };
    }),
});
