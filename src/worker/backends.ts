// Picks the tfjs backend in the worker. A named backend: the requested one if it initializes,
// else the next in webgl → wasm → cpu. 'auto': every backend that starts is kept ready, and each
// new model is timed for a few training steps on each; the fastest runs it. WebGL and wasm load
// lazily, each in its own chunk; the cpu backend is the last resort and always there.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendKey, EngineKey, ExperimentConfig } from '../shared/config';
import type { BackendInfo } from '../shared/protocol';
import { Trainer, type TrainerData } from '../engine/trainer';

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
    return `${b} failed to start (${e instanceof Error ? e.message : String(e)})`;
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
    return { requested, active: first, note: 'auto: each new model is timed on ' + engines.join(', '), ...software() };
  }
  for (const b of FALLBACK.slice(FALLBACK.indexOf(want))) {
    const why = await start(b);
    if (!why) return { requested, active: b, note: failed.join('; '), ...(b === 'webgl' ? software() : {}) };
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

/**
 * Milliseconds per training step of this model on the active backend, from whole epochs of a
 * throwaway copy, as the run will train them (per-step timing of a fixed batch ran a different
 * path and left the real run about a fifth slower here). After a warm-up epoch (shaders,
 * caches), epochs are timed in rounds of at least 30 ms and the faster of two rounds is kept:
 * close backends must not swap places on one noisy reading.
 */
async function timeModel(data: TrainerData, config: ExperimentConfig): Promise<number> {
  const t = new Trainer(data, config, 0);
  const steps = Math.ceil(data.train.n / Math.max(1, Math.min(config.batch, data.train.n)));
  const epochs = async (k: number) => {
    const start = performance.now();
    for (let e = 0; e < k; e++) t.trainEpoch();
    await t.flush();
    return performance.now() - start;
  };
  try {
    const warm = await epochs(1);
    // Slow backends (a second or more per epoch) get one timed epoch: enough to lose.
    let k = 1;
    let ms = await epochs(k);
    while (ms < 30 && k < 64 && warm < 1000) {
      k *= 2;
      ms = await epochs(k);
    }
    if (warm < 1000) ms = Math.min(ms, await epochs(k));
    return ms / (k * steps);
  } finally {
    t.dispose();
  }
}

/**
 * With 'auto', switches to the fastest backend for this model (timed once per model shape) and
 * says why; with a named backend, does nothing and returns null.
 */
export async function pickFor(data: TrainerData, config: ExperimentConfig): Promise<BackendInfo | null> {
  if (requested !== 'auto') return null;
  const key = shapeKey(data, config);
  let info = picks.get(key);
  if (!info) {
    const timings: { backend: EngineKey; msPerStep: number }[] = [];
    for (const b of engines) {
      await tf.setBackend(b);
      timings.push({ backend: b, msPerStep: await timeModel(data, config) });
    }
    timings.sort((a, b) => a.msPerStep - b.msPerStep);
    const best = timings[0].backend;
    const others = timings.slice(1).map((t) => `${t.backend} ${t.msPerStep.toPrecision(2)}`);
    const note = `auto: fastest on this model (${best} ${timings[0].msPerStep.toPrecision(2)} ms per step${others.length ? `; ${others.join(', ')}` : ''})`;
    info = { requested: 'auto', active: best, note: failed.length ? `${note}; ${failed.join('; ')}` : note, timings, ...software() };
    picks.set(key, info);
  }
  await tf.setBackend(info.active);
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
