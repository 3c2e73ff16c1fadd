// Lessons 1–5 (tuning, splits, model, loss, optimizers) followed through the UI on the cpu
// backend: each is opened from the Lessons panel, set up with one click, its steps done with the
// page's own controls until every check is ticked; and a wrong action leaves a check unticked.
// Progress survives a reload, and a `lesson=` link opens its lesson.
import { test, expect, cpuHash, openPlayground } from './fixtures';
import { allChecks, check, openLessonFromPanel, panel, setField, train, untilEpoch } from './lessonSteps';

// Each test takes 10–35 s on an idle 2-core machine; the margin is for a machine shared with other jobs.
test.describe.configure({ timeout: 180_000 });


test('lesson 1 (tuning): two runs, the second with a better learning rate, ticks both checks; rerunning unchanged does not', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'tuning');
  await expect(panel(page).getByTestId('lesson-step-1')).toBeVisible();
  await expect(panel(page).getByTestId('lesson-step-5')).toBeVisible();
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ backend: 'cpu', samples: 200, lr: 0.003, optimizer: 'sgd', epochs: 30 });
  // The controls the lesson uses are highlighted.
  expect(await page.evaluate(() => window.playground.lessons.status('tuning').checks.map((c) => c.passed))).toEqual([false, false]);

  await train(page);
  await untilEpoch(page, 30);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'false');
  // Wrong: a second run with nothing changed (new initial weights) is not an improvement by a changed setting.
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.evaluate(() => window.playground.ready());
  await train(page);
  await untilEpoch(page, 30);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');

  // The lesson's steps: set it up again (fresh checks), train, raise the learning rate, start fresh.
  await panel(page).getByTestId('lesson-setup').click();
  await page.evaluate(() => window.playground.ready());
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'false');
  await train(page);
  await untilEpoch(page, 30);
  await setField(page, 'lr', '0.1');
  await page.getByTestId('start-fresh').click();
  await untilEpoch(page, 30);
  await allChecks(page, 2);
  expect(await page.evaluate(() => window.playground.lessons.status('tuning').checks.map((c) => c.passed))).toEqual([true, true]);

  // Completed: ticked in the course list.
  await panel(page).getByTestId('lesson-close').click();
  await expect(panel(page).getByTestId('lesson-open-tuning')).toContainText('✓');
  await expect(panel(page).getByTestId('lesson-open-splits')).not.toContainText('✓');
});

test('lesson 2 (splits): a 25% validation share, a run, the test set left alone; evaluating the test set unticks its check', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'splits');
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ trainPct: 70, valPct: 10 });
  // Skipping the change: the validation share stays too small.
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'false');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'true');

  await setField(page, 'train-pct', '55');
  await setField(page, 'val-pct', '25');
  await expect(page.getByTestId('test-pct')).toContainText('20');
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await page.evaluate(() => window.playground.ready());
  await train(page);
  await untilEpoch(page, 30);
  await allChecks(page, 3);

  // The wrong action: the test set evaluated in the middle of tuning.
  await page.getByRole('button', { name: 'Evaluate on test set' }).click();
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');
  await expect(panel(page).getByTestId('lesson-complete')).toHaveCount(0);
  expect(await page.evaluate(() => window.playground.lessons.status('splits').checks.map((c) => c.passed))).toEqual([true, true, false]);

  // Progress survives a reload: the link still opens the lesson, and the course list ticks it.
  await page.reload();
  await expect(panel(page).getByTestId('lesson-title')).toHaveText('Training, validation and test sets');
  await expect(panel(page).getByText(/^1 of \d+ completed$/)).toBeVisible();
  await panel(page).getByTestId('lesson-close').click();
  await expect(panel(page).getByTestId('lesson-open-splits')).toContainText('✓');
  await expect(panel(page).getByTestId('lesson-open-splits')).toContainText('completed');
});

test('lesson 3 (model): the linear model underfits, a hidden layer of 8 fits, a capacity sweep runs', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'model');
  expect((await page.evaluate(() => window.playground.getConfig())).layers).toEqual([]);
  await train(page);
  await untilEpoch(page, 50);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  // Skipping the hidden layer: the linear model never gets near the target.
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');

  await page.getByRole('button', { name: 'Add layer' }).click();
  await setField(page, 'units-0', '8');
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().layers)).toEqual([8]);
  await page.evaluate(() => window.playground.ready());
  await train(page);
  await untilEpoch(page, 50);
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'true');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');

  await setField(page, 'sweep-epochs', '30');
  await page.getByRole('button', { name: 'Capacity sweep' }).click();
  await expect(page.getByTestId('sweep-status')).toHaveText(/done/, { timeout: 60_000 });
  await allChecks(page, 3);
});

test('lesson 4 (loss): cross-entropy, then squared error on the same model and seed', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'loss');
  await train(page);
  await untilEpoch(page, 40);
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  // Skipping the second loss: nothing to compare with.
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');

  await page.getByTestId('loss').selectOption('mse');
  await expect(page.getByTestId('loss-formula')).toBeVisible();
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByTestId('epoch')).toHaveText('0');
  await train(page);
  await untilEpoch(page, 40);
  await allChecks(page, 3);
});

test('lesson 5 (optimizers): SGD, momentum and Adam from the same start, then a learning rate of 10 diverges', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await openLessonFromPanel(page, 'optimizers');
  await train(page);
  await untilEpoch(page, 30);
  // Plain SGD alone: no comparison and no divergence yet.
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'false');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');

  await page.getByTestId('optimizer').selectOption('momentum');
  await page.getByTestId('start-fresh').click();
  await expect(check(page, 2)).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('status')).toHaveText('paused');

  await page.getByTestId('optimizer').selectOption('adam');
  await page.getByTestId('start-fresh').click();
  await expect(check(page, 1)).toHaveAttribute('data-passed', 'true');
  await expect(page.getByTestId('status')).toHaveText('paused');
  await expect(check(page, 3)).toHaveAttribute('data-passed', 'false');

  await page.getByTestId('optimizer').selectOption('sgd');
  await setField(page, 'lr', '10');
  await page.getByTestId('start-fresh').click();
  await allChecks(page, 3);
  // The diagnosis says so on the page too.
  expect((await page.evaluate(() => window.playground.getDiagnosis())).regime).toBe('diverged');
});

test('a lesson link opens its lesson, in Chinese too, and the panel is keyboard-usable', async ({ page }) => {
  await openPlayground(page, cpuHash({ lesson: 'splits' }));
  await expect(panel(page).getByTestId('lesson-title')).toHaveText('Training, validation and test sets');
  // Opened by the link: the controls it uses are highlighted, nothing is set up or trained.
  expect(await page.evaluate(() => window.playground.getConfig().valPct)).toBe(25);
  await expect(panel(page).getByTestId('lesson-step-1')).toBeVisible();
  await expect(panel(page).getByTestId('lesson-check-1')).toHaveAttribute('data-passed', 'true');

  // The answer is revealed on request, by keyboard.
  const answer = panel(page).getByTestId('lesson-answer');
  await expect(answer.getByText(/Tune on the validation set/)).toBeHidden();
  await answer.getByText('Show answer').focus();
  await page.keyboard.press('Enter');
  await expect(answer.getByText(/Tune on the validation set/)).toBeVisible();

  // Next and previous move through the course; the link follows.
  await panel(page).getByTestId('lesson-next').focus();
  await page.keyboard.press('Enter');
  await expect(panel(page).getByTestId('lesson-title')).toHaveText('Model size: layers, units and underfitting');
  await expect(panel(page).getByTestId('lesson-title')).toBeFocused();
  await expect(page).toHaveURL(/lesson=model/);
  await panel(page).getByTestId('lesson-close').click();
  await expect(page).not.toHaveURL(/lesson=/);
  await expect(panel(page).getByTestId('lesson-open-tuning')).toBeVisible();

  // The API lists the course and opens (and sets up) a lesson.
  const list = await page.evaluate(() => window.playground.lessons.list());
  expect(list.slice(0, 5)).toEqual([
    { id: 'tuning', title: 'What tuning is', concepts: [1, 26] },
    { id: 'splits', title: 'Training, validation and test sets', concepts: [8] },
    { id: 'model', title: 'Model size: layers, units and underfitting', concepts: [10, 14, 30] },
    { id: 'loss', title: 'The loss: squared error and cross-entropy', concepts: [2, 3, 4] },
    { id: 'optimizers', title: 'Optimizers: gradient descent, momentum, Adam', concepts: [5, 6, 7] },
  ]);
  await page.evaluate(() => window.playground.lessons.open('model'));
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ layers: [], backend: 'cpu' });
  await expect(page).toHaveURL(/lesson=model/);
  await expect(page.evaluate(() => window.playground.lessons.open('nope'))).rejects.toThrow(/No lesson/);

  // In Chinese: the panel and the lesson.
  await page.goto('./' + cpuHash({ lesson: 'splits', lang: 'zh' }));
  await expect(panel(page).getByTestId('lesson-title')).toHaveText('训练集、验证集和测试集');
  await expect(panel(page).getByTestId('lesson-setup')).toHaveText('布置页面');
  await expect(panel(page).getByTestId('lesson-check-3')).toContainText('本课中还没有在测试集上评估');
});

test('a link naming no lesson of the course says so, shows the course list and drops the key', async ({ page }) => {
  await openPlayground(page, cpuHash({ lesson: 'nonsense' }));
  await expect(page.getByTestId('alert')).toContainText('"nonsense"');
  await expect(panel(page).getByTestId('lesson-list')).toBeVisible();
  await expect(panel(page).getByTestId('lesson-title')).toHaveCount(0);
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain('lesson=');
});

test('the course list adds links, not buttons: a title such as "…the Overfit preset…" does not make "Reset" ambiguous', async ({ page }) => {
  await openPlayground(page);
  await expect(panel(page).getByTestId('exercise-list')).toBeVisible();
  await expect(panel(page).getByRole('link', { name: /Overfit preset/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Reset' })).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Overfit' })).toHaveCount(1);
});
