// `window.playground`: the scripting API for teachers' demos and tests. It drives the same
// client and store as the controls do.
import { t } from '../i18n/i18n';
import type { ExperimentConfig } from '../shared/config';
import type { Diagnosis } from '../diagnosis/diagnose';
import { bestTrial, cancelSearch, poolMemory, runSearch } from './searchRunner';
import type { SearchOutcome, SearchSpec } from '../search/types';
import type { NetworkWeights, TrainingApi } from '../shared/protocol';
import { statsSeries, type LayerStatsSeries } from '../network/statsHistory';
import { errorText } from '../shared/errorText';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';
import type { MetricsHistory } from '../diagnosis/metricsHistory';
import type { TestResult } from '../shared/protocol';
import { useStore } from '../store/store';
import { loadCsv, loadDataset } from './dataLoading';
import { breakPanel } from '../components/faults';
import type { TrainingClient } from './trainingClient';
import type { ExportImage } from '../export/formats';
import type { ExportResult } from './exportRun';
import type { SavedRun } from '../storage/records';
import type { SearchExportFormat } from './exportSearch';
import { lessonsLoaded, loadLessons } from '../lessons/load';
import { startRace, timeOneRun, type RaceOptions } from './raceClient';
import { epochsToTarget } from '../components/raceLogic';
import type { OptimizerKey } from '../shared/config';
import { isImages } from '../shared/datasets';
import { DIGIT_PIXELS } from '../data/digits';

/** The lessons module, once loaded (it loads beside the page; `lessons.ready()` waits for it). */
function lessonsNow() {
  const m = lessonsLoaded();
  if (!m) throw new Error('The lessons are still loading: await playground.lessons.ready() first');
  return m;
}

/**
 * The current run's metrics as plain arrays. While the run is shorter than RECENT (2,000) epochs
 * there is one entry per epoch from 0, as always. In longer runs the page keeps only the latest
 * 2,000–2,500 epochs exactly and summarizes older ones in buckets (metricsHistory.ts): the first
 * `summarized` entries then each stand for the epochs `firstEpoch[i]`..`epoch[i]`, with that last
 * epoch's values and the bucket's minimum and maximum losses; every later entry is one epoch.
 */
export interface PlaygroundMetrics {
  epoch: number[];
  trainLoss: number[];
  valLoss: number[];
  trainAcc: (number | null)[];
  valAcc: (number | null)[];
  /** First epoch each entry stands for (equal to `epoch` for a single epoch). */
  firstEpoch: number[];
  /** Lowest and highest loss over each entry's epochs (NaN where none was finite). */
  trainLossMin: number[];
  trainLossMax: number[];
  valLossMin: number[];
  valLossMax: number[];
  /** How many leading entries are bucket summaries (0 while every epoch is kept). */
  summarized: number;
}

export interface PlaygroundApi {
  getConfig(): ExperimentConfig;
  setConfig(partial: Partial<ExperimentConfig>): Promise<ExperimentConfig>;
  train(epochs: number): Promise<PlaygroundMetrics>;
  pause(): Promise<void>;
  reset(): Promise<void>;
  /** A fresh run from the same initial weights as the run on screen, with the settings now in use (the "Start fresh with this setting" button); the run it replaces is kept to compare. Does not train. */
  startFresh(): Promise<void>;
  getMetrics(): PlaygroundMetrics;
  /** The live verdict: regime (underfitting, overfitting, good fit, diverged, too early to tell), since when, and why. */
  getDiagnosis(): Diagnosis;
  /** Runs a hyperparameter search on the current config; see the README for the spec. */
  search(spec: Partial<SearchSpec> & Pick<SearchSpec, 'space'>): Promise<SearchOutcome>;
  /** Stops a running search promptly; its finished trials are kept. */
  cancelSearch(): Promise<void>;
  /** The last search: 'json' (spec + trials), 'csv' (the trials table) or 'optuna' (a PyTorch + Optuna script of it). */
  exportSearch(format: SearchExportFormat): Promise<string>;
  evaluateTest(): Promise<TestResult>;
  /** The learning-rate range test on a copy of the current setup (the run is not touched), shown in the Learning rate lab panel; `suggested` is null when the loss never fell. */
  findLearningRate(): Promise<{ lrs: number[]; losses: number[]; suggested: number | null }>;
  /**
   * The current model's weights: `layers[L - 1]` is layer L of the network view (1 = the first
   * hidden layer, the output last), weights[i][j] from unit i of the column before to unit j.
   */
  getNetwork(): Promise<NetworkWeights>;
  /** Sets one weight of the running model (paused or training; no new run): into `layer` (1-based, as getNetwork), from unit `from` to unit `to`. */
  setWeight(layer: number, from: number, to: number, value: number): Promise<void>;
  /** Sets the bias of unit `unit` of `layer` (1-based, as getNetwork). */
  setBias(layer: number, unit: number, value: number): Promise<void>;
  /** Layer health over the current run's sampled epochs: per weight layer, gradient and weight norms, update ratios, dead and saturated units. */
  getLayerStats(): LayerStatsSeries;
  memory(): Promise<{ numTensors: number; numBytes: number }>;
  /**
   * Takes a run away as a file's contents. `id`: the current run's `runId` or a kept run's id.
   * `format`: 'json' (config, as setConfig accepts), 'link' (the page's URL with the config hash),
   * 'csv' (metrics), 'png' / 'svg' (the decision boundary, or the loss chart with image 'chart'),
   * 'tfjs' (`{ json, weights, jsonName, weightsName }`: model.json text and weights.bin bytes) or
   * 'pytorch'. Text formats resolve to a string, png to PNG bytes (Uint8Array). A kept run has
   * json, link and csv only; anything else rejects with a message that says so.
   */
  exportRun(id: number, format: string, image?: ExportImage): Promise<ExportResult>;
  /**
   * The optimizer race on the current setup (shown in its panel): `optimizers` default to all five,
   * `lrs` to the usual rate of each (the config's own optimizer at the config's rate). Each result's
   * losses run from epoch 0 (the shared initial weights); `epochsToTarget` is the first epoch
   * whose training loss is ≤ `target` (null: never, or no target). `batched` false: they trained
   * one after another, `alone` says why.
   */
  raceOptimizers(options: RaceOptions & { epochs: number }): Promise<{
    results: { optimizer: OptimizerKey; lr: number; trainLoss: number[]; valLoss: number[]; epochsToTarget: number | null; wallMs: number }[];
    batched: boolean;
    alone: string | null;
    cancelled: boolean;
  }>;
  /** Switches to a built-in data set (2-D or table) by its key, e.g. 'penguins'. */
  loadDataset(name: string): Promise<void>;
  /**
   * Image sets: the current model's prediction for one 28 × 28 image given as 784 values 0–1,
   * row by row (e.g. a drawing prepared as the draw pad does). Rejects on a set of points or a
   * table, or pixels of the wrong length or range.
   */
  predictImage(pixels: number[]): Promise<{ label: number; probs: number[] }>;
  /** Image sets: each conv layer's feature maps for one image (784 values 0–1): `{ layer, shape: [h, w, channels], data }`, channels last. */
  getFeatureMaps(pixels: number[]): Promise<{ layer: number; shape: [number, number, number]; data: number[] }[]>;
  /** Trains on CSV text: `target` names the column to predict. Rejects with the message the page shows. */
  loadCsv(text: string, options: { target: string; problem: 'classification' | 'regression'; name?: string }): Promise<void>;
  /** Measurements for `npm run bench`; not needed to use the playground. */
  diagnostics: {
    /** Epochs/s of our training loop or a bare tfjs loop on a fixed task, in a fresh worker on `backend` ('cnn': training images/s of the small CNN on 2,000 digits). */
    benchLoop(task: 'default' | 'large' | 'cnn', loop: 'ours' | 'bare', ms: number, backend: 'webgl' | 'wasm' | 'cpu'): Promise<number>;
    /** Tensors held by each search pool worker. */
    poolMemory(): Promise<{ numTensors: number; numBytes: number }[]>;
    /** Fault injection: the named panel (e.g. 'Decision boundary') throws on its next render, as a bug in it would. */
    breakPanel(name: string): void;
    /**
     * Fault injection: the training worker loses its WebGL context, as after a GPU reset; a run
     * then goes on in a new worker. Resolves false when the main run is not on WebGL.
     */
    loseWebglContext(): Promise<boolean>;
    /** Ms for one run of the current config to train `epochs` epochs in the lab worker (the race's ÷ one run). */
    timeOneRun(epochs: number): Promise<number>;
  };
  /** Resolves once the worker has started and every queued action has finished. */
  ready(): Promise<void>;
  /** Saved runs (kept in this browser): every record, newest first; `open(id)` restores a run's settings as a fresh run. */
  runs: {
    list(): Promise<SavedRun[]>;
    open(id: number): Promise<ExperimentConfig>;
  };
  /** The course: lessons then exercises, their checks computed from the live run. */
  lessons: {
    /** Every lesson and exercise in course order, the title in the page's language. */
    list(): { id: string; title: string; concepts: number[] }[];
    /** Opens a lesson and sets up the page for it (a fresh model on its config, the backend kept; no training). */
    open(id: string): Promise<void>;
    /** The lesson's checks now, in order; sticky ones stay met until the lesson is set up again. */
    status(id: string): { checks: { text: string; passed: boolean }[] };
    /** Resolves once the lessons have loaded (list and status need them). */
    ready(): Promise<void>;
  };
}

/** A script's image: 784 finite values 0–1 on an image set, else a refusal that says what is wrong. */
function imagePixels(pixels: unknown): Float32Array {
  if (!isImages(useStore.getState().config.dataset)) throw new Error(t('images:api.notImages'));
  if (!Array.isArray(pixels) && !ArrayBuffer.isView(pixels)) throw new Error(t('images:api.pixels', { n: DIGIT_PIXELS }));
  const values = Array.from(pixels as ArrayLike<unknown>);
  if (values.length !== DIGIT_PIXELS || !values.every((v) => typeof v === 'number' && v >= 0 && v <= 1)) throw new Error(t('images:api.pixels', { n: DIGIT_PIXELS }));
  return Float32Array.from(values as number[]);
}

function columns(h: MetricsHistory): PlaygroundMetrics {
  const rows = h.rows();
  return {
    epoch: rows.map((r) => r.end.epoch),
    trainLoss: rows.map((r) => r.end.trainLoss),
    valLoss: rows.map((r) => r.end.valLoss),
    trainAcc: rows.map((r) => r.end.trainAcc),
    valAcc: rows.map((r) => r.end.valAcc),
    firstEpoch: rows.map((r) => r.first),
    // A single epoch's "extremes" are its own values, non-finite ones included.
    trainLossMin: rows.map((r) => (r.count === 1 ? r.end.trainLoss : r.min.trainLoss)),
    trainLossMax: rows.map((r) => (r.count === 1 ? r.end.trainLoss : r.max.trainLoss)),
    valLossMin: rows.map((r) => (r.count === 1 ? r.end.valLoss : r.min.valLoss)),
    valLossMax: rows.map((r) => (r.count === 1 ? r.end.valLoss : r.max.valLoss)),
    summarized: h.summarized,
  };
}

export function createPlaygroundApi(client: TrainingClient): PlaygroundApi {
  // The lessons load beside the page (a link may open one).
  loadLessons().catch(() => {});
  return {
    getConfig: () => structuredClone(client.config()),
    async setConfig(partial) {
      try {
        await client.changeConfig(partial);
      } catch (e) {
        useStore.getState().say('script', 'error', t('messages:setConfig', { error: errorText(e) }));
        throw e;
      }
      return structuredClone(client.config());
    },
    async train(epochs) {
      // Read the store's history once trainEpochs has seen every epoch reach the page.
      await client.trainEpochs(epochs);
      return columns(useStore.getState().metrics);
    },
    pause: () => client.pause(),
    reset: () => client.reset(),
    startFresh: () => client.startFresh(),
    getMetrics: () => columns(useStore.getState().metrics),
    getDiagnosis: () => ({ ...useStore.getState().diagnosis }),
    async search(partial) {
      const spec: SearchSpec = { strategy: 'grid', budget: 10, folds: 1, epochs: 50, seed: 1, objective: 'loss', ...partial };
      const trials = await runSearch(spec);
      // Loaded on first use: the forest and the front stay out of the page's first bundle.
      const { searchOutcome } = await import('./searchOutcome');
      return { trials, best: bestTrial(trials, spec.objective), ...(await searchOutcome(spec, trials)) };
    },
    cancelSearch: () => cancelSearch(),
    // Loaded on first use: the script generator and the data sources stay out of the first load.
    exportSearch: async (format) => (await import('./exportSearch')).exportSearch(format),
    evaluateTest: () => client.evaluateTest(),
    async findLearningRate() {
      const { lrs, losses, suggested } = await (await import('./lrLabClient')).findLearningRate();
      return { lrs, losses, suggested };
    },
    getNetwork: () => client.getNetwork(),
    setWeight: (layer, from, to, value) => client.setWeight(layer, from, to, value),
    setBias: (layer, unit, value) => client.setBias(layer, unit, value),
    getLayerStats: () => statsSeries(useStore.getState().layerStats),
    memory: () => client.memory(),
    // Loaded on first use, as the page does: the builders and the storage stay out of the first bundle.
    exportRun: async (id, format, image) => (await import('./exportRun')).exportRun(id, format, image),
    ready: () => client.settled(),
    runs: {
      list: async () => (await import('./runStore')).listRuns(),
      open: async (id) => (await import('./runStore')).openRun(client, id),
    },
    lessons: {
      list: () => lessonsNow().listLessons(),
      open: async (id) => (await loadLessons()).setupLesson(id),
      status: (id) => lessonsNow().lessonStatus(id),
      ready: async () => {
        await loadLessons();
      },
    },
    diagnostics: {
      async benchLoop(task, loop, ms, backend) {
        // A fresh worker per measurement. Its loops run for `ms` without yielding (yields would
        // be measured too), so silence is not taken for death here.
        const bench = new WorkerBridge<TrainingApi>({ role: 'bench', start: () => startWorker('training', 'bench'), silenceMs: Infinity });
        try {
          await bench.call((api) => api.init(backend));
          return await bench.call((api) => api.benchLoop(task, loop, ms));
        } finally {
          bench.terminate();
        }
      },
      poolMemory: () => poolMemory(),
      breakPanel: (name) => breakPanel(name),
      loseWebglContext: () => client.loseWebglContext(),
      timeOneRun: (epochs) => timeOneRun(epochs),
    },
    async raceOptimizers(options) {
      const r = await startRace(options);
      const target = options.target !== undefined ? options.target : useStore.getState().race.target;
      return {
        results: r.entries.map((e) => ({ ...e, epochsToTarget: epochsToTarget(e.trainLoss, target) })),
        batched: r.batched,
        alone: r.alone,
        cancelled: r.cancelled,
      };
    },
    loadDataset: (name) => loadDataset(name),
    predictImage: async (pixels) => client.predictImage(imagePixels(pixels)),
    getFeatureMaps: async (pixels) => (await client.featureMaps(imagePixels(pixels))).map((m) => ({ layer: m.layer, shape: m.shape, data: Array.from(m.data) })),
    loadCsv: (text, options) => loadCsv(text, options),
  };
}

declare global {
  interface Window {
    playground: PlaygroundApi;
  }
}
