// Learning curve and capacity sweep run in their own worker with progress, and can be cancelled
// while the page (and the main run) stay responsive (cpu backend).
import { test, expect, openPlayground, cpuHash, readEpoch } from './fixtures';

test('a learning curve finishes with one point per training-set size', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const epochs = page.getByTestId('sweep-epochs');
  await epochs.fill('20');
  await epochs.press('Enter');
  await page.getByRole('button', { name: 'Learning curve' }).click();
  await expect(page.getByTestId('sweep-progress')).toBeVisible();
  await expect(page.getByTestId('sweep-status')).toHaveText('done: 5 models', { timeout: 60_000 });
  await expect(page.getByTestId('sweep-chart').locator('.recharts-line-curve')).toHaveCount(2);
  // Two workers: the main run's and the sweeps'.
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
});

test('a capacity sweep can be cancelled, keeping finished models, while the main run trains', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const epochs = page.getByTestId('sweep-epochs');
  await epochs.fill('400');
  await epochs.press('Enter');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.getByRole('button', { name: 'Capacity sweep' }).click();
  await expect.poll(() => page.getByTestId('sweep-progress').evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0.05);
  await page.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('cancelled', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Capacity sweep' })).toBeEnabled();
  // The main run kept training all along.
  const e1 = await readEpoch(page);
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(e1);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});
