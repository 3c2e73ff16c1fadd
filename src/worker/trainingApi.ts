// The training role: owns the one Trainer of the main run, and streams metric batches to the page
// a few times a second. No tensor ever leaves this worker. All state lives in the closure of
// createTrainingApi, so a test can run the real API in-process.
import * as Comlink from 'comlink';
import * as tf from '@tensorflow/tfjs-core';
import { baselineLoss } from '../data/baseline';
import { outputKindFor, Trainer } from '../engine/trainer';
import type { ImageTrainer } from '../engine/imageTrainer';
import { BN_EPSILON, BN_MOMENTUM } from '../engine/model';
import { pytorchScript } from '../export/pytorchScript';
import { exportRefusal, runExportFor } from '../export/runExport';
import type { ExperimentConfig } from '../shared/config';
import { GRID_RESOLUTION, isImages } from '../shared/datasets';
import type { EarlyStop, EpochMetrics, EvaluationView, ImageViews, LayerStatsSample, MetricsBatch, RunEnd, TrainerState, TrainingApi } from '../shared/protocol';
import { chooseBackend, onSoftwareWebgl, pickFor } from './backends';
import { pacer } from './pacing';
import { setUploadTable, sliceOf, sliceView, type SourceData } from './dataSource';
import { prepareAny } from './prepareData';
import { benchLoop } from './benchLoops';
import { evaluationView } from './evaluation';
import { tfWorkerBase } from './tfWorkerBase';
import { breather } from './workerBase';
import { setupImages } from './imageSetup';
import { checkImagePixels } from './imageInput';

/** How often the loop downloads metrics and posts them (ms), and redraws the boundary. */
const METRICS_INTERVAL_MS = 100;
const BOUNDARY_INTERVAL_MS = 250;
/** How often a run sends the page its weights, to continue from if this worker loses its device. */
const SNAPSHOT_INTERVAL_MS = 1000;
/**
 * How often an epoch samples layer health (gradient and weight norms, the last step's update,
 * dead and saturated units): a few times a second, whatever the epoch rate, so its extra forward
 * and backward pass costs a fast run almost nothing; and on a model slow enough that one epoch
 * takes longer, at most every STATS_EVERY_EPOCHS epochs' time, as the sample (a forward pass over
 * every training row) costs up to a third of an epoch.
 */
const STATS_INTERVAL_MS = 200;
const STATS_EVERY_EPOCHS = 4;

/**
 * What the run loop needs of the model it trains, whichever it is: Trainer (2-D points and
 * tables) or ImageTrainer (image sets). Views and network edits differ and are asked of each.
 */
interface RunModel {
  readonly epoch: number;
  readonly pendingCount: number;
  readonly testSize: number;
  update(config: ExperimentConfig): 'applied' | 'needs a new run';
  trainEpochPaced(between: () => Promise<void> | null, stats?: boolean): Promise<boolean>;
  sync(): Promise<void>;
  flush(): Promise<EpochMetrics[]>;
  takeStop(): EarlyStop | null;
  takeStats(): LayerStatsSample[];
  sampleStats(again?: boolean): void;
  evaluate(split?: 'train' | 'val' | 'test'): Promise<{ loss: number; accuracy: number | null }>;
  exportState(): Promise<TrainerState>;
  importState(state: TrainerState): void;
  dispose(): void;
}

function evaluationBuffers(e: EvaluationView | undefined): ArrayBuffer[] {
  return e?.kind === 'fit' ? [e.actual.buffer as ArrayBuffer, e.predicted.buffer as ArrayBuffer] : [];
}

function imageBuffers(v: ImageViews | undefined): ArrayBuffer[] {
  return v ? [...v.misclassified.map((m) => m.pixels.buffer as ArrayBuffer), ...(v.filters ? [v.filters.data.buffer as ArrayBuffer] : [])] : [];
}

/** Refusals of what only a network of dense layers has (its weights, its maps, its PyTorch script). */
const NOT_FOR_IMAGES = (what: string) => new Error(`${what}: not available for image sets, whose models are convolutional (see the model summary and the image views instead)`);

function send(batch: MetricsBatch): MetricsBatch {
  const buffers = [batch.boundary?.values.buffer, batch.network?.maps.buffer, batch.augmented?.buffer, ...evaluationBuffers(batch.evaluation), ...imageBuffers(batch.images)].filter((b) => b !== undefined) as ArrayBuffer[];
  // The boundary and the maps share one buffer (one download): each buffer is listed once.
  return buffers.length ? Comlink.transfer(batch, [...new Set(buffers)]) : batch;
}

/** The error a run ends with when the WebGL context is lost; the page continues the run elsewhere. */
function contextLost(): Error {
  const e = new Error('the WebGL context was lost');
  e.name = 'WebGLContextLost';
  return e;
}

/** The WebGL backend's canvas, when that backend has started in this worker. */
function webglCanvas(): (EventTarget & { getContext?: unknown }) | null {
  const b = tf.findBackend('webgl') as unknown as { gpgpu?: { gl?: WebGLRenderingContext } } | null;
  return (b?.gpgpu?.gl?.canvas as unknown as EventTarget) ?? null;
}

export function createTrainingApi(): TrainingApi {
  /** The run's model: `trainer` for 2-D points and tables, `image` for image sets (one of them at a time). */
  let trainer: Trainer | null = null;
  let image: ImageTrainer | null = null;
  let classes = 2;
  /** The current run's rows; tables keep theirs for the evaluation view and slice changes. */
  let source: SourceData | null = null;
  let valRows: Int32Array = new Int32Array(0);
  let running = false;
  /** Whether the page shows the network view: only then are the neuron maps computed and sent. */
  let inspecting = false;
  /** The run's epoch budget and pace (live settings, read between epochs); 0 = none. */
  let budget = 0;
  let pace = 0;
  /** Set when the WebGL context of this worker is lost: WebGL computes nothing from then on. */
  let lost = false;
  /** Rejects when the context is lost, so a run waiting on the device does not wait forever. */
  let onLost: Promise<never> = new Promise(() => {});
  const watched = new WeakSet<EventTarget>();

  /** Listens for the loss of the WebGL context (a GPU reset, the browser reclaiming it, a test). */
  function watchContext(): void {
    const canvas = webglCanvas();
    if (!canvas || watched.has(canvas)) return;
    watched.add(canvas);
    onLost = new Promise<never>((_, reject) => {
      canvas.addEventListener('webglcontextlost', () => {
        lost = true;
        reject(contextLost());
      });
    });
    onLost.catch(() => {});
  }

  /** Whether the run's device is gone: the context was lost and WebGL is the active backend. */
  const deviceLost = () => lost && tf.getBackend() === 'webgl';
  /** Waits on `p` unless the device is lost first. */
  const orLost = <T>(p: Promise<T>): Promise<T> => (tf.getBackend() === 'webgl' ? Promise.race([p, onLost]) : p);

  /**
   * At a chosen pace, waits until the next epoch is due (`mark` + 1/pace s) and returns the new
   * mark. An epoch slower than the pace moves the mark to now: no burst to catch up. Waits in short
   * slices so a pause (or a new pace) is heard at once.
   */
  async function holdPace(mark: number): Promise<number> {
    if (pace <= 0) return performance.now();
    const due = () => mark + 1000 / pace;
    const now = performance.now();
    if (now >= due()) return now;
    while (running && pace > 0 && performance.now() < due()) {
      await new Promise((r) => setTimeout(r, Math.min(50, due() - performance.now())));
    }
    return pace > 0 ? due() : performance.now();
  }

  function need(): RunModel {
    const t = image ?? trainer;
    if (!t) throw new Error('The model is not set up yet');
    return t;
  }

  /** The network of dense layers (points and tables), for what only it has; `what` names the refused call on image sets. */
  function needNet(what: string): Trainer {
    if (image) throw NOT_FOR_IMAGES(what);
    if (!trainer) throw new Error('The model is not set up yet');
    return trainer;
  }

  function needImage(): ImageTrainer {
    if (!image) throw new Error(trainer ? 'This data set is not images: choose the handwritten digits' : 'The model is not set up yet');
    return image;
  }

  /** Reads pending epochs (and the views when asked); cuts the batch at the first non-finite loss. */
  async function collect(t: RunModel, withBoundary: boolean): Promise<MetricsBatch> {
    const epochs = await t.flush();
    const bad = epochs.findIndex((e) => !Number.isFinite(e.trainLoss) || !Number.isFinite(e.valLoss));
    const batch: MetricsBatch = { epochs: bad < 0 ? epochs : epochs.slice(0, bad), numTensors: tf.memory().numTensors };
    const stats = t.takeStats().filter((s) => bad < 0 || s.epoch < epochs[bad].epoch);
    if (stats.length) batch.layerStats = stats;
    const stop = t.takeStop();
    if (stop) batch.earlyStop = stop;
    if (bad >= 0) batch.divergedAt = epochs[bad].epoch;
    else if (withBoundary || stop) await addViews(batch);
    return batch;
  }

  /**
   * What the page draws of the current weights: for image sets the validation confusion matrix and
   * the image views; else the boundary, augmented points, evaluation, the neuron maps.
   */
  async function addViews(batch: MetricsBatch): Promise<void> {
    if (image) {
      const { evaluation, images } = await image.views();
      batch.evaluation = evaluation;
      batch.images = images;
      return;
    }
    const t = trainer!;
    const { boundary: values, network } = await t.views(inspecting);
    batch.boundary = { resolution: GRID_RESOLUTION, channels: classes > 2 ? classes : 1, values };
    if (network) batch.network = network;
    if (t.augmented) batch.augmented = t.augmented.slice();
    if (source?.encoded) batch.evaluation = evaluationView(source.encoded, valRows, await t.outputs('val'));
  }

  /**
   * After a weight edit: the new views at once. While a run trains, its own loop reads the epochs
   * (reading them here too could deliver them out of order); paused, the layer health of the
   * edited weights comes along.
   */
  async function afterEdit(t: Trainer): Promise<MetricsBatch> {
    if (running) {
      const batch: MetricsBatch = { epochs: [], numTensors: tf.memory().numTensors };
      await addViews(batch);
      return send(batch);
    }
    t.sampleStats();
    return send(await collect(t, true));
  }

  /** Sends the weights to the page, not awaited: training goes on meanwhile. */
  async function snapshotTo(t: RunModel, snapshot: (s: TrainerState) => void): Promise<void> {
    const state = await orLost(t.exportState());
    void Promise.resolve(snapshot(Comlink.transfer(state, state.weights.map((w) => w.buffer as ArrayBuffer)))).catch(() => {});
  }

  return {
    ...tfWorkerBase(),

    async init(backend, engines) {
      lost = false;
      const info = await chooseBackend(backend, engines);
      watchContext();
      return info;
    },

    async setup(config: ExperimentConfig, run: number, progress) {
      running = false;
      budget = config.epochs;
      pace = config.pace;
      trainer?.dispose();
      trainer = null;
      image?.dispose();
      image = null;
      source = null;
      const report = progress && ((p: Parameters<typeof progress>[0]) => void Promise.resolve(progress(p)).catch(() => {}));
      if (isImages(config.dataset)) {
        const set = await setupImages(config, run, report);
        watchContext();
        classes = set.view.classes;
        image = set.trainer;
        const batch = await collect(image, true);
        const points = { n: 0, x: new Float32Array(0), y: new Float32Array(0), role: new Uint8Array(0) };
        const result = { points, batch, baselineLoss: set.baselineLoss, images: set.view, ...(set.picked ? { backend: set.picked } : {}) };
        return Comlink.transfer(result, [set.view.sample.pixels.buffer as ArrayBuffer, set.view.sample.labels.buffer as ArrayBuffer, ...imageBuffers(batch.images)]);
      }
      const prepared = await prepareAny(config);
      // Not awaited: waiting on the page's answer would only slow the timing down.
      const picked = await pickFor(prepared.data, config, report);
      watchContext();
      classes = prepared.data.classes;
      source = prepared.source;
      valRows = prepared.split.val;
      trainer = new Trainer(prepared.data, config, run);
      trainer.sampleStats();
      const { points, split } = prepared;
      const role = new Uint8Array(points.n);
      split.val.forEach((i) => (role[i] = 1));
      split.test.forEach((i) => (role[i] = 2));
      const batch = await collect(trainer, true);
      const { train, val } = prepared.data;
      const baseline = baselineLoss(train.y, val.y, prepared.source.problem, prepared.data.classes, config.loss);
      const x = points.x.slice();
      const y = points.y.slice();
      const result = { points: { n: points.n, x, y, role }, batch, baselineLoss: baseline, ...(source.table ? { table: source.table } : {}), ...(picked ? { backend: picked } : {}) };
      const buffers: ArrayBuffer[] = [x.buffer, y.buffer, role.buffer, ...evaluationBuffers(batch.evaluation)];
      if (batch.boundary) buffers.push(batch.boundary.values.buffer as ArrayBuffer);
      if (batch.network) buffers.push(batch.network.maps.buffer as ArrayBuffer);
      return Comlink.transfer(result, [...new Set(buffers)]);
    },

    async setUpload(table, task) {
      setUploadTable(table, task);
    },

    async setSlice(slice) {
      const t = needNet('A slice');
      if (!source?.encoded || !source.table) throw new Error('Only tables have a slice to choose');
      const chosen = sliceOf(source.encoded, slice);
      const view = sliceView(source.encoded, chosen);
      const table = { ...source.table, slice: chosen, axes: view.axes };
      source = { ...source, grid: view.grid, plot: view.plot, table };
      t.setGrid(view.grid);
      const { boundary: values, network } = await t.views(inspecting);
      const plot = view.plot.slice();
      return Comlink.transfer(
        { plot, table, boundary: { resolution: GRID_RESOLUTION, channels: classes > 2 ? classes : 1, values }, ...(network ? { network } : {}) },
        [plot.buffer, values.buffer as ArrayBuffer],
      );
    },

    async update(config) {
      const verdict = need().update(config);
      if (verdict === 'applied') {
        budget = config.epochs;
        pace = config.pace;
      }
      return verdict;
    },

    async run(untilEpoch, sink, snapshot) {
      const t = need();
      running = true;
      let lastMetrics = performance.now();
      let lastBoundary = lastMetrics;
      let lastSnapshot = lastMetrics;
      let lastStats = lastMetrics;
      /** How long the last epoch's training took. */
      let epochMs = 0;
      let end: RunEnd = 'paused';
      // Software WebGL is paced (pacing.ts); every other backend still yields now and then within
      // an epoch, since one epoch of a wide network at batch size 1 can take seconds and the
      // page's bridge counts a worker silent for long as gone.
      const between = onSoftwareWebgl() ? pacer(t) : breather();
      // The stop epoch: the caller's and the budget's, whichever comes first; the budget is read
      // each epoch, so raising it mid-run lets the run go on.
      const stopAt = () => Math.min(untilEpoch ?? Infinity, budget > 0 ? budget : Infinity);
      // When the last epoch was due at the chosen pace (full speed: not used).
      let paceMark = performance.now();
      try {
        while (running) {
          if (deviceLost()) throw contextLost();
          if (t.epoch >= stopAt()) {
            end = 'done';
            break;
          }
          const began = performance.now();
          // The run's last epoch by its stop epoch is always sampled, so a finished run shows its end.
          const stats = began - lastStats >= Math.max(STATS_INTERVAL_MS, STATS_EVERY_EPOCHS * epochMs) || t.epoch + 1 >= stopAt();
          if (stats) lastStats = began;
          if (!(await orLost(t.trainEpochPaced(between, stats)))) return 'paused';
          const now = performance.now();
          epochMs = now - began;
          const finished = t.epoch >= stopAt();
          if (now - lastMetrics >= METRICS_INTERVAL_MS || finished) {
            const withBoundary = now - lastBoundary >= BOUNDARY_INTERVAL_MS || finished;
            const batch = await orLost(collect(t, withBoundary));
            if (deviceLost()) throw contextLost();
            lastMetrics = performance.now();
            if (withBoundary) lastBoundary = lastMetrics;
            // Awaited: the page has each batch before run() resolves, a slow page slows training
            // instead of piling up batches, and the round trip lets a queued pause() in.
            await sink(send(batch));
            if (batch.divergedAt !== undefined) {
              running = false;
              return 'diverged';
            }
            if (batch.earlyStop) {
              running = false;
              return 'stopped';
            }
            if (snapshot && lastMetrics - lastSnapshot >= SNAPSHOT_INTERVAL_MS) {
              lastSnapshot = lastMetrics;
              await snapshotTo(t, snapshot);
            }
          }
          // No wait after the run's last epoch: it is over.
          if (!finished) paceMark = await holdPace(paceMark);
        }
        // Epochs trained since the last post (a pause between posts) still reach the page, with
        // the layer health of where the run stopped.
        t.sampleStats(false);
        if (t.pendingCount === 0) return end;
        const rest = await orLost(collect(t, true));
        await sink(send(rest));
        return rest.divergedAt !== undefined ? 'diverged' : rest.earlyStop ? 'stopped' : end;
      } finally {
        running = false;
      }
    },

    async pause() {
      running = false;
    },

    async step() {
      const t = need();
      // Yields within the epoch, as run does: one epoch of a big model can take many seconds.
      await t.trainEpochPaced(onSoftwareWebgl() ? pacer(t) : breather(), true);
      return send(await collect(t, true));
    },

    async evaluateTest() {
      const t = need();
      const r = await t.evaluate('test');
      return { ...r, n: t.testSize };
    },

    async importState(state) {
      const t = need();
      t.importState(state);
      return send(await collect(t, true));
    },

    async inspect(on) {
      inspecting = on;
      // A run in progress sends the maps with its next boundary; a paused one would not. Image
      // models have no neuron maps: their feature maps are asked for by image (featureMaps).
      if (!on || !trainer || image || running) return null;
      const batch: MetricsBatch = { epochs: [], numTensors: tf.memory().numTensors };
      await addViews(batch);
      return send(batch);
    },

    async getNetwork() {
      const t = needNet('The network’s weights');
      const layers = await t.model.readLayers();
      const norms = await t.model.readBatchNorm();
      const { activations } = t.model.spec;
      return {
        layers: layers.map(({ kernel, bias }, i) => {
          const units = bias.length;
          const bn = norms[i];
          return {
            units,
            activation: i < activations.length ? activations[i] : outputKindFor(classes),
            weights: Array.from({ length: kernel.length / units }, (_, r) => Array.from(kernel.subarray(r * units, (r + 1) * units))),
            biases: Array.from(bias),
            ...(bn
              ? { batchnorm: { gamma: Array.from(bn.gamma), beta: Array.from(bn.beta), mean: Array.from(bn.mean), variance: Array.from(bn.variance), epsilon: BN_EPSILON, momentum: BN_MOMENTUM } }
              : {}),
          };
        }),
      };
    },

    async pytorchScript(config, run, epochs, reference) {
      if (isImages(config.dataset)) throw NOT_FOR_IMAGES('The PyTorch script');
      const refusal = exportRefusal(config);
      if (refusal) throw new Error(refusal);
      // Built here, beside the run: the same data, seeds and backend (Adagrad's ε is the backend's).
      return pytorchScript(await runExportFor(config, run, epochs, reference));
    },

    async setWeight(layer, from, to, value) {
      const t = needNet('Editing a weight');
      t.setWeight(layer, from, to, value);
      return afterEdit(t);
    },

    async setBias(layer, unit, value) {
      const t = needNet('Editing a bias');
      t.setBias(layer, unit, value);
      return afterEdit(t);
    },

    // Answered between training steps too: a run yields within its epochs (breather, pacer).
    async predictImage(pixels) {
      return needImage().predict(checkImagePixels(pixels));
    },

    async featureMaps(pixels) {
      const maps = await needImage().featureMaps(checkImagePixels(pixels));
      return Comlink.transfer(maps, maps.map((m) => m.data.buffer as ArrayBuffer));
    },

    benchLoop: (task, loop, ms) => benchLoop(task, loop, ms),

    async diagnosticsLoseContext() {
      const gl = (tf.findBackend('webgl') as unknown as { gpgpu?: { gl?: WebGLRenderingContext } } | null)?.gpgpu?.gl;
      const ext = tf.getBackend() === 'webgl' ? gl?.getExtension('WEBGL_lose_context') : null;
      if (!ext) return false;
      ext.loseContext();
      return true;
    },
  };
}
