// Scripted solutions of every lesson and exercise, for `BENCH_ONLY=lessons node bench/run.mjs`:
// what a student following the steps does, through `window.playground` (and, where the API has
// no call for it, the page's own control). Each entry runs after `playground.lessons.open(id)` has
// set up the page; the bench then waits until `playground.lessons.status(id)` has every check met.
import { SOLUTIONS_B } from './lessonSolutionsB.mjs';

const api = (page, fn, arg) => page.evaluate(fn, arg);
const setConfig = (page, patch) => api(page, (p) => window.playground.setConfig(p).then(() => undefined), patch);
/** Trains `n` more epochs (the set-up's epoch budget stops it earlier). */
const train = (page, n) => api(page, (k) => window.playground.train(k).then(() => undefined), n);
/** "Start fresh with this setting": the settings now in use, from the same initial weights as the run before. */
const startFresh = (page) => api(page, () => window.playground.startFresh());
const evaluateTest = (page) => api(page, () => window.playground.evaluateTest().then(() => undefined));

/** Sets live settings and trains them as a fresh run from the same initial weights, `n` epochs. */
async function freshRun(page, patch, n) {
  await setConfig(page, patch);
  await startFresh(page);
  await train(page, n);
}

export const SOLUTIONS = {
  // Lessons 1–5.
  async tuning(page) {
    await train(page, 40);
    await freshRun(page, { lr: 0.1 }, 40);
  },
  async splits(page) {
    await setConfig(page, { trainPct: 55, valPct: 25 });
    await train(page, 30);
  },
  async model(page) {
    await train(page, 50);
    await setConfig(page, { layers: [8], activations: ['tanh'], dropout: [0] });
    await train(page, 50);
    // The capacity sweep has no scripting call: its panel's own controls.
    const epochs = page.getByTestId('sweep-epochs');
    await epochs.fill('50');
    await epochs.press('Enter');
    await page.getByRole('button', { name: 'Capacity sweep' }).click();
  },
  async loss(page) {
    await train(page, 40);
    await setConfig(page, { loss: 'mse' });
    await train(page, 40);
  },
  async optimizers(page) {
    await train(page, 40);
    await freshRun(page, { optimizer: 'momentum' }, 40);
    await freshRun(page, { optimizer: 'adam' }, 40);
    await freshRun(page, { optimizer: 'sgd', lr: 10 }, 40);
  },

  // Lessons 6–10: written beside them (lessonSolutionsB.mjs).
  ...SOLUTIONS_B,

  // Exercises.
  async 'one-neuron'(page) {
    await train(page, 30);
    // New inputs are a new model.
    await setConfig(page, { features: ['x1', 'x2', 'x1sq', 'x2sq'] });
    await train(page, 60);
  },
  async 'learning-rate'(page) {
    await setConfig(page, { lr: 0.3 });
    await train(page, 50);
  },
  async 'smallest-net'(page) {
    await setConfig(page, { layers: [3], activations: ['tanh'], dropout: [0] });
    await train(page, 150);
    await evaluateTest(page);
  },
  async 'l2-gap'(page) {
    await train(page, 100);
    await freshRun(page, { l2: 0.01 }, 100);
  },
  async 'beat-overfit'(page) {
    await train(page, 150);
    await freshRun(page, { l2: 0.003 }, 150);
  },
};
