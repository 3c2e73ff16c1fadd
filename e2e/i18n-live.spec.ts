// The live view in Chinese (`#lang=zh`): while the Overfit preset trains into overfitting, the
// boundary, the readouts, the diagnosis with its remedies, the loss chart (legend, axes, tooltip),
// the loss table, the network view with its layer health, the runs panel and the test panel show
// no English string of their namespaces; switching to English brings those strings back.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import enView from '../src/i18n/locales/en/view';
import enDiagnosis from '../src/i18n/locales/en/diagnosis';
import enNetwork from '../src/i18n/locales/en/network';
import enRuns from '../src/i18n/locales/en/runs';
import enTest from '../src/i18n/locales/en/test';
import zhView from '../src/i18n/locales/zh/view';
import zhDiagnosis from '../src/i18n/locales/zh/diagnosis';
import zhNetwork from '../src/i18n/locales/zh/network';
import zhRuns from '../src/i18n/locales/zh/runs';
import zhTest from '../src/i18n/locales/zh/test';
import { leaves, type Tree } from '../src/i18n/compare';

/** Names that stay as they are in a Chinese interface (the brief's list). */
const TECHNICAL = ['SGD', 'Adam', 'RMSprop', 'Adagrad', 'ReLU', 'tanh', 'sigmoid', 'MSE', 'L1', 'L2', 'CSV', 'JSON', 'PNG', 'SVG', 'PyTorch', 'Optuna', 'WebGL', 'WebAssembly', 'CPU', 'GPU', 'RMSE', 'NaN', 'Enter'];

/**
 * The English text of every string of these namespaces that Chinese words differently, as the
 * literal pieces between its placeholders and tags: pieces of more than 3 characters that hold
 * a letter once the technical names are taken out.
 */
function englishPieces(): string[] {
  const pairs: [Tree, Tree][] = [
    [enView, zhView],
    [enDiagnosis, zhDiagnosis],
    [enNetwork, zhNetwork],
    [enRuns, zhRuns],
    [enTest, zhTest],
  ] as unknown as [Tree, Tree][];
  const pieces = new Set<string>();
  for (const [en, zh] of pairs) {
    const z = leaves(zh);
    for (const [key, text] of leaves(en)) {
      if (z.get(key) === text) continue;
      for (const raw of text.split(/\{\{[^}]*\}\}|<\/?\w+>/)) {
        const piece = raw.trim().replace(/^[\s.,;:()·+=–—-]+|[\s.,;:()·+=–—-]+$/g, '');
        let rest = piece;
        for (const name of TECHNICAL) rest = rest.split(name).join('');
        if (piece.length > 3 && /[A-Za-z]{2,}/.test(rest)) pieces.add(piece);
      }
    }
  }
  return [...pieces];
}

const REGIONS = {
  boundary: 'figure.boundary',
  readouts: 'dl.readouts',
  diagnosis: '.diagnosis-box',
  chart: 'figure.chart',
  lossTable: '.loss-table-box',
  network: '[data-testid="network-view"]',
  runs: 'section.runs',
  test: 'section[aria-labelledby="test-h"]',
} as const;

/** Each region's visible text, its SVG text (axis labels), and the names and titles of its elements. */
async function regionTexts(page: Page): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const [name, selector] of Object.entries(REGIONS)) {
    out[name] = await page.locator(selector).first().evaluate((el) => {
      const parts = [(el as HTMLElement).innerText];
      for (const t of el.querySelectorAll('svg text')) parts.push(t.textContent ?? '');
      for (const e of el.querySelectorAll('[aria-label], [title]')) parts.push(e.getAttribute('aria-label') ?? '', e.getAttribute('title') ?? '');
      return parts.join('\n').replace(/\s+/g, ' ');
    });
  }
  return out;
}

/** "region: piece" for every English piece found in a region. */
function englishFound(texts: Record<string, string>, pieces: string[]): string[] {
  const found: string[] = [];
  for (const [region, text] of Object.entries(texts)) for (const p of pieces) if (text.includes(p)) found.push(`${region}: ${p}`);
  return found;
}

/** Hovers the chart and a hidden neuron so the chart's tooltip and the neuron's caption are on the page too. */
async function showTooltips(page: Page): Promise<Record<string, string>> {
  const chart = page.getByTestId('loss-chart');
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  const tip = page.locator('.recharts-tooltip-wrapper');
  // Shown (innerText is empty while recharts keeps it hidden) once the pointer moves over the plot.
  let chartTip = '';
  await expect
    .poll(async () => {
      await page.mouse.move(box.x + box.width * (0.5 + Math.random() * 0.3), box.y + box.height * 0.5, { steps: 3 });
      chartTip = (await tip.innerText()).replace(/\s+/g, ' ').trim();
      return chartTip;
    })
    .not.toBe('');
  await page.getByTestId('neuron-1-0').hover();
  await expect(page.getByTestId('boundary-focus')).toBeVisible();
  const networkTip = (await page.getByTestId('network-tooltip').innerText()).replace(/\s+/g, ' ');
  const focus = (await page.getByTestId('boundary-focus').innerText()).replace(/\s+/g, ' ');
  await page.mouse.move(0, 0);
  return { chartTip, networkTip, focus };
}

test('the live view shows no English string in Chinese, and English comes back on a switch', async ({ page }) => {
  test.setTimeout(150_000);
  const pieces = englishPieces();
  expect(pieces.length).toBeGreaterThan(100);

  await page.goto('./#backend=cpu&lang=zh');
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  // The first demonstration is the Overfit preset: it trains a fresh run at once.
  await page.locator('section.presets button').first().click();
  await expect.poll(() => page.evaluate(() => window.playground.getDiagnosis().regime), { timeout: 90_000 }).toBe('overfitting');
  const diagnosis = page.getByTestId('diagnosis');
  await expect(diagnosis).toContainText('过拟合');
  await expect(diagnosis).toContainText('验证损失');
  const remedies = page.locator('.remedies button');
  await expect(remedies.first()).toContainText('正则化');
  await expect(page.locator('.remedies')).toContainText('早停');

  // A remedy: the overfitting run is kept beside the fresh one (runs panel, chart legend).
  await remedies.first().click();
  await expect(page.locator('section.runs [data-testid="runs"] li')).not.toHaveCount(0);
  await expect(page.getByTestId('overlay-legend').first()).toContainText('运行');
  await expect.poll(() => page.evaluate(() => window.playground.getMetrics().epoch.length), { timeout: 30_000 }).toBeGreaterThan(5);
  // The loss table, and the test set evaluated once.
  await page.locator('.loss-table-box button').click();
  await expect(page.getByTestId('loss-table')).toBeVisible();
  await page.locator('section[aria-labelledby="test-h"] button').click();
  await expect(page.getByTestId('test-result')).toContainText('测试损失');
  await expect(page.getByTestId('layer-stats-1')).toBeVisible();

  const zhTexts = { ...(await regionTexts(page)), ...(await showTooltips(page)) };
  expect(englishFound(zhTexts, pieces)).toEqual([]);
  // Chinese is really there, in every region.
  expect(zhTexts.readouts).toContain('训练损失');
  expect(zhTexts.chart).toContain('轮次');
  expect(zhTexts.chart).toContain('验证');
  expect(zhTexts.lossTable).toContain('验证损失');
  expect(zhTexts.network).toContain('逐层训练健康状况');
  expect(zhTexts.network).toContain('隐藏层 1');
  expect(zhTexts.runs).toContain('对比运行');
  expect(zhTexts.runs).toContain('L2 0 → 现为 0.01');
  expect(zhTexts.runs).toMatch(/学习率 [\d.]+ · \d+ 轮）/);
  expect(zhTexts.boundary).toContain('显示测试集点');
  expect(zhTexts.chartTip).toMatch(/第 \d+ 轮/);
  expect(zhTexts.networkTip).toContain('隐藏层 1 的神经元 1');
  expect(zhTexts.focus).toContain('正在显示');

  // English again, live: the same regions now hold the English strings.
  await page.getByTestId('lang-select').selectOption('en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByTestId('diagnosis-announcement')).toHaveText(/^Diagnosis: /);
  const enTexts = { ...(await regionTexts(page)), ...(await showTooltips(page)) };
  // The check above could fail: the same search finds English everywhere now.
  const back = englishFound(enTexts, pieces);
  for (const region of Object.keys(REGIONS)) expect(back.filter((f) => f.startsWith(`${region}:`)).length, region).toBeGreaterThan(0);
  expect(enTexts.readouts).toContain('Training loss');
  expect(enTexts.chart).toContain('epoch');
  expect(enTexts.lossTable).toContain('Validation loss');
  expect(enTexts.network).toContain('Training health per layer');
  expect(enTexts.runs).toContain('Compare runs');
  expect(enTexts.runs).toContain('L2 0 → now 0.01');
  expect(enTexts.runs).toMatch(/\(circle · 32-32 · \w+ lr [\d.]+ · \d+ ep\)/);
  expect(enTexts.test).toContain('Test loss');
  expect(enTexts.chartTip).toMatch(/epoch \d+/);
  expect(enTexts.networkTip).toContain('Hidden layer 1, unit 1');
  expect(enTexts.focus).toContain('Showing hidden layer 1, unit 1');
  expect(enTexts.diagnosis).not.toMatch(/[\u4e00-\u9fff]/);
  await page.evaluate(() => window.playground.pause());
});
