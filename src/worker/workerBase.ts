// What every worker answers whatever its role, composed into each role's API. No tfjs here: the
// CSV worker uses it too.
import type { WorkerBase } from '../shared/protocol';

export function workerBase(): WorkerBase {
  return {
    // Answered as soon as the worker's event loop is free: the page's bridge pings while a call
    // is pending and treats a worker that stays silent as gone (src/client/workerBridge.ts).
    ping: async () => true,
  };
}

/**
 * Lets the worker's event loop run (answering pings, taking a cancel) when `ms` or more have
 * passed since the last time: loops that train many epochs without waiting on anything else call
 * it between epochs. One instance per loop; costs a few milliseconds per yield.
 */
export function breather(ms = 200): () => Promise<void> | null {
  let last = performance.now();
  return () => {
    if (performance.now() - last < ms) return null;
    return new Promise<void>((resolve) =>
      setTimeout(() => {
        last = performance.now();
        resolve();
      }, 0),
    );
  };
}
