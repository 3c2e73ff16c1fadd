// Picks the tfjs backend in the worker. A named backend: the requested one if it initializes,
// else the next in webgl → wasm → cpu. 'auto': every backend that starts is kept ready, and each
// new model is timed for a few training steps on each (about 2 s in all); the fastest runs it.
// WebGL and wasm load lazily, each in its own chunk; the cpu backend is the last resort and
// always there.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendKey, EngineKey, ExperimentConfig } from '../shared/config';
import type { BackendInfo, TimingProgress } from '../shared/protocol';
import { Trainer, type TrainerData } from '../engine/trainer';
import { ImageTrainer, type ImageTrainerData } from '../engine/imageTrainer';
import { errorText } from '../shared/errorText';
import { formatSig } from '../shared/format';

const FALLBACK: EngineKey[] = ['webgl', 'wasm', 'cpu'];

async function register(b: EngineKey): Promise<void> {
  if (b === 'webgl') await import('./backendWebgl');
  else if (b === 'wasm') await import('./backendWasm');
}

/** Starts one backend and proves it computes; the reason it cannot, or null. */
async function start(b: EngineKey): Promise<string | null> {
  try {
    await register(b);
    if (!(await tf.setBackend(b))) return `${b} is not available in this browser`;
    await tf.ready();
    // A WebGL context can exist and still fail on first use; prove it with one tiny op.
    const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
    const ok = (await probe.data())[0] === 2;
    probe.dispose();
    if (b === 'webgl') softwareWebgl = softwareRenderer();
    return ok ? null : `${b} computed a wrong result`;
  } catch (e) {
    return `${b} failed to start (${errorText(e)})`;
  }
}

/** Renderers that draw on the CPU: WebGL through them is slow and competes with the page. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render/i;

/** The WebGL renderer's name when it draws in software, else null (also when unknown). */
function softwareRenderer(): string | null {
  const gl = (tf.backend() as unknown as { gpgpu?: { gl?: WebGLRenderingContext } }).gpgpu?.gl;
  if (!gl) return null;
  const ext = gl.getExtension('WEBGL_debug_renderer_info');
  const name = String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '');
  return SOFTWARE.test(name) ? name : null;
}

let requested: BackendKey = 'cpu';
/** Set when WebGL started and renders in software. */
let softwareWebgl: string | null = null;
/** 'auto': the backends that started, in FALLBACK order. */
let engines: EngineKey[] = [];
let failed: string[] = [];

/**
 * Starts the backend(s) for `want`. With 'auto', `only` limits which engines start (in that
 * order; the first that starts is active): a helper told which engines can pay off skips the rest.
 */
export async function chooseBackend(want: BackendKey, only?: readonly EngineKey[]): Promise<BackendInfo> {
  requested = want;
  failed = [];
  softwareWebgl = null;
  if (want === 'auto') {
    engines = [];
    for (const b of only?.length ? only : FALLBACK) {
      const why = await start(b);
      if (why) failed.push(why);
      else engines.push(b);
    }
    if (!engines.length) throw new Error('No tfjs backend could start: ' + failed.join('; '));
    // Without a list, the last (cpu when it started) until a model is timed; with one, its first.
    const first = only?.length ? engines[0] : engines.at(-1)!;
    await tf.setBackend(first);
    return { requested, active: first, note: 'auto: each new model is timed on ' + engines.join(', '), ...software(), epsilon: tf.backend().epsilon() };
  }
  for (const b of FALLBACK.slice(FALLBACK.indexOf(want))) {
    const why = await start(b);
    if (!why) return { requested, active: b, note: failed.join('; '), ...(b === 'webgl' ? software() : {}), epsilon: tf.backend().epsilon() };
    failed.push(why);
  }
  throw new Error('No tfjs backend could start: ' + failed.join('; '));
}

/** With 'auto', the engines that started (the active one first); empty with a named backend. */
export function autoEngines(): EngineKey[] {
  if (requested !== 'auto') return [];
  const active = tf.getBackend() as EngineKey;
  return [active, ...engines.filter((b) => b !== active)];
}

/** Whether training now runs on WebGL that draws in software (and should be paced). */
export function onSoftwareWebgl(): boolean {
  return softwareWebgl !== null && tf.getBackend() === 'webgl';
}

function software(): Pick<BackendInfo, 'softwareWebgl'> {
  return softwareWebgl ? { softwareWebgl } : {};
}

/** Models whose per-step cost has been timed: the same shapes time the same. */
const picks = new Map<string, BackendInfo>();

function shapeKey(data: TrainerData, c: Pick<ExperimentConfig, 'layers' | 'activations' | 'batch'>): string {
  return JSON.stringify([data.inputs, data.classes, c.layers, c.activations, Math.min(c.batch, data.train.n)]);
}

/** The timing of one new model on every backend together stays within about this (ms). */
export const TIMING_BUDGET_MS = 2000;
/** A timed round lasts at least this long where the budget allows, so one reading is not all noise. */
const MIN_ROUND_MS = 30;
/**
 * Rounds go on doubling, where the budget allows, until one has this many steps: the first few
 * steps on a fresh Trainer run cold (JIT, wasm tier-up; on a 6×256 model at batch 1, steps 1–3
 * took 1.3–8× as long as the later ones on cpu and wasm in node, which settled by step 8).
 */
const MIN_STEPS = 8;
/** WebGL drawing in software is not timed on models that cpu or wasm train at this many ms per step or more. */
const SOFTWARE_GL_MAX_STEP_MS = 5;
/** A backend this many times slower per step than the best so far is clearly losing: no second round. */
const LOSING = 4;

/** What one backend measured: ms per step, and whether only its warm-up step was timed. */
interface Timing {
  msPerStep: number;
  warmOnly?: boolean;
}

/**
 * Milliseconds per training step of this model on the active backend, timed on a throwaway copy
 * along the path the run trains (per-step timing of a fixed batch ran a different path and left
 * the real run about a fifth slower here), within `shareMs`. After one warm-up step (shaders,
 * caches), rounds of the real path double from one step: the first steps of an epoch while a
 * round is shorter than an epoch, then whole epochs with their metrics and download, as the run
 * does; until a round lasts MIN_ROUND_MS and has MIN_STEPS steps, the next would overrun the
 * share, or 64 epochs. The fastest round per step is kept (of the whole-epoch rounds once there
 * are any), with a repeat of the last one where the share allows: noise only slows a round, and
 * close backends must not swap places on one noisy reading. A backend whose warm-up step alone
 * uses up its share (software WebGL compiling its shaders) is ranked by that step: enough to
 * lose, and the user does not wait for whole epochs of it (a full epoch per backend, cold and
 * then timed, made a heavy model wait ~97–170 s).
 */
/** What timing needs of a throwaway trainer: Trainer for points and tables, ImageTrainer for images. */
interface Timed {
  trainEpoch(): void;
  trainSteps(steps: number): number;
  sync(): Promise<void>;
  flush(): Promise<unknown>;
  dispose(): void;
}

/** A model to time: a fresh throwaway trainer (no metrics at epoch 0) and its training rows. */
interface TimedModel {
  key: string;
  rows: number;
  make: () => Timed;
}

async function timeModel(model: TimedModel, config: ExperimentConfig, shareMs: number, best: number): Promise<Timing> {
  const began = performance.now();
  const left = () => shareMs - (performance.now() - began);
  const t = model.make();
  const steps = Math.ceil(model.rows / Math.max(1, Math.min(config.batch, model.rows)));
  const round = async (k: number) => {
    const start = performance.now();
    if (k >= steps) {
      for (let e = 0; e < k / steps; e++) t.trainEpoch();
      await t.flush();
    } else {
      t.trainSteps(k);
      await t.sync();
    }
    return performance.now() - start;
  };
  try {
    const warm = await round(1);
    if (left() <= 0) return { msPerStep: warm, warmOnly: true };
    let k = 1;
    let ms = await round(k);
    let perStep = ms;
    const enough = Math.min(MIN_STEPS, steps);
    while ((ms < MIN_ROUND_MS || k < enough) && k < 64 * steps && !(k >= enough && perStep >= LOSING * best)) {
      // Doubling lands on exactly one epoch, so whole-epoch rounds are whole epochs.
      const next = k < steps && 2 * k > steps ? steps : 2 * k;
      if ((ms * next) / k > left()) break;
      // The first whole-epoch round replaces the partial ones: the run pays for its metrics too.
      const first = next >= steps && k < steps;
      k = next;
      ms = await round(k);
      perStep = first ? ms / k : Math.min(perStep, ms / k);
    }
    if (perStep < LOSING * best && ms <= left()) perStep = Math.min(perStep, (await round(k)) / k);
    return { msPerStep: perStep };
  } finally {
    t.dispose();
  }
}

/**
 * With 'auto', switches to the fastest backend for this model (timed once per model shape,
 * within TIMING_BUDGET_MS in all) and says why; `progress` hears each backend start and finish.
 * With a named backend, does nothing and returns null.
 */
export async function pickFor(
  data: TrainerData,
  config: ExperimentConfig,
  progress?: (p: TimingProgress) => void,
): Promise<BackendInfo | null> {
  return pickWith({ key: shapeKey(data, config), rows: data.train.n, make: () => new Trainer(data, config, 0, undefined, false) }, config, progress);
}

/**
 * As pickFor, for an image model: each backend times a few steps (then epochs) of the ImageTrainer
 * the run will use, so a CNN runs where convolutions are fastest (WebGL on a graphics card;
 * wasm or cpu without one).
 */
export async function pickForImages(
  data: ImageTrainerData,
  config: ExperimentConfig,
  progress?: (p: TimingProgress) => void,
): Promise<BackendInfo | null> {
  const key = JSON.stringify(['images', config.imageLayers, data.train.n, Math.min(config.batch, data.train.n)]);
  return pickWith({ key, rows: data.train.n, make: () => new ImageTrainer(data, config, 0, false) }, config, progress);
}

async function pickWith(model: TimedModel, config: ExperimentConfig, progress?: (p: TimingProgress) => void): Promise<BackendInfo | null> {
  if (requested !== 'auto') return null;
  const key = model.key;
  let info = picks.get(key);
  if (!info) {
    // WebGL on a graphics card first: it is the one likely to win a heavy model. WebGL that
    // draws in software last: its shader compilation alone takes about 2 s here (even on the
    // default task) and cannot be cut short, so it is timed only on light models, not once cpu
    // or wasm needed SOFTWARE_GL_MAX_STEP_MS or more per step: GL emulated on the same CPU does
    // the same arithmetic with more overhead, so it cannot win those (on the heavy link it took
    // 2 s just to warm up). Each engine gets an equal share of what is left of the budget.
    const order = softwareWebgl ? [...engines.filter((b) => b !== 'webgl').reverse(), ...engines.filter((b) => b === 'webgl')] : [...engines];
    const began = performance.now();
    const elapsed = () => performance.now() - began;
    const timings: NonNullable<BackendInfo['timings']> = [];
    const skipped: EngineKey[] = [];
    const report = (current: EngineKey | null) =>
      progress?.({ engines: order, done: timings.map((t) => ({ ...t })), current, elapsedMs: elapsed(), budgetMs: TIMING_BUDGET_MS });
    for (const [i, b] of order.entries()) {
      const bestSoFar = Math.min(Infinity, ...timings.map((t) => t.msPerStep));
      if (b === 'webgl' && softwareWebgl && timings.length && bestSoFar >= SOFTWARE_GL_MAX_STEP_MS) {
        skipped.push(b);
        continue;
      }
      report(b);
      await tf.setBackend(b);
      const share = (TIMING_BUDGET_MS - elapsed()) / (order.length - i);
      timings.push({ backend: b, ...(await timeModel(model, config, share, bestSoFar)) });
    }
    report(null);
    timings.sort((a, b) => a.msPerStep - b.msPerStep);
    const best = timings[0].backend;
    const others = timings.slice(1).map((t) => `${t.backend} ${formatSig(t.msPerStep, 2)}${t.warmOnly ? ' (warm-up step only)' : ''}`);
    const untimed = skipped.length ? `; not timed: ${skipped.join(', ')} (draws in software, too slow for this model)` : '';
    const note = `auto: fastest on this model (${best} ${formatSig(timings[0].msPerStep, 2)} ms per step${others.length ? `; ${others.join(', ')}` : ''})${untimed}`;
    info = {
      requested: 'auto',
      active: best,
      note: failed.length ? `${note}; ${failed.join('; ')}` : note,
      timings,
      ...(skipped.length ? { untimed: skipped } : {}),
      ...software(),
    };
    picks.set(key, info);
  }
  await tf.setBackend(info.active);
  if (info.epsilon === undefined) {
    // Kept with the pick, so the same shape gets the very same answer.
    info = { ...info, epsilon: tf.backend().epsilon() };
    picks.set(key, info);
  }
  if (info.active !== 'webgl' && engines.includes('webgl')) releaseWebgl();
  return info;
}

/**
 * Frees the WebGL backend's context and textures while another backend trains, so a backend
 * that lost holds nothing on the GPU. (Whether the idle context also slowed the cpu backend
 * here was within the timing noise; the slowdown first blamed on it came from how models were
 * timed.) Its factory stays registered, so the next model that is timed starts a fresh context.
 */
function releaseWebgl(): void {
  const factory = tf.findBackendFactory('webgl');
  if (!factory || !(tf.engine().registry as Record<string, unknown>).webgl) return;
  tf.removeBackend('webgl');
  tf.registerBackend('webgl', factory, 2);
}
