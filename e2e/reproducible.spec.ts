// The same URL reproduces the same run on the cpu backend, number for number.
import { test, expect, cpuHash, openPlayground } from './fixtures';

test('opening the same link twice gives identical curves; Reset gives new weights', async ({ page }) => {
  const hash = cpuHash({ layers: '6,3', optimizer: 'momentum', lr: 0.05, seed: 42 });
  const run = async () => {
    await openPlayground(page, hash);
    return page.evaluate(() => window.playground.train(15));
  };
  const first = await run();
  await page.goto('about:blank');
  const second = await run();
  expect(second.trainLoss).toHaveLength(16);
  expect(second.trainLoss).toEqual(first.trainLoss);
  expect(second.valLoss).toEqual(first.valLoss);

  await page.evaluate(() => window.playground.reset());
  const fresh = await page.evaluate(() => window.playground.getMetrics());
  expect(fresh.trainLoss[0]).not.toBe(first.trainLoss[0]);
});
