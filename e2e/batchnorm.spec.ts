// Batch normalization from the Model panel (cpu backend): the switch goes into the link, the run
// trains with finite losses, the network view marks and draws the layer, the search says its trials
// train one at a time, and a reload keeps the switch.
import type { Locator } from '@playwright/test';
import { test, expect, cpuHash, openPlayground } from './fixtures';

/** The pixels of the canvas inside an element, as a data URL (null while there is none). */
const pixels = (el: Locator) => el.evaluate((node) => node.querySelector('canvas')?.toDataURL() ?? null);

test('batch norm on hidden layer 1: in the link, trains with finite losses, drawn and kept on reload', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const bn1 = page.getByTestId('batchnorm-1');
  await expect(bn1).not.toBeChecked();
  await bn1.check();
  await expect(page).toHaveURL(/batchnorm=1,0/);
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().batchnorm)).toEqual([true, false]);
  await expect(page.getByTestId('batchnorm-2')).not.toBeChecked();
  await expect(page.getByTestId('layer-bn-1')).toHaveText('BN');
  await expect(page.getByTestId('layer-bn-2')).toHaveCount(0);
  await expect(page.getByTestId('search-batchnorm-note')).toContainText('one at a time');

  const hidden = page.getByTestId('network-view').getByTestId('neuron-1-0');
  const before = await pixels(hidden);
  const m = await page.evaluate(() => window.playground.train(8));
  expect(m.epoch.at(-1)).toBe(8);
  for (const v of [...m.trainLoss, ...m.valLoss]) expect(Number.isFinite(v)).toBe(true);
  expect(m.valLoss.at(-1)!).toBeLessThan(m.valLoss[0]);
  await expect(page.getByTestId('val-loss')).toHaveText(/^\d/);
  // The neuron maps redraw from the batch-normalized layer (running averages).
  await expect.poll(() => pixels(hidden)).not.toBe(before);

  // The model's batch norm: running averages moved off their start (mean 0, variance 1).
  const net = await page.evaluate(() => window.playground.getNetwork());
  const bn = net.layers[0].batchnorm!;
  expect(bn.epsilon).toBe(1e-3);
  expect(bn.mean.some((v) => Math.abs(v) > 1e-3)).toBe(true);
  expect(bn.variance.some((v) => Math.abs(v - 1) > 1e-3)).toBe(true);
  expect(net.layers[1].batchnorm).toBeUndefined();

  // Export: the tfjs model carries the layer as Dense, BatchNormalization and Activation; the
  // PyTorch script is refused, saying why.
  // The current run's id: the one whose model exports (as in export.spec.ts).
  const { id, model } = await page.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      try {
        const r = (await window.playground.exportRun(i, 'tfjs')) as { json: string };
        return { id: i, model: JSON.parse(r.json) };
      } catch {
        /* not the current run */
      }
    }
    return { id: -1, model: null };
  });
  expect(model.modelTopology.config.layers.map((l: { class_name: string }) => l.class_name)).toEqual(['Dense', 'BatchNormalization', 'Activation', 'Dense', 'Dense']);
  await expect(page.evaluate((i) => window.playground.exportRun(i, 'pytorch'), id)).rejects.toThrow(/uses batch norm, which the PyTorch script does not replay/);

  await page.reload();
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByTestId('batchnorm-1')).toBeChecked();
  await expect(page.getByTestId('batchnorm-2')).not.toBeChecked();
  await expect(page).toHaveURL(/batchnorm=1,0/);
  // Unticking goes back to the plain model.
  await page.getByTestId('batchnorm-1').uncheck();
  await expect(page).not.toHaveURL(/batchnorm=1/);
  await expect(page.getByTestId('layer-bn-1')).toHaveCount(0);
});
