// One bridge per worker role: the only way the page starts, calls and ends its workers.
//
// - The worker starts on the first call (after an optional `init`, e.g. starting a tfjs backend).
// - Calls are typed through comlink: `bridge.call((api) => api.method(...))`.
// - A crash (an `error` event) rejects every pending call with WorkerGone, naming the role; the
//   next call starts a fresh worker.
// - A worker that stops *silently* is noticed too (a worker that calls `self.close()`, one the
//   browser drops, one stuck with a lost device): while a call is pending, the bridge pings it;
//   when nothing at all comes from it for SILENCE_MS, it is treated as crashed.
// - `key` names the backend the worker must run: when it differs at the next call, the worker is
//   restarted on the new one.
// - A call may take an AbortSignal (see CallOptions.cancel for what aborting does).
// - Helper roles pass `idleMs`: a worker with no call for that long is ended (it holds a tfjs
//   backend and its memory); the next call starts a new one.
import * as Comlink from 'comlink';
import type { WorkerBase } from '../shared/protocol';

/** What the bridge needs of a worker: comlink's endpoint plus terminate() (a Worker, or a stand-in in tests). */
export interface WorkerLike extends Comlink.Endpoint {
  terminate(): void;
}

/** Why a pending call failed: its worker crashed, went silent, or was replaced. */
export class WorkerGone extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WorkerGone';
  }
}

/** A call's rejection when its AbortSignal fired and its role has no cancel to stop it. */
export function abortError(): Error {
  const e = new Error('the call was aborted');
  e.name = 'AbortError';
  return e;
}

/** How often a silent worker is pinged while a call is pending. */
export const PING_MS = 1000;
/**
 * How long a worker may stay silent (no answer, no progress, no reply to a ping) while a call is
 * pending before it counts as gone. A healthy worker answers a ping whenever its event loop is
 * free, and its long loops let the loop run at least every ~0.2 s (workerBase.ts's breather; the
 * batched engine yields every 0.1 s; a training run posts every 0.1 s). What blocks longer is
 * one piece of tfjs work that cannot be cut: one epoch of the main run, one step of a backend
 * timing round (bounded by its 2 s budget), a wasm module compiling. Those stay well under 2 s
 * on the largest models the controls allow, and under 3 s on a loaded 2-core machine, so 6 s
 * never ends healthy work, while a worker that closed is noticed within 6–7 s (one ping period
 * more). The benchmark's fixed-length loops (benchLoop) block for their whole measurement, so
 * that bridge turns liveness off.
 */
export const SILENCE_MS = 6000;
/** Before its first message a worker is still loading its script (tfjs is a few MB to compile). */
export const START_MS = 30_000;
/**
 * For calls that are one long synchronous stretch by nature (setting up a model: its data, its
 * first metrics and boundary, a backend's timing): on the largest models on a slow or loaded
 * machine that takes well over SILENCE_MS, and cannot yield inside tfjs's kernels. A worker that
 * closes during such a call is still noticed, later.
 */
export const SLOW_CALL_MS = 30_000;

export interface BridgeOptions<Api extends WorkerBase> {
  /** The role, for messages ("the sweep worker stopped responding"). */
  role: string;
  /** Starts the worker (e.g. `new Worker(new URL(...), { type: 'module', name })`). */
  start: () => WorkerLike;
  /** The backend (or any setting) the worker must be started with; a change restarts it before the next call. */
  key?: () => string;
  /** Runs on every fresh worker before the first call, with the key it was started for. */
  init?: (api: Comlink.Remote<Api>, key: string) => Promise<unknown>;
  /** End the worker after this long without a call (ms); off when omitted. */
  idleMs?: number;
  /** Hears a crash or silent death (not a restart asked for), whether or not a call was pending. */
  onGone?: (e: WorkerGone) => void;
  /** Liveness timings, shorter in tests; Infinity turns the silence check off. */
  pingMs?: number;
  silenceMs?: number;
  startMs?: number;
}

export interface CallOptions<Api> {
  /** Aborting ends the call (see `cancel`). Aborted before the call: it rejects at once. */
  signal?: AbortSignal;
  /**
   * The role's own cancel (e.g. `(api) => api.cancel()`): on abort it is sent, and the call then
   * resolves with whatever the role returns when cancelled (e.g. the results finished so far).
   * Without it, the call rejects with an AbortError and the worker is restarted, as nothing else
   * stops work already under way.
   */
  cancel?: (api: Comlink.Remote<Api>) => Promise<unknown>;
  /** Only call a worker that is already running; otherwise reject with WorkerGone (don't start one for this). */
  ifRunning?: boolean;
  /** How long this call may keep the worker silent, when longer than the bridge's own (see SLOW_CALL_MS). */
  silenceMs?: number;
}

interface Pending {
  reject: (e: Error) => void;
  /** The silence this call allows (ms). */
  silenceMs: number;
}

interface Session<Api> {
  worker: WorkerLike;
  api: Comlink.Remote<Api>;
  key: string;
  /** Settles once `init` has run on this worker. */
  ready: Promise<void>;
  pending: Set<Pending>;
  /** When anything last came from the worker (or a pending stretch began). */
  heardAt: number;
  /** Whether anything ever came from it (it has loaded its script). */
  heard: boolean;
  pinging: boolean;
  timer: ReturnType<typeof setInterval> | null;
  idle: ReturnType<typeof setTimeout> | null;
  dead: boolean;
}

export class WorkerBridge<Api extends WorkerBase> {
  private session: Session<Api> | null = null;
  private readonly pingMs: number;
  private readonly silenceMs: number;
  private readonly startMs: number;

  constructor(private readonly opts: BridgeOptions<Api>) {
    this.pingMs = opts.pingMs ?? PING_MS;
    this.silenceMs = opts.silenceMs ?? SILENCE_MS;
    this.startMs = opts.startMs ?? START_MS;
  }

  /** Whether a worker is running now (started and not ended). */
  get running(): boolean {
    return this.session !== null;
  }

  /** Calls the worker, starting it first when needed. See CallOptions for abort. */
  async call<T>(fn: (api: Comlink.Remote<Api>) => Promise<T>, options: CallOptions<Api> = {}): Promise<T> {
    const { signal, cancel, ifRunning, silenceMs } = options;
    if (signal?.aborted) throw abortError();
    if (ifRunning && !this.session) throw new WorkerGone(`the ${this.opts.role} worker is not running`);
    const s = await this.ready();
    if (signal?.aborted) throw abortError();
    const result = this.watch(s, fn(s.api), silenceMs);
    if (!signal) return result;
    const onAbort = () => {
      if (cancel) void this.watch(s, cancel(s.api)).catch(() => {});
      else if (this.session === s) this.end(s, abortError(), false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    return result.finally(() => signal.removeEventListener('abort', onAbort));
  }

  /**
   * Wraps a callback handed to the worker (progress, a sink): each call from the worker counts as
   * a sign of life, as progress travels on its own channel, not the worker's.
   */
  proxy<F extends (...args: never[]) => unknown>(fn: F): F & Comlink.ProxyMarked {
    return Comlink.proxy(((...args: Parameters<F>) => {
      this.heard(this.session);
      return fn(...args);
    }) as F);
  }

  /** Ends the worker now; pending calls reject with `reason` (default: a WorkerGone saying it was restarted). The next call starts a fresh one. */
  restart(reason?: Error): void {
    if (this.session) this.end(this.session, reason ?? new WorkerGone(`the ${this.opts.role} worker was restarted`), false);
  }

  /** Ends the worker for good (until the next call). */
  terminate(): void {
    this.restart(new WorkerGone(`the ${this.opts.role} worker was ended`));
  }

  /** The running worker on the wanted key, started and initialized when needed. */
  private async ready(): Promise<Session<Api>> {
    const key = this.opts.key?.() ?? '';
    if (this.session && this.session.key !== key) this.restart(new WorkerGone(`the ${this.opts.role} worker was restarted on another backend`));
    const s = this.session ?? this.open(key);
    try {
      await s.ready;
    } catch (e) {
      // A worker that could not start (or init) is not kept: the next call tries a fresh one.
      if (this.session === s) this.end(s, e instanceof Error ? e : new Error(String(e)), false);
      throw e;
    }
    return s;
  }

  private open(key: string): Session<Api> {
    const worker = this.opts.start();
    const s: Session<Api> = {
      worker,
      api: Comlink.wrap<Api>(worker),
      key,
      ready: Promise.resolve(),
      pending: new Set(),
      heardAt: performance.now(),
      heard: false,
      pinging: false,
      timer: null,
      idle: null,
      dead: false,
    };
    this.session = s;
    worker.addEventListener('message', () => this.heard(s));
    worker.addEventListener('error', (ev) => {
      // Handled here: not also an uncaught error of the page.
      ev.preventDefault?.();
      const message = (ev as ErrorEvent).message;
      this.gone(s, new WorkerGone(`the ${this.opts.role} worker failed${message ? `: ${message}` : ''}`));
    });
    worker.addEventListener('messageerror', () => this.gone(s, new WorkerGone(`the ${this.opts.role} worker sent a message that could not be read`)));
    const init = this.opts.init;
    if (init) {
      s.ready = this.watch(s, init(s.api, key)).then(() => {});
      s.ready.catch(() => {});
    }
    return s;
  }

  private heard(s: Session<Api> | null): void {
    if (!s || s.dead) return;
    s.heardAt = performance.now();
    s.heard = true;
  }

  /** Settles with `p`, or rejects when the session ends first; keeps the liveness check on meanwhile. */
  private watch<T>(s: Session<Api>, p: Promise<T>, silenceMs = this.silenceMs): Promise<T> {
    if (s.dead) {
      p.catch(() => {});
      return Promise.reject(new WorkerGone(`the ${this.opts.role} worker has stopped`));
    }
    return new Promise<T>((resolve, reject) => {
      const entry: Pending = { reject, silenceMs: Math.max(silenceMs, this.silenceMs) };
      this.begin(s, entry);
      p.then(
        (v) => {
          this.finish(s, entry);
          resolve(v);
        },
        (e) => {
          this.finish(s, entry);
          reject(e);
        },
      );
    });
  }

  private begin(s: Session<Api>, entry: Pending): void {
    if (s.idle !== null) clearTimeout(s.idle);
    s.idle = null;
    if (s.pending.size === 0) {
      // The silence is counted from now: an idle worker has no reason to have said anything.
      s.heardAt = performance.now();
      if (Number.isFinite(this.silenceMs)) s.timer = setInterval(() => this.check(s), this.pingMs);
    }
    s.pending.add(entry);
  }

  private finish(s: Session<Api>, entry: Pending): void {
    if (!s.pending.delete(entry) || s.pending.size > 0 || s.dead) return;
    if (s.timer !== null) clearInterval(s.timer);
    s.timer = null;
    const idleMs = this.opts.idleMs;
    if (idleMs !== undefined) s.idle = setTimeout(() => this.session === s && this.end(s, new WorkerGone(`the ${this.opts.role} worker was ended after ${idleMs / 1000} s idle`), false), idleMs);
  }

  /** The liveness check, every pingMs while a call is pending. */
  private check(s: Session<Api>): void {
    const silent = performance.now() - s.heardAt;
    const limit = s.heard ? Math.max(...[...s.pending].map((p) => p.silenceMs)) : this.startMs;
    if (silent > limit) {
      const what = s.heard ? `stopped responding (nothing from it for ${Math.round(silent / 1000)} s)` : `did not start within ${Math.round(limit / 1000)} s`;
      this.gone(s, new WorkerGone(`the ${this.opts.role} worker ${what}`));
    } else if (silent >= this.pingMs && !s.pinging) {
      // Its answer arrives as a message, which is all the check looks at.
      s.pinging = true;
      s.api.ping().then(
        () => (s.pinging = false),
        () => (s.pinging = false),
      );
    }
  }

  /** A crash or a silent death: ends the session and tells onGone. */
  private gone(s: Session<Api>, e: WorkerGone): void {
    if (s.dead) return;
    this.end(s, e, true);
  }

  private end(s: Session<Api>, reason: Error, unexpected: boolean): void {
    if (s.dead) return;
    s.dead = true;
    if (this.session === s) this.session = null;
    if (s.timer !== null) clearInterval(s.timer);
    if (s.idle !== null) clearTimeout(s.idle);
    s.worker.terminate();
    const pending = [...s.pending];
    s.pending.clear();
    pending.forEach((p) => p.reject(reason));
    if (unexpected && reason instanceof WorkerGone) this.opts.onGone?.(reason);
  }
}
