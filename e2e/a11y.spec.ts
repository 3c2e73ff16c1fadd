// axe-core on the built page in its main states: idle, training, after a sweep and a search, a
// table data set, the digits, the transfer panel with a base, and a phone. No serious or critical violation.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash } from './fixtures';

async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}\n  ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  ')}`);
  expect(report, `serious or critical axe violations ${state}`).toEqual([]);
}

test('idle', async ({ page }) => {
  await openPlayground(page);
  await expectNoSeriousViolations(page, 'when idle');
});

test('while training, with the loss table open and the shortcuts listed', async ({ page }) => {
  await openPlayground(page);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('training');
  await page.getByRole('button', { name: 'Show the curves as a table' }).click();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByTestId('loss-table')).toBeVisible();
  await expectNoSeriousViolations(page, 'while training');
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
});

test('after a sweep and a search', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const epochs = page.getByTestId('sweep-epochs');
  await epochs.fill('10');
  await epochs.press('Enter');
  await page.getByRole('button', { name: 'Learning curve' }).click();
  await expect(page.getByTestId('sweep-status')).toHaveText('done: 5 models', { timeout: 60_000 });
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.01');
  await page.getByTestId('search-list-units').fill('2, 6');
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-epochs').fill('5');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('4 / 4 trials · done', { timeout: 60_000 });
  await expect(page.getByTestId('setting-scatter')).toBeVisible();
  await expectNoSeriousViolations(page, 'after a sweep and a search');
});

test('a table data set (iris)', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris' }));
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('confusion')).toBeVisible();
  await expectNoSeriousViolations(page, 'on a table');
});

test('the digits: image grid, layer stack, drawing pad and image views after a step', async ({ page }) => {
  await openPlayground(page, '#dataset=digits&images=200&backend=wasm&optimizer=adam&lr=0.01&batch=32&imageLayers=conv:4:3,pool:2,flatten');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('misclassified')).toBeVisible();
  await expect(page.getByTestId('feature-maps')).toBeVisible();
  await expect(page.getByTestId('confusion')).toBeVisible();
  await expectNoSeriousViolations(page, 'on the digits');
});

test('the transfer panel with a pretrained base', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const field = page.getByTestId('transfer-pretrain-epochs');
  await field.fill('5');
  await field.press('Enter');
  await page.getByTestId('transfer-pretrain').click();
  await expect(page.getByTestId('transfer-status')).toContainText('pretrained', { timeout: 90_000 });
  await page.getByTestId('transfer-panel').scrollIntoViewIfNeeded();
  await expectNoSeriousViolations(page, 'in the transfer panel');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('idle with the live strip', async ({ page }) => {
    await openPlayground(page);
    await expect(page.getByTestId('live-strip')).toBeVisible();
    await expectNoSeriousViolations(page, 'on a phone');
  });
});
