// The auto backend times a new model in about 2 s in all, even a heavy one (this link once
// waited ~97 s: a whole epoch on every backend, SwiftShader's WebGL included), shows how far it
// has got, and a backend chosen meanwhile takes effect at once.
import { test, expect } from './fixtures';

const HEAVY = '#layers=256,256,256,256,256,256&samples=2000&batch=1';

test('a heavy model is timed within a bound, with progress shown, and Train is enabled', async ({ page }) => {
  const start = Date.now();
  await page.goto('./' + HEAVY);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const timing = page.getByTestId('backend-timing');
  await expect(timing).toBeVisible({ timeout: 20_000 });
  await expect(timing.getByRole('progressbar')).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('timing backends');
  await expect(train).toBeDisabled();
  await expect(train).toBeEnabled({ timeout: 20_000 });
  const ms = Date.now() - start;
  // Here 3.4–4 s from page load (wasm picked; under 2 s of it timing), 168 s before the timing
  // was bounded. The margin is for 2 busy cores: should cpu win on noise, setting the model up
  // on it (a 2,500-cell boundary through six 256-unit layers) takes several seconds more.
  expect(ms).toBeLessThan(20_000);
  await expect(timing).toBeHidden();
  const note = page.getByTestId('backend-note');
  await expect(note).toContainText('picked the fastest');
  const text = (await note.textContent()) ?? '';
  const timed = [...text.matchAll(/(webgl|wasm|cpu) ([\d.e+-]+)/g)].map((m) => m[1]);
  expect(timed).toEqual(expect.arrayContaining(['cpu', 'wasm']));
  // WebGL draws in software here: on a model this heavy it is left out, and the note says so.
  if (!timed.includes('webgl')) expect(text).toContain('Not timed: webgl');
});

test('choosing cpu while the timing runs starts on cpu at once; so does the skip button', async ({ page }) => {
  await page.goto('./' + HEAVY);
  const train = page.getByRole('button', { name: 'Train', exact: true });
  const timing = page.getByTestId('backend-timing');
  await expect(timing).toBeVisible({ timeout: 20_000 });
  await page.getByTestId('backend-select').selectOption('cpu');
  // The timing worker is replaced at once, not after the timing.
  await expect(timing).toBeHidden({ timeout: 1_000 });
  await expect(train).toBeEnabled({ timeout: 30_000 });
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  await expect(page.getByTestId('backend-note')).toContainText('as chosen');
  await expect(page.getByTestId('status')).toHaveText('ready');
  await expect(page.locator('.alert-error')).toHaveCount(0);

  // The default task: WebGL (software here) is timed too, which takes a few seconds. The skip
  // button, pressed from the keyboard, goes to cpu the same way.
  await page.goto('about:blank');
  await page.goto('./#backend=auto');
  const skip = page.getByRole('button', { name: 'Skip timing: train on cpu' });
  await expect(skip).toBeVisible({ timeout: 20_000 });
  await skip.focus();
  await page.keyboard.press('Enter');
  await expect(timing).toBeHidden({ timeout: 1_000 });
  await expect(train).toBeEnabled({ timeout: 10_000 });
  await expect(page).toHaveURL(/backend=cpu/);
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  await expect(page.getByTestId('status')).toHaveText('ready');
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  await expect(page.locator('.alert-error')).toHaveCount(0);
});
