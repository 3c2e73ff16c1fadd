// Lessons 1–5 (tuning, splits, model, loss, optimizers) followed through the UI on the cpu
// backend: each is opened from the Lessons panel, set up with one click, its steps done with the
// page's own controls until every check is ticked; and a wrong action leaves a check unticked.
// Progress survives a reload, and a `lesson=` link opens its lesson.
import type { Page } from '@playwright/test';
import { test, expect, cpuHash, openPlayground } from './fixtures';

const panel = (page: Page) => page.getByTestId('lesson-panel');
const check = (page: Page, n: number) => panel(page).getByTestId(`lesson-check-${n}`);

async function openLessonFromPanel(page: Page, id: string): Promise<void> {
  await panel(page).getByTestId(`lesson-open-${id}`).click();
  await expect(panel(page).getByTestId('lesson-title')).toBeFocused();
  await panel(page).getByTestId('lesson-setup').click();
  await expect(panel(page).getByText('The page is set up for this lesson.')).toBeVisible();
  await page.evaluate(() => window.playground.ready());
}

async function setField(page: Page, testId: string, value: string): Promise<void> {
  const f = page.getByTestId(testId);
  await f.fill(value);
  await f.press('Enter');
}

const train = (page: Page) => page.getByRole('button', { name: 'Train', exact: true }).click();

/** Waits for the run to stop at the epoch budget. */
async function untilEpoch(page: Page, n: number): Promise<void> {
  await expect(page.getByTestId('epoch')).toHaveText(String(n), { timeout: 30_000 });
  await expect(page.getByTestId('status')).toHaveText('paused');
}

async function allChecks(page: Page, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await expect(check(page, i)).toHaveAttribute('data-passed', 'true');
  await expect(panel(page).getByTestId(`lesson-check-${n + 1}`)).toHaveCount(0);
  await expect(panel(page).getByTestId('lesson-complete')).toBeVisible();
}

test('lesson 1 (tuning): two runs, the second with a better learning rate, ticks both checks; rerunning unchanged does not', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'tuning');
  await expect(panel(page).getByTestId('lesson-step-1')).toBeVisible();
  await expect(panel(page).getByTestId('lesson-step-5')).toBeVisible();
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ backend: 'cpu', samples: 200, lr: 0.003, optimizer: 'sgd', epochs: 40 });
  // The controls the lesson uses are highlighted.
  expect(await page.evaluate(() => window.playground.lessons.status('tuning').checks.map((c) => c.passed))).toEqual([false, false]);

  await train(page);
  await untilEpoch(page, 40);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'false');
  // Wrong: a second run with nothing changed (new initial weights) is not an improvement by a changed setting.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.evaluate(() => window.playground.ready());
  await train(page);
  await untilEpoch(page, 40);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');

  // The lesson's steps: set it up again (fresh checks), train, raise the learning rate, start fresh.
  await panel(page).getByTestId('lesson-setup').click();
  await page.evaluate(() => window.playground.ready());
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'false');
  await train(page);
  await untilEpoch(page, 40);
  await setField(page, 'lr', '0.1');
  await page.getByTestId('start-fresh').click();
  await untilEpoch(page, 40);
  await allChecks(page, 2);
  expect(await page.evaluate(() => window.playground.lessons.status('tuning').checks.map((c) => c.passed))).toEqual([true, true]);

  // Completed: ticked in the course list, and still after a reload.
  await panel(page).getByTestId('lesson-close').click();
  await expect(panel(page).getByTestId('lesson-open-tuning')).toContainText('✓');
  await page.reload();
  await expect(panel(page).getByTestId('lesson-open-tuning')).toContainText('✓');
  await expect(panel(page).getByTestId('lesson-open-tuning')).toContainText('completed');
});
