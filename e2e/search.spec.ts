// Hyperparameter search from the scripting API: a small grid with 2-fold cross-validation in
// the worker pool, and Cancel (cpu backend); the race of four strategies; a TPE search with a
// conditional setting.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash } from './fixtures';

/** Opens the page and sets the panel to a 2 × 2 grid (learning rate × units), 2 folds, 5 epochs. */
async function setUpSmallGrid(page: Page): Promise<void> {
  await openPlayground(page, cpuHash());
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.01');
  await page.getByTestId('search-list-units').fill('2, 6');
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-epochs').fill('5');
}

test('a 2 × 2 grid with 2 folds scores every cell and names the best', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const r = await page.evaluate(() =>
    window.playground.search({
      strategy: 'grid',
      space: { lr: { kind: 'list', values: [0.01, 0.1] }, units: { kind: 'list', values: [2, 8] } },
      folds: 2,
      epochs: 5,
      seed: 1,
    }),
  );
  expect(r.trials).toHaveLength(4);
  const cells = r.trials.map((t) => `${t.trial.lr}/${t.trial.units}`).sort();
  expect(cells).toEqual(['0.01/2', '0.01/8', '0.1/2', '0.1/8']);
  for (const t of r.trials) {
    expect(t.folds).toHaveLength(2);
    expect(t.mean).toBeCloseTo((t.folds[0] + t.folds[1]) / 2, 6);
  }
  const lowest = Math.min(...r.trials.map((t) => t.mean));
  expect(r.best!.mean).toBe(lowest);
  // The pool is separate from the main run's worker.
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
});

test('bad search specs are refused with a reason', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const msg = await page.evaluate(() =>
    window.playground.search({ strategy: 'random', space: { l2: { kind: 'range', min: 0, max: 0.01, scale: 'log' } } }).then(
      () => 'resolved',
      (e: Error) => e.message,
    ),
  );
  expect(msg).toMatch(/log/);
  const empty = await page.evaluate(() => window.playground.search({ space: {} }).then(() => 'resolved', (e: Error) => e.message));
  expect(empty).not.toBe('resolved');
});

test('the panel runs a grid, highlights the best, applies it, and Cancel stops a search', async ({ page }) => {
  await setUpSmallGrid(page);
  await expect(page.getByTestId('search-size')).toHaveText('4');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('4 / 4 trials · done', { timeout: 60_000 });
  await expect(page.getByTestId('search-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('search-table').locator('tr.best')).toHaveCount(1);
  await expect(page.getByTestId('search-backends')).toHaveText('Trained on cpu: 4 trials, batched');
  const bestText = (await page.getByTestId('search-best').textContent()) ?? '';
  const lr = Number(bestText.match(/Learning rate ([\d.]+)/)![1]);
  const units = Number(bestText.match(/Units per hidden layer (\d+)/)![1]);
  await page.getByRole('button', { name: 'Apply best' }).click();
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().lr)).toBe(lr);
  expect((await page.evaluate(() => window.playground.getConfig())).layers.every((u) => u === units)).toBe(true);

  // Bad input keeps Start disabled with a reason next to the fields.
  await page.getByTestId('search-folds').fill('0');
  await expect(page.getByTestId('search-problem-folds')).toContainText('k must be');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeDisabled();
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-list-units').fill('');
  await expect(page.getByTestId('search-problem-units')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start search' })).toBeDisabled();
  await page.getByTestId('search-list-units').fill('2, 6');
  await page.getByTestId('search-strategy').selectOption('random');
  await page.getByLabel('Learning rate: list or range').selectOption('range');
  await page.getByLabel('Learning rate minimum').fill('1');
  await page.getByLabel('Learning rate maximum').fill('0.1');
  await expect(page.getByTestId('search-problem-lr')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Start search' })).toBeDisabled();
  await page.getByLabel('Learning rate minimum').fill('0.001');
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();
  await page.getByTestId('search-strategy').selectOption('grid');

  // A long random search, cancelled: it stops promptly and keeps what finished.
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-strategy').selectOption('random');
  await page.getByTestId('search-epochs').fill('400');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('running');
  await page.getByRole('button', { name: 'Cancel search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('cancelled', { timeout: 15_000 });
  await expect(page.getByRole('button', { name: 'Start search' })).toBeEnabled();
});

test('a race fills the strategies table, and the finished search survives a reload', async ({ page }) => {
  await setUpSmallGrid(page);
  await page.getByRole('button', { name: 'Race the four strategies' }).click();
  const race = page.getByTestId('race-table');
  await expect(race.locator('tbody tr')).toHaveCount(4, { timeout: 120_000 });
  await expect(page.getByTestId('search-status')).toContainText('done');
  const rows = await race.locator('tbody tr').allTextContents();
  expect(rows[0]).toContain('Grid search');
  expect(rows[1]).toContain('Random search');
  expect(rows[2]).toContain('Bayesian optimization');
  expect(rows[3]).toContain('TPE');
  for (const r of await race.locator('tbody tr td:nth-child(3)').allTextContents()) expect(r).toBe('4');
  await expect(page.getByTestId('setting-scatter').locator('figure')).toHaveCount(2);

  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await expect(page.getByTestId('search-table').locator('tbody tr')).toHaveCount(4);
  await expect(page.getByTestId('race-table').locator('tbody tr')).toHaveCount(4);
});

test('a seed reproduces a Bayesian search exactly, however the workers interleave', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const run = () =>
    page.evaluate(() =>
      window.playground.search({ strategy: 'bayes', budget: 7, space: { lr: { kind: 'range', min: 0.001, max: 1, scale: 'log' } }, epochs: 3, seed: 5, patience: 0 }),
    );
  const a = await run();
  const b = await run();
  expect(a.trials.map((t) => t.trial.lr)).toEqual(b.trials.map((t) => t.trial.lr));
  expect(a.trials.map((t) => t.mean)).toEqual(b.trials.map((t) => t.mean));
  expect(new Set(a.trials.map((t) => t.trial.lr)).size).toBeGreaterThan(3);
});

test('a TPE search with momentum β conditional on the optimizer leaves β out of the trials without SGD + momentum', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.getByTestId('search-strategy').selectOption('tpe');
  await expect(page.getByText(/TPE \(the tree-structured Parzen estimator/)).toBeVisible();
  await expect(page.getByTestId('search-condition-momentum')).toContainText('only in trials with the optimizer SGD + momentum');
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-on-units').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.03');
  await page.getByTestId('search-on-optimizer').check();
  await page.getByTestId('search-list-optimizer').fill('sgd, momentum');
  await page.getByTestId('search-on-momentum').check();
  await page.getByLabel('Momentum β: list or range').selectOption('range');
  await page.getByLabel('Momentum β minimum').fill('0.5');
  await page.getByLabel('Momentum β maximum').fill('0.95');
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-epochs').fill('3');
  await page.getByLabel('Trials', { exact: true }).fill('10');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('10 / 10 trials · done', { timeout: 90_000 });
  const rows = page.getByTestId('search-table').locator('tbody tr');
  await expect(rows).toHaveCount(10);
  const settings = await rows.locator('td:nth-child(2)').allTextContents();
  const withMomentum = settings.filter((s) => s.includes('Optimizer momentum'));
  const withSgd = settings.filter((s) => s.includes('Optimizer sgd'));
  expect(withMomentum.length + withSgd.length).toBe(10);
  expect(withMomentum.length).toBeGreaterThan(0);
  expect(withSgd.length).toBeGreaterThan(0);
  for (const s of withMomentum) expect(s).toMatch(/Momentum β 0\.\d+/);
  for (const s of withSgd) expect(s).not.toContain('Momentum β');
});

