// Picks the tfjs backend in the worker: the requested one if it initializes, else the next in
// webgl → wasm → cpu. WebGL and wasm load lazily, each in its own chunk; the cpu backend is the
// last resort and shares code with WebGL, so it is always there.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { BackendKey } from '../shared/config';
import type { BackendInfo } from '../shared/protocol';

const FALLBACK: BackendKey[] = ['webgl', 'wasm', 'cpu'];

async function register(b: BackendKey): Promise<void> {
  if (b === 'webgl') await import('./backendWebgl');
  else if (b === 'wasm') await import('./backendWasm');
}

export async function chooseBackend(requested: BackendKey): Promise<BackendInfo> {
  const failures: string[] = [];
  for (const b of FALLBACK.slice(FALLBACK.indexOf(requested))) {
    try {
      await register(b);
      if (await tf.setBackend(b)) {
        await tf.ready();
        // A WebGL context can exist and still fail on first use; prove it with one tiny op.
        const probe = tf.tidy(() => tf.add(tf.scalar(1), tf.scalar(1)));
        const ok = (await probe.data())[0] === 2;
        probe.dispose();
        if (ok) return { requested, active: b, note: failures.join('; ') };
        failures.push(`${b} computed a wrong result`);
      } else failures.push(`${b} is not available in this browser`);
    } catch (e) {
      failures.push(`${b} failed to start (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  throw new Error('No tfjs backend could start: ' + failures.join('; '));
}
