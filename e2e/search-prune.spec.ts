// Stopping bad trials early (cpu backend, 200 points): a Hyperband search from the panel shows
// its pruned trials in the table and the intermediate curves; an ASHA search from the scripting
// API returns trials whose stops match the rungs.
import { test, expect, openPlayground, cpuHash } from './fixtures';

test('a Hyperband search from the panel shows pruned trials and the intermediate curves', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.getByTestId('search-strategy').selectOption('hyperband');
  // Hyperband prunes by itself: no pruner to pick, but η and what it does.
  await expect(page.getByTestId('search-pruner')).toHaveCount(0);
  await expect(page.getByTestId('search-eta')).toHaveValue('3');
  await expect(page.getByTestId('pruner-hint')).toContainText('successive halving');
  await page.getByTestId('search-eta').fill('1');
  await expect(page.getByTestId('search-problem-eta').first()).toBeVisible();
  await page.getByTestId('search-eta').fill('3');
  await page.getByTestId('search-folds').fill('1');
  await page.getByTestId('search-epochs').fill('9');
  await page.getByRole('button', { name: 'Start search' }).click();
  // 20 trials (the budget) in brackets of 9 epochs.
  await expect(page.getByTestId('search-status')).toContainText('20 / 20 trials · done', { timeout: 90_000 });
  const rows = page.getByTestId('search-table').locator('tbody tr');
  await expect(rows).toHaveCount(20);
  const stopped = page.getByTestId('search-table').locator('td.pruned');
  expect(await stopped.count()).toBeGreaterThan(0);
  await expect(stopped.first()).toHaveText(/pruned at epoch \d/);
  const chart = page.getByTestId('intermediate-chart');
  await expect(chart).toBeVisible();
  await expect(chart.locator('.recharts-line')).toHaveCount(20);
  await expect(page.getByTestId('intermediate-summary')).toContainText('of 20 trials stopped early');
  await page.getByTestId('intermediate-log').check();
  await expect(page.getByTestId('intermediate-log')).toBeChecked();
});

test('an ASHA search from the scripting API: pruned, stoppedAt and intermediate follow the rungs', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const r = await page.evaluate(() =>
    window.playground.search({
      strategy: 'grid',
      space: { lr: { kind: 'list', values: [0.003, 0.03, 0.3] }, units: { kind: 'list', values: [2, 4, 8] } },
      folds: 2,
      epochs: 9,
      seed: 1,
      pruner: 'asha',
      eta: 3,
      minEpochs: 1,
    }),
  );
  expect(r.trials).toHaveLength(9);
  // Rungs at 1 and 3 epochs: 9 trials → 3 → 1.
  const at = (e: number) => r.trials.filter((t) => t.stoppedAt === e).length;
  expect([at(1), at(3), at(9)]).toEqual([6, 2, 1]);
  for (const t of r.trials) {
    expect(t.pruned).toBe(t.stoppedAt! < 9);
    expect(t.intermediate).toHaveLength(t.stoppedAt!);
    expect(t.mean).toBeCloseTo(t.intermediate![t.stoppedAt! - 1], 5);
  }
  // The kept three at rung 1 are the best three there.
  const byRung1 = [...r.trials].sort((a, b) => a.intermediate![0] - b.intermediate![0]);
  expect(byRung1.slice(0, 3).every((t) => t.stoppedAt! > 1)).toBe(true);
  expect(r.best!.pruned).toBe(false);
});

test('a bad η is refused with its reason', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const msg = await page.evaluate(() => window.playground.search({ space: { lr: { kind: 'list', values: [0.1, 0.3] } }, pruner: 'asha', eta: 1 }).then(() => 'resolved', (e: Error) => e.message));
  expect(msg).toMatch(/η/);
});
