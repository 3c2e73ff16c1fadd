// A bug in one view must not take the page down: each panel has its own error boundary. A fault
// injected into a panel (playground.diagnostics.breakPanel) shows "The … panel failed" in its
// place while training, the other panels and the worker go on; "Reload panel" brings it back.
import { test, expect, cpuHash, openPlayground, readEpoch } from './fixtures';

test.use({ failOnPageErrors: false });

test('a failing panel is contained, training goes on, and Reload panel restores it', async ({ page, pageErrors }) => {
  await openPlayground(page, cpuHash());
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(3);

  await page.evaluate(() => window.playground.diagnostics.breakPanel('Decision boundary'));
  const failed = page.getByTestId('panel-failed');
  await expect(failed).toHaveCount(1);
  await expect(failed).toContainText('The Decision boundary panel failed: fault injected');
  await expect(page.getByTestId('boundary')).toHaveCount(0);

  // Everything else is still there and still moving.
  const before = await readEpoch(page);
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(before + 3);
  await expect(page.getByTestId('loss-chart')).toBeVisible();
  await expect(page.getByTestId('val-loss')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();

  await failed.getByRole('button', { name: 'Reload panel' }).click();
  await expect(page.getByTestId('panel-failed')).toHaveCount(0);
  await expect(page.getByTestId('boundary')).toBeVisible();

  // Two panels at once, one of them the toolbar: the rest of the page still answers.
  await page.evaluate(() => {
    window.playground.diagnostics.breakPanel('Toolbar');
    window.playground.diagnostics.breakPanel('Loss chart');
  });
  await expect(page.getByTestId('panel-failed')).toHaveCount(2);
  await page.evaluate(() => window.playground.pause());
  await expect(page.getByTestId('boundary')).toBeVisible();
  await expect(page.getByTestId('diagnosis')).toBeVisible();

  // An unknown panel name is refused with the list of names.
  const refused = await page.evaluate(() => {
    try {
      window.playground.diagnostics.breakPanel('nope');
      return '';
    } catch (e) {
      return (e as Error).message;
    }
  });
  expect(refused).toContain('No panel named "nope"');
  expect(refused).toContain('Decision boundary');

  // The only errors were the injected ones.
  expect(pageErrors.length).toBeGreaterThan(0);
  for (const e of pageErrors) expect(e).toContain('fault injected');
});
