// The page trains on the WebGL backend, inside a Web Worker, when WebGL is asked for. This and
// the auto-backend spec are the only ones that use WebGL (SwiftShader in CI is slow), so it
// trains just a few epochs.
import { test, expect, readEpoch, readLoss } from './fixtures';

test('the page trains on WebGL in a Web Worker', async ({ page }) => {
  await page.goto('./#backend=webgl');
  await expect(page.getByTestId('backend')).toHaveText('webgl', { timeout: 60_000 });
  expect(page.url()).toContain('backend=webgl');

  // The page says when WebGL draws in software (SwiftShader here), and only then.
  const renderer = await page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl');
    if (!gl) return '';
    const ext = gl.getExtension('WEBGL_debug_renderer_info');
    return String(gl.getParameter(ext ? ext.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  });
  if (/swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer)) {
    await expect(page.getByTestId('software-webgl')).toContainText('draws in software');
    await expect(page.getByTestId('software-webgl')).toContainText(renderer.slice(0, 20));
  } else {
    await expect(page.getByTestId('software-webgl')).toHaveCount(0);
  }

  const workers = page.workers();
  expect(workers.length).toBeGreaterThanOrEqual(1);
  expect(workers.some((w) => w.url().includes('trainingWorker')), `worker URLs: ${workers.map((w) => w.url()).join(', ')}`).toBe(true);

  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled();
  await train.click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible();
  await expect(page.getByTestId('status')).toHaveText('training');

  await expect.poll(() => readEpoch(page), { timeout: 60_000 }).toBeGreaterThan(3);
  await readLoss(page, 'train-loss');
  await readLoss(page, 'val-loss');

  await pause.click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeEnabled();
  await expect(page.getByTestId('status')).toHaveText('paused');
  // Still on WebGL: no silent fallback happened while training.
  await expect(page.getByTestId('backend')).toHaveText('webgl');
});
