// Picks the tfjs backend in the worker: the requested one if it initializes, else the next in
// webgl → wasm → cpu. Backends load lazily so a cpu-only run never fetches WebGL or wasm code.
import * as tf from '@tensorflow/tfjs-core';
import type { BackendKey } from '../shared/config';
import type { BackendInfo } from '../shared/protocol';

const FALLBACK: BackendKey[] = ['webgl', 'wasm', 'cpu'];

async function register(b: BackendKey): Promise<void> {
  if (b === 'cpu') await import('@tensorflow/tfjs-backend-cpu');
  else if (b === 'webgl') await import('@tensorflow/tfjs-backend-webgl');
  else {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const [plain, simd, threaded] = await Promise.all([
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url'),
      import('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url'),
    ]);
    wasm.setWasmPaths({
      'tfjs-backend-wasm.wasm': plain.default,
      'tfjs-backend-wasm-simd.wasm': simd.default,
      'tfjs-backend-wasm-threaded-simd.wasm': threaded.default,
    });
  }
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
