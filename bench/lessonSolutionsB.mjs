// Scripted solutions of lessons 6–11 (overfitting, regularization, images, search, transfer, evaluate),
// in the shape of bench/lessonSolutions.mjs: each runs after `playground.lessons.open(id)` has set
// up the page, and the bench then waits until every check of `playground.lessons.status(id)` is
// met. They do what the lesson's steps say, through `window.playground` and, where it has no call
// (remedies, sweeps, the race, Apply best, transfer), the page's own controls.
// To time them: `SOLUTIONS = { ...SOLUTIONS, ...SOLUTIONS_B }` in bench/lessonSolutions.mjs.

const api = (page, fn, arg) => page.evaluate(fn, arg);
const setConfig = (page, patch) => api(page, (p) => window.playground.setConfig(p).then(() => undefined), patch);
/** Trains `n` more epochs (the set-up's epoch budget stops it earlier). */
const train = (page, n) => api(page, (k) => window.playground.train(k).then(() => undefined), n);
const evaluateTest = (page) => api(page, () => window.playground.evaluateTest().then(() => undefined));

async function fill(page, testId, value) {
  const f = page.getByTestId(testId);
  await f.fill(value);
  await f.press('Enter');
}

export const SOLUTIONS_B = {
  async overfitting(page) {
    // Train until the diagnosis says overfitting, then its early-stopping remedy (a fresh run).
    await page.getByRole('button', { name: 'Train', exact: true }).click();
    await page.getByRole('button', { name: 'Early stopping (patience 30)' }).click({ timeout: 60000 });
  },
  async regularization(page) {
    await train(page, 120);
    await setConfig(page, { l2: 0.01 });
    await page.getByTestId('start-fresh').click();
    await fill(page, 'sweep-epochs', '60');
    await page.getByRole('button', { name: 'Learning curve' }).click();
  },
  async images(page) {
    // The set-up's dense baseline, then the small CNN (a new run), then shifts and rotations, then
    // flips only: augmentation is live, so each starts fresh. 20 epochs each (the set-up's budget).
    const off = { shift: 0, rotate: 0, zoom: 0, noise: 0, flip: false };
    await train(page, 20);
    await setConfig(page, { imageLayers: 'conv:8:3,pool:2,conv:16:3,pool:2,flatten,dense:32' });
    await train(page, 20);
    await setConfig(page, { imageAugment: { ...off, shift: 2, rotate: 10 } });
    await page.getByTestId('start-fresh').click();
    await train(page, 20);
    await setConfig(page, { imageAugment: { ...off, flip: true } });
    await page.getByTestId('start-fresh').click();
    await train(page, 20);
  },
  async search(page) {
    await page.getByTestId('search-on-batch').uncheck();
    await page.getByTestId('search-list-lr').fill('0.3, 0.03');
    await page.getByTestId('search-list-units').fill('2, 8');
    await page.getByTestId('search-folds').fill('3');
    await page.getByTestId('search-epochs').fill('10');
    await page.getByRole('button', { name: 'Race the four strategies' }).click();
    await page.getByTestId('race-table').locator('tbody tr').nth(3).waitFor({ timeout: 90000 });
    await page.getByRole('button', { name: 'Apply best' }).click({ timeout: 30000 });
  },
  async transfer(page) {
    await fill(page, 'transfer-pretrain-epochs', '10');
    await fill(page, 'transfer-epochs', '40');
    await page.getByTestId('transfer-pretrain').click();
    await page.getByTestId('transfer-compare').click({ timeout: 90000 });
  },
  async evaluate(page) {
    await train(page, 100);
    await setConfig(page, { layers: [8], activations: ['tanh'], dropout: [0] });
    await train(page, 100);
    await evaluateTest(page);
  },
};
