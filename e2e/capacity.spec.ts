// Underfitting that notices capacity: on the default circle (500 points), two ReLU units plateau
// far above what the diagnosis's reference network reaches on the same data and are called
// underfitting, while 8-8 tanh on the same data is not. The reference is fitted once per data
// set in the sweep worker and reused for the second network.
import { test, expect, openPlayground, cpuHash } from './fixtures';

test('two ReLU units on the circle are underfitting; 8-8 tanh is not', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, cpuHash({ samples: 500 }));
  const diagnosis = () => page.evaluate(() => window.playground.getDiagnosis());

  await page.evaluate(() => window.playground.setConfig({ layers: [2], activations: ['relu'], dropout: [0] }));
  await page.evaluate(() => window.playground.train(300));
  // The reference fit starts once training stops (not beside it) and redoes the diagnosis when it arrives.
  await expect.poll(async () => (await diagnosis()).regime, { timeout: 30_000 }).toBe('underfitting');
  const under = await diagnosis();
  expect(under.evidence).toMatch(/training loss plateaued at 0\.\d+/);
  expect(under.evidence).toMatch(/2×32 reference network reaches a validation loss of 0\.\d+/);
  await expect(page.getByTestId('diagnosis')).toContainText('reference network');
  await expect(page.getByRole('button', { name: 'More units (double each layer)' })).toBeVisible();

  await page.evaluate(() => window.playground.setConfig({ layers: [8, 8], activations: ['tanh', 'tanh'], dropout: [0, 0] }));
  await page.evaluate(() => window.playground.train(300));
  const fit = await diagnosis();
  expect(fit.regime, fit.evidence).toBe('good fit');
});
