// The whole page in Chinese: with `lang=zh`, after a few epochs, with a lesson open, the share
// builder open and presentation mode on, no English string of any namespace (the lessons' own
// texts included) is on the page — its text, aria-labels, titles, placeholders and options.
// The per-area specs (i18n-settings, i18n-live, i18n-tools) drive each panel further; this one
// catches what falls between them.
import type { Page } from '@playwright/test';
import { test, expect, cpuHash } from './fixtures';
import { en } from '../src/i18n/locales/en';
import { zh } from '../src/i18n/locales/zh';
import { leaves, type Tree } from '../src/i18n/compare';
import { LESSONS } from '../src/lessons/registry';

/** Names a Chinese interface keeps as they are (the project's list), and config keys shown in code style. */
const TECHNICAL = /^(SGD|Adam|RMSprop|Adagrad|ReLU|relu|tanh|sigmoid|softmax|MSE|L1|L2|CSV|JSON|PNG|SVG|PyTorch|Optuna|WebGL|WebAssembly|CPU|GPU|cpu|wasm|webgl|Dropout|English)$/;

/** Every English piece (split at placeholders, longer than 3 characters) whose Chinese differs. */
function englishPieces(): string[] {
  const out = new Set<string>();
  const add = (e: Map<string, string>, z: Map<string, string>) => {
    for (const [k, v] of e) {
      if (z.get(k) === v) continue;
      for (const piece of v.split(/\{\{[^}]*\}\}|<\/?\d+>/)) {
        const p = piece.trim();
        if (p.length > 3 && /[A-Za-z]{3}/.test(p) && !TECHNICAL.test(p)) out.add(p);
      }
    }
  };
  for (const ns of Object.keys(en) as (keyof typeof en)[]) add(leaves(en[ns] as unknown as Tree), leaves(zh[ns] as unknown as Tree));
  for (const l of LESSONS) add(leaves(l.text.en as unknown as Tree), leaves(l.text.zh as unknown as Tree));
  return [...out];
}

/** A piece counts when it stands as words of its own (not inside a longer word). */
function found(text: string, piece: string): boolean {
  const esc = piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^A-Za-z])${esc}($|[^A-Za-z])`).test(text);
}

function pageText(page: Page): Promise<string> {
  return page.evaluate(() => {
    // A link in a text field (the share builder's) is a URL, not interface text.
    const style = document.createElement('style');
    style.textContent = 'textarea { display: none !important; }';
    document.head.append(style);
    const parts = [document.body.innerText, document.title];
    style.remove();
    for (const a of document.querySelectorAll('[aria-label],[title],[placeholder]')) {
      for (const name of ['aria-label', 'title', 'placeholder']) if (a.getAttribute(name)) parts.push(a.getAttribute(name)!);
    }
    for (const o of document.querySelectorAll('option, optgroup')) parts.push(o.textContent ?? '', o.getAttribute('label') ?? '');
    for (const t of document.querySelectorAll('svg text')) parts.push(t.textContent ?? '');
    return parts.join('\n');
  });
}

test('with lang=zh the whole page, a lesson, the share builder and presentation mode show no English string', async ({ page }) => {
  test.slow();
  const pieces = englishPieces();
  expect(pieces.length).toBeGreaterThan(800);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('./' + cpuHash({ lang: 'zh', lesson: 'overfitting' }));
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  const trainButton = page.getByRole('button', { name: '训练', exact: true });
  await expect(trainButton).toBeEnabled();
  await expect(page.getByTestId('lesson-panel')).toBeVisible();
  await expect(page.getByTestId('lesson-step-1')).toBeVisible();
  await trainButton.click();
  await expect.poll(() => page.evaluate(() => window.playground.getMetrics().epoch.at(-1) ?? 0), { timeout: 60_000 }).toBeGreaterThan(20);
  await page.getByRole('button', { name: '暂停', exact: true }).click();
  const texts = [await pageText(page)];

  await page.getByTestId('share-open').click();
  await expect(page.getByTestId('share-builder')).toBeVisible();
  texts.push(await pageText(page));
  await page.getByTestId('share-close').click();

  await page.getByTestId('present-mode').click();
  await expect(page.getByTestId('present-mode')).toHaveAttribute('aria-pressed', 'true');
  texts.push(await pageText(page));

  const all = texts.join('\n');
  expect(all).toContain('过拟合');
  const left = pieces.filter((p) => found(all, p));
  // Each with the text around it, to find it on the page.
  const context = left.map((p) => {
    const i = all.search(new RegExp(`(^|[^A-Za-z])${p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z])`));
    return `${p}: …${all.slice(Math.max(0, i - 40), i + p.length + 40).replace(/\n/g, ' ⏎ ')}…`;
  });
  expect(context, 'English strings on the Chinese page').toEqual([]);

  // The check can fail: in English the same page shows many of them.
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const english = await pageText(page);
  expect(pieces.filter((p) => found(english, p)).length).toBeGreaterThan(100);
});
