// The offline app (vite-plugin-pwa, generateSW): after one visit every file the app can need is
// in the service worker's precache, and the page opens, trains, loads the built-in tables, runs
// the wasm backend and speaks Chinese without a network. A new version waits and says so instead
// of replacing the running page. The other specs block service workers (playwright.config.ts),
// since page.route does not see the requests a worker answers; this one allows them.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect, cpuHash, openPlayground, readEpoch } from './fixtures';

test.use({ serviceWorkers: 'allow' });

/** The build the server serves (E2E_DIST, as in playwright.config.ts). */
const DIST = resolve(dirname(fileURLToPath(import.meta.url)), '..', process.env.E2E_DIST || 'dist');
const SW = join(DIST, 'sw.js');

interface Entry {
  url: string;
  revision: string | null;
}

/** The precache manifest generated into sw.js: `{url:"assets/x.js",revision:null}`, … */
function precacheManifest(code = readFileSync(SW, 'utf8')): Entry[] {
  return [...code.matchAll(/\{url:"([^"]+)",revision:(null|"[0-9a-f]+")\}/g)].map((m) => ({ url: m[1], revision: m[2] === 'null' ? null : m[2].slice(1, -1) }));
}

/** Every file of the build, relative to it ('assets/x.js'). */
function buildFiles(dir = DIST): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? buildFiles(join(dir, d.name)) : [relative(DIST, join(dir, d.name)).split('\\').join('/')]));
}

/** Resolves once the page is controlled by a service worker whose precache holds every entry. */
async function waitForPrecache(page: Page): Promise<string[]> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 });
  const expected = precacheManifest().map((e) => e.url);
  const missing = await page.evaluate(async (urls) => {
    const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'));
    if (!name) return urls;
    const cache = await caches.open(name);
    const have = new Set(
      (await cache.keys()).map((r) => {
        const u = new URL(r.url);
        u.searchParams.delete('__WB_REVISION__');
        return u.href;
      }),
    );
    return urls.filter((u) => !have.has(new URL(u, location.href).href));
  }, expected);
  return missing;
}

/** axe-core on the banner alone: no serious or critical violation. */
async function expectAccessibleBanner(page: Page): Promise<void> {
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="pwa-update"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);
}

test('the precache manifest lists every file of the build: all chunks, the workers, the wasm files, tables, Chinese, icons', () => {
  const entries = precacheManifest();
  const urls = entries.map((e) => e.url);
  expect(new Set(urls).size, 'no entry twice').toBe(urls.length);

  // Everything the build emitted, except the service worker itself and the README's screenshot.
  const files = buildFiles().filter((f) => !/^(sw\.js|workbox-[^/]+\.js|screenshot\.png)$/.test(f));
  expect(files.filter((f) => !urls.includes(f)), 'build files missing from the precache').toEqual([]);
  expect(urls.filter((u) => !files.includes(u)), 'precache entries with no file').toEqual([]);

  const assets = readdirSync(join(DIST, 'assets'));
  // The three tfjs wasm binaries (plain, SIMD, threaded SIMD) …
  const wasm = urls.filter((u) => u.endsWith('.wasm'));
  expect(wasm).toHaveLength(3);
  for (const name of ['tfjs-backend-wasm-', 'tfjs-backend-wasm-simd-', 'tfjs-backend-wasm-threaded-simd-']) {
    expect(wasm.some((u) => u.startsWith('assets/' + name)), `${name}*.wasm precached`).toBe(true);
  }
  // … are the very files the wasm backend's chunks (one per worker) ask for: src/worker/backendWasm.ts
  // maps tfjs's file names to Vite's hashed URLs with setWasmPaths.
  const backendWasm = assets.filter((f) => /^backendWasm-.*\.js$/.test(f));
  expect(backendWasm.length).toBeGreaterThanOrEqual(1);
  for (const f of backendWasm) {
    const asked = new Set([...readFileSync(join(DIST, 'assets', f), 'utf8').matchAll(/tfjs-backend-wasm(?:-simd|-threaded-simd)?-[\w-]{8}\.wasm/g)].map((m) => 'assets/' + m[0]));
    expect([...asked].sort(), `wasm files named in ${f}`).toEqual([...wasm].sort());
  }

  // Each worker, and the chunks only a worker loads (the backends, the tables' data).
  for (const chunk of ['trainingWorker', 'sweepWorker', 'searchWorker', 'transferWorker', 'csvWorker', 'analysisWorker', 'backendWasm', 'backendWebgl', 'penguins', 'cars']) {
    const re = new RegExp(`^assets/${chunk}-[\\w-]+\\.js$`);
    expect(urls.some((u) => re.test(u)), `${chunk} chunk precached`).toBe(true);
  }
  // The Chinese strings' chunk: the one that holds the page title in Chinese.
  const zh = assets.filter((f) => f.endsWith('.js') && readFileSync(join(DIST, 'assets', f), 'utf8').includes('神经网络调参实验场'));
  expect(zh.length, 'a chunk with the Chinese strings').toBeGreaterThanOrEqual(1);
  for (const f of zh) expect(urls).toContain('assets/' + f);
  // The page, the manifest and its icons.
  for (const f of ['index.html', 'manifest.webmanifest', 'favicon.svg', 'pwa-192.png', 'pwa-512.png', 'pwa-maskable-512.png']) expect(urls).toContain(f);
  // Sizes one can quote.
  const bytes = urls.reduce((sum, u) => sum + readFileSync(join(DIST, u)).length, 0);
  console.log(`precache: ${urls.length} entries, ${(bytes / 1024 / 1024).toFixed(2)} MiB`);
});

test('the web app manifest makes the app installable: name, colours, 192 and 512 px PNG icons and a maskable one', async ({ page }) => {
  await openPlayground(page, cpuHash());
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  expect(href).toBeTruthy();
  const res = await page.request.get(new URL(href!, page.url()).href);
  expect(res.ok()).toBe(true);
  const manifest = (await res.json()) as { name: string; short_name: string; theme_color: string; display: string; start_url: string; icons: { src: string; sizes: string; type: string; purpose?: string }[] };
  expect(manifest.name).toBe('Tuning Playground');
  expect(manifest.short_name.length).toBeGreaterThan(0);
  expect(manifest.short_name.length).toBeLessThanOrEqual(12);
  expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
  expect(manifest.display).toBe('standalone');
  expect(manifest.start_url).toBeTruthy();

  /** Width and height from a PNG's IHDR. */
  const pngSize = (buf: Buffer) => {
    expect(buf.subarray(1, 4).toString('latin1')).toBe('PNG');
    return `${buf.readUInt32BE(16)}x${buf.readUInt32BE(20)}`;
  };
  const found: string[] = [];
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) {
    const body = await (await page.request.get(new URL(icon.src, res.url()).href)).body();
    expect(pngSize(body), `${icon.src} is ${icon.sizes}`).toBe(icon.sizes);
    found.push(`${icon.sizes} ${icon.purpose ?? 'any'}`);
  }
  expect(found).toEqual(expect.arrayContaining(['192x192 any', '512x512 any', '512x512 maskable']));
});

test('after one visit the app opens offline, trains, loads the built-in tables, runs wasm and speaks Chinese', async ({ page, context, pageErrors }) => {
  // Several page loads, five data sets and two backends: on a busy 2-core machine this takes over a minute.
  test.slow();
  await openPlayground(page, cpuHash());
  // The first install says so once, politely, and can be dismissed by keyboard.
  const banner = page.getByTestId('pwa-update');
  await expect(banner).toHaveAttribute('role', 'status');
  await expect(banner).toContainText('Ready to work offline');
  expect(await waitForPrecache(page), 'precache entries not yet cached').toEqual([]);
  await expectAccessibleBanner(page);
  await banner.getByRole('button', { name: 'Dismiss' }).focus();
  await page.keyboard.press('Enter');
  await expect(banner).toBeEmpty();

  await context.setOffline(true);
  const doc = await page.reload();
  // The page came from the service worker, not the server.
  expect(doc?.fromServiceWorker(), 'the document answered by the service worker').toBe(true);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tuning Playground');
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  // Really offline: a request the service worker does not hold fails. (navigator.onLine is not the
  // test: Chromium 150 under Playwright's setOffline keeps it true while requests fail.)
  const fetched = await page.evaluate(() =>
    fetch(`/not-precached-${Date.now()}.txt`, { cache: 'no-store' }).then(
      () => 'answered',
      () => 'failed',
    ),
  );
  expect(fetched, 'a request outside the precache while offline').toBe('failed');
  // That refused request is the one error this test provokes; the browser logs it.
  const refused = pageErrors.findIndex((e) => /ERR_INTERNET_DISCONNECTED/.test(e));
  expect(refused, 'the refused request is logged').toBeGreaterThanOrEqual(0);
  pageErrors.splice(refused, 1);
  // The banner does not come back on later visits.
  await expect(banner).toBeEmpty();

  // A run trains from the Train button on the cpu backend.
  await expect(page.getByTestId('backend')).toHaveText('cpu');
  const train = page.getByRole('button', { name: 'Train', exact: true });
  await expect(train).toBeEnabled();
  await train.click();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(3);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(train).toBeEnabled();

  // The built-in tables load from the precache (their data are chunks only the worker fetches).
  await page.getByTestId('dataset').selectOption('iris');
  await expect(page.getByTestId('table-summary')).toContainText('Iris');
  await page.evaluate(() => window.playground.ready());
  const m = await page.evaluate(() => window.playground.train(5));
  expect(m.epoch.at(-1)).toBe(5);
  await expect(page.getByTestId('epoch')).toHaveText('5');
  for (const [key, label] of [['penguins', 'Palmer penguins'], ['cars', 'Cars']] as const) {
    await page.evaluate((k) => window.playground.loadDataset(k), key);
    await expect(page.getByTestId('table-summary')).toContainText(label);
  }

  // The WebAssembly backend finds its .wasm files offline.
  await page.getByTestId('backend-select').selectOption('wasm');
  await expect(page.getByTestId('backend')).toHaveText('wasm');
  await page.evaluate(() => window.playground.ready());
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  await expect(page.getByTestId('epoch')).toHaveText('1');

  // Chinese, never loaded while online, comes from the precache too.
  // A fresh load of the Chinese link (not a hash change and a reload, which could race: the
  // reload sometimes took the address from before the hash change, in English).
  await page.goto('about:blank');
  await page.goto('./' + cpuHash({ lang: 'zh' }));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('神经网络调参实验场');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await page.waitForFunction(() => typeof window.playground?.ready === 'function');
  await page.evaluate(() => window.playground.ready());
  const zh = await page.evaluate(() => window.playground.train(3));
  expect(zh.epoch.at(-1)).toBe(3);
  await context.setOffline(false);
});

test('a new version waits and announces itself; Reload switches to it', async ({ page }) => {
  test.slow();
  // A narrated pace: the run goes on through the test without taking the machine's cores.
  await openPlayground(page, cpuHash({ pace: 10 }));
  await expect(page.getByTestId('pwa-update')).toContainText('Ready to work offline');
  expect(await waitForPrecache(page)).toEqual([]);

  // A run is going when the new version arrives.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBeGreaterThanOrEqual(1);
  await page.evaluate(() => Object.assign(window, { samePage: true }));

  // "Deploy" a new version: a service worker script that differs by one byte-for-byte equal-length
  // change (another revision for index.html). The preview server re-reads files on each request.
  const original = readFileSync(SW, 'utf8');
  const entry = precacheManifest(original).find((e) => e.url === 'index.html');
  expect(entry?.revision).toBeTruthy();
  const bumped = original.replace(`revision:"${entry!.revision}"`, `revision:"${[...entry!.revision!].reverse().join('')}"`);
  expect(bumped).not.toBe(original);
  try {
    writeFileSync(SW, bumped);
    await page.evaluate(async () => {
      const reg = await navigator.serviceWorker.getRegistration();
      await reg!.update();
    });
    const banner = page.getByTestId('pwa-update');
    await expect(banner).toContainText('A new version is ready', { timeout: 60_000 });
    const reload = banner.getByRole('button', { name: 'Reload' });
    await expect(reload).toBeVisible();
    await expectAccessibleBanner(page);
    // Nothing changed under the running page: same document, the run still going, the new worker waiting.
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
    const before = await readEpoch(page);
    await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBeGreaterThan(before);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true);

    // Reload (by keyboard): the new version takes over and the page reloads with the same settings.
    const url = page.url();
    await reload.focus();
    await Promise.all([page.waitForEvent('load'), page.keyboard.press('Enter')]);
    await page.waitForFunction(() => typeof window.playground?.ready === 'function');
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBeUndefined();
    expect(page.url()).toBe(url);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting ?? null)).toBeNull();
    // The precache now holds the new version's files (index.html under its new revision).
    const cached = await page.evaluate(async () => {
      const name = (await caches.keys()).find((k) => k.startsWith('workbox-precache'))!;
      return (await (await caches.open(name)).keys()).map((r) => r.url).filter((u) => u.includes('index.html'));
    });
    expect(cached).toEqual([expect.stringContaining(`__WB_REVISION__=${[...entry!.revision!].reverse().join('')}`)]);
    await expect(page.getByTestId('pwa-update')).toBeEmpty();
  } finally {
    writeFileSync(SW, original);
  }
});
