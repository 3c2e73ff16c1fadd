// The search analysis (cpu backend, small data): parallel coordinates with one line per trial,
// brushing an axis filters the trials table, importance bars, the Pareto front of a
// two-objective search with Apply, and the trials CSV.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash } from './fixtures';

/** A 3 × 2 grid (learning rate × units), 1 fold, 5 epochs, started from the panel; waits until done. */
async function runSmallGrid(page: Page, objectives: 'none' | 'params' = 'none'): Promise<void> {
  await openPlayground(page, cpuHash());
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.1, 0.01');
  await page.getByTestId('search-list-units').fill('2, 6');
  await page.getByTestId('search-folds').fill('1');
  await page.getByTestId('search-epochs').fill('5');
  await page.getByTestId('search-objectives').selectOption(objectives);
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('6 / 6 trials · done', { timeout: 60_000 });
}

test('parallel coordinates draw every trial; brushing an axis filters the table; importance and the trials CSV', async ({ page }) => {
  await runSmallGrid(page);
  const plot = page.getByTestId('parallel-coords');
  await expect(plot.locator('path[data-trial]')).toHaveCount(6);
  const rows = page.getByTestId('search-table').locator('tbody tr');
  await expect(rows).toHaveCount(6);

  // Drag down the top quarter of the learning rate's (log) axis: only lr 0.3 lies there.
  const axis = plot.locator('rect[data-axis="lr"]');
  await axis.scrollIntoViewIfNeeded();
  const box = (await axis.boundingBox())!;
  const x = box.x + box.width / 2;
  await page.mouse.move(x, box.y + 2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.15, { steps: 4 });
  await page.mouse.move(x, box.y + box.height * 0.25, { steps: 4 });
  await page.mouse.up();
  await expect(rows).toHaveCount(2);
  for (const text of await rows.locator('td:nth-child(2)').allTextContents()) expect(text).toContain('Learning rate 0.3');
  await expect(page.getByTestId('search-filtered')).toContainText('2 of 6 trials shown');
  await expect(plot.locator('path[data-kept="true"]')).toHaveCount(2);
  await page.getByTestId('search-filtered').getByRole('button', { name: 'Show all' }).click();
  await expect(rows).toHaveCount(6);
  await expect(page.getByTestId('search-filtered')).toHaveCount(0);

  // The same filter from the keyboard: units from 5 (to any).
  await plot.getByText(/Filter by value/).click();
  const from = plot.getByLabel('Units per hidden layer from');
  await from.fill('5');
  await from.press('Enter');
  await expect(rows).toHaveCount(3);
  await page.getByTestId('search-filtered').getByRole('button', { name: 'Show all' }).click();
  await expect(rows).toHaveCount(6);

  // Importance: a bar per searched setting, largest first, shares summing to 100 %.
  const bars = page.getByTestId('importance').locator('li');
  await expect(bars).toHaveCount(2);
  const shares = (await page.getByTestId('importance').locator('.sv-bar-value').allTextContents()).map((s) => Number(s.replace('%', '')));
  expect(shares[0]).toBeGreaterThanOrEqual(shares[1]);
  expect(shares[0] + shares[1]).toBeCloseTo(100, 0);
  // The forest is fitted in the analysis worker, not on the page's thread.
  expect(page.workers().some((w) => w.url().includes('analysisWorker'))).toBe(true);

  // The contour plot has a dot per trial.
  await expect(page.getByTestId('contour').locator('circle')).toHaveCount(6);

  // The trials CSV: a header and one row per trial, with the pruning columns.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('trials-csv').click()]);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toBe('number,lr,units,value,std,folds,duration_ms,pruned,stopped_at');
  expect(lines).toHaveLength(7);
  expect(lines.slice(1).map((l) => Number(l.split(',')[0])).sort()).toEqual([0, 1, 2, 3, 4, 5]);
});

test('a two-objective search shows the Pareto front, and Apply from a front point sets the config', async ({ page }) => {
  await runSmallGrid(page, 'params');
  const pareto = page.getByTestId('pareto');
  await expect(pareto).toBeVisible();
  const front = pareto.locator('tbody tr');
  const n = await front.count();
  expect(n).toBeGreaterThanOrEqual(1);
  await expect(pareto.locator('circle[data-front]')).toHaveCount(n);
  // Apply the last front trial (the fewest parameters), from the keyboard.
  const row = front.last();
  const text = (await row.locator('td:nth-child(2)').textContent()) ?? '';
  const lr = Number(text.match(/Learning rate ([\d.]+)/)![1]);
  const units = Number(text.match(/Units per hidden layer (\d+)/)![1]);
  await row.getByRole('button', { name: /Apply the settings of trial/ }).focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().lr)).toBe(lr);
  const layers = (await page.evaluate(() => window.playground.getConfig())).layers;
  expect(layers.length).toBeGreaterThan(0);
  expect(layers.every((u) => u === units)).toBe(true);

  // The scripting API resolves with the importance and the front.
  const r = await page.evaluate(() =>
    window.playground.search({
      strategy: 'grid',
      space: { lr: { kind: 'list', values: [0.3, 0.01] }, units: { kind: 'list', values: [2, 8] } },
      epochs: 3,
      objectives: ['loss', 'params'],
    }),
  );
  expect(r.importance.map((i) => i.key).sort()).toEqual(['lr', 'units']);
  expect(r.importance.reduce((s, i) => s + i.importance, 0)).toBeCloseTo(1, 6);
  expect(r.pareto!.length).toBeGreaterThanOrEqual(1);
  // Front trials differ in units: with the same units (same parameter count) only the lower loss is on it.
  const byUnits = new Map<number, number>();
  for (const t of r.pareto!) byUnits.set(Number(t.trial.units), (byUnits.get(Number(t.trial.units)) ?? 0) + 1);
  for (const c of byUnits.values()) expect(c).toBe(1);
});
