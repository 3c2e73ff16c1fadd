// When WebGL fails to start, the worker falls back to WebAssembly and says so; the user can pick
// a backend from the controls.
import { test, expect } from './fixtures';

test.use({ failOnPageErrors: false });

test('with WebGL failing, training runs on wasm with a notice; choosing cpu switches', async ({ page }) => {
  // The WebGL backend's chunk fails to load, as it does where WebGL cannot initialize.
  await page.route('**/backendWebgl-*.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: 'throw new Error("no WebGL here");' }),
  );
  await page.goto('./#samples=200&backend=webgl');
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  const alert = page.getByTestId('alert');
  await expect(alert).toContainText('Using the wasm backend');
  await expect(alert).toContainText('webgl failed to start');

  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');
  const loss = Number(await page.getByTestId('train-loss').textContent());
  expect(Number.isFinite(loss)).toBe(true);

  await page.getByTestId('backend-select').selectOption('cpu');
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  await expect(page).toHaveURL(/backend=cpu/);
  await expect(alert).not.toContainText('Using the wasm backend');
});
