// Transfer learning in its own worker (cpu backend): pretrain a base on the default source,
// compare scratch, frozen base + new head and fine-tune all on the scarce default target; keep
// the base in IndexedDB and as downloaded model files; refuse an incompatible pair.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash } from './fixtures';

/** Pretrains on the chosen source and waits until the base is there. */
async function pretrain(page: Page, epochs?: number): Promise<void> {
  if (epochs !== undefined) {
    const field = page.getByTestId('transfer-pretrain-epochs');
    await field.fill(String(epochs));
    await field.press('Enter');
  }
  await page.getByTestId('transfer-pretrain').click();
  await expect(page.getByTestId('transfer-progress')).toBeVisible();
  await expect(page.getByTestId('transfer-status')).toContainText('pretrained', { timeout: 90_000 });
  await expect(page.getByTestId('transfer-base')).toContainText('Current base: pretrained on');
}

/** Epochs a method needed to reach the target loss, from the table's data; Infinity when it did not. */
async function epochsToTarget(table: Locator, method: string): Promise<number> {
  const v = await table.locator(`tr[data-method="${method}"]`).getAttribute('data-epochs-to-target');
  return v === 'none' || v === null ? Infinity : Number(v);
}

test('on the scarce default pair, transfer reaches the target loss in fewer epochs than scratch', async ({ page }) => {
  test.setTimeout(240_000);
  await openPlayground(page, cpuHash());
  const panel = page.getByTestId('transfer-panel');
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId('transfer-source')).toHaveValue('circle');
  await expect(page.getByTestId('transfer-target')).toHaveValue('circle-shifted');
  await expect(page.getByTestId('transfer-n-value')).toHaveText('30');
  const checks = page.getByTestId('transfer-checks');
  await expect(checks.locator('[data-check="related"]')).toHaveAttribute('data-ok', 'true');
  await expect(checks.locator('[data-check="performance"]')).toHaveAttribute('data-ok', 'unknown');
  await expect(checks.locator('[data-check="shapes"]')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('transfer-compare')).toBeDisabled();

  await pretrain(page);
  await expect(checks.locator('[data-check="performance"]')).toHaveAttribute('data-ok', 'true');

  await page.getByTestId('transfer-compare').click();
  const table = page.getByTestId('transfer-table');
  await expect(table).toBeVisible({ timeout: 180_000 });
  await expect(page.getByTestId('transfer-status')).toHaveText('comparison done');
  await expect(table.locator('tbody tr')).toHaveCount(3);
  await expect(page.getByTestId('transfer-chart').locator('.recharts-line-curve')).toHaveCount(3);

  const scratch = await epochsToTarget(table, 'scratch');
  const frozen = await epochsToTarget(table, 'frozen');
  const finetune = await epochsToTarget(table, 'finetune');
  const transfer = Math.min(frozen, finetune);
  expect(Number.isFinite(transfer), `transfer reached the target loss (frozen ${frozen}, fine-tune ${finetune})`).toBe(true);
  expect(transfer, `transfer ${transfer} vs scratch ${scratch} epochs`).toBeLessThan(scratch);
  // Two workers at least: the main run's and the transfer worker.
  expect(page.workers().length).toBeGreaterThanOrEqual(2);
});

test('a pretrained base is saved in the browser, listed, and loads again after a reload', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, cpuHash());
  await pretrain(page, 5);
  await page.getByTestId('transfer-save').click();
  const saved = page.getByTestId('transfer-saved');
  await expect(saved.locator('li[data-name]')).toHaveCount(1);
  await expect(saved).toContainText('Circle, 1000 points');
  await expect(page.getByTestId('transfer-message')).toContainText('Saved');

  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await expect(page.getByTestId('transfer-base')).toContainText('No base yet');
  await page.getByTestId('transfer-list').click();
  await expect(saved.locator('li[data-name]')).toHaveCount(1);
  await saved.getByRole('button', { name: /^Load base/ }).click();
  await expect(page.getByTestId('transfer-base')).toContainText('Current base: pretrained on Circle');
  await expect(page.getByTestId('transfer-compare')).toBeEnabled();
  await saved.getByRole('button', { name: /^Delete base/ }).click();
  await expect(saved.locator('li[data-name]')).toHaveCount(0);
});

test('a base downloads as a tfjs model file pair and uploads again', async ({ page }, info) => {
  test.setTimeout(120_000);
  await openPlayground(page, cpuHash());
  await pretrain(page, 5);
  const downloads: { name: string; path: string }[] = [];
  page.on('download', async (d) => {
    const path = info.outputPath(d.suggestedFilename());
    await d.saveAs(path);
    downloads.push({ name: d.suggestedFilename(), path });
  });
  await page.getByTestId('transfer-download').click();
  await expect.poll(() => downloads.length, { timeout: 20_000 }).toBe(2);
  const json = downloads.find((d) => d.name.endsWith('.json'))!;
  const bin = downloads.find((d) => d.name.endsWith('.weights.bin'))!;
  const model = JSON.parse(await readFile(json.path, 'utf8'));
  expect(model.format).toBe('layers-model');
  expect(model.weightsManifest[0].paths).toEqual([`./${bin.name}`]);
  expect(model.userDefinedMetadata.transferBase.source).toBe('circle');

  // A single file is refused with a reason; the pair is read back.
  const upload = page.getByTestId('transfer-upload');
  await upload.setInputFiles([json.path]);
  await expect(page.getByTestId('transfer-message')).toContainText('Choose two files together');
  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await upload.setInputFiles([json.path, bin.path]);
  await expect(page.getByTestId('transfer-message')).toContainText('Uploaded');
  await expect(page.getByTestId('transfer-base')).toContainText('Current base: pretrained on Circle');
  await expect(page.getByTestId('transfer-compare')).toBeEnabled();
});

test('an incompatible pair (different input features) is refused with an explanation', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.getByTestId('transfer-source').selectOption('iris-species');
  await page.getByTestId('transfer-target').selectOption('chinstrap-sex');
  await expect(page.getByTestId('transfer-checks').locator('[data-check="shapes"]')).toHaveAttribute('data-ok', 'false');
  await expect(page.getByTestId('transfer-checks').locator('[data-check="related"]')).toHaveAttribute('data-ok', 'false');
  const refusal = page.getByTestId('transfer-refusal');
  await expect(refusal).toContainText('reads 4 inputs');
  await expect(refusal).toContainText('Sepal length (cm)');
  await expect(refusal).toContainText('Beak Length (mm)');
  await expect(page.getByTestId('transfer-pretrain')).toBeDisabled();
  await expect(page.getByTestId('transfer-compare')).toBeDisabled();
  // The penguin source fits the same target: the refusal goes.
  await page.getByTestId('transfer-source').selectOption('penguins-sex');
  await expect(refusal).toHaveCount(0);
  await expect(page.getByTestId('transfer-pretrain')).toBeEnabled();
});
