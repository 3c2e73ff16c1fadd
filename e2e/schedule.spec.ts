// Learning-rate schedules and gradient clipping through the Training panel (cpu backend): a
// schedule set in its control trains at its rates, shows on the chart's second axis and survives
// a reload (the link's `schedule`); a bad number says why and keeps the schedule in force; a clip
// norm shows the clipped share of the last epoch's steps.
import { test, expect, openPlayground, cpuHash, readEpoch } from './fixtures';

test('a step-decay schedule set in its control trains at its rates, shows on the chart and survives a reload', async ({ page }) => {
  await openPlayground(page, cpuHash({ lr: 0.1, epochs: 12 }));
  const schedule = page.getByTestId('schedule');
  await expect(schedule).toBeVisible();
  // No schedule, no rate line.
  await expect(page.getByTestId('rate-legend')).toHaveCount(0);

  await schedule.getByTestId('schedule-kind').selectOption('step');
  const every = schedule.getByTestId('schedule-every');
  await every.fill('4');
  await every.press('Enter');
  const factor = schedule.getByTestId('schedule-factor');
  await factor.fill('0.5');
  await factor.press('Enter');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().schedule)).toBe('step:4:0.5');
  await expect(page).toHaveURL(/schedule=step(:|%3A)4(:|%3A)0\.5/);
  await expect(page.getByTestId('schedule-formula')).toContainText('α · 0.5^⌊e/4⌋');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  // The epoch budget (12) ends the run: the Train button comes back.
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible({ timeout: 60_000 });
  expect(await readEpoch(page)).toBe(12);
  // Epochs 0–3 at 0.1, 4–7 at 0.05, 8–11 at 0.025; the next (epoch 13, e = 12) at 0.0125.
  await expect(page.getByTestId('rate-now')).toContainText('Rate now: 0.0125 (epoch 13)');

  const chart = page.getByTestId('loss-chart');
  await expect(page.getByTestId('rate-legend')).toContainText('learning rate (right axis, log scale)');
  await expect(chart.getByText('learning rate', { exact: true })).toBeVisible();
  await expect(chart.locator('.rate-line path.recharts-line-curve')).toHaveCount(1);
  // Two Y axes: the loss on the left, the rate on the right.
  await expect(chart.locator('.recharts-yAxis')).toHaveCount(2);

  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByTestId('schedule-kind')).toHaveValue('step');
  await expect(page.getByTestId('schedule-every')).toHaveValue('4');
  await expect(page.getByTestId('schedule-factor')).toHaveValue('0.5');
  expect(await page.evaluate(() => window.playground.getConfig().schedule)).toBe('step:4:0.5');
});

test('a bad schedule number says why and keeps the schedule in force', async ({ page }) => {
  await openPlayground(page, cpuHash({ schedule: 'warmup:5+cosine:40' }));
  await expect(page.getByTestId('schedule-kind')).toHaveValue('cosine');
  await expect(page.getByTestId('schedule-warmup')).toHaveValue('5');
  const over = page.getByTestId('schedule-every');
  await expect(over).toHaveValue('40');
  await over.fill('0');
  await over.press('Enter');
  await expect(over).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('schedule')).toContainText('cosine needs a whole number of epochs from 1 to 100000');
  await expect(page.getByTestId('alert')).toContainText('keeping warmup:5+cosine:40');
  expect(await page.evaluate(() => window.playground.getConfig().schedule)).toBe('warmup:5+cosine:40');
  // Fixed, it applies.
  await over.fill('60');
  await over.press('Enter');
  await expect(over).not.toHaveAttribute('aria-invalid', 'true');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().schedule)).toBe('warmup:5+cosine:60');
});

test('a clip norm shows the clipped share of the last epoch’s steps', async ({ page }) => {
  await openPlayground(page, cpuHash({ epochs: 3 }));
  await expect(page.getByTestId('clipped-share')).toHaveCount(0);
  const clip = page.getByTestId('clip');
  await clip.fill('-1');
  await expect(page.getByText(/Clip norm must be between 0 and 1000/).first()).toBeVisible();
  // A norm far below any gradient's: every step is clipped.
  await clip.fill('0.0001');
  await clip.press('Enter');
  await expect(page).toHaveURL(/clip=0\.0001/);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('clipped-share')).toHaveText('Clipped in 100% of the last epoch’s steps');
});
