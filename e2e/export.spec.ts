// Taking a run away: the Export menu downloads the config, metrics, pictures and model, and
// playground.exportRun returns the same contents.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { findTorchPython } from '../src/export/findPythonNode';
import type { Download, Page } from '@playwright/test';
import { test, expect, cpuHash, openPlayground } from './fixtures';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

async function bytes(d: Download): Promise<Buffer> {
  return readFile((await d.path())!);
}

/** The current run's id (−1 if none): the only run with a model to export. */
function currentRunId(page: Page): Promise<number> {
  return page.evaluate(async () => {
    for (let i = 0; i < 100; i++) {
      try {
        await window.playground.exportRun(i, 'tfjs');
        return i;
      } catch {
        /* not the current run */
      }
    }
    return -1;
  });
}

/** Opens the menu and picks an item; resolves to the download it starts. */
async function pick(page: Page, item: string): Promise<Download> {
  await page.getByTestId('export-menu').getByRole('button', { name: 'Export' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  return downloading;
}

test('the Export menu downloads config, metrics, pictures and model; exportRun returns the same', async ({ page }) => {
  await openPlayground(page, cpuHash({ layers: '4,3' }));
  await page.evaluate(() => window.playground.train(12));
  await expect.poll(() => page.evaluate(() => window.playground.getMetrics().epoch.length)).toBe(13);

  // Keyboard: the button opens the list on its first item; Escape closes it and focuses the button.
  const button = page.getByTestId('export-menu').getByRole('button', { name: 'Export' });
  await button.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('menu')).toBeVisible();
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem').nth(1)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('menu')).toHaveCount(0);
  await expect(button).toBeFocused();
  await expect(button).toHaveAttribute('aria-expanded', 'false');

  const id = await currentRunId(page);
  expect(id).toBeGreaterThanOrEqual(0);

  // Config as JSON: equals getConfig, and exportRun gives the same text.
  const json = await pick(page, 'Config (JSON)');
  expect(json.suggestedFilename()).toBe(`run-${id}-config.json`);
  const jsonText = (await bytes(json)).toString('utf8');
  expect(JSON.parse(jsonText)).toEqual(await page.evaluate(() => window.playground.getConfig()));
  expect(await page.evaluate((i) => window.playground.exportRun(i, 'json'), id)).toBe(jsonText);
  const link = (await page.evaluate((i) => window.playground.exportRun(i, 'link'), id)) as string;
  expect(link).toBe(await page.evaluate(() => location.href));

  // Metrics as CSV: one row per epoch, equal to getMetrics.
  const csv = await pick(page, 'Metrics (CSV)');
  const csvText = (await bytes(csv)).toString('utf8');
  const rows = csvText.trimEnd().split('\n').map((l) => l.split(','));
  expect(rows[0].slice(0, 7)).toEqual(['epoch', 'first_epoch', 'epochs', 'train_loss', 'val_loss', 'train_acc', 'val_acc']);
  const m = await page.evaluate(() => window.playground.getMetrics());
  expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(m.epoch);
  expect(rows.slice(1).map((r) => Number(r[3]))).toEqual(m.trainLoss);
  expect(rows.slice(1).map((r) => Number(r[4]))).toEqual(m.valLoss);
  expect(await page.evaluate((i) => window.playground.exportRun(i, 'csv'), id)).toBe(csvText);

  // Pictures: PNGs carry the PNG signature; SVGs are SVG documents.
  for (const [item, name] of [
    ['Loss chart (PNG)', `run-${id}-loss-chart.png`],
    ['Decision boundary (PNG)', `run-${id}-boundary.png`],
  ]) {
    const png = await pick(page, item);
    expect(png.suggestedFilename()).toBe(name);
    const b = await bytes(png);
    expect([...b.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect(b.length).toBeGreaterThan(500);
  }
  const chartSvg = (await bytes(await pick(page, 'Loss chart (SVG)'))).toString('utf8');
  expect(chartSvg).toContain('<svg');
  expect(chartSvg).toContain('recharts-line');
  expect(chartSvg).toContain('style="');
  const boundarySvg = (await bytes(await pick(page, 'Decision boundary (SVG)'))).toString('utf8');
  expect(boundarySvg).toContain('<image ');
  expect(boundarySvg).toContain('data:image/png;base64,');
  // One circle per training and validation point (test points are hidden by default).
  const circles = boundarySvg.match(/<circle /g)?.length ?? 0;
  expect(circles).toBeGreaterThan(100);
  expect((boundarySvg.match(/data-role="(train|validation)"/g) ?? []).length).toBe(circles);
  expect(boundarySvg).not.toContain('data-role="test"');
  const shown = await page.evaluate(async (i) => (await window.playground.exportRun(i, 'svg')) as string, id);
  expect(shown.match(/<circle /g)?.length).toBe(boundarySvg.match(/<circle /g)?.length);
  const viaApi = await page.evaluate(async (i) => Array.from((await window.playground.exportRun(i, 'png', 'chart')) as Uint8Array).slice(0, 8), id);
  expect(viaApi).toEqual(PNG_SIGNATURE);

  // The model: a .json and a .weights.bin, with a manifest that matches the bytes.
  await page.getByTestId('export-menu').getByRole('button', { name: 'Export' }).click();
  const downloads: Download[] = [];
  page.on('download', (d) => downloads.push(d));
  await page.getByRole('menuitem', { name: /Model \(tfjs/ }).click();
  await expect.poll(() => downloads.length).toBe(2);
  const names = downloads.map((d) => d.suggestedFilename()).sort();
  expect(names).toEqual([`run-${id}-model.json`, `run-${id}-model.weights.bin`]);
  const modelDl = downloads.find((d) => d.suggestedFilename().endsWith('.json'))!;
  const weightsDl = downloads.find((d) => d.suggestedFilename().endsWith('.bin'))!;
  const model = JSON.parse((await bytes(modelDl)).toString('utf8'));
  expect(model.weightsManifest[0].paths).toEqual([`./run-${id}-model.weights.bin`]);
  const specs = model.weightsManifest[0].weights as { name: string; shape: number[] }[];
  expect(specs.map((s) => s.shape)).toEqual([[2, 4], [4], [4, 3], [3], [3, 1], [1]]);
  const count = specs.reduce((s, w) => s + w.shape.reduce((p, d) => p * d, 1), 0);
  expect((await bytes(weightsDl)).length).toBe(4 * count);
  const tfjs = await page.evaluate(async (i) => {
    const r = (await window.playground.exportRun(i, 'tfjs')) as { json: string; weights: Uint8Array };
    return { json: r.json, weights: r.weights.byteLength };
  }, id);
  expect(JSON.parse(tfjs.json).weightsManifest).toEqual(model.weightsManifest);
  expect(tfjs.weights).toBe(4 * count);

  // The PyTorch script: built in the training worker, one line per epoch to print, the page's losses beside.
  await page.getByTestId('export-menu').getByRole('button', { name: 'Export' }).click();
  const pyDownload = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: /PyTorch script/ }).click();
  const pyFile = await pyDownload;
  expect(pyFile.suggestedFilename()).toBe(`run-${id}-train.py`);
  const py = (await bytes(pyFile)).toString('utf8');
  expect(py).toContain('import torch');
  expect(py).toBe(await page.evaluate((i) => window.playground.exportRun(i, 'pytorch'), id));
  // Unknown formats: a clear refusal.
  await expect(page.evaluate((i) => window.playground.exportRun(i, 'gif'), id)).rejects.toThrow(/unknown export format/);
});

test('a kept run exports its config, metrics and script; pictures and model only for the current run', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await page.evaluate(() => window.playground.train(5));
  const before = await page.evaluate(() => window.playground.getMetrics().epoch);
  const config = await page.evaluate(() => window.playground.getConfig());
  await page.evaluate(() => window.playground.setConfig({ lr: 0.05 }));
  await page.evaluate(() => window.playground.reset());
  // The replaced run is kept: find its id among the ones exportRun knows.
  const kept = await page.evaluate(async () => {
    const found: number[] = [];
    for (let i = 0; i < 50; i++) {
      try {
        await window.playground.exportRun(i, 'csv');
        found.push(i);
      } catch {
        /* no such run */
      }
    }
    return found;
  });
  expect(kept.length).toBeGreaterThanOrEqual(2);
  const old = kept[0];
  const csv = (await page.evaluate((i) => window.playground.exportRun(i, 'csv'), old)) as string;
  expect(csv.trimEnd().split('\n').slice(1).map((l) => Number(l.split(',')[0]))).toEqual(before);
  expect(JSON.parse((await page.evaluate((i) => window.playground.exportRun(i, 'json'), old)) as string)).toEqual(config);
  await expect(page.evaluate((i) => window.playground.exportRun(i, 'png'), old)).rejects.toThrow(/kept run/);
  await expect(page.evaluate((i) => window.playground.exportRun(i, 'tfjs'), old)).rejects.toThrow(/only for the current run/);
  // Its learning rate was changed while it trained: a script replays one config, so it says so.
  await expect(page.evaluate((i) => window.playground.exportRun(i, 'pytorch'), old)).rejects.toThrow(/settings changed while it trained \(from epoch 5\)/);
  await expect(page.evaluate(() => window.playground.exportRun(9999, 'csv'))).rejects.toThrow(/no run 9999/);
  // Its own menu in the runs list offers what exists for it.
  const keptMenu = page.getByTestId(`export-menu-${old}`);
  await keptMenu.getByRole('button', { name: `Export run ${old}` }).click();
  await expect(keptMenu.getByRole('menuitem')).toHaveText(['Config (JSON)', 'Config link (copy)', 'Metrics (CSV)', 'PyTorch script (.py)']);
  const csvDownload = page.waitForEvent('download');
  await keptMenu.getByRole('menuitem', { name: 'Metrics (CSV)' }).click();
  expect((await csvDownload).suggestedFilename()).toBe(`run-${old}-metrics.csv`);
});

test('the PyTorch script of a run in the page prints the page’s losses (Python with torch permitting)', async ({ page }) => {
  // npm test's unit step installs Debian's python3-torch where it may (src/export/pythonSetup.ts);
  // elsewhere this says why it did not run.
  const python = await findTorchPython();
  test.skip(python.path === null, `python checks: SKIPPED: ${python.reason}`);
  await openPlayground(page, cpuHash({ layers: '6,4', activation: 'tanh', optimizer: 'adam', lr: 0.01, l2: 0.001, batch: 16 }));
  const m = await page.evaluate(() => window.playground.train(15));
  const runId = await currentRunId(page);
  expect(runId).toBeGreaterThanOrEqual(0);
  const script = (await page.evaluate((i) => window.playground.exportRun(i, 'pytorch'), runId)) as string;
  const dir = await mkdtemp(join(tmpdir(), 'playground-py-'));
  await writeFile(join(dir, 'run.py'), script);
  const { stdout } = await promisify(execFile)(python.path!, [join(dir, 'run.py')], { timeout: 120_000 });
  const lines = [...stdout.matchAll(/^epoch (\d+) train_loss (\S+) val_loss (\S+)/gm)].map((x) => ({ epoch: Number(x[1]), train: Number(x[2]), val: Number(x[3]) }));
  expect(lines.map((l) => l.epoch)).toEqual(m.epoch);
  expect(Math.abs(lines[1].train - m.trainLoss[1])).toBeLessThan(1e-4);
  lines.forEach((l, i) => {
    expect(Math.abs(l.train - m.trainLoss[i])).toBeLessThan(1e-3);
    expect(Math.abs(l.val - m.valLoss[i])).toBeLessThan(1e-3);
  });
});
