// `npm run bench`: opens the built app in headless Chromium and measures every speed figure of
// the project against its target: epochs/s per backend on TensorFlow Playground's default task
// with the live view, our loop against a bare tfjs loop, page smoothness, search throughput,
// memory over long runs, start-up, a soak (page heap and speed at epoch 1,000 and 50,000), and
// every lesson solved by script (BENCH_ONLY=lessons), and the optimizer lab (the race against one
// run, batch norm's cost), and stopping bad trials early (BENCH_ONLY=prune: ASHA against the full
// grid), and the small CNN on the digits (BENCH_ONLY=images: training images/s per backend, our
// loop against a bare tfjs model.fit, what 'auto' picks, the page's longest task while it trains).
// Prints a table; writes bench/results.json.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { SOLUTIONS } from './lessonSolutions.mjs';

// BENCH_PORT and BENCH_DIST let a bench run beside others (e.g. e2e runs) on the same machine.
const PORT = Number(process.env.BENCH_PORT || 4174);
const DIST = process.env.BENCH_DIST || 'dist';
const RESULTS = process.env.BENCH_RESULTS || 'bench/results.json';
const BASE = `http://127.0.0.1:${PORT}/`;
const WARMUP_MS = 3000;
const MEASURE_MS = Number(process.env.BENCH_MS || 8000);
const LOOP_MS = Number(process.env.BENCH_LOOP_MS || 4000);
// TensorFlow Playground's default: circle, 500 points, half for training, 4-2 tanh, batch 10, lr 0.03, SGD.
const TASK = 'dataset=circle&samples=500&noise=0&trainPct=50&valPct=25&layers=4,2&activation=tanh&optimizer=sgd&lr=0.03&batch=10';
const BACKENDS = (process.env.BENCH_BACKENDS || 'webgl,wasm,cpu').split(',');
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
const TFP_EPOCHS_PER_S = 50;
const SEARCH_EPOCHS = 20;
const SEARCH_ROUNDS = 3;
// The optimizer race: epochs per racer.
const RACE_EPOCHS = Number(process.env.BENCH_RACE_EPOCHS || 200);
// Soak: page heap and epochs/s around these epochs of one long live run.
const SOAK_EARLY = 1000;
const SOAK_LATE = Number(process.env.BENCH_SOAK_EPOCHS || 50000);
const SOAK_WINDOW_MS = 5000;
// Lessons: each must have every check met within LESSON_LIMIT_S of being opened; the bench gives up at LESSON_GIVE_UP_MS.
const LESSON_LIMIT_S = 60;
const LESSON_GIVE_UP_MS = Number(process.env.BENCH_LESSON_MS || 120000);
// BENCH_LESSONS=id,id times only those lessons.
const LESSON_IDS = process.env.BENCH_LESSONS ? new Set(process.env.BENCH_LESSONS.split(',')) : null;
// Images: the small CNN (the default stack) on 2,000 training digits, as src/worker/imageBench.ts times it.
const IMG_TASK = 'dataset=digits&images=2000&optimizer=adam&lr=0.003&batch=32';
const IMG_IMAGES = 2000;
const IMG_LOOP_MS = Number(process.env.BENCH_IMG_LOOP_MS || 10000);
const IMG_MEASURE_MS = Number(process.env.BENCH_IMG_MS || 20000);
const GRID = { lr: { kind: 'list', values: [0.01, 0.03, 0.1] }, batch: { kind: 'list', values: [10, 20, 50] }, units: { kind: 'list', values: [2, 4, 8] } };

const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const want = (part) => !ONLY || ONLY.has(part);

async function waitForServer(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

async function open(browser, hash) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`console: ${m.text()}`));
  await page.addInitScript(() => {
    // The Long Tasks API reports main-thread tasks of 50 ms or more. A 5 ms timer's lateness
    // also shows shorter tasks, and stalls where the page's thread did not run at all.
    window.__longest = 0;
    window.__stall = 0;
    window.__frames = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
    }).observe({ type: 'longtask', buffered: false });
    let last = performance.now();
    const tick = () => {
      const now = performance.now();
      window.__stall = Math.max(window.__stall, now - last - 5);
      last = now;
      setTimeout(tick, 5);
    };
    setTimeout(tick, 5);
    const frame = () => {
      window.__frames++;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
  await page.goto(`${BASE}#${hash}`);
  await page.waitForFunction(() => window.playground !== undefined);
  await page.evaluate(() => window.playground.ready());
  return page;
}

/** Epochs/s with the live view, the longest main-thread task and the page's frame rate while training. */
async function liveRun(browser, backend, { task = TASK, network = true, warmupMs = WARMUP_MS, measureMs = MEASURE_MS } = {}) {
  const page = await open(browser, `${task}&backend=${backend}`);
  // The network view is shown by default; hiding it stops the worker computing its maps.
  if (!network) await page.getByLabel('Show the network').uncheck();
  const active = await page.getByTestId('backend').textContent();
  const epochNow = async () => Number(await page.getByTestId('epoch').textContent());
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await page.waitForTimeout(warmupMs);
  // Counted from here on: start-up work (compiling shaders, wasm) is not training.
  await page.evaluate(() => ((window.__longest = 0), (window.__stall = 0), (window.__frames = 0)));
  const e0 = await epochNow();
  const t0 = Date.now();
  await page.waitForTimeout(measureMs);
  const e1 = await epochNow();
  const t1 = Date.now();
  const { longest, stall, frames } = await page.evaluate(() => ({ longest: window.__longest, stall: window.__stall, frames: window.__frames }));
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.close();
  return { backend, active, epochsPerSecond: ((e1 - e0) * 1000) / (t1 - t0), longestTaskMs: longest, stallMs: stall, fps: (frames * 1000) / (t1 - t0) };
}

/** Our loop and a bare tfjs loop of the same model, alternated twice, in a fresh worker per run. */
async function loopRatio(page, task, backend) {
  const rates = { ours: [], bare: [] };
  for (let round = 0; round < 2; round++) {
    for (const loop of ['ours', 'bare']) {
      rates[loop].push(await page.evaluate(([t, l, ms, b]) => window.playground.diagnostics.benchLoop(t, l, ms, b), [task, loop, LOOP_MS, backend]));
    }
  }
  const best = (xs) => Math.max(...xs);
  return { ours: best(rates.ours), bare: best(rates.bare) };
}

async function searchRate(page, options) {
  return page.evaluate(
    async ([space, epochs, opts]) => {
      const t0 = performance.now();
      const out = await window.playground.search({ strategy: 'grid', space, folds: 1, epochs, ...opts });
      return { trials: out.trials.length, ms: performance.now() - t0, backends: [...new Set(out.trials.map((t) => t.backend))].join('+') };
    },
    [GRID, SEARCH_EPOCHS, options],
  );
}

/**
 * A worker's JS heap after a garbage collection, through a browser-level DevTools session: all of
 * it, and without V8's compiled code (bytecode, optimized code, feedback), which grows while the
 * JIT warms up over the first few hundred epochs and then stays flat; data that leaks does not.
 */

/** Bytes of a heap snapshot (JSON text) outside V8's compiled code: the data a page or worker holds. */
function heapWithoutCode(chunks) {
  const snap = JSON.parse(chunks);
  const fields = snap.snapshot.meta.node_fields;
  const code = snap.snapshot.meta.node_types[0].indexOf('code');
  const [ti, si, w] = [fields.indexOf('type'), fields.indexOf('self_size'), fields.length];
  let data = 0;
  for (let i = 0; i < snap.nodes.length; i += w) if (snap.nodes[i + ti] !== code) data += snap.nodes[i + si];
  return data;
}

async function workerHeap(cdp, title) {
  const { targetInfos } = await cdp.send('Target.getTargets');
  const target = targetInfos.find((t) => t.type === 'worker' && t.title === title);
  if (!target) throw new Error(`no worker named ${title} (have ${targetInfos.filter((t) => t.type === 'worker').map((t) => t.title).join(', ')})`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let id = 0;
  let chunks = '';
  const onChunk = (e) => {
    if (e.sessionId !== sessionId) return;
    const m = JSON.parse(e.message);
    if (m.method === 'HeapProfiler.addHeapSnapshotChunk') chunks += m.params.chunk;
  };
  cdp.on('Target.receivedMessageFromTarget', onChunk);
  const call = (method, params = {}) =>
    new Promise((resolve) => {
      const mine = ++id;
      const on = (e) => {
        if (e.sessionId !== sessionId) return;
        const m = JSON.parse(e.message);
        if (m.id !== mine) return;
        cdp.off('Target.receivedMessageFromTarget', on);
        resolve(m.result);
      };
      cdp.on('Target.receivedMessageFromTarget', on);
      cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: mine, method, params }) });
    });
  await call('HeapProfiler.enable');
  await call('HeapProfiler.collectGarbage');
  const usage = await call('Runtime.getHeapUsage');
  await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('Target.receivedMessageFromTarget', onChunk);
  await cdp.send('Target.detachFromTarget', { sessionId });
  const data = heapWithoutCode(chunks);
  return { all: usage.usedSize, data };
}

async function memoryRun(browser) {
  const cdp = await browser.newBrowserCDPSession();
  const page = await open(browser, `${TASK}&backend=cpu`);
  await page.evaluate(() => window.playground.train(1));
  const t1 = (await page.evaluate(() => window.playground.memory())).numTensors;
  const h1 = await workerHeap(cdp, 'training');
  await page.evaluate(() => window.playground.train(1999));
  const t2000 = (await page.evaluate(() => window.playground.memory())).numTensors;
  const h2000 = await workerHeap(cdp, 'training');
  // Trials: one search of one trial, then 50 more in the same pool.
  const trial = { strategy: 'random', space: { lr: { kind: 'range', min: 0.01, max: 0.3, scale: 'log' } }, folds: 1, epochs: 20 };
  await page.evaluate((s) => window.playground.search({ ...s, budget: 1 }), trial);
  const p1 = (await page.evaluate(() => window.playground.diagnostics.poolMemory()))[0].numTensors;
  const s1 = await workerHeap(cdp, 'search-0');
  await page.evaluate((s) => window.playground.search({ ...s, budget: 50, seed: 2 }), trial);
  const p50 = (await page.evaluate(() => window.playground.diagnostics.poolMemory()))[0].numTensors;
  const s50 = await workerHeap(cdp, 'search-0');
  await page.close();
  const growth = (a, b) => ({ all: (b.all - a.all) / a.all, data: (b.data - a.data) / a.data, mb: [a.data / 1e6, b.data / 1e6] });
  return { t1, t2000, epochs: growth(h1, h2000), p1, p50, trials: growth(s1, s50) };
}

async function startup(browser) {
  const page = await open(browser, '');
  const t = await page.evaluate(async () => {
    const t0 = performance.now();
    document.querySelector('button.primary').click();
    while (Number(document.querySelector('[data-testid="epoch"]').textContent) < 1) await new Promise((r) => setTimeout(r, 5));
    return performance.now() - t0;
  });
  const backend = await page.getByTestId('backend').textContent();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.close();
  return { ms: t, backend };
}

/**
 * The page's own JS heap after a full garbage collection (CDP `HeapProfiler.collectGarbage`, then
 * `Runtime.getHeapUsage`, i.e. performance.memory.usedJSHeapSize without its rounding): the lowest
 * of three, as the page keeps allocating between the collection and the reading. Also the part
 * that is not V8's compiled code, from a heap snapshot, as workerHeap does for the worker.
 */
async function pageHeap(cdp) {
  await cdp.send('HeapProfiler.enable');
  let all = Infinity;
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    all = Math.min(all, (await cdp.send('Runtime.getHeapUsage')).usedSize);
  }
  let chunks = '';
  const onChunk = (e) => (chunks += e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  const data = heapWithoutCode(chunks);
  return { all, data };
}

/**
 * A demo left running: the default page (cpu backend named, so every run trains on the same
 * engine), Train pressed once, the live view on. Epochs/s over SOAK_WINDOW_MS from epoch
 * SOAK_EARLY and from SOAK_LATE, each followed by the page's heap; the run never pauses.
 */
async function soakRun(browser) {
  const page = await open(browser, 'backend=cpu');
  const cdp = await page.context().newCDPSession(page);
  const active = await page.getByTestId('backend').textContent();
  const epochNow = async () => Number(await page.getByTestId('epoch').textContent());
  await cdp.send('Performance.enable');
  // Seconds the page's main thread spent in tasks so far: its share of the cores, which the
  // training worker competes for, is what a growing history would have eaten into.
  const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const at = async (epoch) => {
    await page.waitForFunction((e) => Number(document.querySelector('[data-testid="epoch"]').textContent) >= e, epoch, { timeout: 0, polling: 250 });
    const e0 = await epochNow();
    const b0 = await busy();
    const t0 = Date.now();
    await page.waitForTimeout(SOAK_WINDOW_MS);
    const e1 = await epochNow();
    const b1 = await busy();
    const rate = ((e1 - e0) * 1000) / (Date.now() - t0);
    const busyShare = ((b1 - b0) * 1000) / (Date.now() - t0);
    const heap = await pageHeap(cdp);
    const rows = await page.evaluate(() => window.playground.getMetrics().epoch.length);
    return { epoch: e0, rate, busyShare, heap, rows };
  };
  const t0 = Date.now();
  const early = await at(SOAK_EARLY);
  const late = await at(SOAK_LATE);
  const minutes = (Date.now() - t0) / 60000;
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.close();
  return { active, early, late, minutes };
}

/**
 * Every lesson of the course in order, each in a fresh page on the cpu backend: the time from
 * `playground.lessons.open(id)` (which sets the page up) through its scripted solution
 * (lessonSolutions.mjs) until `playground.lessons.status(id)` has every check met, polled every
 * 100 ms beside the solution. A lesson without a solution is reported as such.
 */
async function lessonRun(browser) {
  const first = await open(browser, 'backend=cpu');
  await first.evaluate(() => window.playground.lessons.ready());
  const list = (await first.evaluate(() => window.playground.lessons.list())).filter((l) => !LESSON_IDS || LESSON_IDS.has(l.id));
  await first.close();
  const rows = [];
  for (const [i, lesson] of list.entries()) {
    const row = { n: i + 1, id: lesson.id, seconds: NaN, passed: 0, checks: 0, unmet: [], error: null, solved: false };
    rows.push(row);
    const solve = SOLUTIONS[lesson.id];
    if (!solve) {
      row.error = 'no scripted solution';
      continue;
    }
    const page = await open(browser, 'backend=cpu');
    await page.evaluate(() => window.playground.lessons.ready());
    const status = () => page.evaluate((id) => window.playground.lessons.status(id).checks.map((c) => c.passed), lesson.id);
    const t0 = Date.now();
    let doneAt = null;
    let solving = true;
    // Checked once the lesson is open and set up (before, a lesson's checks read the page as it was).
    let opened = false;
    const poll = (async () => {
      while (doneAt === null && Date.now() - t0 < LESSON_GIVE_UP_MS) {
        if (opened && (await status()).every(Boolean)) doneAt = Date.now();
        else await new Promise((r) => setTimeout(r, 100));
        if (!solving && doneAt === null && row.error) break;
      }
    })();
    // Caught here: when the checks are met (or the bench gives up) first, the rest of the solution is dropped with the page.
    const solved = page
      .evaluate((id) => window.playground.lessons.open(id), lesson.id)
      .then(() => {
        opened = true;
        return solve(page);
      })
      .catch((e) => (row.error = String(e.message || e).split('\n')[0]))
      .finally(() => (solving = false));
    await Promise.race([solved, poll]);
    await poll;
    const checks = await status();
    row.checks = checks.length;
    row.passed = checks.filter(Boolean).length;
    row.unmet = checks.flatMap((p, k) => (p ? [] : [k + 1]));
    row.solved = doneAt !== null;
    row.seconds = ((doneAt ?? Date.now()) - t0) / 1000;
    await page.close();
  }
  return rows;
}

/**
 * The page's first JavaScript: the entry and every chunk it imports statically (the bundler may
 * move shared code into chunks the entry imports; those load before the page can run, so they
 * count), gzipped. Chunks loaded with import() on first use do not count.
 */
function mainBundleGzip() {
  const html = readFileSync(`${DIST}/index.html`, 'utf8');
  const entry = html.match(/<script\b[^>]*\bsrc="\.?\/?(assets\/index-[^"]+\.js)"/)[1];
  const seen = new Set();
  const queue = [entry];
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(`${DIST}/${file}`, 'utf8');
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[^"'`();]*?\bfrom\s*)?["'`](\.\/[^"'`]+\.js)["'`]/g)) queue.push(`assets/${m[1].slice(2)}`);
  }
  const css = readdirSync(`${DIST}/assets`).filter((f) => f.startsWith('index-') && f.endsWith('.css'));
  const js = [...seen].reduce((a, f) => a + gzipSync(readFileSync(`${DIST}/${f}`)).length, 0);
  return { js, files: seen.size, css: css.reduce((a, f) => a + gzipSync(readFileSync(`${DIST}/assets/${f}`)).length, 0) };
}

const figures = [];
// `atMost`: the target is a ceiling for a unit usually read as a floor (e.g. a ratio of times).
const fig = (name, value, unit, target, met, atMost = false) => figures.push({ name, value: round(value), unit, target, met, atMost });

// Vite's own script, not npx: killing npx would leave the server running.
const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--outDir', DIST, '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore' });
let version = '';
const actives = [];
try {
  await waitForServer(BASE, 30000);
  // WebGL without a GPU needs SwiftShader, which then also composites the page in software GL and
  // competes with training for the cores. A GPU-less user's Chromium has no WebGL and composites
  // in plain software, so every figure but the WebGL ones comes from a browser without the flags.
  const plain = await chromium.launch({ executablePath, args: ['--no-sandbox', '--disable-background-networking'] });
  const gl = await chromium.launch({
    executablePath,
    args: ['--no-sandbox', '--disable-background-networking', '--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'],
  });
  const browserFor = (backend) => (backend === 'webgl' ? gl : plain);
  const browser = plain;
  version = browser.version();

  if (want('live')) {
    const rows = [];
    for (const b of BACKENDS) rows.push(await liveRun(browserFor(b), b));
    // And the default, 'auto', as a GPU-less user's browser gets it: it times the model on each
    // backend that starts and trains on the fastest.
    rows.push(await liveRun(plain, 'auto'));
    for (const r of rows) {
      actives.push(r.active);
      fig(`1. epochs/s, default task, live view, ${r.backend}${r.active !== r.backend ? ` (ran on ${r.active})` : ''}`, r.epochsPerSecond, 'epochs/s', null, null);
    }
    const best = rows.reduce((a, r) => (r.epochsPerSecond > a.epochsPerSecond ? r : a));
    fig(`1. best backend (${best.backend}), default task, live view`, best.epochsPerSecond, 'epochs/s', 100, best.epochsPerSecond >= 100);
    fig(`1. best backend vs TensorFlow Playground (~${TFP_EPOCHS_PER_S} epochs/s)`, best.epochsPerSecond / TFP_EPOCHS_PER_S, '×', 2, best.epochsPerSecond / TFP_EPOCHS_PER_S >= 2);
    for (const r of rows) {
      fig(`3. longest main-thread task over 50 ms while training (Long Tasks API; 0 = none), ${r.backend}`, r.longestTaskMs, 'ms', 50, r.longestTaskMs <= 50);
      fig(`3. longest lateness of a 5 ms timer while training (shorter tasks, and the page not scheduled), ${r.backend}`, r.stallMs, 'ms', 50, r.stallMs <= 50);
      fig(`3. page frame rate while training (charts live), ${r.backend}`, r.fps, 'frames/s', 30, r.fps >= 30);
    }
  }

  if (want('network')) {
    // The network view's cost: the default task on cpu (its fastest backend here) with the view
    // shown and hidden, three rounds in alternating order (timings here vary by ±20% from run to
    // run), the best of each; then a deep network drawn while it trains.
    const rates = { shown: [], hidden: [] };
    for (let round = 0; round < 3; round++) {
      for (const network of round % 2 ? [false, true] : [true, false]) {
        rates[network ? 'shown' : 'hidden'].push((await liveRun(plain, 'cpu', { network })).epochsPerSecond);
      }
    }
    const shown = Math.max(...rates.shown);
    const hidden = Math.max(...rates.hidden);
    fig(`8. network view: epochs/s shown ÷ hidden, default task, cpu (${shown.toFixed(1)} vs ${hidden.toFixed(1)})`, shown / hidden, '×', 0.8, shown / hidden >= 0.8);
    const deep = await liveRun(plain, 'auto', { task: `${TASK.replace('layers=4,2', 'layers=32,32,32,32,32,32')}` });
    const where = `6 × 32 tanh, network view shown, ran on ${deep.active}, ${deep.epochsPerSecond.toFixed(1)} epochs/s`;
    fig(`8. longest main-thread task over 50 ms (0 = none), ${where}`, deep.longestTaskMs, 'ms', 50, deep.longestTaskMs <= 50);
    fig(`8. page frame rate, ${where}`, deep.fps, 'frames/s', 30, deep.fps >= 30);
  }

  if (want('loops')) {
    const pages = { plain: await open(plain, `${TASK}&backend=cpu`), gl: await open(gl, `${TASK}&backend=cpu`) };
    for (const task of ['default', 'large']) {
      for (const b of BACKENDS) {
        const r = await loopRatio(b === 'webgl' ? pages.gl : pages.plain, task, b);
        const label = task === 'default' ? 'default task' : 'large MLP (64-256-256-10, batch 128, 4096 rows)';
        fig(`2. our loop / bare tfjs loop, ${label}, ${b} (${r.ours.toFixed(1)} vs ${r.bare.toFixed(1)} epochs/s)`, r.ours / r.bare, '×', 0.9, r.ours / r.bare >= 0.9);
      }
    }
    await pages.plain.close();
    await pages.gl.close();
  }

  if (want('search')) {
    // The default backend ('auto'), as a user gets it. One after another, each trial runs on the
    // backend its own model's timing picked; batched, each worker's groups run on the engine
    // timed fastest for them. The baseline is also run with the cpu backend named (the fastest
    // for one default-task model here), and the ratio is taken against the faster baseline.
    const pages = { auto: await open(browser, TASK), cpu: await open(browser, `${TASK}&backend=cpu`) };
    const seqMode = { workers: 1, batched: false };
    // Each mode once untimed first: starting its workers and backends, and timing the models on
    // each backend, is not search throughput. Then in turn, keeping each mode's best run.
    const modes = [
      ['seqAuto', pages.auto, seqMode],
      ['seqCpu', pages.cpu, seqMode],
      ['fast', pages.auto, {}],
    ];
    for (const [, page, mode] of modes) await searchRate(page, mode);
    const best = { seqAuto: { rate: 0 }, seqCpu: { rate: 0 }, fast: { rate: 0 } };
    for (let round = 0; round < SEARCH_ROUNDS; round++) {
      for (const [name, page, mode] of modes) {
        const r = await searchRate(page, mode);
        const rate = (r.trials * 60000) / r.ms;
        if (rate > best[name].rate) best[name] = { rate, backends: r.backends };
      }
    }
    const baseline = Math.max(best.seqAuto.rate, best.seqCpu.rate);
    const grid = `27-trial grid, ${SEARCH_EPOCHS} epochs, best of ${SEARCH_ROUNDS}`;
    fig(`4. search, ${grid}: one trial after another in one worker, auto backend (trained on ${best.seqAuto.backends})`, best.seqAuto.rate, 'trials/min', null, null);
    fig(`4. same, cpu backend named`, best.seqCpu.rate, 'trials/min', null, null);
    fig(`4. same grid: batched models in the worker pool, auto backend (groups on ${best.fast.backends})`, best.fast.rate, 'trials/min', null, null);
    fig('4. search speed-up over the faster one-after-another', best.fast.rate / baseline, '×', 5, best.fast.rate / baseline >= 5);
    await pages.auto.close();
    await pages.cpu.close();
  }

  if (want('memory')) {
    const m = await memoryRun(browser);
    fig(`5. tensors after epoch 2000 − after epoch 1 (${m.t2000} vs ${m.t1})`, m.t2000 - m.t1, 'tensors', 0, m.t2000 === m.t1);
    const mb = ([a, b]) => `${a.toFixed(2)} → ${b.toFixed(2)} MB`;
    fig(`5. training worker JS heap growth, epoch 1 → 2000, without compiled code (${mb(m.epochs.mb)})`, 100 * m.epochs.data, '%', 10, m.epochs.data < 0.1);
    fig('5. same, compiled code included (the JIT warming up)', 100 * m.epochs.all, '%', null, null);
    fig(`5. tensors after trial 51 − after trial 1, search worker (${m.p50} vs ${m.p1})`, m.p50 - m.p1, 'tensors', 0, m.p50 === m.p1);
    fig(`5. search worker JS heap growth, trial 1 → 51, without compiled code (${mb(m.trials.mb)})`, 100 * m.trials.data, '%', 10, m.trials.data < 0.1);
    fig('5. same, compiled code included', 100 * m.trials.all, '%', null, null);
  }

  if (want('soak')) {
    const s = await soakRun(browser);
    const { early: a, late: b } = s;
    const mb = (h) => (h / 1e6).toFixed(2);
    const growth = (b.heap.all - a.heap.all) / a.heap.all;
    const dataGrowth = (b.heap.data - a.heap.data) / a.heap.data;
    const ratio = b.rate / a.rate;
    const where = `default page, ${s.active} backend, live view, ${s.minutes.toFixed(1)} min`;
    fig(`7. soak: page JS heap after GC, epoch ${a.epoch} → ${b.epoch} (${mb(a.heap.all)} → ${mb(b.heap.all)} MB; ${where})`, 100 * growth, '%', 20, growth < 0.2);
    fig(`7. same, without compiled code (${mb(a.heap.data)} → ${mb(b.heap.data)} MB); metrics rows kept ${a.rows} → ${b.rows}`, 100 * dataGrowth, '%', null, null);
    fig(`7. soak: epochs/s at epoch ${b.epoch} ÷ at epoch ${a.epoch} (${b.rate.toFixed(1)} vs ${a.rate.toFixed(1)})`, ratio, '×', 0.9, ratio >= 0.9);
    fig(`7. soak: page main thread busy, share of wall time, epoch ${a.epoch} / ${b.epoch}`, `${(100 * a.busyShare).toFixed(1)} / ${(100 * b.busyShare).toFixed(1)}`, '%', null, null);
  }

  if (want('startup')) {
    const gz = mainBundleGzip();
    fig(`6. main bundle (JS, no tfjs), gzipped: the entry and the ${gz.files - 1} chunks it imports statically`, gz.js / 1024, 'KB', 250, gz.js / 1024 < 250);
    const s = await startup(browser);
    fig(`6. first epoch after pressing Train, default page (auto picked ${s.backend})`, s.ms, 'ms', 2000, s.ms <= 2000);
  }
  if (want('lab')) {
    // The optimizer race: five optimizers on the default task as one batched model in the lab
    // worker, against one run of the same setup for the same epochs in the same worker (the
    // Trainer, as the main run trains). Twice in alternating order, the best of each.
    const page = await open(plain, `${TASK}&backend=cpu`);
    const times = { race: [], one: [] };
    for (let round = 0; round < 2; round++) {
      for (const what of round % 2 ? ['one', 'race'] : ['race', 'one']) {
        times[what].push(
          await page.evaluate(async ([w, epochs]) => {
            const t0 = performance.now();
            if (w === 'one') return window.playground.diagnostics.timeOneRun(epochs);
            await window.playground.raceOptimizers({ epochs });
            return performance.now() - t0;
          }, [what, RACE_EPOCHS]),
        );
      }
    }
    await page.close();
    const race = Math.min(...times.race);
    const one = Math.min(...times.one);
    fig(`10. optimizer race, 5 optimizers × ${RACE_EPOCHS} epochs, default task, cpu: wall time ÷ one run's (${(race / 1000).toFixed(2)} vs ${(one / 1000).toFixed(2)} s)`, race / one, '×', 2.5, race / one <= 2.5, true);
    // Batch norm on both hidden layers against none: the live run's epochs/s, alternating, best of 3.
    const rates = { bn: [], plain: [] };
    for (let round = 0; round < 3; round++) {
      for (const bn of round % 2 ? [false, true] : [true, false]) {
        const task = bn ? `${TASK}&batchnorm=1,1` : TASK;
        rates[bn ? 'bn' : 'plain'].push((await liveRun(plain, 'cpu', { task, network: false })).epochsPerSecond);
      }
    }
    const bn = Math.max(...rates.bn);
    const base = Math.max(...rates.plain);
    fig(`10. training step with batch norm ÷ without (both hidden layers), default task, cpu, live view (${bn.toFixed(1)} vs ${base.toFixed(1)} epochs/s)`, base / bn, '×', null, null);
  }

  if (want('prune')) {
    // ASHA (η = 3, rungs at 3 and 9 of 27 epochs) against the full grid on a 64-configuration
    // space (learning rate × units × L2), the default task on cpu, batched in the worker pool.
    // Each search once untimed first (starting the pool and its backends is not the search).
    const page = await open(browser, `${TASK}&backend=cpu`);
    const space = {
      lr: { kind: 'list', values: [0.003, 0.01, 0.03, 0.1] },
      units: { kind: 'list', values: [2, 4, 6, 8] },
      l2: { kind: 'list', values: [0, 0.0001, 0.001, 0.01] },
    };
    const run = (pruner) =>
      page.evaluate(
        async ([space, pruner]) => {
          const t0 = performance.now();
          const out = await window.playground.search({ strategy: 'grid', space, folds: 1, epochs: 27, seed: 1, pruner, eta: 3 });
          return {
            ms: performance.now() - t0,
            trials: out.trials.length,
            pruned: out.trials.filter((t) => t.pruned).length,
            epochs: out.trials.reduce((a, t) => a + (t.stoppedAt ?? 27), 0),
            best: out.best.mean,
          };
        },
        [space, pruner],
      );
    await run('none');
    await run('asha');
    const grid = await run('none');
    const asha = await run('asha');
    const gap = (asha.best - grid.best) / grid.best;
    fig(`11. 64-cell grid, 27 epochs, default task, cpu: best validation loss, full grid`, grid.best, 'loss', null, null);
    fig(`11. same: best validation loss, ASHA (η = 3; ${asha.pruned} of ${asha.trials} trials pruned)`, asha.best, 'loss', null, null);
    fig(`11. ASHA's best above the grid's (${asha.best.toPrecision(4)} vs ${grid.best.toPrecision(4)})`, 100 * gap, '%', 2, gap <= 0.02);
    fig(`11. epochs trained, ASHA ÷ grid (${asha.epochs} vs ${grid.epochs})`, asha.epochs / grid.epochs, '×', 0.33, asha.epochs * 3 <= grid.epochs, true);
    fig(`11. wall time, ASHA ÷ grid (${(asha.ms / 1000).toFixed(2)} vs ${(grid.ms / 1000).toFixed(2)} s)`, asha.ms / grid.ms, '×', null, null);
    await page.close();
  }

  if (want('images')) {
    // Our loop and model.fit per backend, each in a fresh bench worker; a loop that cannot run
    // there (model.fit's convolution gradient on wasm) is reported with its reason. Twice each, in
    // the order ours, fit, fit, ours, and averaged: the first loop in a browser ran up to a third
    // slower on SwiftShader whichever it was (its GPU process warming up), so one run each in a
    // fixed order told more about the order than the loops.
    const pages = { plain: await open(plain, `${TASK}&backend=cpu`), gl: await open(gl, `${TASK}&backend=cpu`) };
    const measured = [];
    for (const b of BACKENDS) {
      const page = b === 'webgl' ? pages.gl : pages.plain;
      const rate = (loop) =>
        page
          .evaluate(([l, ms, b]) => window.playground.diagnostics.benchLoop('cnn', l, ms, b), [loop, IMG_LOOP_MS, b])
          .then((v) => ({ v }))
          .catch((e) => ({ why: String(e.message ?? e).split('\n')[0].slice(0, 120) }));
      const mean = (a, b) => (a.v !== undefined && b.v !== undefined ? { v: (a.v + b.v) / 2 } : a.v === undefined ? a : b);
      const ours1 = await rate('ours');
      const bare1 = await rate('bare');
      const bare = bare1.v === undefined ? bare1 : mean(bare1, await rate('bare'));
      const ours = ours1.v === undefined ? ours1 : mean(ours1, await rate('ours'));
      if (ours.v !== undefined) measured.push({ backend: b, rate: ours.v });
      fig(`12. small CNN, 2,000 digits, batch 32: training images/s, our loop (metrics and views each epoch), ${b}`, ours.v ?? `failed: ${ours.why}`, 'images/s', null, null);
      fig(`12. same: bare tfjs model.fit (tfjs-layers, validationData), ${b}`, bare.v ?? `cannot: ${bare.why}`, 'images/s', null, null);
      if (ours.v !== undefined && bare.v !== undefined) fig(`12. our loop ÷ model.fit, small CNN, ${b}`, ours.v / bare.v, '×', 0.9, ours.v / bare.v >= 0.9);
    }
    await pages.plain.close();
    await pages.gl.close();
    // 'auto' as a GPU-less user's browser gets it, training live with every view; the longest task.
    const live = await liveRun(plain, 'auto', { task: IMG_TASK, warmupMs: 8000, measureMs: IMG_MEASURE_MS });
    const ran = (live.active ?? '').trim();
    // The browser without a GPU starts no WebGL: auto is judged against the others measured.
    const startable = measured.filter((m) => m.backend !== 'webgl');
    const fastest = startable.reduce((a, m) => (m.rate > a.rate ? m : a), startable[0] ?? { backend: '?', rate: 0 });
    fig(`12. live run, backend auto (ran on ${ran}), small CNN: training images/s`, live.epochsPerSecond * IMG_IMAGES, 'images/s', null, null);
    fig(`12. auto (no GPU) picked ${ran}; fastest of ${startable.map((m) => m.backend).join(', ') || 'none measured'}: ${fastest.backend} (${Math.round(fastest.rate)} images/s)`, ran.includes(fastest.backend) ? 'same' : 'other', '', null, ran.includes(fastest.backend));
    fig(`12. longest main-thread task over 50 ms while a CNN trains (Long Tasks API; 0 = none), auto`, live.longestTaskMs, 'ms', 50, live.longestTaskMs <= 50);
    fig(`12. longest lateness of a 5 ms timer while a CNN trains, auto`, live.stallMs, 'ms', 50, live.stallMs <= 50);
    fig(`12. page frame rate while a CNN trains, auto`, live.fps, 'frames/s', 30, live.fps >= 30);
  }

  if (want('lessons')) {
    const rows = await lessonRun(plain);
    for (const r of rows) {
      const what = (r.unmet.length ? `, check ${r.unmet.join(', ')} unmet` : '') + (r.error && !r.solved ? `, ${r.error}` : '');
      fig(`9. lesson ${r.n}/${rows.length} ${r.id}: open, scripted solution, every check met (${r.passed}/${r.checks}${what})`, r.seconds, 's', LESSON_LIMIT_S, r.solved && r.seconds <= LESSON_LIMIT_S);
    }
    const ok = rows.filter((r) => r.solved && r.seconds <= LESSON_LIMIT_S).length;
    fig(`9. lessons with every check met within ${LESSON_LIMIT_S} s, cpu backend`, `${ok}/${rows.length}`, 'lessons', null, ok === rows.length);
  }
  await plain.close();
  await gl.close();
} finally {
  server.kill();
}

console.log(`\nChromium ${version}, ${new Date().toISOString()}\n`);
console.log(pad('figure', 92) + pad('value', 10) + pad('unit', 11) + pad('target', 8) + 'met');
for (const f of figures) {
  const target = f.target === null ? '—' : (f.atMost || f.unit === 'ms' || f.unit === 's' || f.unit === '%' || f.unit === 'KB' ? '≤ ' : '≥ ') + f.target;
  console.log(pad(f.name, 92) + pad(f.value, 10) + pad(f.unit, 11) + pad(f.unit === 'tensors' ? '= 0' : target, 8) + (f.met === null ? '—' : f.met ? 'yes' : 'NO'));
}
writeFileSync(RESULTS, JSON.stringify({ figures, browser: `Chromium ${version}`, backends: actives.length ? actives : BACKENDS, date: new Date().toISOString() }, null, 2));
console.log(`\nwrote ${RESULTS}`);

function round(v) {
  // Numbers to 2 decimals; a text value (e.g. "a / b" for two runs) as it is.
  return typeof v === 'number' ? Math.round(v * 100) / 100 : v;
}
function pad(s, n) {
  s = String(s);
  return s.length >= n ? s + ' ' : s + ' '.repeat(n - s.length);
}
