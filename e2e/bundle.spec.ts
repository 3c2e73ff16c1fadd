// The main page's JavaScript must not contain tfjs: only the training worker loads it.
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { APIRequestContext } from '@playwright/test';
import { test, expect, cpuHash, openPlayground } from './fixtures';

/** The build the server serves (E2E_DIST, as in playwright.config.ts). */
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.env.E2E_DIST || 'dist');

/** Strings that survive minification of tfjs-core / its backends. */
const TFJS_MARKERS = ['@tensorflow', 'tfjs-core', 'registerKernel', 'tf.setBackend', 'BatchMatMul', '_FusedMatMul', 'IS_BROWSER'];

function markersIn(code: string): string[] {
  return TFJS_MARKERS.filter((m) => code.includes(m));
}

/** Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"`; not `import()`. */
function staticImports(code: string): string[] {
  const out: string[] = [];
  const re = /\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`]([^"'`]+\.js)["'`]/g;
  for (const m of code.matchAll(re)) out.push(m[1]);
  return out;
}

/** The entry scripts and module preloads named in dist/index.html, plus everything they import statically. */
function mainGraph(): string[] {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const entries = [
    ...[...html.matchAll(/<script\b[^>]*\bsrc="([^"]+\.js)"/g)].map((m) => m[1]),
    ...[...html.matchAll(/<link\b[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((m) => m[1]),
  ].map((p) => resolve(DIST, p));
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const spec of staticImports(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.') || spec.startsWith('/')) queue.push(resolve(dirname(file), spec));
    }
  }
  return [...seen];
}

test('the main entry bundle (dist) does not contain tfjs', () => {
  const graph = mainGraph();
  const entry = graph.find((f) => /[\\/]assets[\\/]index-[^\\/]+\.js$/.test(f));
  expect(entry, `main entry found in dist/index.html (got ${graph.join(', ')})`).toBeTruthy();
  for (const file of graph) {
    expect(markersIn(readFileSync(file, 'utf8')), `tfjs markers in ${file}`).toEqual([]);
  }

  // The markers are real: the worker side of the same build contains them.
  const assets = join(DIST, 'assets');
  const others = readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .map((f) => join(assets, f))
    .filter((f) => !graph.includes(f));
  const found = new Set(others.flatMap((f) => markersIn(readFileSync(f, 'utf8'))));
  expect(found.size, 'tfjs markers found in the worker chunks').toBeGreaterThanOrEqual(2);
  // And the worker is its own chunk, started by URL from the page's first scripts (the entry or a
  // chunk it imports statically: the bundler may move the `new Worker(new URL(...))` call there).
  const worker = readdirSync(assets).find((f) => /^trainingWorker-.*\.js$/.test(f));
  expect(worker, 'a trainingWorker-*.js chunk in dist/assets').toBeTruthy();
  expect(graph.some((f) => readFileSync(f, 'utf8').includes(worker!)), `${worker} named by the entry's static graph`).toBe(true);
});

/** The static import graph of `roots`, fetched from the preview server. */
async function servedGraph(request: APIRequestContext, roots: string[]): Promise<Map<string, string>> {
  const seen = new Map<string, string>();
  const queue = [...roots];
  while (queue.length) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    const res = await request.get(url);
    expect(res.ok(), `GET ${url}`).toBe(true);
    const code = await res.text();
    seen.set(url, code);
    for (const spec of staticImports(code)) queue.push(new URL(spec, url).href);
  }
  return seen;
}

test('scripts loaded by the page document (not the worker) contain no tfjs', async ({ page }) => {
  await openPlayground(page, cpuHash());
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const workerUrls = page.workers().map((w) => w.url());
  expect(workerUrls.length).toBeGreaterThanOrEqual(1);

  const { entries, loaded } = await page.evaluate(() => ({
    entries: [...document.scripts].map((s) => s.src).filter(Boolean),
    loaded: performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => /\.m?js(\?|$)/.test(n)),
  }));
  expect(entries.length, 'the document has an entry script').toBeGreaterThanOrEqual(1);

  // Chromium lists a module worker's static imports among the document's resource entries, so
  // leave out the worker's own graph, except chunks the main entry imports too.
  const main = await servedGraph(page.request, entries);
  const worker = await servedGraph(page.request, workerUrls);
  const workerOnly = new Set([...worker.keys()].filter((u) => !main.has(u)));
  const mainScripts = [...new Set([...main.keys(), ...loaded])].filter((u) => !workerOnly.has(u));
  expect(mainScripts.length).toBeGreaterThanOrEqual(1);
  // The worker's side really holds tfjs, so the markers would be seen if they leaked.
  expect(new Set([...worker.values()].flatMap(markersIn)).size, 'tfjs markers in the worker graph').toBeGreaterThanOrEqual(2);

  for (const url of mainScripts) {
    const code = main.get(url) ?? (await (await page.request.get(url)).text());
    expect(markersIn(code), `tfjs markers in ${url}`).toEqual([]);
  }
});
