// A phone-sized viewport: no sideways scrolling, and the main controls and the plot are there.
import { test, expect, openPlayground } from './fixtures';

test.use({ viewport: { width: 390, height: 844 } });

test('fits a 390 px wide screen without horizontal overflow', async ({ page }) => {
  await openPlayground(page);
  const widths = await page.evaluate(() => ({
    doc: document.documentElement.scrollWidth,
    body: document.body.scrollWidth,
    inner: window.innerWidth,
  }));
  expect(widths.inner).toBe(390);
  expect(widths.doc).toBeLessThanOrEqual(390 + 1);
  expect(widths.body).toBeLessThanOrEqual(390 + 1);

  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeVisible();
  await expect(train).toBeInViewport();

  const canvas = page.getByTestId('boundary');
  await expect(canvas).toBeVisible();
  await canvas.scrollIntoViewIfNeeded();
  await expect(canvas).toBeInViewport({ ratio: 1 });
  const box = await canvas.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(390 + 1);
  expect(box!.width).toBeGreaterThan(100);
});
