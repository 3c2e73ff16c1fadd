// The images lesson followed on wasm (500 training digits, 20-epoch runs): the dense baseline,
// the small CNN (fewer weights, higher validation accuracy), shifts and rotations, then flips
// only, which score below the same CNN without them; each check ticks from the live runs.
import type { Page } from '@playwright/test';
import { test, expect, openPlayground } from './fixtures';
import { allChecks, check } from './lessonSteps';

const OFF = { shift: 0, rotate: 0, zoom: 0, noise: 0, flip: false };
const passed = (page: Page, n: number) => expect(check(page, n)).toHaveAttribute('data-passed', 'true', { timeout: 90_000 });
/** Trains to the set-up's 20-epoch budget. */
const train = (page: Page) => page.evaluate(() => window.playground.train(20).then(() => undefined));

test('images lesson: a CNN beats the dense baseline with fewer weights, and flips hurt', async ({ page }) => {
  test.setTimeout(300_000);
  await openPlayground(page, '#backend=wasm&samples=200');
  await page.evaluate(() => window.playground.lessons.ready());
  await page.evaluate(() => window.playground.lessons.open('images'));
  expect(await page.evaluate(() => window.playground.getConfig())).toMatchObject({ dataset: 'digits', images: 500, imageLayers: 'flatten,dense:64', lr: 0.005, epochs: 20, backend: 'wasm' });
  await train(page);
  await passed(page, 1);
  await page.evaluate(() => window.playground.setConfig({ imageLayers: 'conv:8:3,pool:2,conv:16:3,pool:2,flatten,dense:32' }));
  await train(page);
  await passed(page, 2);
  await page.evaluate((a) => window.playground.setConfig({ imageAugment: a }), { ...OFF, shift: 2, rotate: 10 });
  await page.getByTestId('start-fresh').click();
  await train(page);
  await passed(page, 3);
  await page.evaluate((a) => window.playground.setConfig({ imageAugment: a }), { ...OFF, flip: true });
  await page.getByTestId('start-fresh').click();
  await train(page);
  await allChecks(page, 4, 90_000);
});
