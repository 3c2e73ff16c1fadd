// The URL hash holds the whole config: changes made in the UI survive a reload, and a tampered
// hash is shown as a notice, never executed.
import { test, expect, cpuHash, openPlayground } from './fixtures';

test('settings changed in the UI survive a reload', async ({ page }) => {
  await openPlayground(page, cpuHash());

  const lr = page.getByTestId('lr');
  await lr.fill('0.1');
  await lr.press('Enter');
  await page.getByTestId('dataset').selectOption('xor');
  await page.getByRole('button', { name: 'Add layer' }).click();
  await expect(page.getByTestId('units-2')).toBeVisible();

  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)lr=0\.1(&|$)/);
  await page.evaluate(() => window.playground.ready());
  const hash = await page.evaluate(() => location.hash);
  expect(hash).toMatch(/(^#|&)dataset=xor(&|$)/);
  expect(hash).toMatch(/(^#|&)layers=4,2,2(&|$)/);
  expect(hash).toMatch(/(^#|&)backend=cpu(&|$)/);

  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());

  await expect(page.getByTestId('lr')).toHaveValue('0.1');
  await expect(page.getByTestId('dataset')).toHaveValue('xor');
  await expect(page.getByTestId('units-0')).toHaveValue('4');
  await expect(page.getByTestId('units-1')).toHaveValue('2');
  await expect(page.getByTestId('units-2')).toHaveValue('2');
  await expect(page.getByTestId('units-3')).toHaveCount(0);
  await expect(page.getByTestId('samples')).toHaveValue('200');
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const reloaded = await page.evaluate(() => location.hash);
  expect(reloaded).toMatch(/(^#|&)lr=0\.1(&|$)/);
  expect(reloaded).toMatch(/(^#|&)dataset=xor(&|$)/);
  const config = await page.evaluate(() => window.playground.getConfig());
  expect(config).toMatchObject({ lr: 0.1, dataset: 'xor', layers: [4, 2, 2], samples: 200, backend: 'cpu' });
  // Nothing in the restored link was rejected (the region is hidden while empty).
  await expect(page.getByTestId('alert')).toBeEmpty();
});

test('a tampered hash shows a notice and injects nothing', async ({ page }) => {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await openPlayground(page, '#lr=abc&samples=-5&dataset=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&backend=cpu');

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('not valid');
  await expect(alert).toContainText('Learning rate must be a number');
  await expect(alert).toContainText('Points must be between');
  await expect(alert).toContainText('dataset must be one of');

  // Bad values fell back to the defaults; the good one (backend) was kept.
  const config = await page.evaluate(() => window.playground.getConfig());
  expect(config).toMatchObject({ lr: 0.03, samples: 500, dataset: 'circle', backend: 'cpu' });
  await expect(page.getByTestId('lr')).toHaveValue('0.03');
  await expect(page.getByTestId('dataset')).toHaveValue('circle');
  // The link was rewritten to the config in force.
  expect(await page.evaluate(() => location.hash)).not.toContain('img');

  // The page still trains.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');

  await expect(page.locator('img')).toHaveCount(0);
  expect(await page.evaluate(() => document.querySelectorAll('[onerror]').length)).toBe(0);
  expect(dialogs).toEqual([]);
});

test('a slice the table lacks is corrected in the config, the link and the notice; setConfig refuses it', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris', slice: '5,9' }));
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)slice=0,1(&|$)/);
  expect((await page.evaluate(() => window.playground.getConfig())).slice).toEqual([0, 1]);
  await expect(page.getByTestId('alert')).toContainText('slice 5,9');
  const refused = await page.evaluate(() => window.playground.setConfig({ slice: [2, 7] }).then(() => '', (e: Error) => e.message));
  expect(refused).toContain('4 numeric inputs');
  expect((await page.evaluate(() => window.playground.getConfig())).slice).toEqual([0, 1]);
  // An edited hash whose bad value falls back to what is in use is still rewritten.
  await page.evaluate(() => {
    location.hash = location.hash.replace(/lr=[^&]*/, 'lr=0x10');
  });
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/(^#|&)lr=0\.03(&|$)/);
  await expect(page.getByTestId('alert')).toContainText('lr: Learning rate must be a number written in decimal digits');
});
