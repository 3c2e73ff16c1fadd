// The one place that talks to the training worker. Controls and scripts call these actions;
// results become store updates. Operations run one at a time, in the order they were asked.
import { t } from '../i18n/i18n';
import type { Remote } from 'comlink';
import { howToApply } from '../engine/liveSettings';
import type { ExperimentConfig } from '../shared/config';
import type { EpochMetrics, FeatureMap, MetricsBatch, NetworkWeights, RunEnd, TableView, TestResult, TimingProgress, TrainerState, TrainingApi } from '../shared/protocol';
import { useStore } from '../store/store';
import { ensureUpload } from './uploads';
import { errorText } from '../shared/errorText';
import { SLOW_CALL_MS, WorkerBridge } from './workerBridge';
import { startWorker } from './workers';

/**
 * Why a call failed when its worker was replaced on purpose (a backend chosen while the worker
 * was still starting or timing): not an error to show.
 */
class Superseded extends Error {
  constructor() {
    super('the training worker was replaced by one on the backend just chosen');
  }
}

/** Whether a run ended because the worker's WebGL context was lost (see TrainingApi.run). */
const isContextLoss = (e: unknown) => e instanceof Error && e.name === 'WebGLContextLost';

export class TrainingClient {
  /**
   * The training worker. Started only by restartWorker and continueElsewhere (every other call
   * needs the model they set up, so it fails at once when no worker runs); never ended for being
   * idle, as it holds the run.
   * A crash or silent death while nothing was pending is shown at once.
   */
  private readonly bridge = new WorkerBridge<TrainingApi>({
    role: 'training',
    start: () => startWorker('training'),
    onGone: (e) => this.fail(e),
  });
  private chain: Promise<unknown> = Promise.resolve();
  private running: Promise<RunEnd> | null = null;
  /** Numbers the setups, so progress from an earlier one (or a replaced worker) is ignored. */
  private setups = 0;
  /**
   * The current run's latest weights (sent by the worker about once a second while it trains),
   * to continue from on a fresh worker if the WebGL context is lost. Kept here, not in the store:
   * nothing on the page shows them.
   */
  private lastState: TrainerState | null = null;
  /** After such a continuation: epochs up to this one are already shown, so their re-run is not appended again. */
  private shownThrough: number | null = null;

  private get store() {
    return useStore.getState();
  }

  config(): ExperimentConfig {
    return this.store.config;
  }

  /** Runs `fn` after every earlier operation; a failure is shown and does not block later ones. */
  private enqueue<T>(fn: () => Promise<T>): Promise<T> {
    const next = this.chain.then(fn);
    this.chain = next.catch(() => {});
    return next.catch((e) => {
      if (!(e instanceof Superseded)) this.fail(e);
      throw e;
    });
  }

  /**
   * As enqueue, for operations that start a worker or set up a model: when a backend chosen
   * meanwhile replaces the worker, they just end, since the restart queued after them redoes
   * their work on the latest config.
   */
  private enqueueSetup(fn: () => Promise<void>): Promise<void> {
    return this.enqueue(fn).catch((e) => {
      if (!(e instanceof Superseded)) throw e;
    });
  }

  private fail(e: unknown): void {
    this.store.setTiming(null);
    this.store.setStatus('error');
    this.store.say('worker', 'error', t('messages:trainingError', { error: errorText(e) }));
  }

  /** Starts a worker on the configured backend and sets up the model (run 0). */
  start(): Promise<void> {
    return this.enqueueSetup(() => this.restartWorker(0));
  }

  /**
   * Ends the current worker now, while it is still starting or timing backends, instead of
   * queueing the restart behind it: its pending calls fail with Superseded (nothing is shown),
   * and its crash listener and progress are ignored from here on.
   */
  private supersede(): void {
    this.setups++;
    this.running = null;
    this.bridge.restart(new Superseded());
    this.store.setTiming(null);
  }

  private async restartWorker(runIndex: number): Promise<void> {
    this.running = null;
    this.bridge.restart();
    this.store.setStatus('starting');
    this.store.setBackend(null);
    const info = await this.callSlow((api) => api.init(this.config().backend), true);
    this.store.setBackend(info);
    await this.call((api) => api.inspect(this.store.networkShown));
    if (info.note && info.requested !== 'auto') this.store.say('backend', 'warning', t('messages:backendNote', { backend: info.active, note: info.note }));
    else this.store.clear('backend');
    await this.setup(runIndex);
  }

  private async setup(runIndex: number): Promise<void> {
    await this.stopRun();
    this.lastState = null;
    this.shownThrough = null;
    const config = this.config();
    if (config.dataset === 'upload') await this.call((api) => ensureUpload(api));
    const id = ++this.setups;
    // With auto, the worker reports how timing the model on each backend goes (it can take a
    // couple of seconds on a large model); the page shows it beside Train.
    const progress =
      config.backend === 'auto'
        ? this.bridge.proxy((p: TimingProgress) => {
            if (this.setups === id) this.store.setTiming(p.current ? p : null);
          })
        : undefined;
    let result;
    try {
      result = await this.callSlow((api) => api.setup(config, runIndex, progress));
    } finally {
      if (this.setups === id) {
        this.setups++;
        this.store.setTiming(null);
      }
    }
    this.store.clear('worker');
    this.store.clear('diverged');
    this.store.clear('early-stop');
    this.store.clear('budget');
    if (result.backend) this.store.setBackend(result.backend);
    this.store.startRun(config, runIndex, result.points, result.batch, result.baselineLoss, result.table ?? null, result.images ?? null);
    if (result.table) this.adoptDrawnSlice(result.table);
  }

  /**
   * A link may name slice columns the table does not have (e.g. iris with slice=5,9): the worker
   * then draws the first two. The config (and so the address bar) takes the slice actually drawn,
   * and the notice says so, so the link never claims what the view does not show.
   */
  private adoptDrawnSlice(table: TableView): void {
    const { slice: drawn, name, numericInputs } = table;
    const numeric = numericInputs.length;
    const config = this.config();
    if (!drawn || (drawn[0] === config.slice[0] && drawn[1] === config.slice[1])) return;
    this.store.applyConfig({ slice: [...drawn] });
    const run = this.store.runConfig;
    if (run) useStore.setState({ runConfig: { ...run, slice: [...drawn] } });
    this.store.say('hash', 'warning', t('messages:slice', { slice: config.slice.join(','), name, n: numeric, last: numeric - 1, shown: drawn.join(',') }));
  }

  /**
   * Calls the worker. Only restartWorker may `start` one; any other call fails at once when no
   * worker runs, and every call fails (within seconds) when the worker crashes or goes silent.
   */
  private call<T>(fn: (api: Remote<TrainingApi>) => Promise<T>, start = false): Promise<T> {
    return this.bridge.call(fn, { ifRunning: !start });
  }

  /** As call, for a model's setup (or a backend's start): one long stretch on a big model, so it may stay silent longer. */
  private callSlow<T>(fn: (api: Remote<TrainingApi>) => Promise<T>, start = false): Promise<T> {
    return this.bridge.call(fn, { ifRunning: !start, silenceMs: SLOW_CALL_MS });
  }

  private async stopRun(): Promise<void> {
    if (!this.running) return;
    await this.call((api) => api.pause()).catch(() => {});
    await this.running.catch(() => {});
    this.running = null;
  }

  private receive = (batch: MetricsBatch): void => {
    const s = this.store;
    const shown = this.shownThrough;
    if (shown !== null) {
      const epochs = batch.epochs.filter((e) => e.epoch > shown);
      if (epochs.length) this.shownThrough = null;
      batch = { ...batch, epochs };
    }
    s.appendBatch(batch);
    if (batch.earlyStop) {
      const { bestEpoch, stopEpoch, restored } = batch.earlyStop;
      s.say(
        'early-stop',
        'info',
        t(restored ? 'messages:earlyStopRestored' : 'messages:earlyStop', { n: stopEpoch - bestEpoch, best: bestEpoch, stop: stopEpoch }),
      );
    }
    if (batch.divergedAt !== undefined) {
      s.say(
        'diverged',
        'error',
        t('messages:diverged', { epoch: batch.divergedAt, lr: this.config().lr }),
      );
    }
  };

  /**
   * Sets a partial config through the store's one action (which validates it and throws on bad
   * input, nothing changed then) and applies it as the live rule (engine/liveSettings.ts) says:
   * to the running model, by a new model, a new worker, or a new view of the table.
   */
  changeConfig(patch: unknown, options: { fresh?: boolean } = {}): Promise<void> {
    const { config: next, changed: keys } = this.store.applyConfig(patch);
    if (options.fresh) return this.fresh(keys);
    const how = howToApply(keys);
    if (how === 'nothing') return Promise.resolve();
    if (how === 'new worker' || this.store.status === 'error') {
      // A backend chosen while the worker still starts or times the model takes effect at once:
      // not waiting for the timing is the point of choosing one then.
      if (how === 'new worker' && (this.store.status === 'starting' || this.store.timing)) this.supersede();
      return this.enqueueSetup(() => this.restartWorker(0));
    }
    if (how === 'view') {
      // Only the view changes: the model and its training go on.
      if (!this.store.table) return Promise.resolve();
      return this.enqueue(async () => {
        const r = await this.callSlow((api) => api.setSlice(next.slice));
        this.store.setSlice(r.plot, r.table, r.boundary, r.network);
      });
    }
    if (how === 'live') {
      return this.enqueue(async () => {
        // The trainer answers by the same rule; should it ever disagree, a new run is the safe side.
        if ((await this.call((api) => api.update(next))) === 'needs a new run') return this.setup(0);
        const run = this.store.runConfig;
        if (run) {
          const now = { ...run, ...Object.fromEntries(keys.map((k) => [k, next[k]])) };
          const epoch = this.store.metrics.last?.epoch ?? 0;
          // Before the run's first epoch a change is part of what the run starts with (its saved
          // config, its export, a lesson's record of it), not a live edit.
          useStore.setState(epoch === 0 ? { runConfig: now, runStartConfig: now } : { runConfig: now });
          // A change to a run that has trained: the page offers to start fresh with it. The
          // budget and pace only steer the run, they do not change what it learns.
          if (epoch > 0 && keys.some((k) => k !== 'epochs' && k !== 'pace')) this.store.noteLiveEdit(epoch, now);
        }
      });
    }
    return this.enqueueSetup(() => this.setup(0));
  }

  /**
   * A fresh run on the current config from the same initial weights as the run on screen (its run
   * index), whatever the change (`keys`) and even when it could apply live: before and after then
   * differ only in the setting. The run it replaces is kept and overlaid on the chart.
   */
  private fresh(keys: (keyof ExperimentConfig)[]): Promise<void> {
    const how = howToApply(keys);
    if (how === 'new worker' && (this.store.status === 'starting' || this.store.timing)) this.supersede();
    return this.enqueueSetup(async () => {
      const runIndex = this.store.runIndex;
      const before = this.store.runId;
      if (how === 'new worker' || this.store.status === 'error' || !this.bridge.running) await this.restartWorker(runIndex);
      else await this.setup(runIndex);
      if (this.store.kept[0]?.id === before) this.store.showKept(before);
    });
  }

  /** After live edits: a fresh run with the settings now in use (see `fresh`). */
  startFresh(): Promise<void> {
    return this.fresh([]);
  }

  /** The epoch budget is set and the run has reached it. */
  private budgetReached(): boolean {
    const budget = this.config().epochs;
    return budget > 0 && (this.store.metrics.last?.epoch ?? 0) >= budget;
  }

  private sayBudget(): void {
    this.store.say('budget', 'info', t('messages:budget', { epochs: this.config().epochs }));
  }

  /** Starts training; resolves when it stops (pause, divergence, the epoch budget or `untilEpoch`). */
  train(untilEpoch: number | null = null): Promise<RunEnd> {
    const started = this.enqueue(async () => {
      await this.stopRun();
      const s = this.store;
      if (s.status !== 'ready') return { run: Promise.resolve<RunEnd>(s.status === 'diverged' ? 'diverged' : 'paused') };
      if (this.budgetReached()) {
        this.sayBudget();
        return { run: Promise.resolve<RunEnd>('done') };
      }
      s.clear('budget');
      s.setStatus('training');
      const run = this.call((api) => api.run(untilEpoch, this.bridge.proxy(this.receive), this.bridge.proxy(this.keepState)));
      this.running = run;
      const ended = run.then(
        (end) => {
          if (this.running === run) this.running = null;
          if (this.store.status === 'training') this.store.setStatus(end === 'diverged' ? 'diverged' : 'ready');
          if (end === 'done' && this.budgetReached()) this.sayBudget();
          return end;
        },
        (e) => {
          // A worker replaced on purpose (Reset after an error, a new backend) ends its run quietly.
          if (this.running !== run) throw e;
          if (isContextLoss(e) && this.lastState) return this.continueElsewhere(this.lastState, untilEpoch);
          this.fail(e);
          throw e;
        },
      );
      // Wrapped so the queue moves on at once and Pause can reach the worker while it trains.
      return { run: ended };
    });
    return started.then(({ run }) => run);
  }

  private keepState = (state: TrainerState): void => {
    this.lastState = state;
  };

  /**
   * The worker's WebGL context was lost (a GPU reset, the browser reclaiming it): the run goes on
   * from its last weights snapshot on a fresh worker, on WebGL again if a new context can be had,
   * else the next backend that starts. The same data and seeds are set up again; the optimizer's
   * state is lost, and epochs after the snapshot are trained again (not shown twice).
   */
  private continueElsewhere(state: TrainerState, untilEpoch: number | null): Promise<RunEnd> {
    this.running = null;
    const lostAt = this.store.metrics.last?.epoch ?? state.epoch;
    const resumed = this.enqueue(async () => {
      const config = this.config();
      const runIndex = this.store.runIndex;
      this.bridge.restart();
      this.store.setStatus('starting');
      // Said at once: starting a backend and setting the model up again can take many seconds.
      this.store.say('worker', 'warning', t('messages:contextLostRestarting', { epoch: lostAt, from: state.epoch }));
      const info = await this.callSlow((api) => api.init(config.backend), true);
      this.store.setBackend(info);
      await this.call((api) => api.inspect(this.store.networkShown));
      if (config.dataset === 'upload') await this.call((api) => ensureUpload(api));
      const result = await this.callSlow((api) => api.setup(config, runIndex));
      if (result.backend) this.store.setBackend(result.backend);
      this.shownThrough = lostAt;
      this.receive(await this.callSlow((api) => api.importState(state)));
      this.lastState = state;
      this.store.setStatus('ready');
      this.store.say(
        'worker',
        'warning',
        t('messages:contextLost', { epoch: lostAt, backend: (result.backend ?? info).active, from: state.epoch }),
      );
    });
    return resumed.then(() => this.train(untilEpoch));
  }

  /**
   * Shows or hides the network view: the worker computes the neuron maps only while it is shown.
   * Sent at once (not queued behind a run); a worker started later hears it in restartWorker.
   */
  setNetworkView(on: boolean): void {
    this.store.setNetworkShown(on);
    if (!this.bridge.running) return;
    this.call((api) => api.inspect(on))
      .then((batch) => {
        if (batch && this.store.networkShown) this.store.appendBatch(batch);
      })
      .catch(() => {});
  }

  /** A PyTorch script replaying a run (see TrainingApi.pytorchScript); built in the training worker beside the run. */
  pytorchScript(config: ExperimentConfig, run: number, epochs: number, reference?: EpochMetrics[]): Promise<string> {
    return this.bridge.call((api) => api.pytorchScript(config, run, epochs, reference), { ifRunning: true, silenceMs: SLOW_CALL_MS });
  }

  /** The whole model's weights (the scripting API's getNetwork). */
  getNetwork(): Promise<NetworkWeights> {
    return this.enqueue(() => this.call((api) => api.getNetwork()));
  }

  /**
   * Sets one weight of the running model, paused or training, without starting a new run
   * (layer 1 = into the first hidden layer, the output last). Not queued behind a run: the
   * worker applies it between two steps, and the page gets the new boundary at once.
   */
  setWeight(layer: number, from: number, to: number, value: number): Promise<void> {
    return this.edit((api) => api.setWeight(layer, from, to, value));
  }

  /** As setWeight, for a unit's bias. */
  setBias(layer: number, unit: number, value: number): Promise<void> {
    return this.edit((api) => api.setBias(layer, unit, value));
  }

  /**
   * Image sets: the current model's prediction for one image (784 values 0–1). Not queued behind a
   * run: the worker answers between two steps, so a drawing is predicted live while it trains.
   */
  async predictImage(pixels: Float32Array): Promise<{ label: number; probs: number[] }> {
    if (!this.running) await this.settled();
    return this.call((api) => api.predictImage(pixels));
  }

  /** Image sets: each conv layer's feature maps for one image (784 values 0–1); not queued behind a run. */
  async featureMaps(pixels: Float32Array): Promise<FeatureMap[]> {
    if (!this.running) await this.settled();
    return this.call((api) => api.featureMaps(pixels));
  }

  private async edit(fn: (api: Remote<TrainingApi>) => Promise<MetricsBatch>): Promise<void> {
    // Waits for a setup under way (the edit needs its model), but not for a run, which never ends by itself.
    if (!this.running) await this.settled();
    const batch = await this.call(fn);
    this.store.appendBatch(batch);
    this.store.noteWeightEdit(this.store.metrics.last?.epoch ?? 0);
  }

  /** Fault injection for tests: loses the training worker's WebGL context; false when it is not on WebGL. */
  loseWebglContext(): Promise<boolean> {
    return this.call((api) => api.diagnosticsLoseContext());
  }

  /** Trains `epochs` more epochs and resolves to all metrics so far. */
  async trainEpochs(epochs: number): Promise<EpochMetrics[]> {
    if (!Number.isInteger(epochs) || epochs < 1) throw new Error('train(epochs) needs a whole number of epochs, 1 or more');
    // Stop first: a paused run has delivered all its epochs, so the target counts from the last.
    await this.pause();
    const last = this.store.metrics.at(-1)?.epoch ?? 0;
    await this.train(last + epochs);
    return this.store.metrics.toArray();
  }

  pause(): Promise<void> {
    return this.enqueue(() => this.stopRun());
  }

  step(): Promise<void> {
    return this.enqueue(async () => {
      await this.stopRun();
      if (this.store.status !== 'ready') return;
      const batch = await this.call((api) => api.step());
      this.receive(batch);
      if (batch.divergedAt !== undefined) this.store.setStatus('diverged');
    });
  }

  /** New initial weights from the seeded sequence, same data. Recovers from a crashed worker. */
  reset(): Promise<void> {
    return this.enqueueSetup(() => {
      const next = this.store.runIndex + 1;
      return this.store.status === 'error' || !this.bridge.running ? this.restartWorker(next) : this.setup(next);
    });
  }

  /** Sets up a fresh model on the current config, e.g. after a new file was loaded under the same key. */
  reload(): Promise<void> {
    return this.enqueueSetup(() => (this.store.status === 'error' || !this.bridge.running ? this.restartWorker(0) : this.setup(0)));
  }

  /** New data: the next seed, so the URL still reproduces it. */
  regenerate(): Promise<void> {
    const seed = (this.config().seed + 1) % 2147483647;
    return this.changeConfig({ seed });
  }

  evaluateTest(): Promise<TestResult> {
    return this.enqueue(async () => {
      await this.stopRun();
      const r = await this.callSlow((api) => api.evaluateTest());
      this.store.setTest(r);
      return r;
    });
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> {
    return this.enqueue(() => this.call((api) => api.memory()));
  }

  /** Waits until every queued operation has finished (a training run counts once started). */
  async settled(): Promise<void> {
    await this.chain;
  }
}

export const client = new TrainingClient();
