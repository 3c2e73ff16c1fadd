// Classroom mode: a link built in "Share this setup" hides and locks controls and leaves panels
// out, survives a reload, and "Show all controls" lifts it; presentation mode at 1920×1080 has
// large axis labels and the boundary and curves on one screen, with the controls in a drawer
// driven by keyboard; the workflow stepper ticks its steps from the live state; a phone does not
// scroll sideways.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash, readEpoch } from './fixtures';

const SHOTS = process.env.E2E_SHOTS;

async function ready(page: Page) {
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
}

async function expectNoSeriousViolations(page: Page, state: string) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`), state).toEqual([]);
}

async function noSidewaysScroll(page: Page) {
  const w = await page.evaluate(() => ({ doc: document.documentElement.scrollWidth, body: document.body.scrollWidth, inner: window.innerWidth }));
  expect(w.doc).toBeLessThanOrEqual(w.inner + 1);
  expect(w.body).toBeLessThanOrEqual(w.inner + 1);
}

test('a shared link hides lr, locks the optimizer and shows only some panels; it survives a reload; "Show all controls" brings them back', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openPlayground(page, cpuHash({ lr: 0.1 }));
  // Nothing hidden on a plain link: no escape button.
  await expect(page.getByTestId('show-all-controls')).toHaveCount(0);

  await page.getByTestId('share-open').click();
  const builder = page.getByTestId('share-builder');
  await expect(builder).toBeVisible();
  await expect(page.getByTestId('share-link')).toHaveValue(/#.*lr=0\.1/);
  await builder.getByTestId('share-hide-lr').check();
  await builder.getByTestId('share-lock-optimizer').check();
  // Hiding wins: a hidden control cannot also be locked.
  await expect(builder.getByTestId('share-lock-lr')).toBeDisabled();
  for (const p of ['presets', 'regularization', 'runs', 'saved', 'sweeps', 'search', 'transfer', 'network', 'lessons', 'race', 'lab']) await builder.getByTestId(`share-panel-${p}`).uncheck();
  await builder.getByTestId('share-lesson').selectOption('overfitting');
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/share-builder-1280.png` });
  await expectNoSeriousViolations(page, 'with the share builder open');

  const link = await page.getByTestId('share-link').inputValue();
  const hash = link.slice(link.indexOf('#'));
  expect(hash).toMatch(/(^#|&)lr=0\.1(&|$)/);
  expect(hash).toMatch(/&hide=lr(&|$)/);
  expect(hash).toMatch(/&lock=optimizer(&|$)/);
  expect(hash).toMatch(/&panels=data,model,training,test(&|$)/);
  expect(hash).toMatch(/&lesson=overfitting(&|$)/);
  expect(hash).not.toMatch(/present=1/);

  await page.getByTestId('share-copy').click();
  await expect(page.getByTestId('share-copied')).toHaveText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  // Escape closes the dialog and gives the focus back to its button.
  await page.keyboard.press('Escape');
  await expect(builder).toHaveCount(0);
  await expect(page.getByTestId('share-open')).toBeFocused();
  // The page the teacher built it on is unchanged.
  await expect(page.getByTestId('lr')).toBeVisible();

  // The student opens the link in a new page.
  const student = await context.newPage();
  const errors: string[] = [];
  student.on('pageerror', (e) => errors.push(e.message));
  student.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await student.goto(link);
  await ready(student);

  const expectShared = async () => {
    await expect(student.getByTestId('batch')).toBeVisible();
    await expect(student.getByTestId('lr')).toHaveCount(0);
    await expect(student.getByText('Learning rate α')).toHaveCount(0);
    const optimizer = student.getByTestId('optimizer');
    await expect(optimizer).toBeVisible();
    await expect(optimizer).toBeDisabled();
    await expect(optimizer).toHaveAccessibleDescription(/locked by the shared link/);
    await expect(student.locator('.field', { has: optimizer }).getByTestId('lock-mark')).toBeVisible();
    // Panels shown and left out.
    await expect(student.locator('#data-h')).toBeVisible();
    await expect(student.locator('#test-h')).toBeVisible();
    await expect(student.locator('#reg-h')).toHaveCount(0);
    await expect(student.locator('#search-h')).toHaveCount(0);
    await expect(student.getByTestId('network-view')).toHaveCount(0);
    await expect(student.getByTestId('boundary')).toBeVisible();
    await expect(student.getByTestId('show-all-controls')).toHaveAttribute('aria-pressed', 'false');
    expect(await student.evaluate(() => window.playground.getConfig().lr)).toBe(0.1);
  };
  await expectShared();
  if (SHOTS) await student.screenshot({ path: `${SHOTS}/shared-link-1280.png` });
  await student.reload();
  await ready(student);
  await expectShared();
  expect(await student.evaluate(() => location.hash)).toMatch(/&hide=lr&lock=optimizer&panels=data,model,training,test/);

  await student.getByTestId('show-all-controls').click();
  await expect(student.getByTestId('show-all-controls')).toHaveAttribute('aria-pressed', 'true');
  await expect(student.getByTestId('lr')).toBeVisible();
  await expect(student.getByTestId('optimizer')).toBeEnabled();
  await expect(student.locator('#reg-h')).toBeVisible();
  await expect(student.getByTestId('network-view')).toBeVisible();
  await student.getByTestId('optimizer').selectOption('adam');
  await expect.poll(() => student.evaluate(() => window.playground.getConfig().optimizer)).toBe('adam');
  // And back to the shared view.
  await student.getByTestId('show-all-controls').click();
  await expect(student.getByTestId('lr')).toHaveCount(0);
  expect(errors).toEqual([]);
  await student.close();
});

test('locked checkboxes, buttons and per-layer fields; a hidden family hides every layer', async ({ page }) => {
  await openPlayground(page, cpuHash({ layers: '4,3' }) + '&hide=units,restore-best&lock=add-layer,remove-layer,per-layer,dropout-1,activation');
  await expect(page.getByTestId('units-0')).toHaveCount(0);
  await expect(page.getByTestId('units-1')).toHaveCount(0);
  await expect(page.getByTestId('restore-best')).toHaveCount(0);
  await expect(page.getByText("Restore the best epoch's weights when stopping")).toHaveCount(0);
  await expect(page.getByTestId('add-layer')).toBeDisabled();
  await expect(page.getByTestId('remove-layer-0')).toBeDisabled();
  await expect(page.getByTestId('per-layer')).toBeDisabled();
  await expect(page.getByTestId('activation-1')).toBeDisabled();
  await expect(page.getByTestId('dropout-1')).toBeDisabled();
  await expect(page.getByTestId('dropout-0')).toBeEnabled();
  // The network view's column buttons obey the same link.
  await expect(page.getByTestId('layer-plus-1')).toBeDisabled();
  await expect(page.getByTestId('layer-remove-1')).toBeDisabled();
  await expect(page.getByTestId('layer-add')).toBeDisabled();
  await expect(page.getByRole('group', { name: 'locked by the shared link' }).first()).toBeAttached();
  await expectNoSeriousViolations(page, 'with locked controls');
});

test.describe('presentation mode at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });

  test('large axis labels, boundary and curves on one screen, the controls in a drawer opened and closed by keyboard; a reload keeps it', async ({ page }) => {
    await openPlayground(page);
    const toggle = page.getByTestId('present-mode');
    await expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await expect(page.getByTestId('controls-drawer')).toHaveCount(0);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/&present=1$/);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readEpoch(page)).toBe(1);
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readEpoch(page)).toBe(2);

    const check = async () => {
      await expect(page.locator('#settings')).toBeHidden();
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect(page.getByTestId('boundary')).toBeInViewport({ ratio: 1 });
      await expect(page.getByTestId('loss-chart')).toBeInViewport({ ratio: 1 });
      await expect(page.getByTestId('train-loss')).toBeInViewport();
      const sizes = await page.evaluate(() => ({
        ticks: [...document.querySelectorAll('[data-testid="loss-chart"] .recharts-cartesian-axis-tick-value')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
        axes: [...document.querySelectorAll('[data-testid="boundary-axes"] .ax')].map((e) => parseFloat(getComputedStyle(e).fontSize)),
        canvas: document.querySelector('[data-testid="boundary"]')!.getBoundingClientRect().width,
        chart: document.querySelector('[data-testid="loss-chart"]')!.getBoundingClientRect().height,
      }));
      expect(sizes.ticks.length).toBeGreaterThan(3);
      expect(Math.min(...sizes.ticks)).toBeGreaterThanOrEqual(18);
      expect(sizes.axes.length).toBe(6);
      expect(Math.min(...sizes.axes)).toBeGreaterThanOrEqual(18);
      // Large: well above the normal page's 320 px boundary and 280 px chart.
      expect(sizes.canvas).toBeGreaterThanOrEqual(400);
      expect(sizes.chart).toBeGreaterThanOrEqual(400);
    };
    await check();
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/present-1920.png` });

    // The drawer, by keyboard only.
    const drawer = page.getByTestId('controls-drawer');
    await drawer.focus();
    await page.keyboard.press('Enter');
    await expect(drawer).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('#settings')).toBeVisible();
    await expect(page.getByTestId('lr')).toBeVisible();
    expect(await page.evaluate(() => document.getElementById('settings')!.contains(document.activeElement))).toBe(true);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/present-drawer-1920.png` });
    await expectNoSeriousViolations(page, 'in presentation mode with the drawer open');
    await page.keyboard.press('Escape');
    await expect(drawer).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('#settings')).toBeHidden();
    await expect(drawer).toBeFocused();
    // Space toggles it as well.
    await page.keyboard.press(' ');
    await expect(page.locator('#settings')).toBeVisible();
    await drawer.focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('#settings')).toBeHidden();

    await page.reload();
    await ready(page);
    await expect(page.getByTestId('present-mode')).toHaveAttribute('aria-pressed', 'true');
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readEpoch(page)).toBeGreaterThan(0);
    await check();

    // Off again: the normal page.
    await page.getByTestId('present-mode').click();
    await expect(page.locator('#settings')).toBeVisible();
    await expect(page.getByTestId('boundary-axes')).toHaveCount(0);
    expect(await page.evaluate(() => location.hash)).not.toMatch(/present=1/);
  });
});

test('the workflow stepper takes the student to each panel and ticks steps from the live state', async ({ page }) => {
  await openPlayground(page);
  const step = (n: number) => page.getByTestId(`workflow-step-${n}`);
  await expect(page.getByTestId('workflow-stepper').locator('button')).toHaveCount(7);
  await expect(step(1)).toHaveAttribute('aria-current', 'step');
  await expect(step(2)).toHaveAttribute('data-done', 'true');
  await expect(step(5)).toHaveAttribute('data-done', 'false');
  await step(1).click();
  await expect(page.locator('#data-h')).toBeFocused();
  await expect(step(1)).toHaveAttribute('data-done', 'true');
  await expect(step(5)).toHaveAttribute('aria-current', 'step');
  await step(3).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#model-h')).toBeFocused();
  await expect(page.locator('#model-h')).toBeInViewport();
  await step(6).click();
  await expect(page.locator('#test-h')).toBeFocused();

  // Train: 5 epochs.
  for (let i = 1; i <= 5; i++) {
    await page.getByRole('button', { name: 'Step', exact: true }).click();
    await expect.poll(() => readEpoch(page)).toBe(i);
  }
  await expect(step(5)).toHaveAttribute('data-done', 'true');
  await expect(step(6)).toHaveAttribute('aria-current', 'step');
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  await expect(page.getByTestId('test-result')).toBeVisible();
  await expect(step(6)).toHaveAttribute('data-done', 'true');
  await expect(step(7)).toHaveAttribute('data-done', 'false');
  // Adjust: a change, then a fresh run.
  await page.getByTestId('l2').fill('0.01');
  await page.getByTestId('l2').press('Enter');
  await expect(step(7)).toHaveAttribute('data-done', 'true');
  await expect(page.getByTestId('workflow-stepper').locator('[aria-current="step"]')).toHaveCount(0);
});

test.describe('on a phone (390×844)', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('a shared link, the stepper, the share builder and presentation mode do not scroll sideways', async ({ page }) => {
    await openPlayground(page, cpuHash() + '&hide=lr&lock=optimizer&panels=data,model,training');
    await expect(page.getByTestId('workflow-stepper')).toBeVisible();
    await expect(page.getByTestId('show-all-controls')).toBeVisible();
    await noSidewaysScroll(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-shared.png`, fullPage: true });
    await page.getByTestId('share-open').click();
    await expect(page.getByTestId('share-builder')).toBeVisible();
    await noSidewaysScroll(page);
    const box = await page.getByTestId('share-builder').boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-share.png` });
    await page.getByTestId('share-close').click();
    await page.getByTestId('present-mode').click();
    await noSidewaysScroll(page);
    await page.getByTestId('controls-drawer').click();
    await expect(page.locator('#settings')).toBeVisible();
    await noSidewaysScroll(page);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/phone-present-drawer.png` });
  });
});
