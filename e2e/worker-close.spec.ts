// Workers that stop without an error event, as when the browser drops one: the test closes the
// training, search and sweep workers from inside (`self.close()`) mid-run. Each feature ends
// within a few seconds with a message, its controls answer, and it works again without a
// reload. And a training run whose WebGL context is lost goes on from its last weights on a
// fresh worker, saying so.
import type { Page, Worker } from '@playwright/test';
import { test, expect, openPlayground, cpuHash, readEpoch } from './fixtures';

/** The page's liveness deadline is 6 s of silence, checked every second; this leaves room on a loaded machine. */
const NOTICED_MS = 15_000;

/** Closes every worker whose script URL contains `script`, from inside; returns how many. */
async function closeWorkers(page: Page, script: string): Promise<number> {
  const found = page.workers().filter((w: Worker) => w.url().includes(script));
  // The worker ends mid-evaluate, so the evaluation itself may never answer: don't wait on it.
  await Promise.all(found.map((w) => Promise.race([w.evaluate(() => self.close()).catch(() => {}), new Promise((r) => setTimeout(r, 500))])));
  return found.length;
}

test('a training worker that closes mid-run: the run ends with a message, and Reset trains again', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(3);
  expect(await closeWorkers(page, 'trainingWorker')).toBe(1);

  await expect(page.getByTestId('status')).toHaveText('error', { timeout: NOTICED_MS });
  const alert = page.getByTestId('alert');
  await expect(alert).toContainText('the training worker stopped responding');
  await expect(alert).toContainText('Press Reset');
  // The controls answer at once: pause, setConfig and train resolve instead of hanging.
  await page.evaluate(() => window.playground.pause());
  await page.evaluate(() => window.playground.setConfig({ lr: 0.1 }));
  await expect(page.getByTestId('status')).toHaveText('ready');

  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  const m = await page.evaluate(() => window.playground.train(5));
  expect(m.epoch.at(-1)).toBe(5);
  await expect(alert).not.toContainText('stopped responding');
});

test('a search pool worker that closes: the search ends with a message, Cancel answers, and a new search completes', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.01');
  await page.getByTestId('search-list-units').fill('2, 6');
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-epochs').fill('3000');
  await page.getByRole('button', { name: 'Start search' }).click();
  const status = page.getByTestId('search-status');
  // Mid-run: the pool has loaded and the host has planned the 4 trials. (A worker closed while
  // still loading its script has never said anything, so the page allows it the 30 s a slow
  // start may take before calling it gone: that is not what this test is about.)
  await expect(status).toContainText('/ 4 trials · running', { timeout: 30_000 });
  await expect.poll(() => page.workers().filter((w) => w.url().includes('searchWorker')).length).toBeGreaterThan(0);
  expect(await closeWorkers(page, 'searchWorker')).toBeGreaterThan(0);
  await page.getByRole('button', { name: 'Cancel search' }).click();

  await expect(status).toContainText('error', { timeout: NOTICED_MS });
  await expect(status).toContainText('stopped responding');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();

  await page.getByTestId('search-epochs').fill('5');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(status).toContainText('4 / 4 trials · done', { timeout: 60_000 });
});

test('a sweep worker that closes: the sweep fails with a message instead of sticking, and the next sweep completes', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const epochs = page.getByTestId('sweep-epochs');
  await epochs.fill('2000');
  await epochs.press('Enter');
  await page.getByRole('button', { name: 'Capacity sweep' }).click();
  await expect.poll(() => page.getByTestId('sweep-progress').evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0.02);
  expect(await closeWorkers(page, 'sweepWorker')).toBe(1);
  await page.getByRole('button', { name: 'Cancel' }).click();
  const status = page.getByTestId('sweep-status');
  await expect(status).toHaveText('cancelling…');

  await expect(status).toContainText('failed: the sweep worker stopped responding', { timeout: NOTICED_MS });
  await epochs.fill('20');
  await epochs.press('Enter');
  await page.getByRole('button', { name: 'Learning curve' }).click();
  await expect(status).toHaveText('done: 5 models', { timeout: 60_000 });
});

test('a training run whose WebGL context is lost goes on from its last weights on a fresh worker', async ({ page }) => {
  await page.goto('./#backend=webgl&samples=200');
  await expect(page.getByTestId('backend')).toHaveText('webgl', { timeout: 60_000 });
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // A weights snapshot is sent about once a second.
  await expect.poll(() => readEpoch(page), { timeout: 60_000 }).toBeGreaterThan(3);
  await page.waitForTimeout(1500);
  const before = await readEpoch(page);
  expect(await page.evaluate(() => window.playground.diagnostics.loseWebglContext())).toBe(true);

  const alert = page.getByTestId('alert');
  await expect(alert).toContainText('The WebGL context was lost', { timeout: NOTICED_MS });
  await expect(alert).toContainText('from the weights of epoch');
  await expect(page.getByTestId('status')).toHaveText('training', { timeout: 60_000 });
  await expect.poll(() => readEpoch(page), { timeout: 60_000 }).toBeGreaterThan(before + 2);
  // The epochs went on, each shown once.
  const m = await page.evaluate(() => window.playground.getMetrics());
  expect(m.epoch.every((e, i) => i === 0 || e === m.epoch[i - 1] + 1)).toBe(true);
  // A new context could be had, so it is WebGL again.
  await expect(page.getByTestId('backend')).toHaveText('webgl');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('paused');
});
