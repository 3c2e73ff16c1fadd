// The bridge with a small real API running in-process over a MessageChannel (see
// inProcessWorker.ts), and short liveness timings: start on first use, crash, silent death,
// a busy but healthy worker, restart on a new key, abort with and without the role's cancel,
// idle termination.
import { afterEach, describe, expect, it } from 'vitest';
import { inProcessWorker, type InProcessWorker } from './inProcessWorker';
import { WorkerBridge, WorkerGone, type BridgeOptions } from './workerBridge';
import type { WorkerBase } from '../shared/protocol';

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface TestApi extends WorkerBase {
  init(key: string): Promise<string>;
  key(): Promise<string>;
  /** Resolves after `ms`, the event loop free meanwhile (as a worker awaiting the device). */
  wait(ms: number): Promise<string>;
  /** Counts up every 5 ms until `n` or cancel(); resolves to the count reached. */
  count(n: number, progress?: (i: number) => void): Promise<number>;
  cancel(): Promise<void>;
}

/** The role's API, state in its closure, as the real roles are built. */
function createTestApi(): TestApi {
  let key = '';
  let cancelled = false;
  return {
    ping: async () => true,
    async init(k) {
      key = k;
      return k;
    },
    key: async () => key,
    async wait(ms) {
      await sleep(ms);
      return 'waited';
    },
    async count(n, progress) {
      cancelled = false;
      let i = 0;
      while (i < n && !cancelled) {
        await sleep(5);
        progress?.(++i);
      }
      return i;
    },
    async cancel() {
      cancelled = true;
    },
  };
}

const PING = 20;
const SILENCE = 150;

let workers: InProcessWorker[] = [];
let bridges: WorkerBridge<TestApi>[] = [];
afterEach(() => {
  bridges.forEach((b) => b.terminate());
  bridges = [];
  workers = [];
});

function bridge(extra: Partial<BridgeOptions<TestApi>> = {}): WorkerBridge<TestApi> {
  const b = new WorkerBridge<TestApi>({
    role: 'test',
    start: () => {
      const w = inProcessWorker(createTestApi());
      workers.push(w);
      return w;
    },
    init: (api, key) => api.init(key),
    pingMs: PING,
    silenceMs: SILENCE,
    startMs: SILENCE,
    ...extra,
  });
  bridges.push(b);
  return b;
}

describe('WorkerBridge', () => {
  it('starts the worker on the first call, runs init once, and reuses it', async () => {
    const b = bridge({ key: () => 'cpu' });
    expect(b.running).toBe(false);
    expect(workers).toHaveLength(0);
    expect(await b.call((api) => api.key())).toBe('cpu');
    expect(await b.call((api) => api.wait(1))).toBe('waited');
    expect(workers).toHaveLength(1);
    expect(b.running).toBe(true);
  });

  it('a crash rejects every pending call with WorkerGone naming the role; the next call starts a fresh worker', async () => {
    const gone: WorkerGone[] = [];
    const b = bridge({ onGone: (e) => gone.push(e) });
    await b.call((api) => api.key());
    const a = b.call((api) => api.wait(10_000));
    const c = b.call((api) => api.count(1_000_000));
    await sleep(10);
    workers[0].crash('boom');
    await expect(a).rejects.toThrow(/the test worker failed: boom/);
    await expect(c).rejects.toBeInstanceOf(WorkerGone);
    expect(workers[0].terminated).toBe(true);
    expect(gone.map((e) => e.message)).toEqual(['the test worker failed: boom']);
    expect(await b.call((api) => api.wait(1))).toBe('waited');
    expect(workers).toHaveLength(2);
  });

  it('a worker that stops silently is noticed within the deadline while a call is pending', async () => {
    const gone: WorkerGone[] = [];
    const b = bridge({ onGone: (e) => gone.push(e) });
    await b.call((api) => api.key());
    const pending = b.call((api) => api.wait(60_000));
    await sleep(10);
    const closedAt = performance.now();
    workers[0].close();
    await expect(pending).rejects.toThrow(/the test worker stopped responding/);
    const took = performance.now() - closedAt;
    expect(took).toBeGreaterThanOrEqual(SILENCE - PING);
    expect(took).toBeLessThan(SILENCE + 2 * PING + 500);
    expect(gone).toHaveLength(1);
    // The next call works, on a fresh worker.
    expect(await b.call((api) => api.key())).toBe('');
    expect(workers).toHaveLength(2);
  });

  it("a slow call's own silence allowance holds the deadline off until it has passed", async () => {
    const b = bridge();
    await b.call((api) => api.key());
    const slow = b.call((api) => api.wait(60_000), { silenceMs: 4 * SILENCE });
    await sleep(10);
    const closedAt = performance.now();
    workers[0].close();
    await expect(slow).rejects.toThrow(/stopped responding/);
    const took = performance.now() - closedAt;
    // Not at the bridge's own deadline: at the call's.
    expect(took).toBeGreaterThanOrEqual(4 * SILENCE - PING);
    expect(took).toBeLessThan(4 * SILENCE + 2 * PING + 500);
  });

  it('keeps a worker that answers pings, however long its call takes', async () => {
    const b = bridge();
    expect(await b.call((api) => api.wait(5 * SILENCE))).toBe('waited');
    expect(workers).toHaveLength(1);
  });

  it('an idle worker that closed is found out by the next call, which then fails within the deadline', async () => {
    const b = bridge();
    await b.call((api) => api.key());
    workers[0].close();
    await sleep(3 * SILENCE);
    // Nothing was pending: the silence is counted from the call, not from the last answer.
    await expect(b.call((api) => api.key())).rejects.toBeInstanceOf(WorkerGone);
    expect(await b.call((api) => api.key())).toBe('');
  });

  it('restarts the worker when its key (the backend) changes', async () => {
    let key = 'webgl';
    const b = bridge({ key: () => key });
    expect(await b.call((api) => api.key())).toBe('webgl');
    key = 'wasm';
    expect(await b.call((api) => api.key())).toBe('wasm');
    expect(workers).toHaveLength(2);
    expect(workers[0].terminated).toBe(true);
    // restart() ends it now and fails what was pending; the next call starts afresh.
    const pending = b.call((api) => api.wait(10_000));
    await sleep(5);
    b.restart();
    await expect(pending).rejects.toThrow(/restarted/);
    expect(await b.call((api) => api.key())).toBe('wasm');
    expect(workers).toHaveLength(3);
  });

  it("abort with the role's cancel: the call resolves with what the role returns when cancelled", async () => {
    const b = bridge();
    const abort = new AbortController();
    let seen = 0;
    const counted = b.call(
      (api) =>
        api.count(
          1_000_000,
          b.proxy((i: number) => {
            seen = i;
          }),
        ),
      { signal: abort.signal, cancel: (api) => api.cancel() },
    );
    await sleep(60);
    abort.abort();
    const n = await counted;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(1_000_000);
    expect(seen).toBeGreaterThan(0);
    // The same worker goes on serving.
    expect(await b.call((api) => api.wait(1))).toBe('waited');
    expect(workers).toHaveLength(1);
  });

  it('abort without a cancel rejects with AbortError and ends the worker; aborted before the call, it rejects at once', async () => {
    const b = bridge();
    const abort = new AbortController();
    const waiting = b.call((api) => api.wait(10_000), { signal: abort.signal });
    await sleep(10);
    abort.abort();
    await expect(waiting).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers[0].terminated).toBe(true);
    expect(b.running).toBe(false);
    await expect(b.call((api) => api.key(), { signal: abort.signal })).rejects.toMatchObject({ name: 'AbortError' });
    expect(workers).toHaveLength(1);
  });

  it('ends a worker left idle for idleMs; the next call starts a new one', async () => {
    const b = bridge({ idleMs: 50 });
    await b.call((api) => api.key());
    // A call keeps it: idleness counts from the end of the last call.
    await b.call((api) => api.wait(80));
    expect(workers[0].terminated).toBe(false);
    await sleep(100);
    expect(workers[0].terminated).toBe(true);
    expect(b.running).toBe(false);
    expect(await b.call((api) => api.wait(1))).toBe('waited');
    expect(workers).toHaveLength(2);
  });

  it('ifRunning calls do not start a worker', async () => {
    const b = bridge();
    await expect(b.call((api) => api.key(), { ifRunning: true })).rejects.toThrow(/not running/);
    expect(workers).toHaveLength(0);
  });

  it('a worker whose init fails is not kept', async () => {
    let fail = true;
    const b = bridge({
      init: async (api, key) => {
        if (fail) throw new Error('no backend');
        return api.init(key);
      },
    });
    await expect(b.call((api) => api.key())).rejects.toThrow('no backend');
    expect(b.running).toBe(false);
    fail = false;
    expect(await b.call((api) => api.wait(1))).toBe('waited');
    expect(workers).toHaveLength(2);
  });
});
