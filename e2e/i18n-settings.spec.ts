// The settings in Chinese: with `lang=zh` the run bar, the demonstrations and the Data, Model,
// Training and Regularization panels show none of their English strings (texts, aria-labels,
// titles), and switching back to English restores them; the language switch writes `lang` into
// the link.
import type { Page } from '@playwright/test';
import { test, expect, cpuHash } from './fixtures';
import { en } from '../src/i18n/locales/en';
import { zh } from '../src/i18n/locales/zh';
import { leaves, type Tree } from '../src/i18n/compare';

/** Names that stay as they are in a Chinese interface (the brief's list; "Dropout" as in 丢弃法 (Dropout)). */
const TECHNICAL = /^(SGD|Adam|RMSprop|Adagrad|ReLU|relu|tanh|sigmoid|softmax|MSE|L1|L2|CSV|JSON|PNG|SVG|PyTorch|Optuna|WebGL|WebAssembly|CPU|GPU|cpu|wasm|webgl|Dropout)$/;

/**
 * The English pieces to look for: every string of these namespaces whose Chinese differs, split at
 * its {{placeholders}}, without pieces of 3 characters or fewer and technical names.
 */
function englishPieces(): string[] {
  const out = new Set<string>();
  for (const ns of ['run', 'data', 'model', 'training', 'regularization', 'shared'] as const) {
    const e = leaves(en[ns] as unknown as Tree);
    const z = leaves(zh[ns] as unknown as Tree);
    for (const [k, v] of e) {
      if (z.get(k) === v) continue;
      for (const piece of v.split(/\{\{[^}]*\}\}/)) {
        const p = piece.trim();
        if (p.length > 3 && !TECHNICAL.test(p)) out.add(p);
      }
    }
  }
  return [...out];
}

/** The regions this part translated: the run bar, the demonstrations and the four settings panels. */
const REGIONS = ['.run-bar', 'section.presets', 'section[aria-labelledby="data-h"]', 'section[aria-labelledby="model-h"]', 'section[aria-labelledby="train-h"]', 'section[aria-labelledby="reg-h"]'];

/** Visible text plus aria-labels, titles and placeholders in those regions. */
function shownText(page: Page): Promise<string> {
  return page.evaluate((sels) => {
    const parts: string[] = [];
    for (const sel of sels) {
      const el = document.querySelector<HTMLElement>(sel);
      if (!el) throw new Error(`no ${sel}`);
      parts.push(el.innerText);
      for (const a of el.querySelectorAll('[aria-label],[title],[placeholder]')) {
        for (const name of ['aria-label', 'title', 'placeholder']) if (a.getAttribute(name)) parts.push(a.getAttribute(name)!);
      }
      // The options of each select, not only the chosen one.
      for (const o of el.querySelectorAll('option')) parts.push(o.textContent ?? '');
    }
    return parts.join('\n');
  }, REGIONS);
}

async function open(page: Page, hash: string, train: string) {
  await page.goto('./' + hash);
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.getByRole('button', { name: train, exact: true })).toBeEnabled();
}

test('with lang=zh the settings show no English string of their own, and English comes back on switching', async ({ page }) => {
  const pieces = englishPieces();
  expect(pieces.length).toBeGreaterThan(150);
  // A per-layer penalty, a momentum optimizer and a shown preset sentence: more of the panels' strings on screen.
  await open(page, cpuHash({ lang: 'zh', optimizer: 'momentum', l2: '0,0.01,0', epochs: 5 }), '训练');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('#model-h')).toContainText('模型');
  await expect(page.getByTestId('momentum')).toBeVisible();
  await expect(page.getByTestId('l2-1')).toBeVisible();
  const before = await shownText(page);
  // A demonstration shows what to watch (it sets its own optimizer and penalty).
  await page.locator('section.presets button').first().click();
  await expect(page.getByTestId('preset-watch')).toContainText('验证损失');
  const zhText = before + '\n' + (await shownText(page));
  expect(zhText).toContain('学习率');
  expect(zhText).toContain('正则化');
  const left = pieces.filter((p) => zhText.includes(p));
  expect(left, 'English strings left on the Chinese page').toEqual([]);

  // Back to English: the same regions show the English strings again, and the link says so.
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const enText = await shownText(page);
  for (const s of ['Learning rate α', 'Regularization', 'Input features', 'Keyboard shortcuts', 'Early stopping (on validation loss)', 'Weight initializer', 'Overfit', 'Training loss keeps falling']) {
    expect(enText).toContain(s);
  }
  expect(enText).not.toContain('学习率');
});

test('the language switch writes lang into the link and switches the panels', async ({ page }) => {
  await open(page, cpuHash(), 'Train');
  await expect(page.locator('#data-h')).toContainText('Data');
  await page.getByTestId('lang-select').selectOption('zh');
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('lang=zh');
  await expect(page.locator('#data-h')).toContainText('数据');
  await expect(page.getByRole('button', { name: '训练', exact: true })).toBeEnabled();
  // A bad value typed in Chinese is refused in Chinese, the last good value kept.
  await page.getByTestId('lr').fill('abc');
  await expect(page.getByTestId('alert')).toContainText('学习率必须是用十进制数字写的数；保持 0.03。');
  await page.getByTestId('lr').press('Escape');
  // And the same link opened afresh is Chinese.
  await page.reload();
  await expect(page.getByRole('button', { name: '训练', exact: true })).toBeEnabled();
});
