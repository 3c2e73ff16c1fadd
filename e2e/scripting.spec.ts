// window.playground, the scripting API: configure, train, evaluate, and no tensor leaks.
import { test, expect, cpuHash, openPlayground } from './fixtures';

test('setConfig, train, evaluateTest and memory through window.playground', async ({ page }) => {
  await openPlayground(page, '#backend=cpu');
  await page.evaluate(() => window.playground.ready());

  const config = await page.evaluate(() => window.playground.setConfig({ samples: 200, layers: [6], lr: 0.1 }));
  expect(config).toMatchObject({ samples: 200, layers: [6], lr: 0.1, backend: 'cpu' });
  expect(await page.evaluate(() => window.playground.getConfig())).toEqual(config);
  await expect(page.getByTestId('samples')).toHaveValue('200');
  await expect(page.getByTestId('units-0')).toHaveValue('6');
  await expect(page.getByTestId('units-1')).toHaveCount(0);

  const expected21 = Array.from({ length: 21 }, (_, i) => i);
  const resolved = await page.evaluate(() => window.playground.train(20));
  // What train(20) resolves to must already hold epochs 0..20. Checked softly so that, if it
  // does not, the rest of the API is still checked once the late epochs have arrived.
  expect.soft(resolved.epoch, 'epochs in the value train(20) resolved to').toEqual(expected21);
  await expect.poll(() => page.evaluate(() => window.playground.getMetrics().epoch)).toEqual(expected21);

  const m = await page.evaluate(() => window.playground.getMetrics());
  for (const series of [m.trainLoss, m.valLoss]) {
    expect(series).toHaveLength(21);
    expect(series.every((v) => Number.isFinite(v)), JSON.stringify(series)).toBe(true);
  }
  expect(m.valLoss[20]).toBeLessThan(m.valLoss[0]);
  await expect(page.getByTestId('epoch')).toHaveText('20');

  const test = await page.evaluate(() => window.playground.evaluateTest());
  expect(Number.isFinite(test.loss)).toBe(true);
  expect(test.accuracy).not.toBeNull();
  expect(test.accuracy!).toBeGreaterThanOrEqual(0);
  expect(test.accuracy!).toBeLessThanOrEqual(1);
  await expect(page.getByTestId('test-result')).toBeVisible();

  const mem1 = await page.evaluate(() => window.playground.memory());
  expect(mem1.numTensors).toBeGreaterThan(0);
  const m2 = await page.evaluate(() => window.playground.train(20));
  expect.soft(m2.epoch.at(-1), 'last epoch in the value train(20) resolved to').toBe(40);
  await expect.poll(() => page.evaluate(() => window.playground.getMetrics().epoch.length)).toBe(41);
  const mem2 = await page.evaluate(() => window.playground.memory());
  expect(mem2.numTensors).toBe(mem1.numTensors);
});

test('train(n) resolves only once all n epochs have reached the page, even on a slow device', async ({ page }) => {
  await openPlayground(page, cpuHash({ layers: 6, lr: 0.1 }));
  // A slow laptop: the page's main thread runs 8× slower (the worker trains as before).
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 8 });

  for (let round = 1; round <= 2; round++) {
    const m = await page.evaluate(() => window.playground.train(10));
    // Every call adds exactly 10 epochs, and its result already holds all of them.
    expect(m.epoch, `train(10) call ${round}`).toEqual(Array.from({ length: 10 * round + 1 }, (_, i) => i));
  }
});
