// Chinese mode for the tools: the search, sweeps, transfer, saved runs and export panels show no
// English string of their namespaces (visible text, aria-labels, titles, chart labels), after a
// tiny search, a learning curve, two saved runs compared and the Export menu opened; switching
// back to English restores the English strings.
import type { Locator, Page } from '@playwright/test';
import { test, expect, cpuHash } from './fixtures';
import enSearch from '../src/i18n/locales/en/search';
import enSweeps from '../src/i18n/locales/en/sweeps';
import enTransfer from '../src/i18n/locales/en/transfer';
import enSaved from '../src/i18n/locales/en/saved';
import enExport from '../src/i18n/locales/en/export';
import enMessages from '../src/i18n/locales/en/messages';
import zhSearch from '../src/i18n/locales/zh/search';
import zhSweeps from '../src/i18n/locales/zh/sweeps';
import zhTransfer from '../src/i18n/locales/zh/transfer';
import zhSaved from '../src/i18n/locales/zh/saved';
import zhExport from '../src/i18n/locales/zh/export';
import zhMessages from '../src/i18n/locales/zh/messages';
import { leaves, type Tree } from '../src/i18n/compare';
import { FIELDS } from '../src/shared/schema';

/** Names that stay as they are in a Chinese interface (the brief's list), and data values. */
const TECHNICAL = /\b(SGD|Adam|RMSprop|Adagrad|ReLU|tanh|sigmoid|MSE|L1|L2|CSV|JSON|PNG|SVG|PyTorch|Optuna|WebGL|WebAssembly|CPU|GPU|tfjs|json|bin|weights|py|nats|setConfig|number|value|std|folds|duration_ms|model|workers|storage|none)\b/g;

const CONFIG_KEYS = new Set<string>(FIELDS.map((f) => f.key));

/**
 * The English fragments to look for: each English string that differs from its Chinese one, cut at
 * its {{placeholders}} and <0> tags, keeping pieces of more than 3 characters that still hold a
 * word once the technical names are taken out.
 */
function englishFragments(pairs: [Tree, Tree][]): string[] {
  const out = new Set<string>();
  for (const [en, zh] of pairs) {
    const z = leaves(zh);
    for (const [key, text] of leaves(en)) {
      if (z.get(key) === text) continue;
      for (const piece of text.split(/\{\{[^}]*\}\}|<\/?\d+>/)) {
        const p = piece.trim().replace(/^[\s·:;,.()–—→±=+×-]+|[\s·:;,.()–—→±=+×-]+$/g, '');
        if (p.length <= 3) continue;
        if (!/[A-Za-z]{2,}/.test(p.replace(TECHNICAL, ''))) continue;
        // The config's own keys (lr, seed, epochs, ...) name the settings in the saved runs' table.
        if (CONFIG_KEYS.has(p)) continue;
        out.add(p);
      }
    }
  }
  return [...out];
}

const FRAGMENTS = englishFragments([
  [enSearch, zhSearch],
  [enSweeps, zhSweeps],
  [enTransfer, zhTransfer],
  [enSaved, zhSaved],
  [enExport, zhExport],
  [enMessages, zhMessages],
] as unknown as [Tree, Tree][]);

/** Everything a panel says: its visible text, SVG labels, and aria-label, title and optgroup labels. */
async function panelTexts(panel: Locator): Promise<string[]> {
  return panel.evaluate((root) => {
    const texts = [(root as HTMLElement).innerText];
    for (const el of root.querySelectorAll('svg text')) texts.push(el.textContent ?? '');
    for (const el of [root, ...root.querySelectorAll('[aria-label], [title], optgroup[label]')]) {
      for (const a of ['aria-label', 'title', 'label']) {
        const v = el.getAttribute(a);
        if (v) texts.push(v);
      }
    }
    return texts;
  });
}

/** The English fragments found in a panel, with the text they were found in. */
async function englishIn(panel: Locator): Promise<string[]> {
  const found: string[] = [];
  for (const text of await panelTexts(panel)) {
    for (const f of FRAGMENTS) {
      const re = new RegExp(`(^|[^A-Za-z])${f.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`);
      if (re.test(text)) found.push(`"${f}" in "${text.slice(Math.max(0, text.indexOf(f) - 30), text.indexOf(f) + f.length + 30).replace(/\s+/g, " ")}"`);
    }
  }
  return found;
}

async function open(page: Page, hash: string): Promise<void> {
  await page.goto('./' + hash);
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
}

const panels = (page: Page) => ({
  search: page.locator('section[aria-labelledby="search-h"]'),
  sweeps: page.locator('section[aria-labelledby="sweep-h"]'),
  transfer: page.getByTestId('transfer-panel'),
  saved: page.locator('section.saved-runs'),
});

test('in Chinese the tool panels show no English string of their own, and English comes back', async ({ page }) => {
  test.setTimeout(180_000);
  expect(FRAGMENTS.length).toBeGreaterThan(100);
  await open(page, cpuHash({ lr: 0.1, layers: '4', lang: 'zh' }));
  await expect(page.locator('#search-h')).toHaveText(zhSearch.title);

  // Two saved runs, ticked to compare.
  await page.evaluate(() => window.playground.train(5));
  await page.evaluate(() => window.playground.setConfig({ layers: [8], lr: 0.03 }));
  await page.evaluate(() => window.playground.train(5));
  await expect.poll(() => page.evaluate(async () => (await window.playground.runs.list()).length)).toBe(2);
  const ids = await page.evaluate(async () => (await window.playground.runs.list()).map((r) => r.id!));
  for (const id of ids) await page.getByLabel(zhSaved.compareRun.replace('{{id}}', String(id))).check();
  await expect(page.getByTestId('runs-compare')).toBeVisible();

  // A tiny grid search: 2 learning rates, 2 folds, 3 epochs.
  const p = panels(page);
  await page.getByTestId('search-on-batch').uncheck();
  await page.getByTestId('search-on-units').uncheck();
  await page.getByTestId('search-list-lr').fill('0.3, 0.01');
  await page.getByTestId('search-folds').fill('2');
  await page.getByTestId('search-epochs').fill('3');
  await p.search.getByRole('button', { name: zhSearch.start }).click();
  await expect(page.getByTestId('search-status')).toContainText(`2 / 2`, { timeout: 60_000 });
  await expect(page.getByTestId('search-status')).toContainText(zhSearch.statusName.done);
  await expect(page.getByTestId('search-best')).toBeVisible();

  // A learning curve with 5 epochs per model.
  const epochs = page.getByTestId('sweep-epochs');
  await epochs.fill('5');
  await epochs.press('Enter');
  await p.sweeps.getByRole('button', { name: zhSweeps.learningCurve }).click();
  await expect(page.getByTestId('sweep-status')).toContainText('5', { timeout: 60_000 });
  await expect(page.getByTestId('sweep-status')).toHaveText(zhSweeps.done.replace('{{count}}', '5'), { timeout: 60_000 });

  // The transfer panel with its saved bases listed.
  await page.getByTestId('transfer-list').click();
  await expect(page.getByTestId('transfer-saved')).toContainText(zhTransfer.noneSaved);

  // The Export menu, open.
  await page.getByTestId('export-menu').getByRole('button').first().click();
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem')).toHaveCount(9);

  const found: string[] = [];
  for (const [name, panel] of Object.entries(p)) for (const f of await englishIn(panel)) found.push(`${name}: ${f}`);
  for (const f of await englishIn(page.getByTestId('export-menu'))) found.push(`export: ${f}`);
  expect(found).toEqual([]);
  await page.keyboard.press('Escape');

  // Back to English: the same panels speak English again.
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.locator('#search-h')).toHaveText(enSearch.title);
  await expect(page.locator('#sweep-h')).toHaveText(enSweeps.title);
  await expect(page.locator('#transfer-h')).toHaveText(enTransfer.title);
  await expect(page.locator('#saved-runs-h')).toHaveText(enSaved.title);
  await expect(page.getByTestId('search-status')).toContainText('2 / 2 trials · done');
  await expect(page.getByTestId('sweep-status')).toHaveText('done: 5 models');
  await expect(page.getByTestId('transfer-saved')).toContainText(enTransfer.noneSaved);
  await page.getByTestId('export-menu').getByRole('button').first().click();
  await expect(page.getByRole('menuitem', { name: enExport.items['chart-png'] })).toBeVisible();
  // The check itself finds English where there is some.
  expect((await englishIn(p.search)).length).toBeGreaterThan(5);
  expect((await englishIn(page.getByTestId('export-menu'))).length).toBeGreaterThan(5);
});
