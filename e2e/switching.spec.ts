// Switching the problem type and the data set in every direction, by every route a person or a
// script has (controls, an edited hash, setConfig, loadDataset, presets, a CSV file), never
// empties the page or throws: the old run's points stay on screen until the new run replaces
// them, and they must be drawn as what they are. (Regression → classification once blanked the
// page: old regression targets were looked up as class colours.)
import { test, expect, cpuHash, openPlayground } from './fixtures';
import type { Page } from '@playwright/test';

/** The page still shows its controls and a drawn boundary, and every queued action finished. */
async function stillWhole(page: Page, dataset: string): Promise<void> {
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('boundary')).toBeAttached();
  await expect(page.getByTestId('panel-failed')).toHaveCount(0);
  expect(await page.evaluate(() => document.getElementById('root')!.childElementCount)).toBeGreaterThan(0);
  expect((await page.evaluate(() => window.playground.getConfig())).dataset).toBe(dataset);
}

/** A few epochs so the boundary and the points of this run are painted before the next switch. */
async function trainABit(page: Page): Promise<void> {
  await page.evaluate(() => window.playground.train(2));
}

/** x1, x2 and a real-valued target: a regression file. */
function regressionCsv(rows = 60): string {
  const lines = ['x1,x2,y'];
  for (let i = 0; i < rows; i++) {
    const a = ((i * 37) % 100) / 10 - 5;
    const b = ((i * 53) % 100) / 10 - 5;
    lines.push(`${a},${b},${(0.7 * a - 0.3 * b + 0.05 * (i % 7)).toFixed(3)}`);
  }
  return lines.join('\n');
}

test('the Problem control: regression, back to classification, and again', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const problem = page.getByTestId('problem');
  for (let round = 0; round < 2; round++) {
    await trainABit(page);
    await problem.selectOption('regression');
    await stillWhole(page, 'plane');
    await trainABit(page);
    await problem.selectOption('classification');
    await stillWhole(page, 'circle');
  }
  // Switching while the view is mid-update: no wait between the two changes.
  await problem.selectOption('regression');
  await problem.selectOption('classification');
  await stillWhole(page, 'circle');
});

test('an edited hash, setConfig and loadDataset across problem types', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'plane' }));
  await trainABit(page);
  await page.evaluate(() => {
    location.hash = location.hash.replace('dataset=plane', 'dataset=circle');
  });
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().dataset)).toBe('circle');
  await stillWhole(page, 'circle');

  await page.evaluate(() => window.playground.setConfig({ dataset: 'wave' }));
  await trainABit(page);
  await page.evaluate(() => window.playground.setConfig({ dataset: 'circle' }));
  await stillWhole(page, 'circle');

  await page.evaluate(() => window.playground.loadDataset('wave'));
  await trainABit(page);
  await page.evaluate(() => window.playground.loadDataset('xor'));
  await stillWhole(page, 'xor');

  // Tables and 2-D sets, classification and regression, in a row.
  for (const name of ['cars', 'iris', 'wave', 'penguins', 'plane', 'blobs', 'cars', 'circle']) {
    await page.evaluate((n) => window.playground.loadDataset(n), name);
    await trainABit(page);
    await stillWhole(page, name);
  }
});

test('presets while a regression set is loaded, and a regression CSV then iris', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'wave' }));
  await trainABit(page);
  await page.getByRole('button', { name: 'Overfit' }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.evaluate(() => window.playground.pause());
  await stillWhole(page, 'circle');

  await page.evaluate((text) => window.playground.loadCsv(text, { target: 'y', problem: 'regression', name: 'reg.csv' }), regressionCsv());
  await trainABit(page);
  await stillWhole(page, 'upload');
  await page.getByTestId('problem').selectOption('classification');
  await stillWhole(page, 'circle');
  await page.evaluate((text) => window.playground.loadCsv(text, { target: 'y', problem: 'regression', name: 'reg.csv' }), regressionCsv());
  await trainABit(page);
  await page.evaluate(() => window.playground.loadDataset('iris'));
  await stillWhole(page, 'iris');
  await expect(page.getByTestId('confusion')).toBeVisible();
});
