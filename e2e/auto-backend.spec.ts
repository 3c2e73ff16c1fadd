// The default backend is 'auto': the worker times the model on every backend that starts (WebGL
// included) and trains on the fastest, and the page says which and why.
import { test, expect, readEpoch } from './fixtures';

test('auto times each backend on the model and trains on the fastest', async ({ page }) => {
  await page.goto('./');
  const note = page.getByTestId('backend-note');
  await expect(note).toContainText('picked the fastest', { timeout: 60_000 });
  expect(page.url()).toContain('backend=auto');
  const text = (await note.textContent()) ?? '';
  const timings = [...text.matchAll(/(webgl|wasm|cpu) ([\d.e+-]+)/g)].map((m) => ({ backend: m[1], ms: Number(m[2]) }));
  expect(timings.map((t) => t.backend).sort()).toEqual(['cpu', 'wasm', 'webgl']);
  const fastest = timings.reduce((a, b) => (b.ms < a.ms ? b : a));
  await expect(page.getByTestId('backend')).toHaveText(fastest.backend);

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => readEpoch(page), { timeout: 30_000 }).toBeGreaterThan(20);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByTestId('backend')).toHaveText(fastest.backend);

  // A new model shape is timed again on every backend: WebGL, freed while another one trained,
  // starts a fresh context for it.
  await page.evaluate(() => window.playground.setConfig({ layers: [8, 8] }));
  await expect(note).not.toHaveText(text, { timeout: 60_000 });
  await expect(note).toContainText('picked the fastest');
  const again = [...(((await note.textContent()) ?? '').matchAll(/(webgl|wasm|cpu) ([\d.e+-]+)/g))].map((m) => m[1]);
  expect(again.sort()).toEqual(['cpu', 'wasm', 'webgl']);
  const m = await page.evaluate(() => window.playground.train(3));
  expect(m.epoch.at(-1)).toBeGreaterThanOrEqual(3);
  expect(m.trainLoss.every((l) => Number.isFinite(l))).toBe(true);
});

test('with auto, a search trains its batched groups on an engine timed for them, and says which', async ({ page }) => {
  await page.goto('./');
  const note = page.getByTestId('backend-note');
  await expect(note).toContainText('picked the fastest', { timeout: 60_000 });
  const timings = [...((await note.textContent()) ?? '').matchAll(/(webgl|wasm|cpu) ([\d.e+-]+)/g)].map((m) => ({ backend: m[1], ms: Number(m[2]) }));
  const best = Math.min(...timings.map((t) => t.ms));
  // Engines more than 16× slower than the fastest on one model are not tried for groups.
  const reachable = timings.filter((t) => t.ms <= 16 * best).map((t) => t.backend);
  const r = await page.evaluate(() =>
    window.playground.search({ strategy: 'grid', space: { lr: { kind: 'list', values: [0.01, 0.1, 0.3] }, units: { kind: 'list', values: [2, 6] } }, epochs: 5, folds: 1 }),
  );
  expect(r.trials).toHaveLength(6);
  for (const t of r.trials) {
    expect(t.batched).toBe(true);
    expect(reachable).toContain(t.backend);
    expect(Number.isFinite(t.mean)).toBe(true);
  }
  await expect(page.getByTestId('search-backends')).toContainText(new RegExp(`(${reachable.join('|')}): \\d trials?, batched`));
});
