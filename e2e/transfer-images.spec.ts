// Transfer learning on images, in the transfer worker on the wasm backend: a CNN base pretrained
// on digits 0–4, then digits 5–9 with 30 training images three ways. Transfer (frozen base + new
// head, or fine-tune all) reaches the target validation accuracy in fewer epochs than from
// scratch (checked locally over seeds 1, 2, 3, 5 and 6: frozen 1–2 epochs, scratch 4–6); the chart
// and the table show the three methods; pretraining cancels; an image base is refused for a
// points task.
import type { Locator } from '@playwright/test';
import { test, expect, openPlayground, cpuHash } from './fixtures';

/** Epochs a method needed to reach the target, from the table's data; Infinity when it did not. */
async function epochsToTarget(table: Locator, method: string): Promise<number> {
  const v = await table.locator(`tr[data-method="${method}"]`).getAttribute('data-epochs-to-target');
  return v === 'none' || v === null ? Infinity : Number(v);
}

test('with 30 target images, transfer beats scratch in epochs to the target accuracy; an image base is refused for points', async ({ page }) => {
  test.setTimeout(420_000);
  await openPlayground(page, cpuHash({ backend: 'wasm' }));
  const panel = page.getByTestId('transfer-panel');
  await panel.scrollIntoViewIfNeeded();
  // Picking the image source brings the image target along.
  await page.getByTestId('transfer-source').selectOption('digits-0-4');
  await expect(page.getByTestId('transfer-target')).toHaveValue('digits-5-9');
  await expect(page.getByTestId('transfer-n-value')).toHaveText('30');
  const checks = page.getByTestId('transfer-checks');
  await expect(checks.locator('[data-check="related"]')).toHaveAttribute('data-ok', 'true');
  await expect(checks.locator('[data-check="shapes"]')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('transfer-image-stack')).toHaveValue('conv:16:3,pool:2,conv:32:3,pool:2,flatten');
  // A bad stack is refused with the reason; the good one stays.
  const stack = page.getByTestId('transfer-image-stack');
  await stack.fill('conv:8:3,dense:4');
  await expect(panel.getByRole('alert')).toContainText('dense layer needs a flat input');
  await stack.press('Escape');
  await expect(stack).toHaveValue('conv:16:3,pool:2,conv:32:3,pool:2,flatten');
  // Fewer epochs per method than the default keep the test short; scratch needs 4–6 to reach 60%.
  const epochs = page.getByTestId('transfer-epochs');
  await epochs.fill('12');
  await epochs.press('Enter');

  // Cancel stops a pretraining under way; there is still no base.
  await page.getByTestId('transfer-pretrain').click();
  await expect(page.getByTestId('transfer-status')).toContainText('pretraining');
  await page.getByTestId('transfer-cancel').click();
  await expect(page.getByTestId('transfer-message')).toContainText('Pretraining cancelled', { timeout: 30_000 });
  await expect(page.getByTestId('transfer-base')).toContainText('No base yet');

  await page.getByTestId('transfer-pretrain').click();
  await expect(page.getByTestId('transfer-progress')).toBeVisible();
  await expect(page.getByTestId('transfer-status')).toContainText('pretrained', { timeout: 200_000 });
  await expect(page.getByTestId('transfer-base')).toContainText('Current base: pretrained on Digits 0–4');
  await expect(checks.locator('[data-check="performance"]')).toHaveAttribute('data-ok', 'true');

  await page.getByTestId('transfer-compare').click();
  const table = page.getByTestId('transfer-table');
  await expect(table).toBeVisible({ timeout: 200_000 });
  await expect(page.getByTestId('transfer-status')).toHaveText('comparison done');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(table).toHaveAttribute('data-target-acc', '0.6');
  await expect(table).toContainText('epochs to accuracy ≥ 60.0%');
  const chart = page.getByTestId('transfer-chart');
  await expect(chart).toHaveAttribute('data-metric', 'acc');
  await expect(chart.locator('.recharts-line-curve')).toHaveCount(3);
  await expect(chart.locator('.recharts-legend-item')).toHaveCount(3);

  const scratch = await epochsToTarget(table, 'scratch');
  const transfer = Math.min(await epochsToTarget(table, 'frozen'), await epochsToTarget(table, 'finetune'));
  expect(Number.isFinite(transfer), 'transfer reached the target accuracy').toBe(true);
  expect(transfer, `transfer ${transfer} vs scratch ${scratch} epochs`).toBeLessThan(scratch);

  // Kept in the browser, then refused for a points task with the reason.
  await page.getByTestId('transfer-save').click();
  const saved = page.getByTestId('transfer-saved');
  await expect(saved.locator('li[data-name]')).toHaveCount(1);
  await page.getByTestId('transfer-source').selectOption('circle');
  await expect(page.getByTestId('transfer-target')).toHaveValue('circle-shifted');
  await saved.getByRole('button', { name: /^Load base/ }).click();
  await expect(page.getByTestId('transfer-message')).toContainText('is an image base');
  await expect(page.getByTestId('transfer-compare')).toBeDisabled();
});
