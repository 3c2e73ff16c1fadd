// Shared fixtures for the e2e specs.
//
// - Every test collects uncaught page errors (`pageerror`) and console errors from the page and
//   its workers, and fails at the end if there were any. A spec that provokes errors on purpose
//   opts out with `test.use({ failOnPageErrors: false })` and can read `pageErrors` itself.
// - `openPlayground(page, hash)` opens the page with a config hash and waits until the worker has
//   started and the first model is set up.
import { test as base, expect, type Page } from '@playwright/test';

// Types only: `window.playground` is declared by the app (src/client/playgroundApi.ts).
import type { PlaygroundApi, PlaygroundMetrics } from '../src/client/playgroundApi';

export type { PlaygroundApi, PlaygroundMetrics };

export interface PlaygroundFixtures {
  /** Set to false in a spec that provokes errors on purpose. */
  failOnPageErrors: boolean;
  /** Uncaught page errors and console errors seen so far in this test. */
  pageErrors: string[];
}

export const test = base.extend<PlaygroundFixtures>({
  failOnPageErrors: [true, { option: true }],
  pageErrors: [
    async ({ page, failOnPageErrors }, use) => {
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console.error: ${msg.text()}`);
      });
      page.on('worker', (worker) => {
        worker.on('console', (msg) => {
          if (msg.type() === 'error') errors.push(`worker console.error: ${msg.text()}`);
        });
      });
      await use(errors);
      if (failOnPageErrors) expect(errors, 'page errors and console errors during the test').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** A small, fast configuration on the cpu backend; extra keys override. */
export function cpuHash(extra: Record<string, string | number> = {}): string {
  const p = new URLSearchParams({ backend: 'cpu', samples: '200' });
  for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
  return '#' + p.toString().replace(/%2C/g, ',');
}

/**
 * Opens the playground at `hash` (e.g. from `cpuHash()`), then waits until the scripting API
 * exists, every queued action has finished and the Train button is enabled.
 */
export async function openPlayground(page: Page, hash: string = cpuHash()): Promise<void> {
  await page.goto('./' + hash);
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
}

/** The epoch number shown in the toolbar. */
export async function readEpoch(page: Page): Promise<number> {
  const text = (await page.getByTestId('epoch').textContent()) ?? '';
  const n = Number(text.trim());
  expect(Number.isInteger(n), `epoch readout "${text}" is a whole number`).toBe(true);
  return n;
}

/** A loss readout as a number; fails when it shows anything but a finite number. */
export async function readLoss(page: Page, testId: 'train-loss' | 'val-loss'): Promise<number> {
  const text = ((await page.getByTestId(testId).textContent()) ?? '').trim();
  const n = Number(text);
  expect(text !== '' && Number.isFinite(n), `${testId} readout "${text}" is a finite number`).toBe(true);
  return n;
}
