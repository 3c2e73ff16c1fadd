// The network view: neuron maps that change while training, a weight edited on the diagram that
// changes the boundary without a new run, an input toggled on the diagram that goes through the
// config (and the URL), and the vanishing-gradients preset's layer health.
import type { Locator, Page } from '@playwright/test';
import { test, expect, cpuHash, openPlayground, readEpoch } from './fixtures';

/** The pixels of a canvas (or the canvas inside an element), as a data URL; null while there is none (a poll then tries again). */
const pixels = (el: Locator) =>
  el.evaluate((node) => {
    const c = node instanceof HTMLCanvasElement ? node : node.querySelector('canvas');
    return c ? c.toDataURL() : null;
  });

const layer = (page: Page, n: number) => page.evaluate((i) => window.playground.getNetwork().then((net) => net.layers[i]), n);

test('the network view draws every neuron, updates while training, and a link edit changes the boundary without a new run', async ({ page }) => {
  await openPlayground(page, cpuHash({ epochs: 30 }));
  const view = page.getByTestId('network-view');
  await expect(view).toBeVisible();
  // 2 inputs → 4 → 2 → 1 output (column 3).
  for (const id of ['neuron-0-0', 'neuron-0-1', 'neuron-1-3', 'neuron-2-1', 'neuron-3-0']) await expect(view.getByTestId(id)).toBeVisible();
  await expect(view.getByTestId('link-1-0-3')).toHaveCount(1);
  await expect(view.getByTestId('link-3-1-0')).toHaveCount(1);

  const hidden = view.getByTestId('neuron-1-0');
  const before = await pixels(hidden);
  expect(before).not.toBeNull();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('30', { timeout: 30_000 });
  await expect(page.getByTestId('status')).toHaveText('paused');
  await expect.poll(() => pixels(hidden)).not.toBe(before);

  // Hidden and shown again while paused: the maps are back at once (the same weights, the same picture).
  const trained = await pixels(hidden);
  await page.getByLabel('Show the network').uncheck();
  await expect(view.getByTestId('neuron-1-0')).toHaveCount(0);
  await page.getByLabel('Show the network').check();
  await expect.poll(() => pixels(view.getByTestId('neuron-1-0'))).toBe(trained);

  // Hovering a neuron shows its map in the boundary view, until the pointer leaves.
  await view.getByTestId('neuron-2-0').hover();
  await expect(page.getByText(/Showing hidden layer 2, unit 1/)).toBeVisible();
  await page.getByRole('heading', { name: 'Inside the network' }).hover();
  await expect(page.getByText(/Showing hidden layer 2, unit 1/)).toHaveCount(0);

  // Edit the weight from hidden-2 unit 1 into the output: the model changes, the run does not restart.
  const boundary = await pixels(page.getByTestId('boundary'));
  const epoch = await readEpoch(page);
  await view.getByTestId('link-3-1-0').click({ force: true });
  const input = page.getByTestId('value-editor-input');
  await expect(input).toBeFocused();
  await input.fill('-9');
  await input.press('Enter');
  await expect.poll(async () => (await layer(page, 2)).weights[1][0]).toBe(-9);
  await expect.poll(() => pixels(page.getByTestId('boundary'))).not.toBe(boundary);
  expect(await readEpoch(page)).toBe(epoch);
  expect((await page.evaluate(() => window.playground.getMetrics())).epoch.at(-1)).toBe(epoch);
  await expect(page.getByTestId('value-editor')).toHaveCount(0);

  // Nonsense is refused in place, nothing changed.
  await view.getByTestId('link-3-1-0').click({ force: true });
  await input.fill('lots');
  await input.press('Enter');
  await expect(page.getByTestId('value-editor')).toContainText(/number/i);
  await input.press('Escape');
  await expect(page.getByTestId('value-editor')).toHaveCount(0);
  expect((await layer(page, 2)).weights[1][0]).toBe(-9);

  // The scripting API edits a bias the same way, and bad indices reject.
  await page.evaluate(() => window.playground.setBias(1, 2, 1.5));
  expect((await layer(page, 0)).biases[2]).toBe(1.5);
  await expect(page.evaluate(() => window.playground.setWeight(1, 5, 0, 1))).rejects.toThrow(/2 inputs/);
});

test('clicking an input feature turns it on through the config and the URL; + adds a unit', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const view = page.getByTestId('network-view');
  await view.getByTestId('feature-x1sq').click();
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().features)).toEqual(['x1', 'x2', 'x1sq']);
  await expect(page).toHaveURL(/features=x1,x2,x1sq/);
  // The new input is a neuron of the model now: three inputs into hidden layer 1.
  await expect(view.getByTestId('neuron-0-2')).toBeVisible();
  await expect(view.getByTestId('link-1-2-0')).toHaveCount(1);
  // And off again from the diagram: the model's input 2 is x₁².
  await view.getByTestId('neuron-0-2').click();
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().features)).toEqual(['x1', 'x2']);

  await view.getByTestId('layer-plus-1').click();
  await expect.poll(() => page.evaluate(() => window.playground.getConfig().layers)).toEqual([5, 2]);
  await expect(page).toHaveURL(/layers=5,2/);
  await expect(view.getByTestId('neuron-1-4')).toBeVisible();
});

test('the vanishing-gradients preset shows a far smaller gradient norm in layer 1 than in the last layer', async ({ page }) => {
  await openPlayground(page, cpuHash({ epochs: 40 }));
  await page.getByRole('button', { name: 'Vanishing gradients: 6 sigmoid layers' }).click();
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByTestId('epoch')).toHaveText('40', { timeout: 60_000 });
  await expect(page.getByTestId('status')).toHaveText('paused');
  const stats = await page.evaluate(() => window.playground.getLayerStats());
  expect(stats.layers).toHaveLength(7);
  expect(stats.epochs[0]).toBe(0);
  expect(stats.epochs.at(-1)).toBe(40);
  const first = stats.layers[0].gradNorm.at(-1)!;
  const last = stats.layers[6].gradNorm.at(-1)!;
  expect(first).toBeLessThan(last / 100);
  const panel = page.getByTestId('layer-stats');
  await expect(panel).toBeVisible();
  await expect(panel.getByRole('row')).toHaveCount(1 + 7);
  // The fix: the same depth with ReLU and He init keeps layer 1's gradient within 100× of the last's.
  await page.getByRole('button', { name: 'Fixed with ReLU and He init' }).click();
  // Once the fresh run has started (epoch 0 again), wait for it to reach the budget.
  await page.evaluate(() => window.playground.ready());
  expect(await page.evaluate(() => window.playground.getConfig().activations)).toEqual(Array(6).fill('relu'));
  await expect(page.getByTestId('epoch')).toHaveText('40', { timeout: 60_000 });
  await expect(page.getByTestId('status')).toHaveText('paused');
  const fixed = await page.evaluate(() => window.playground.getLayerStats());
  expect(fixed.layers[0].gradNorm.at(-1)!).toBeGreaterThan(fixed.layers[6].gradNorm.at(-1)! / 100);
});

test('tables draw the diagram over their input columns, named', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris', layers: '5' }));
  const view = page.getByTestId('network-view');
  // Iris: 4 measurements → 5 → 3 species.
  await expect(view.getByTestId('neuron-0-3')).toBeVisible();
  await expect(view.getByTestId('neuron-2-2')).toBeVisible();
  await expect(view.getByTestId('feature-x1sq')).toHaveCount(0);
  const names = await page.evaluate(() => window.playground.getNetwork().then((n) => n.layers.map((l) => l.units)));
  expect(names).toEqual([5, 3]);
  await expect(view.getByTestId('neuron-0-0')).toHaveAccessibleName(/sepal/i);
});
