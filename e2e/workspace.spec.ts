// The workspace: the live view stays in sight while any setting is edited (1280×800, 1920×1080),
// a sticky strip stands in for it on a phone, and the page can be driven from the keyboard.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash, readEpoch } from './fixtures';

// E2E_SHOTS=/some/dir saves screenshots there (to look at the layout).
const SHOTS = process.env.E2E_SHOTS;

/** Edits a field the way a person does: focus (the page scrolls to it), type, Enter. */
async function edit(page: Page, testId: string, value: string) {
  const field = page.getByTestId(testId);
  await field.scrollIntoViewIfNeeded();
  await field.fill(value);
  await field.press('Enter');
  await expect(field).toBeInViewport();
}

async function expectLiveViewInSight(page: Page) {
  await expect(page.getByTestId('boundary')).toBeInViewport({ ratio: 0.95 });
  await expect(page.getByTestId('loss-chart')).toBeInViewport({ ratio: 0.95 });
  await expect(page.getByTestId('train-loss')).toBeInViewport();
  await expect(page.getByTestId('diagnosis')).toBeInViewport();
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('editing settings from the top to the bottom of the column keeps the boundary and the curves in view', async ({ page }) => {
      await openPlayground(page);
      await page.getByRole('button', { name: 'Step', exact: true }).click();
      await expect.poll(() => readEpoch(page)).toBe(1);
      await edit(page, 'l2', '0.01');
      await expect.poll(() => page.evaluate(() => window.playground.getConfig().l2)).toBe(0.01);
      await expectLiveViewInSight(page);
      if (SHOTS) await page.screenshot({ path: `${SHOTS}/workspace-${viewport.width}-l2.png` });
      // The first setting and one far down the column (the search panel) too.
      await edit(page, 'samples', '150');
      await expectLiveViewInSight(page);
      await edit(page, 'search-epochs', '6');
      await expectLiveViewInSight(page);
      if (SHOTS) {
        await page.evaluate(() => window.scrollTo(0, 0));
        await page.screenshot({ path: `${SHOTS}/workspace-${viewport.width}-top.png` });
      }
    });
  });
}

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a compact strip with epoch, losses, verdict and a small boundary stays in sight while a setting is edited', async ({ page }) => {
    await openPlayground(page);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readEpoch(page)).toBe(1);
    await edit(page, 'l2', '0.01');
    const strip = page.getByTestId('live-strip');
    await expect(strip).toBeInViewport({ ratio: 1 });
    await expect(page.getByTestId('strip-boundary')).toBeInViewport({ ratio: 1 });
    await expect(strip).toContainText('Epoch');
    await expect(strip).toContainText(/\d\.\d{4}/);
    await expect(page.getByTestId('strip-verdict')).toHaveText(/\w/);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/workspace-390-l2.png` });
    const widths = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(widths).toBeLessThanOrEqual(391);
  });
});

test('a desktop has no strip (one boundary painted, not two)', async ({ page }) => {
  await openPlayground(page);
  await expect(page.getByTestId('live-strip')).toHaveCount(0);
});

test('keyboard shortcuts: S steps, Space trains and pauses, R resets; none fire while typing', async ({ page }) => {
  await openPlayground(page);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('s');
  await expect.poll(() => readEpoch(page)).toBe(1);

  // Typing an "s" or a space in a field is text, not a shortcut.
  const seed = page.getByTestId('seed');
  await seed.focus();
  await page.keyboard.press('s');
  await page.keyboard.press(' ');
  await page.keyboard.press('r');
  await expect(page.getByTestId('status')).toHaveText('paused');
  expect(await readEpoch(page)).toBe(1);
  await page.keyboard.press('Escape');

  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press(' ');
  await expect(page.getByTestId('status')).toHaveText('training');
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(2);
  await page.keyboard.press(' ');
  await expect(page.getByTestId('status')).toHaveText('paused');
  await page.keyboard.press('r');
  await expect.poll(() => readEpoch(page)).toBe(0);

  // "?" or the button opens the list.
  await page.keyboard.press('?');
  const help = page.getByTestId('shortcuts-help');
  await expect(help).toBeVisible();
  await expect(help).toContainText('Train / pause');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(help).toBeVisible();
  await help.getByRole('button', { name: 'Close' }).click();
  await expect(help).toBeHidden();
});

test('number fields step with the arrow keys', async ({ page }) => {
  await openPlayground(page, cpuHash({ l2: 0.03 }));
  const l2 = page.getByTestId('l2');
  await l2.focus();
  await page.keyboard.press('ArrowUp');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().l2)).toBe(0.04);
  await expect(l2).toHaveValue('0.04');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().l2)).toBe(0.02);
  const batch = page.getByTestId('batch');
  const before = Number(await batch.inputValue());
  await batch.focus();
  await page.keyboard.press('Shift+ArrowUp');
  await expect(batch).toHaveValue(String(before + 10));
});

test('the skip link moves focus to the live view', async ({ page }) => {
  await openPlayground(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the live view' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('live-view')).toBeFocused();
});

test('the loss chart has a data table on request', async ({ page }) => {
  await openPlayground(page);
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect.poll(() => readEpoch(page)).toBe(3);
  const toggle = page.getByRole('button', { name: 'Show the curves as a table' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await toggle.click();
  const table = page.getByTestId('loss-table');
  // Epoch 0 (the untrained model) and the three steps.
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await expect(table.getByRole('columnheader', { name: 'Validation loss' })).toBeVisible();
  await expect(table.locator('tbody tr').last().locator('th')).toHaveText('3');
  await page.getByRole('button', { name: 'Hide the curves as a table' }).click();
  await expect(table).toHaveCount(0);
});

test('the diagnosis announces a change of verdict only, not every epoch', async ({ page }) => {
  await openPlayground(page);
  await page.evaluate(() => {
    const el = document.querySelector('[data-testid="diagnosis-announcement"]')!;
    const w = window as unknown as { __changes: number };
    w.__changes = 0;
    new MutationObserver((m) => (w.__changes += m.length)).observe(el, { subtree: true, childList: true, characterData: true });
  });
  // The visible evidence keeps changing; only the status line is live.
  await expect(page.locator('[aria-live]').filter({ has: page.getByTestId('diagnosis') })).toHaveCount(0);
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page)).toBeGreaterThan(30);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const changes = await page.evaluate(() => (window as unknown as { __changes: number }).__changes);
  // Too early to tell → a verdict, perhaps one more: a handful, never one per epoch.
  expect(changes).toBeLessThanOrEqual(4);
  await expect(page.getByTestId('diagnosis-announcement')).toHaveText(/^Diagnosis: /);
});
