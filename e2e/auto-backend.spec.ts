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
});
