// Bad values typed into a field, or passed to setConfig, are refused and explained; the last
// good value stays in force.
import { test, expect, openPlayground } from './fixtures';

const lrInConfig = (page: import('@playwright/test').Page) => page.evaluate(() => window.playground.getConfig().lr);

test('a bad learning rate is explained inline and in the alert region, then cleared', async ({ page }) => {
  await openPlayground(page);
  const lr = page.getByTestId('lr');
  const alert = page.getByRole('alert');
  // The region is hidden while empty, so absence is checked on the element itself.
  const alertRegion = page.getByTestId('alert');
  await expect(lr).toHaveValue('0.03');
  await expect(lr).not.toHaveAttribute('aria-invalid');

  await lr.fill('abc');
  await expect(lr).toHaveAttribute('aria-invalid', 'true');
  await expect(lr).toHaveAccessibleDescription(/Learning rate must be a number/);
  await expect(alert).toContainText('Learning rate must be a number');
  expect(await lrInConfig(page)).toBe(0.03);

  await lr.fill('-1');
  await expect(lr).toHaveAccessibleDescription(/Learning rate must be between/);
  await expect(alert).toContainText('Learning rate must be between');
  await lr.press('Enter');
  await expect(lr).toHaveAttribute('aria-invalid', 'true');
  expect(await lrInConfig(page)).toBe(0.03);
  expect(await page.evaluate(() => location.hash)).toContain('lr=0.03');

  // Escape drops the bad text and the messages.
  await lr.press('Escape');
  await expect(lr).toHaveValue('0.03');
  await expect(lr).not.toHaveAttribute('aria-invalid');
  await expect(alertRegion).not.toContainText('Learning rate');
  expect(await lrInConfig(page)).toBe(0.03);

  // Fixing the value also clears it, and the good value applies.
  await lr.fill('abc');
  await expect(alert).toContainText('Learning rate must be a number');
  await lr.fill('0.05');
  await expect(lr).not.toHaveAttribute('aria-invalid');
  await expect(alertRegion).not.toContainText('Learning rate');
  await lr.press('Enter');
  await expect.poll(() => lrInConfig(page)).toBe(0.05);
  expect(await page.evaluate(() => location.hash)).toContain('lr=0.05');
});

test('setConfig with a bad value rejects and changes nothing', async ({ page }) => {
  await openPlayground(page);
  const before = await page.evaluate(() => window.playground.getConfig());
  const hashBefore = await page.evaluate(() => location.hash);

  for (const patch of [{ lr: -1 }, { lr: 'abc' }, { lr: 0.1, samples: -5 }, { nope: 1 }]) {
    const result = await page.evaluate(async (p) => {
      try {
        const c = await window.playground.setConfig(p);
        return { rejected: false, message: JSON.stringify(c) };
      } catch (e) {
        return { rejected: true, message: e instanceof Error ? e.message : String(e) };
      }
    }, patch as Record<string, unknown>);
    expect(result.rejected, `setConfig(${JSON.stringify(patch)}) → ${result.message}`).toBe(true);
    expect(result.message.length).toBeGreaterThan(0);
  }

  expect(await page.evaluate(() => window.playground.getConfig())).toEqual(before);
  expect(await page.evaluate(() => location.hash)).toBe(hashBefore);
  await expect(page.getByTestId('lr')).toHaveValue('0.03');
  // The rejection is visible to the person watching too.
  await expect(page.getByRole('alert')).toContainText('setConfig');
});
