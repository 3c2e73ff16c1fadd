// For unit tests: a stand-in for a Worker that runs a role's real API (its factory, e.g.
// createSearchApi()) in this thread, over a MessageChannel, so comlink and the bridge work
// exactly as with a real worker. `close()` stops it silently, as `self.close()` in a worker
// would; `crash()` fires an error event, as an uncaught error in a worker would.
import * as Comlink from 'comlink';
import type { WorkerLike } from './workerBridge';

export interface InProcessWorker extends WorkerLike {
  /** Stops answering without a word (the worker side of the channel closes). */
  close(): void;
  /** Fires an `error` event on the page side, as a crashed worker does. */
  crash(message: string): void;
  terminated: boolean;
}

export function inProcessWorker(api: object): InProcessWorker {
  const { port1, port2 } = new MessageChannel();
  Comlink.expose(api, port2 as unknown as Comlink.Endpoint);
  const errors = new EventTarget();
  const worker: InProcessWorker = {
    terminated: false,
    postMessage: (message, transfer) => port1.postMessage(message, transfer ?? []),
    addEventListener: (type, listener, options) => (type === 'error' ? errors : port1).addEventListener(type, listener as EventListener, options as AddEventListenerOptions),
    removeEventListener: (type, listener, options) => (type === 'error' ? errors : port1).removeEventListener(type, listener as EventListener, options as EventListenerOptions),
    start: () => port1.start(),
    terminate() {
      worker.terminated = true;
      port1.close();
      port2.close();
    },
    close() {
      // Messages to a closed port are dropped; nothing comes back, and no event says so.
      port2.close();
    },
    crash(message) {
      const ev = new Event('error', { cancelable: true });
      Object.assign(ev, { message });
      errors.dispatchEvent(ev);
    },
  };
  return worker;
}
