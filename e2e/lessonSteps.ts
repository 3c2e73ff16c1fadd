// What the lesson specs (lessons-a, lessons-b, lessons-exercises) do through the page: open a
// lesson from the Lessons panel, set it up, type a field, train to the epoch budget, and wait for
// checks to tick.
import type { Page } from '@playwright/test';
import { expect } from './fixtures';

export const panel = (page: Page) => page.getByTestId('lesson-panel');
export const check = (page: Page, n: number) => panel(page).getByTestId(`lesson-check-${n}`);

/** "Set up the page": the lesson's config as a fresh model, and fresh checks. */
export async function setUp(page: Page): Promise<void> {
  await panel(page).getByTestId('lesson-setup').click();
  await expect(panel(page).getByText('The page is set up for this lesson.')).toBeVisible();
  await page.evaluate(() => window.playground.ready());
}

/** Opens a lesson from the course list (its title takes the focus) and sets it up. */
export async function openLessonFromPanel(page: Page, id: string): Promise<void> {
  await panel(page).getByTestId(`lesson-open-${id}`).click();
  await expect(panel(page).getByTestId('lesson-title')).toBeFocused();
  await setUp(page);
}

/** Types a value into a field and commits it with Enter, then waits for the change to apply. */
export async function setField(page: Page, testId: string, value: string): Promise<void> {
  const f = page.getByTestId(testId);
  await f.fill(value);
  await f.press('Enter');
  await page.evaluate(() => window.playground.ready());
}

export const train = (page: Page) => page.getByRole('button', { name: 'Train', exact: true }).click();

/** Waits for the run to stop at the epoch budget `n`. */
export async function untilEpoch(page: Page, n: number, timeout = 90_000): Promise<void> {
  await expect(page.getByTestId('epoch')).toHaveText(String(n), { timeout });
  await expect(page.getByTestId('status')).toHaveText('paused');
}

/** Every one of the lesson's `n` checks ticked, no more, and the lesson marked complete. */
export async function allChecks(page: Page, n: number, timeout = 60_000): Promise<void> {
  for (let i = 1; i <= n; i++) await expect(check(page, i)).toHaveAttribute('data-passed', 'true', { timeout });
  await expect(panel(page).getByTestId(`lesson-check-${n + 1}`)).toHaveCount(0);
  await expect(panel(page).getByTestId('lesson-complete')).toBeVisible();
}
