// The learning rate lab (cpu backend): the finder trains a copy of the setup in the lab worker and
// its suggestion becomes the learning rate; the loss surface draws contours and one path per
// ticked optimizer, redrawn from a start point moved by dragging or the arrow keys.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, readEpoch } from './fixtures';

const lab = (page: Page) => page.getByTestId('lab-panel');

/** Each drawn path's first point, by optimizer. */
async function pathStarts(page: Page): Promise<Record<string, [number, number]>> {
  const paths = page.getByTestId('surface-path');
  const out: Record<string, [number, number]> = {};
  for (const p of await paths.all()) {
    const [x, y] = ((await p.getAttribute('data-start')) ?? '').split(',').map(Number);
    out[(await p.getAttribute('data-optimizer')) ?? ''] = [x, y];
  }
  return out;
}

test('the finder suggests a rate between 1e-4 and 1 on the default task, and "Use it" sets it without touching the run', async ({ page }) => {
  // The default task (circle, 4-2 tanh, batch 10, SGD) on the cpu backend.
  await openPlayground(page, '#backend=cpu');
  const finder = lab(page).getByTestId('lr-finder');
  await finder.scrollIntoViewIfNeeded();
  const epochBefore = await readEpoch(page);
  await finder.getByRole('button', { name: 'Find learning rate' }).click();
  await expect(finder.getByTestId('lr-status')).toContainText(/done|stopped/, { timeout: 60_000 });
  const text = (await finder.getByTestId('lr-suggested').textContent()) ?? '';
  const suggested = Number(text);
  expect(suggested, `suggested rate "${text}"`).toBeGreaterThan(1e-4);
  expect(suggested).toBeLessThan(1);
  // The chart: the smoothed loss and the suggested rate marked.
  await expect(finder.getByTestId('lr-chart').locator('.recharts-line-curve')).toHaveCount(1);
  await expect(finder.getByTestId('lr-chart').locator('.recharts-reference-line')).toHaveCount(2);
  // The main run was not touched.
  expect(await readEpoch(page)).toBe(epochBefore);

  await finder.getByRole('button', { name: 'Use it' }).click();
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().lr)).toBe(suggested);
  await expect(page.getByTestId('lr')).toHaveValue(text);
  await expect(finder.getByTestId('lr-use')).toHaveText('in use');

  // The scripting API runs the same test and shows it in the panel.
  const r = await page.evaluate(() => window.playground.findLearningRate());
  expect(r.lrs.length).toBe(r.losses.length);
  expect(r.lrs[0]).toBeCloseTo(1e-6, 10);
  expect(r.suggested).toBeGreaterThan(1e-4);
  expect(r.suggested).toBeLessThan(1);
  await expect(finder.getByTestId('lr-suggested')).toHaveText(text);
});

test('the loss surface draws contours and a path per ticked optimizer, redrawn from a dragged or keyed start', async ({ page }) => {
  await openPlayground(page, '#backend=cpu');
  const surface = lab(page).getByTestId('loss-surface');
  await surface.scrollIntoViewIfNeeded();
  expect(await surface.getByTestId('surface-contours').locator('path').count()).toBeGreaterThan(8);
  // Three optimizers ticked by default: three paths from the default start.
  await expect(surface.getByTestId('surface-path')).toHaveCount(3);
  expect(Object.keys(await pathStarts(page)).sort()).toEqual(['adam', 'momentum', 'sgd']);
  for (const s of Object.values(await pathStarts(page))) expect(s).toEqual([-5, 2]);
  await surface.getByTestId('surface-opt-rmsprop').check();
  await expect(surface.getByTestId('surface-path')).toHaveCount(4);
  await surface.getByTestId('surface-opt-adam').uncheck();
  await expect(surface.getByTestId('surface-path')).toHaveCount(3);
  await expect(surface.getByTestId('surface-table').locator('tbody tr')).toHaveCount(3);
  // Momentum reaches the valley's minimum at the default rate; the table says in how many steps.
  await expect(surface.getByTestId('surface-reached-momentum')).toHaveText(/^\d+$/);

  // Drag the start point to the plot's upper right quarter: every path starts there.
  const start = surface.getByTestId('surface-start');
  const plot = await surface.getByTestId('surface-plot').boundingBox();
  const dot = await start.boundingBox();
  expect(plot && dot).toBeTruthy();
  await page.mouse.move(dot!.x + dot!.width / 2, dot!.y + dot!.height / 2);
  await page.mouse.down();
  await page.mouse.move(plot!.x + plot!.width * 0.75, plot!.y + plot!.height * 0.25, { steps: 5 });
  await page.mouse.up();
  await expect
    .poll(async () => Object.values(await pathStarts(page)).every(([x, y]) => Math.abs(x - 3) < 0.2 && Math.abs(y - 2) < 0.2))
    .toBe(true);
  const dragged = (await pathStarts(page)).sgd;

  // Arrow keys move it too (2% of the span per press): the paths follow.
  await start.focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect.poll(async () => (await pathStarts(page)).sgd[0]).toBeCloseTo(dragged[0] - 0.48, 2);
  await expect(start).toHaveAttribute('aria-label', /Start point/);

  // Another surface: its own contours and start.
  await surface.getByTestId('surface-select').selectOption('rosenbrock');
  await expect.poll(async () => (await pathStarts(page)).sgd).toEqual([-1.5, 1.5]);
});
