// Demos a teacher can drive live: presets and remedies start a fresh run from the same initial
// weights and keep the run before it on the chart, labelled by what differs; "Start fresh" after
// a live edit; an epoch budget (epochs) and a pace (pace) in the toolbar and the link; v=1 links.
import { test, expect, cpuHash, openPlayground, readEpoch } from './fixtures';
import type { Page } from '@playwright/test';

const metrics = (page: Page) => page.evaluate(() => window.playground.getMetrics());
const status = (page: Page) => page.getByTestId('status');

/** Waits until a run stopped by the epoch budget shows `epoch` and is paused. */
async function stoppedAt(page: Page, epoch: number): Promise<void> {
  await expect(page.getByTestId('epoch')).toHaveText(String(epoch), { timeout: 30_000 });
  await expect(status(page)).toHaveText('paused');
}

test('a preset after a run starts at epoch 0 from the same weights, the previous run kept in the overlay with a legend', async ({ page }) => {
  await openPlayground(page, cpuHash({ epochs: 20 }));
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await stoppedAt(page, 20);

  await page.getByRole('button', { name: 'Overfit', exact: true }).click();
  const runs = page.getByTestId('runs').getByRole('listitem');
  await expect(runs).toHaveCount(1);
  // A fresh run trained to the same budget: epochs 0…20, not a continuation that stops at once.
  await stoppedAt(page, 20);
  const overfit = await metrics(page);
  expect(overfit.epoch).toEqual(Array.from({ length: 21 }, (_, i) => i));
  await expect(runs.first()).toContainText('20 ep');
  await expect(runs.first()).toContainText('points 200 → now 100');
  const legend = page.getByTestId('overlay-legend');
  await expect(legend).toHaveCount(1);
  await expect(legend.first()).toContainText('points 200 → now 100');

  // Chained: "Fix it with L2" starts over too, and the Overfit run sits beside it, named by L2.
  await page.getByRole('button', { name: 'Fix it with L2' }).click();
  await expect(runs).toHaveCount(2);
  await stoppedAt(page, 20);
  const l2 = await metrics(page);
  expect(l2.epoch).toEqual(overfit.epoch);
  // Same initial weights: before any step the data loss is the Overfit run's.
  expect(l2.trainLoss[0]).toBeCloseTo(overfit.trainLoss[0], 5);
  expect(l2.trainLoss[20]).not.toBe(overfit.trainLoss[20]);
  await expect(legend).toHaveCount(2);
  await expect(legend.filter({ hasText: 'L2 0 → now 0.01' })).toHaveCount(1);
  await expect(runs.first()).toContainText('L2 0 → now 0.01');
  // The runs are ticked for the overlay.
  await expect(runs.first().getByRole('checkbox')).toBeChecked();
});

test('a remedy starts a fresh run and keeps the run it remedies in the overlay', async ({ page }) => {
  // Paced, so the diagnosis and the restart can be watched at a known speed.
  await openPlayground(page, cpuHash({ pace: 30 }));
  await page.getByRole('button', { name: 'Underfit', exact: true }).click();
  await expect.poll(() => page.evaluate(() => window.playground.getDiagnosis().regime), { timeout: 60_000 }).toBe('underfitting');
  const before = await readEpoch(page);
  expect(before).toBeGreaterThan(5);
  await page.getByRole('button', { name: 'Add a hidden layer of 8' }).click();
  const runs = page.getByTestId('runs').getByRole('listitem');
  // The default run (never trained) is not kept; the underfitting one is.
  await expect(runs).toHaveCount(1);
  await expect(runs.first()).toContainText('layers linear → now 8');
  await expect(page.getByTestId('overlay-legend')).toContainText('layers linear → now 8');
  await expect.poll(() => readEpoch(page)).toBeLessThan(before);
  await expect(status(page)).toHaveText('training');
  const m = await metrics(page);
  expect(m.epoch[0]).toBe(0);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('after a live edit, "Start fresh with this setting" replays it from the same weights beside the edited run', async ({ page }) => {
  await openPlayground(page, cpuHash({ epochs: 30 }));
  await expect(page.getByTestId('start-fresh')).toHaveCount(0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await stoppedAt(page, 30);
  const first = await metrics(page);
  const lr = page.getByTestId('lr');
  await lr.fill('0.3');
  await lr.press('Enter');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().lr)).toBe(0.3);
  // Live: same run, nothing kept; the offer to start fresh appears.
  await expect(page.getByTestId('runs')).toHaveCount(0);
  await page.getByTestId('start-fresh').click();
  const runs = page.getByTestId('runs').getByRole('listitem');
  await expect(runs).toHaveCount(1);
  await stoppedAt(page, 30);
  await expect(page.getByTestId('start-fresh')).toHaveCount(0);
  await expect(runs.first()).toContainText('lr 0.03 → now 0.3');
  await expect(runs.first()).toContainText('changed live at epoch 30');
  await expect(page.getByTestId('overlay-legend')).toContainText('lr 0.03 → now 0.3');
  const fresh = await metrics(page);
  expect(fresh.trainLoss[0]).toBeCloseTo(first.trainLoss[0], 5);
});

test('epochs=50 stops at 50; Train again says the budget is reached; a higher budget goes on', async ({ page }) => {
  await openPlayground(page, cpuHash({ epochs: 50 }));
  await expect(page.getByTestId('epoch-budget')).toHaveValue('50');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await stoppedAt(page, 50);
  expect((await metrics(page)).epoch.at(-1)).toBe(50);
  await expect(page.getByTestId('alert')).toContainText('epoch budget (50 epochs)');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('alert')).toContainText('epoch budget (50 epochs)');
  expect(await readEpoch(page)).toBe(50);

  const budget = page.getByTestId('epoch-budget');
  await budget.fill('60');
  await budget.press('Enter');
  await expect(page).toHaveURL(/(#|&)epochs=60(&|$)/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await stoppedAt(page, 60);
  expect((await metrics(page)).epoch).toEqual(Array.from({ length: 61 }, (_, i) => i));
});

test('pace=5 trains about 5 epochs a second; full speed is much faster', async ({ page }) => {
  await openPlayground(page, cpuHash({ pace: 5 }));
  await expect(page.getByTestId('pace')).toHaveValue('5');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThanOrEqual(2);
  const e0 = await readEpoch(page);
  const t0 = Date.now();
  await page.waitForTimeout(3000);
  const e1 = await readEpoch(page);
  const rate = (e1 - e0) / ((Date.now() - t0) / 1000);
  expect(rate).toBeGreaterThan(3);
  expect(rate).toBeLessThan(7);

  // Live: back to full speed without stopping the run.
  await page.getByTestId('pace').selectOption('0');
  await expect(page).toHaveURL(/(#|&)pace=0(&|$)/);
  await page.waitForTimeout(300);
  const f0 = await readEpoch(page);
  const s0 = Date.now();
  await page.waitForTimeout(1500);
  const fast = ((await readEpoch(page)) - f0) / ((Date.now() - s0) / 1000);
  expect(fast).toBeGreaterThan(15);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('links carry v=1; old links without v still read; a newer version is named but read as far as known', async ({ page }) => {
  await openPlayground(page, '#backend=cpu&samples=200&lr=0.1&epochs=40&pace=10');
  const hash = await page.evaluate(() => location.hash);
  expect(hash.startsWith('#v=1&')).toBe(true);
  expect(hash).toMatch(/(#|&)epochs=40(&|$)/);
  expect(hash).toMatch(/(#|&)pace=10(&|$)/);
  await expect(page.getByTestId('alert')).toBeEmpty();

  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  expect(await page.evaluate(() => location.hash)).toBe(hash);
  await expect(page.getByTestId('epoch-budget')).toHaveValue('40');
  await expect(page.getByTestId('pace')).toHaveValue('10');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ lr: 0.1, epochs: 40, pace: 10 });

  await openPlayground(page, '#v=2&backend=cpu&samples=200&lr=0.2');
  await expect(page.getByTestId('alert')).toContainText('newer version');
  expect(await page.evaluate(() => window.playground.getConfig().lr)).toBe(0.2);
  expect(await page.evaluate(() => location.hash)).toMatch(/^#v=1&/);
});
