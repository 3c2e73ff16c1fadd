// The digits on the page (wasm, 300 training images, a small stack): the image grid and the
// model summary, a short run, a digit drawn with the mouse and predicted, the misclassified
// gallery, the first conv layer's feature maps, the augmentation preview following a setting,
// and a bad layer stack refused with the reason, nothing trained with it and the text kept.
import { test, expect, openPlayground } from './fixtures';

const STACK = 'conv:4:3,pool:2,flatten,dense:16';

test('digits: previews, summary, drawing, misclassified, feature maps, augmentation and a refused stack', async ({ page }) => {
  test.setTimeout(120_000);
  await openPlayground(page, `#dataset=digits&images=300&backend=wasm&optimizer=adam&lr=0.01&batch=32&imageLayers=${STACK}`);

  // The training images with their labels, and each layer's output shape.
  const grid = page.getByTestId('image-grid');
  await expect(grid.locator('canvas')).toHaveCount(40);
  await expect(grid.locator('.image-label').first()).toHaveText(/^\d$/);
  await expect(page.getByTestId('image-source')).toContainText('mnist');
  await expect(page.getByTestId('image-split')).toContainText('500');
  await expect(page.getByTestId('samples')).toHaveCount(0);
  const summary = page.getByTestId('model-summary');
  await expect(summary.getByTestId('summary-shape-0')).toHaveText('28 × 28 × 4');
  await expect(summary.getByTestId('summary-shape-1')).toHaveText('14 × 14 × 4');
  await expect(summary.getByTestId('summary-shape-2')).toHaveText('784');
  await expect(summary.getByTestId('summary-shape-4')).toHaveText('10');
  // 3·3·1·4+4 + 0 + 0 + 784·16+16 + 16·10+10
  await expect(summary.getByTestId('summary-total')).toHaveText('12,770');
  await expect(page.getByTestId('boundary')).toHaveCount(0);

  const m = await page.evaluate(() => window.playground.train(2));
  expect(m.epoch.at(-1)).toBeGreaterThanOrEqual(2);

  // A "1" drawn with the mouse: ten bars and a predicted digit.
  const pad = page.getByTestId('draw-pad');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * (0.15 + 0.07 * i));
  await page.mouse.up();
  const prediction = page.getByTestId('draw-prediction');
  await expect(prediction.getByTestId('prob-bar')).toHaveCount(10);
  await expect(prediction.getByTestId('draw-label')).toHaveText(/^\d$/);

  // Misclassified validation images with their labels, and the count of wrong of 500.
  const wrong = page.getByTestId('misclassified');
  await expect(wrong.getByTestId('misclassified-image').first()).toBeVisible();
  await expect(wrong.getByTestId('misclassified-count')).toHaveText(/^\d+ of 500 wrong$/);
  await expect(wrong).toContainText(/true \d → predicted \d \(\d+%\)/);

  // The first conv layer's maps: one per filter; then the drawing's.
  const maps = page.getByTestId('feature-maps');
  await expect(maps.getByTestId('feature-layer-0').getByTestId('feature-map')).toHaveCount(4);
  await expect(maps.getByTestId('feature-layer-0')).toContainText('28 × 28 × 4');
  await page.getByTestId('draw-use').click();
  await expect(maps).toContainText('Your drawing');
  await expect(page.getByTestId('filters').getByTestId('filter')).toHaveCount(4);

  // The augmentation preview follows the rotation setting.
  const preview = page.getByTestId('augment-preview');
  const pictures = () => preview.getByTestId('augmented-image').evaluateAll((cs) => cs.map((c) => (c as HTMLCanvasElement).toDataURL()).join());
  const before = await pictures();
  await page.getByTestId('img-rotate').fill('30');
  await page.getByTestId('img-rotate').press('Enter');
  await expect.poll(pictures).not.toBe(before);
  const rotated = await pictures();
  await page.getByTestId('augment-redraw').click();
  await expect.poll(pictures).not.toBe(rotated);

  // A kernel larger than its input: refused with the reason, the text kept, the model unchanged.
  const stack = page.getByTestId('image-stack');
  const bad = 'pool:4,pool:4,conv:8:3:valid,flatten';
  await stack.fill(bad);
  await stack.press('Enter');
  await expect(summary.getByTestId('stack-refusal')).toContainText('layer 3 (conv)');
  await expect(summary.getByTestId('stack-refusal')).toContainText('a 3 × 3 kernel is larger than its 1 × 1 input');
  await expect(stack).toHaveValue(bad);
  expect((await page.evaluate(() => window.playground.getConfig())).imageLayers).toBe(STACK);
  await page.evaluate(() => window.playground.train(1));
  expect((await page.evaluate(() => window.playground.getConfig())).imageLayers).toBe(STACK);
  await expect(summary.getByTestId('stack-refusal')).toBeVisible();
});
