// Hyperparameter search on the digits (wasm, 200 training images, tiny CNN): a 2-trial grid over
// the first conv layer's filters from the scripting API, scored on the validation images; more
// folds, filters off images and the Optuna script refused with the reason; the panel shows the
// filters row and k = 1; the race and sweeps say why they do not apply.
import { test, expect, openPlayground } from './fixtures';

const STACK = 'conv:4:3,pool:2,conv:8:3,pool:2,flatten,dense:16';
const DIGITS = `#dataset=digits&images=200&backend=wasm&optimizer=adam&lr=0.01&batch=32&imageLayers=${STACK}`;

test('a grid over filters on the digits scores each trial on the validation images', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page, DIGITS);
  const r = await page.evaluate(() =>
    window.playground.search({ strategy: 'grid', space: { filters: { kind: 'list', values: [2, 6] }, units: { kind: 'list', values: [8] } }, folds: 1, epochs: 2, seed: 1, objective: 'accuracy' }),
  );
  expect(r.trials).toHaveLength(2);
  expect(r.trials.map((t) => t.trial.filters).sort()).toEqual([2, 6]);
  for (const t of r.trials) {
    expect(t.folds).toHaveLength(1);
    // Validation accuracy of ten digits after 2 epochs: above guessing.
    expect(t.mean).toBeGreaterThan(0.1);
    expect(t.mean).toBeLessThanOrEqual(1);
  }
  expect(r.best!.mean).toBe(Math.max(...r.trials.map((t) => t.mean)));
  // The panel lists the search's results with the filters.
  await expect(page.getByTestId('search-table').locator('tbody tr')).toHaveCount(2);
  await expect(page.getByTestId('search-table')).toContainText('Filters of conv layer 1');
});

test('image searches refuse more folds and the 2-D sets’ hidden layers, and the Optuna script', async ({ page }) => {
  await openPlayground(page, DIGITS);
  const refusal = (spec: object) => page.evaluate((s) => window.playground.search(s as never).then(() => 'resolved', (e: Error) => e.message), spec);
  expect(await refusal({ strategy: 'grid', space: { filters: { kind: 'list', values: [2] } }, folds: 3, epochs: 1 })).toMatch(/fixed validation images/);
  expect(await refusal({ strategy: 'grid', space: { layers: { kind: 'list', values: [1, 2] } }, folds: 1, epochs: 1 })).toMatch(/does not apply/);
  // The panel: a filters row, no hidden-layers row, k fixed at 1 with the reason, no Optuna script.
  await expect(page.getByTestId('search-on-filters')).toBeVisible();
  await expect(page.getByTestId('search-on-layers')).toHaveCount(0);
  await expect(page.getByTestId('search-folds')).toBeDisabled();
  await expect(page.getByTestId('search-image-folds')).toBeVisible();
  await expect(page.getByTestId('export-optuna')).toBeDisabled();
  await expect(page.getByTestId('optuna-images')).toBeVisible();
  // Panels that train dense networks only say so in one line.
  await expect(page.getByTestId('race-images')).toBeVisible();
  await expect(page.getByTestId('sweeps-images')).toBeVisible();
});
