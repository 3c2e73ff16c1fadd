// Pacing for WebGL that draws in software (SwiftShader, llvmpipe): its GL runs on the same CPU
// cores as the page, and unpaced training queues a whole epoch of GL work at a time, which
// starves the page's rendering (main-thread tasks of 60–80 ms, a 5 ms timer 100–120 ms late,
// measured with `npm run bench`). Paced, the worker waits for the device every CHUNK_MS or so
// of work and then idles for IDLE of that time: no task over 50 ms, the timer under 40 ms late,
// at 2.5 instead of 6 epochs/s on the default task (chunks of 15–100 ms and idle 0–100% tried).
import type { Trainer } from '../engine/trainer';

/** Target length of one chunk of device work (ms). */
const CHUNK_MS = 40;
/** Idle time after a chunk, as a fraction of the chunk's length. */
const IDLE = 0.3;

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * A `between` for Trainer.trainEpochPaced: every few steps it waits for the device, then idles.
 * How many steps make a chunk adapts to the measured chunk length.
 */
export function pacer(t: Pick<Trainer, 'sync'>): () => Promise<void> | null {
  let every = 1;
  let steps = 0;
  let resumed = performance.now();
  return () => {
    if (++steps < every) return null;
    steps = 0;
    return (async () => {
      await t.sync();
      const busy = performance.now() - resumed;
      if (busy > 2 * CHUNK_MS && every > 1) every = Math.max(1, Math.floor(every / 2));
      else if (busy < CHUNK_MS / 2) every *= 2;
      await sleep(busy * IDLE);
      resumed = performance.now();
    })();
  };
}
