// Lessons 6–10 (overfitting, regularization, search, transfer, evaluate) followed through the UI
// on the cpu backend: each is opened from the Lessons panel, set up with one click, and its steps
// done with the page's own controls until every check is ticked; in each, a wrong action (skipping
// the remedy, too few folds, nothing frozen, looking at the test set too early or twice) leaves a
// check unticked.
import type { Page } from '@playwright/test';
import { test, expect, cpuHash, openPlayground } from './fixtures';
import { allChecks, check, openLessonFromPanel, panel, setField, train, untilEpoch } from './lessonSteps';

const passed = (page: Page, n: number, yes = true) => expect(check(page, n)).toHaveAttribute('data-passed', yes ? 'true' : 'false', { timeout: 60_000 });

test('lesson 6 (overfitting): validation turns upward, the diagnosis says so, early stopping one click away stops the run', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'overfitting');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ backend: 'cpu', samples: 100, layers: [32, 32], patience: 0, epochs: 300 });
  await train(page);
  await expect(page.getByTestId('diagnosis')).toContainText('Overfitting', { timeout: 60_000 });
  await passed(page, 1);
  await passed(page, 2);
  // Skipping the remedy: no run has stopped early.
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('status')).toHaveText('paused');
  await passed(page, 3, false);

  await page.getByRole('button', { name: 'Early stopping (patience 30)' }).click();
  await expect(page.getByTestId('early-stop-marks')).toContainText('best epoch', { timeout: 60_000 });
  const text = (await page.getByTestId('early-stop-marks').textContent()) ?? '';
  const [, best, stop] = text.match(/best epoch (\d+), stopped at (\d+)/) ?? [];
  expect(Number(stop)).toBeLessThan(300);
  expect(Number(best)).toBeLessThan(Number(stop));
  await allChecks(page, 3);
});

test('lesson 7 (regularization): L2’s share of the loss, a smaller gap than the run without it, a learning curve', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'regularization');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ samples: 100, layers: [32, 32], l2: 0, epochs: 120 });
  await train(page);
  await untilEpoch(page, 120);
  // Skipping the remedy: no penalty, and no run to compare with the one without it.
  await passed(page, 1, false);
  await passed(page, 2, false);

  // The remedy: L2 λ = 0.01, replayed from the same initial weights.
  await setField(page, 'l2', '0.01');
  await page.getByTestId('start-fresh').click();
  await untilEpoch(page, 120);
  await expect(page.getByTestId('penalty')).toContainText('penalty');
  await passed(page, 1);
  await passed(page, 2);
  await passed(page, 3, false);

  await setField(page, 'sweep-epochs', '60');
  await page.getByRole('button', { name: 'Learning curve' }).click();
  await expect(page.getByTestId('sweep-status')).toHaveText('done: 5 models', { timeout: 90_000 });
  await allChecks(page, 3);
});

test('lesson 8 (search): a grid with 3 folds, the race of the four strategies, the best trial applied', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'search');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ samples: 200, layers: [3], lr: 0.01 });
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.03');
  await page.getByTestId('search-list-units').fill('2, 8');
  await page.getByTestId('search-epochs').fill('10');
  await expect(page.getByTestId('search-size')).toHaveText('4');
  // The wrong action: 2 folds are too few for the first check.
  await page.getByTestId('search-folds').fill('2');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('4 / 4 trials · done', { timeout: 60_000 });
  await passed(page, 1, false);

  await page.getByTestId('search-folds').fill('3');
  await page.getByRole('button', { name: 'Start search' }).click();
  await expect(page.getByTestId('search-status')).toContainText('4 / 4 trials · done', { timeout: 60_000 });
  await passed(page, 1);
  await passed(page, 2, false);

  await page.getByRole('button', { name: 'Race the four strategies' }).click();
  await expect(page.getByTestId('race-table').locator('tbody tr')).toHaveCount(4, { timeout: 90_000 });
  await expect(page.getByTestId('search-status')).toContainText('done');
  await passed(page, 2);
  // Not applied yet: the playground still has the lesson's own settings.
  await passed(page, 3, false);

  await page.getByRole('button', { name: 'Apply best' }).click();
  await allChecks(page, 3);
  const c = await page.evaluate(() => window.playground.getConfig());
  expect([0.3, 0.03]).toContain(c.lr);
  expect([2, 8]).toContain(c.layers[0]);
});

test('lesson 9 (transfer): the three conditions, a frozen base beats scratch on 30 examples; nothing frozen does not count', async ({ page }) => {
  test.setTimeout(180_000);
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'transfer');
  await expect(page.getByTestId('transfer-source')).toHaveValue('circle');
  await expect(page.getByTestId('transfer-target')).toHaveValue('circle-shifted');
  await passed(page, 1, false);
  await setField(page, 'transfer-pretrain-epochs', '10');
  await page.getByTestId('transfer-pretrain').click();
  await expect(page.getByTestId('transfer-status')).toContainText('pretrained', { timeout: 90_000 });
  await passed(page, 1);

  await setField(page, 'transfer-epochs', '40');
  await expect(page.getByTestId('transfer-n-value')).toHaveText('30');
  // The wrong action: nothing frozen (both methods then retrain every layer).
  await page.getByTestId('transfer-freeze-1').uncheck();
  await page.getByTestId('transfer-freeze-2').uncheck();
  await page.getByTestId('transfer-compare').click();
  await expect(page.getByTestId('transfer-status')).toHaveText('comparison done', { timeout: 90_000 });
  await passed(page, 2, false);
  await passed(page, 3, false);

  await page.getByTestId('transfer-freeze-1').check();
  await page.getByTestId('transfer-freeze-2').check();
  await page.getByTestId('transfer-compare').click();
  await expect(page.getByTestId('transfer-table')).toBeVisible();
  await expect(page.getByTestId('transfer-status')).toHaveText('comparison done', { timeout: 90_000 });
  await allChecks(page, 3);
});

test('lesson 10 (evaluate): two runs compared on validation, then the test set once; too early or twice does not count', async ({ page }) => {
  test.setTimeout(150_000);
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'evaluate');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ samples: 200, layers: [2], epochs: 100 });
  const evaluateTest = async () => {
    const before = await page.evaluate(() => window.playground.lessons.status('evaluate'));
    await page.getByRole('button', { name: 'Evaluate on test set' }).click();
    await expect(page.getByTestId('test-result')).toBeVisible();
    return before;
  };
  // The wrong action: the test set during tuning, then again.
  await train(page);
  await untilEpoch(page, 100);
  await evaluateTest();
  await passed(page, 3);
  await evaluateTest();
  await passed(page, 3, false);
  await setField(page, 'units-0', '8');
  await page.evaluate(() => window.playground.ready());
  await train(page);
  await untilEpoch(page, 100);
  await passed(page, 1);
  await passed(page, 2, false);

  // The steps, from a fresh set-up: two runs on validation, then the test set once.
  await panel(page).getByTestId('lesson-setup').click();
  await page.evaluate(() => window.playground.ready());
  for (const n of [1, 2, 3]) await passed(page, n, false);
  await train(page);
  await untilEpoch(page, 100);
  await setField(page, 'units-0', '8');
  await page.evaluate(() => window.playground.ready());
  await train(page);
  await untilEpoch(page, 100);
  await passed(page, 1);
  await passed(page, 2, false);
  await evaluateTest();
  await allChecks(page, 3);
});
