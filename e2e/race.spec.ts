// The optimizer race (cpu backend): it trains in the lab worker, fills its chart and table, a row
// applies its optimizer to the Training panel, Cancel stops a long race, and the scripting call
// returns one result per optimizer, all from the same initial loss.
import AxeBuilder from '@axe-core/playwright';
import { test, expect, openPlayground, cpuHash } from './fixtures';

test('a race fills its chart and table with five rows; Apply sets the optimizer', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const panel = page.getByTestId('optimizer-race');
  const epochs = panel.getByTestId('race-epochs');
  await epochs.fill('20');
  await epochs.press('Enter');
  await panel.getByRole('button', { name: 'Race optimizers' }).click();
  await expect(panel.getByTestId('race-status')).toHaveText('done: 20 epochs', { timeout: 60_000 });
  // One solid (training) and one dashed (validation) curve per optimizer, and a legend naming each with its settings.
  await expect(panel.getByTestId('race-chart').locator('.recharts-line-curve')).toHaveCount(10);
  await expect(panel.getByTestId('race-legend').locator('li')).toHaveCount(5);
  await expect(panel.getByTestId('race-legend')).toContainText('Adam, lr 0.01, β₁ 0.9, β₂ 0.999');
  const rows = panel.getByTestId('race-table').locator('tbody tr');
  await expect(rows).toHaveCount(5);
  await expect(panel.getByText('Trained as one batched model on cpu.')).toBeVisible();
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="optimizer-race"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await panel.getByRole('button', { name: 'Apply Adam' }).click();
  await expect(page.getByTestId('optimizer')).toHaveValue('adam');
  await expect(page.getByTestId('lr')).toHaveValue('0.01');
});

test('Cancel stops a long race and keeps what was trained', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const panel = page.getByTestId('optimizer-race');
  const epochs = panel.getByTestId('race-epochs');
  await epochs.fill('5000');
  await epochs.press('Enter');
  await panel.getByRole('button', { name: 'Race optimizers' }).click();
  await expect.poll(() => panel.getByTestId('race-progress').evaluate((p: HTMLProgressElement) => p.value)).toBeGreaterThan(0.002);
  await panel.getByRole('button', { name: 'Cancel race' }).click();
  await expect(panel.getByTestId('race-status')).toContainText('cancelled after', { timeout: 30_000 });
  await expect(panel.getByTestId('race-table').locator('tbody tr')).toHaveCount(5);
  await expect(panel.getByRole('button', { name: 'Race optimizers' })).toBeEnabled();
});

test('playground.raceOptimizers returns five results from the same initial loss', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const r = await page.evaluate(() => window.playground.raceOptimizers({ epochs: 8, target: 0.6, lrs: { sgd: 0.2 } }));
  expect(r.results.map((x) => x.optimizer)).toEqual(['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad']);
  expect(r.batched).toBe(true);
  expect(r.alone).toBeNull();
  expect(r.results[0].lr).toBe(0.2);
  for (const x of r.results) {
    expect(x.trainLoss).toHaveLength(9);
    expect(x.valLoss).toHaveLength(9);
    expect(x.trainLoss[0]).toBe(r.results[0].trainLoss[0]);
    expect(x.valLoss[0]).toBe(r.results[0].valLoss[0]);
    const reached = x.trainLoss.findIndex((v) => v <= 0.6);
    expect(x.epochsToTarget).toBe(reached < 0 ? null : reached);
  }
  // The panel shows the scripted race.
  await expect(page.getByTestId('race-table').locator('tbody tr')).toHaveCount(5);
  const ms = await page.evaluate(() => window.playground.diagnostics.timeOneRun(5));
  expect(ms).toBeGreaterThan(0);
});
