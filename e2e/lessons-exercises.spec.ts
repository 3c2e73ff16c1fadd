// The exercises followed through the UI on the cpu backend: each is opened from the Lessons
// panel, set up with one click, and answered with the page's own controls until every check is
// ticked; a wrong answer (the one each exercise warns about) leaves its goal unticked.
import type { Page } from '@playwright/test';
import { test, expect, cpuHash, openPlayground } from './fixtures';
import { check, panel, setField, setUp as setUpLesson, untilEpoch } from './lessonSteps';

const passed = (page: Page, id: string) => page.evaluate((x) => window.playground.lessons.status(x).checks.map((c) => c.passed), id);

async function openExercise(page: Page, id: string): Promise<void> {
  await openPlayground(page, cpuHash());
  await panel(page).getByTestId(`lesson-open-${id}`).click();
  await expect(panel(page).getByTestId('lesson-title')).toBeFocused();
  await setUp(page);
}

/** "Set up the page", and the fresh model at epoch 0. */
async function setUp(page: Page): Promise<void> {
  await setUpLesson(page);
  await expect(page.getByTestId('epoch')).toHaveText('0');
}

/** Clicks Train and waits for the run to stop at the epoch budget `n`. */
async function trainTo(page: Page, n: number): Promise<void> {
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await untilEpoch(page, n);
}

/** "Start fresh with this setting" after a live edit: once it has set up the new run, waits for it to reach the budget `n`. */
async function startFreshTo(page: Page, n: number): Promise<void> {
  await page.getByTestId('start-fresh').click();
  // The new run exists once the queued set-up is done: a later epoch `n` is its own.
  await page.evaluate(() => window.playground.ready());
  await untilEpoch(page, n);
}

async function allChecks(page: Page, n: number): Promise<void> {
  for (let i = 1; i <= n; i++) await expect(check(page, i)).toHaveAttribute('data-passed', 'true');
  await expect(panel(page).getByTestId(`lesson-check-${n + 1}`)).toHaveCount(0);
  await expect(panel(page).getByTestId('lesson-complete')).toBeVisible();
}

test('one-neuron: x₁ and x₂ alone fail; with x₁² and x₂² and no hidden layer the validation loss gets below 0.15', async ({ page }) => {
  await openExercise(page, 'one-neuron');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ backend: 'cpu', samples: 200, layers: [], features: ['x1', 'x2'], epochs: 100 });
  // Wrong answer: the linear model on x₁, x₂ as set up. It fails (check 1), and the goal stays unticked.
  await trainTo(page, 100);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  // A hidden layer would learn it, but that is not the exercise: still unticked.
  await page.getByRole('button', { name: 'Add layer' }).click();
  await page.evaluate(() => window.playground.ready());
  await trainTo(page, 100);
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  await page.getByRole('button', { name: 'Remove hidden layer 1' }).click();
  // Right answer: the squares as inputs (each a new model), no hidden layer.
  await page.getByLabel('x₁²', { exact: true }).check();
  await page.getByLabel('x₂²', { exact: true }).check();
  await page.evaluate(() => window.playground.ready());
  expect(await page.evaluate(() => window.playground.getConfig().layers)).toEqual([]);
  await trainTo(page, 100);
  await allChecks(page, 2);
});

test('learning-rate: 0.003 crawls and 3 bounces, 0.3 gets the training loss below 0.1 by epoch 50', async ({ page }) => {
  await openExercise(page, 'learning-rate');
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  // Wrong: the set-up's tiny learning rate.
  await trainTo(page, 50);
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  // Wrong: far too large.
  await setField(page, 'lr', '3');
  await startFreshTo(page, 50);
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  // Wrong: a wider network is not the exercise (check 1 unticks while it is on).
  await setField(page, 'units-0', '16');
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'false');
  await setField(page, 'units-0', '4');
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  // Right: α = 0.3.
  await setField(page, 'lr', '0.3');
  await trainTo(page, 50);
  await allChecks(page, 2);
});

test('smallest-net: 3 tanh units reach test loss below 0.2, evaluated once', async ({ page }) => {
  await openExercise(page, 'smallest-net');
  await page.getByRole('button', { name: 'Remove hidden layer 2' }).click();
  await setField(page, 'units-0', '3');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ layers: [3], activations: ['tanh'], features: ['x1', 'x2'] });
  await trainTo(page, 150);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  await expect(page.getByTestId('test-result')).toBeVisible();
  await allChecks(page, 3);
  // A second look at the test set unticks "exactly once".
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'true');
});

test('smallest-net, wrong: 2 hidden units cannot close the circle, and the set-up network has too many', async ({ page }) => {
  await openExercise(page, 'smallest-net');
  await page.getByRole('button', { name: 'Remove hidden layer 2' }).click();
  await setField(page, 'units-0', '2');
  await trainTo(page, 150);
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  await expect(page.getByTestId('test-result')).toBeVisible();
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  const test = await page.evaluate(() => window.playground.evaluateTest());
  expect(test.loss).toBeGreaterThan(0.2);
  expect(await passed(page, 'smallest-net')).toEqual([true, false, false]);
});

test('l2-gap: λ = 0.01 keeps the gap at most half of λ = 0, and the network still fits', async ({ page }) => {
  await openExercise(page, 'l2-gap');
  await trainTo(page, 100);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await setField(page, 'l2', '0.01');
  await startFreshTo(page, 100);
  await allChecks(page, 3);
});

test('l2-gap, wrong: λ = 0.1 closes the gap only by not fitting at all', async ({ page }) => {
  await openExercise(page, 'l2-gap');
  await setField(page, 'l2', '0.1');
  await trainTo(page, 100);
  expect(await passed(page, 'l2-gap')).toEqual([false, false, false]);
  const m = await page.evaluate(() => window.playground.getMetrics());
  expect(m.trainLoss.at(-1)).toBeGreaterThan(0.3);
});

test('beat-overfit: one remedy (L2 λ = 0.003) from the same initial weights beats the preset’s best validation loss', async ({ page }) => {
  await openExercise(page, 'beat-overfit');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ samples: 100, noise: 0.4, layers: [32, 32], l2: 0, epochs: 150 });
  await trainTo(page, 150);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  await setField(page, 'l2', '0.003');
  await startFreshTo(page, 150);
  await allChecks(page, 3);
});

test('beat-overfit, wrong: two remedies at once do not count', async ({ page }) => {
  await openExercise(page, 'beat-overfit');
  await trainTo(page, 150);
  await setField(page, 'l2', '0.003');
  await setField(page, 'patience', '30');
  await page.getByTestId('start-fresh').click();
  await page.evaluate(() => window.playground.ready());
  // Early stopping ends this run before the budget (the status reads "ready" at epoch 0, "training", then "paused").
  await expect(page.getByTestId('status')).toHaveText('paused', { timeout: 60_000 });
  expect(Number(await page.getByTestId('epoch').textContent())).toBeLessThan(150);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');
});
