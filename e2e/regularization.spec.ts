// Presets demonstrate over- and underfitting, the diagnosis names them, and early stopping
// stops a run and marks its best and stop epochs on the chart (cpu backend).
import { test, expect, openPlayground } from './fixtures';

const regime = (page: import('@playwright/test').Page) => page.evaluate(() => window.playground.getDiagnosis().regime);

test('the Overfit preset reaches overfitting, and a remedy is one click away', async ({ page }) => {
  await openPlayground(page, '#backend=cpu');
  await page.getByRole('button', { name: 'Overfit', exact: true }).click();
  await expect(page.getByTestId('preset-watch')).toContainText('validation loss turns upward');
  await expect.poll(() => regime(page), { timeout: 60_000 }).toBe('overfitting');
  const diagnosis = page.getByTestId('diagnosis');
  await expect(diagnosis).toContainText('Overfitting');
  await expect(diagnosis).toContainText('validation loss has risen');
  const d = await page.evaluate(() => window.playground.getDiagnosis());
  expect(d.sinceEpoch).not.toBeNull();
  expect(d.evidence).toContain(String(d.sinceEpoch));

  await page.getByRole('button', { name: 'Add L2 (λ = 0.01)' }).click();
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().l2)).toBe(0.01);
  await expect(page).toHaveURL(/l2=0\.01/);
  // The penalty now shows beside the training loss.
  await expect(page.getByTestId('penalty')).toContainText('penalty');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('the Underfit preset reaches underfitting', async ({ page }) => {
  await openPlayground(page, '#backend=cpu');
  await page.getByRole('button', { name: 'Underfit', exact: true }).click();
  await expect.poll(() => regime(page), { timeout: 60_000 }).toBe('underfitting');
  await expect(page.getByTestId('diagnosis')).toContainText('a model that ignores the inputs');
  expect((await page.evaluate(() => window.playground.getConfig())).layers).toEqual([]);
  await expect(page.getByRole('button', { name: 'Add a hidden layer of 8' })).toBeVisible();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('early stopping stops training and marks the best and stop epochs on the chart', async ({ page }) => {
  await openPlayground(page, '#backend=cpu');
  await page.getByRole('button', { name: '… with early stopping' }).click();
  // Training ends by itself: the Train button comes back.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible({ timeout: 60_000 });
  const marks = page.getByTestId('early-stop-marks');
  await expect(marks).toContainText('best epoch');
  const text = (await marks.textContent()) ?? '';
  const [, best, stop] = text.match(/best epoch (\d+), stopped at (\d+)/) ?? [];
  expect(Number(stop) - Number(best)).toBe(30);
  await expect(page.getByTestId('epoch')).toHaveText(stop);
  await expect(page.getByTestId('alert')).toContainText(`went back to the weights of epoch ${best}`);
  const chart = page.getByTestId('loss-chart');
  await expect(chart.getByText('best', { exact: true })).toBeVisible();
  await expect(chart.getByText('stopped', { exact: true })).toBeVisible();
  const m = await page.evaluate(() => window.playground.getMetrics());
  expect(m.epoch.at(-1)).toBe(Number(stop));
});

test('regularization settings come from the link and show in the controls', async ({ page }) => {
  await openPlayground(page, '#backend=cpu&samples=200&layers=8,8&dropout=0.2,0.4&l1=0.001&augment=jitter:0.3,symmetry&patience=20');
  await expect(page.getByTestId('dropout-0')).toHaveValue('0.2');
  await expect(page.getByTestId('dropout-1')).toHaveValue('0.4');
  await expect(page.getByTestId('l1')).toHaveValue('0.001');
  await expect(page.getByTestId('jitter')).toHaveValue('0.3');
  await expect(page.getByTestId('patience')).toHaveValue('20');
  await expect(page.getByLabel(/Symmetry: random rotation/)).toBeChecked();
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.getByTestId('penalty')).toBeVisible();

  // Per-layer penalties: one λ field per weight layer (two hidden, one output).
  await page.getByLabel('Set the penalties per layer').check();
  await expect(page.getByTestId('l1-2')).toHaveValue('0.001');
  const out = page.getByTestId('l2-2');
  await out.fill('0.05');
  await out.press('Enter');
  await expect(page).toHaveURL(/l2=0,0,0\.05/);
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().l2)).toEqual([0, 0, 0.05]);
});
