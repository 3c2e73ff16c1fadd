// A search's exchange with a big search run elsewhere: the panel exports the search as a
// PyTorch + Optuna script, and imports the trials CSV that script writes, shown apart from the
// browser's trials; a bad CSV is refused with its reason and changes nothing (cpu backend).
import { readFileSync } from 'node:fs';
import { test, expect, openPlayground, cpuHash } from './fixtures';

const csv = `number,lr,units,value,std,folds,duration_ms
0,0.3,2,0.41,0.01,0.40;0.42,120.5
1,0.01,6,0.66,0.02,0.64;0.68,98
2,0.3,6,0.35,0.03,0.32;0.38,101
`;

test('the search panel exports an Optuna script and imports its trials CSV', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.01');
  await page.getByTestId('search-list-units').fill('2, 6');
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-epochs').fill('5');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-optuna').click()]);
  const script = readFileSync((await download.path())!, 'utf8');
  expect(script).toContain('p["lr"] = trial.suggest_categorical("lr", [0.3, 0.01])');
  expect(script).toContain('p["units"] = trial.suggest_categorical("units", [2, 6])');
  expect(script).toContain('EPOCHS = 5');
  expect(script).toContain('FOLDS = 2');

  await page.getByTestId('import-trials').setInputFiles({ name: 'big.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  const table = page.getByTestId('imported-table');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('imported-trials')).toContainText('Imported: 3 trials from big.csv');
  await expect(page.getByTestId('imported-best')).toContainText('trial 3');

  // A value outside the space: refused with the reason, the imported trials stay as they were.
  await page.getByTestId('import-trials').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('number,lr,units,value\n0,0.5,2,0.1\n') });
  await expect(page.getByTestId('import-trials-error')).toContainText('bad.csv was not imported: line 2: Learning rate 0.5 is not one of the search');
  await expect(table.locator('tbody tr')).toHaveCount(3);

  // The scripting API: no search has run yet, so json/csv are refused; the format is checked.
  const refused = await page.evaluate(() => window.playground.exportSearch('csv').then(() => 'ok', (e: Error) => e.message));
  expect(refused).toContain('no search has run yet');
});
