// Real tables and CSV files: the built-in sets train and show their table views; an uploaded
// file is previewed, trained on, and a bad file is refused with the previous data kept.
import { fileURLToPath } from 'node:url';
import { test, expect, openPlayground, cpuHash } from './fixtures';

const PLANTS = fileURLToPath(new URL('./data/plants.csv', import.meta.url));

test('penguins: missing rows reported, over 90% validation accuracy, confusion matrix and a slice', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'penguins', optimizer: 'adam', lr: 0.01, layers: 8 }));
  await expect(page.getByTestId('table-summary')).toContainText('Palmer penguins');
  await expect(page.getByTestId('table-dropped')).toContainText(/\d+ rows were dropped/);
  await expect(page.getByTestId('attribution')).toContainText('CC0');
  const m = await page.evaluate(() => window.playground.train(120));
  expect(m.valAcc.at(-1)!).toBeGreaterThan(0.9);
  const confusion = page.getByTestId('confusion');
  await expect(confusion).toContainText('Adelie');
  await expect(confusion).toContainText('Chinstrap');

  // Another slice redraws the view and keeps the trained model.
  const epochs = m.epoch.at(-1);
  await page.getByTestId('slice-x').selectOption({ label: 'Flipper Length (mm)' });
  await expect(page.getByTestId('slice-axes')).toContainText('Flipper Length (mm)');
  await page.evaluate(() => window.playground.ready());
  expect((await page.evaluate(() => window.playground.getMetrics())).epoch.at(-1)).toBe(epochs);
  expect(await page.evaluate(() => location.hash)).toContain('slice=2,1');
});

test('cars: a regression table shows predicted against actual miles per gallon', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'cars', optimizer: 'adam', lr: 0.01, layers: 8 }));
  await page.evaluate(() => window.playground.train(40));
  await expect(page.getByTestId('fit-plot')).toContainText('Miles_per_Gallon');
  const rmse = Number(await page.getByTestId('fit-rmse').textContent());
  // Miles per gallon spread over ~8 mpg; a trained model does far better than that.
  expect(rmse).toBeLessThan(6);
});

test('a CSV file is previewed, its target picked, and it trains', async ({ page }) => {
  await openPlayground(page, cpuHash({ optimizer: 'adam', lr: 0.03 }));
  await page.getByTestId('csv-file').setInputFiles(PLANTS);
  const preview = page.getByTestId('csv-preview');
  await expect(preview).toContainText('160 rows');
  // Decimal commas in a ;-separated file are numbers: 34,7 reads as 34.7.
  await expect(preview.locator('td').first()).toHaveText('34.7');
  await expect(preview).toContainText('Left out "plant"');
  await expect(page.getByTestId('csv-target')).toHaveValue('kind');
  await expect(page.getByTestId('csv-problem')).toHaveValue('classification');
  await page.getByTestId('csv-use').click();
  await expect(page.getByTestId('table-summary')).toContainText('plants.csv');
  await expect(page.getByTestId('dataset')).toHaveValue('upload');
  await page.evaluate(() => window.playground.ready());
  const m = await page.evaluate(() => window.playground.train(60));
  expect(m.valAcc.at(-1)!).toBeGreaterThan(0.9);
  await expect(page.getByTestId('confusion')).toContainText('fern');
});

test('bad files are refused with a clear message and the previous data set stays', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris' }));
  await expect(page.getByTestId('table-summary')).toContainText('Iris');
  const alert = page.getByRole('alert');

  await page.getByTestId('csv-file').setInputFiles({ name: 'ragged.csv', mimeType: 'text/csv', buffer: Buffer.from('a,b,c\n1,2,3\n4,5\n6,7,8\n') });
  await expect(alert).toContainText('Row 3 has 2 fields but the header has 3.');
  await expect(page.getByTestId('csv-preview')).toHaveCount(0);

  await page.getByTestId('csv-file').setInputFiles({ name: 'photo.csv', mimeType: 'text/csv', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0xff, 0xfe]) });
  await expect(alert).toContainText('is not a text file');

  // The same messages reach scripts.
  const oneClass = ['x,y', ...Array.from({ length: 12 }, (_, i) => `${i},a`)].join('\n');
  const err = await page.evaluate((text) => window.playground.loadCsv(text, { target: 'y', problem: 'classification' }).then(() => 'loaded', (e: Error) => e.message), oneClass);
  expect(err).toContain('has only one class');
  await expect(alert).toContainText('has only one class');
  const unknown = await page.evaluate(() => window.playground.loadDataset('mnist').then(() => 'loaded', (e: Error) => e.message));
  expect(unknown).toContain('Unknown data set "mnist"');

  expect(await page.evaluate(() => window.playground.getConfig().dataset)).toBe('iris');
  await expect(page.getByTestId('table-summary')).toContainText('Iris');
  const m = await page.evaluate(() => window.playground.train(5));
  expect(m.epoch.at(-1)).toBe(5);
});

test('scripts load built-in sets and CSV text', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => window.playground.loadDataset('iris'));
  expect(await page.evaluate(() => window.playground.getConfig().dataset)).toBe('iris');
  const csv = ['x1,x2,y', ...Array.from({ length: 60 }, (_, i) => `${i % 10},${(i * 7) % 13},${(i % 10) * 2 + 1}`)].join('\n');
  await page.evaluate((text) => window.playground.loadCsv(text, { target: 'y', problem: 'regression', name: 'line.csv' }), csv);
  const c = await page.evaluate(() => window.playground.getConfig());
  expect(c.dataset).toBe('upload');
  expect(c.problem).toBe('regression');
  const m = await page.evaluate(() => window.playground.train(10));
  expect(m.epoch.at(-1)).toBe(10);
  await expect(page.getByTestId('fit-plot')).toBeVisible();
});
