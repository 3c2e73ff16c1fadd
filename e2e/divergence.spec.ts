// A learning rate far too high: training stops with a clear message, and no NaN is shown.
import { test, expect, openPlayground } from './fixtures';

test('divergence stops training and is reported, without NaN readouts', async ({ page }) => {
  await openPlayground(page, '#dataset=plane&problem=regression&loss=mse&lr=10&samples=200&backend=cpu');
  await expect(page.getByTestId('backend')).toHaveText('cpu');

  await page.getByRole('button', { name: 'Train', exact: true }).click();

  await expect(page.getByRole('alert')).toContainText('diverged');
  await expect(page.getByTestId('status')).toHaveText('diverged');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Step', exact: true })).toBeDisabled();

  for (const id of ['train-loss', 'val-loss'] as const) {
    const readout = page.getByTestId(id);
    await expect(readout).not.toContainText('NaN');
    await expect(readout).not.toContainText('Infinity');
  }
  const m = await page.evaluate(() => window.playground.getMetrics());
  expect(m.epoch.length).toBeGreaterThanOrEqual(1);
  expect([...m.trainLoss, ...m.valLoss].every((v) => Number.isFinite(v)), JSON.stringify(m)).toBe(true);

  // Training has really stopped: the epoch count stays put.
  const epoch = await page.getByTestId('epoch').textContent();
  await page.waitForTimeout(300);
  await expect(page.getByTestId('epoch')).toHaveText(epoch!);

  // Reset recovers: new weights, the message goes, Train works again.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('ready');
  await expect(page.getByTestId('epoch')).toHaveText('0');
  // (The alert region is hidden while empty, so this reads the element by its test id.)
  await expect(page.getByTestId('alert')).not.toContainText('diverged');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
});
