// The page trains on the WebGL backend, inside a Web Worker, when WebGL is asked for: a dense net
// and a small CNN on the digits (whose layers run fused there). SwiftShader in CI is slow, so each
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

test('a small CNN learns digits on WebGL, where its conv and dense layers run fused', async ({ page }) => {
  await page.goto('./#backend=webgl&dataset=digits&images=300');
  await expect(page.getByTestId('backend')).toHaveText('webgl', { timeout: 60_000 });
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  const m = await page.evaluate(() => window.playground.train(3));
  // Chance is 0.1; the fused layers' gradients (src/engine/conv.ts) must train it well above that.
  expect(m.epoch.at(-1)).toBe(3);
  expect(m.valAcc.at(-1)!).toBeGreaterThan(0.5);
  expect(m.valLoss.at(-1)!).toBeLessThan(m.valLoss[0] * 0.6);
  await expect(page.getByTestId('backend')).toHaveText('webgl');
});
