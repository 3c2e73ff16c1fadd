// The held-out test set is evaluated on request and shows loss and accuracy.
import { test, expect, openPlayground } from './fixtures';

test('Evaluate on test set shows test loss and accuracy', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId('test-result')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');

  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  const result = page.getByTestId('test-result');
  await expect(result).toBeVisible();
  await expect(result).toHaveText(/Test loss \d+\.\d+.*accuracy \d+(\.\d)?%.*on \d+ points/);

  // The numbers shown are the model's real test metrics (evaluation does not change weights).
  const r = await page.evaluate(() => window.playground.evaluateTest());
  expect(Number.isFinite(r.loss)).toBe(true);
  expect(r.accuracy).not.toBeNull();
  const text = (await result.textContent()) ?? '';
  expect(text).toContain(`Test loss ${r.loss.toFixed(4)}`);
  expect(text).toContain(`accuracy ${(r.accuracy! * 100).toFixed(1)}%`);
  expect(text).toContain(`on ${r.n} points`);
  // 200 points, 50% training and 25% validation: the test split is the remaining quarter.
  expect(r.n).toBe(50);
});
