// The run controls on the cpu backend: Train/Pause, Step and Reset.
import { test, expect, openPlayground, readEpoch, type PlaygroundMetrics } from './fixtures';

const metrics = (page: import('@playwright/test').Page) => page.evaluate(() => window.playground.getMetrics());

test.beforeEach(async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  await expect(page.getByTestId('epoch')).toHaveText('0');
  await expect(page.getByTestId('status')).toHaveText('ready');
});

test('Train becomes Pause while epochs rise; Pause stops them', async ({ page }) => {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toHaveCount(0);
  await expect(page.getByTestId('status')).toHaveText('training');
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(3);

  await pause.click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('status')).toHaveText('paused');
  const first = await readEpoch(page);
  // Proving that nothing changes needs a wait: sample twice, half a second apart.
  await page.waitForTimeout(500);
  const second = await readEpoch(page);
  expect(second).toBe(first);
  expect(first).toBeGreaterThan(3);
  // The readout and the recorded metrics agree: the last epoch is the one shown.
  expect((await metrics(page)).epoch.at(-1)).toBe(first);
});

test('Step trains exactly one epoch', async ({ page }) => {
  const step = page.getByRole('button', { name: 'Step', exact: true });
  await step.click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await step.click();
  await expect(page.getByTestId('epoch')).toHaveText('2');
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByTestId('epoch')).toHaveText('2');
  expect((await metrics(page)).epoch).toEqual([0, 1, 2]);
  await expect(page.getByTestId('status')).toHaveText('paused');
});

test('Reset starts over with new weights and keeps the finished run', async ({ page }) => {
  const before: PlaygroundMetrics = await metrics(page);
  expect(before.epoch).toEqual([0]);
  const firstLoss0 = before.trainLoss[0];
  expect(Number.isFinite(firstLoss0)).toBe(true);
  const firstReadout = (await page.getByTestId('train-loss').textContent())!.trim();
  await expect(page.getByTestId('runs')).toHaveCount(0);

  const step = page.getByRole('button', { name: 'Step', exact: true });
  for (let i = 1; i <= 3; i++) {
    await step.click();
    await expect(page.getByTestId('epoch')).toHaveText(String(i));
  }

  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('0');
  await expect(page.getByTestId('status')).toHaveText('ready');

  const runs = page.getByTestId('runs');
  await expect(runs).toBeVisible();
  await expect(runs.getByRole('listitem')).toHaveCount(1);
  await expect(runs.getByRole('listitem')).toContainText('3 ep');

  const after: PlaygroundMetrics = await metrics(page);
  expect(after.epoch).toEqual([0]);
  expect(Number.isFinite(after.trainLoss[0])).toBe(true);
  // Same data, new initial weights: the epoch-0 loss differs from the first run's.
  expect(after.trainLoss[0]).not.toBe(firstLoss0);
  await expect(page.getByTestId('train-loss')).not.toHaveText(firstReadout);
});

test('a new learning rate applies to the running model without a reset', async ({ page }) => {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(3);
  const lr = page.getByTestId('lr');
  await lr.fill('0.3');
  await lr.press('Enter');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().lr)).toBe(0.3);
  const atChange = await readEpoch(page);
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(atChange + 3);
  // Still the same run: still training, no run was kept, and the curve continued from epoch 0.
  await expect(page.getByTestId('status')).toHaveText('training');
  await expect(page.getByTestId('runs')).toHaveCount(0);
  const m = await metrics(page);
  expect(m.epoch[0]).toBe(0);
  expect(m.epoch).toEqual(m.epoch.map((_, i) => i));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});
