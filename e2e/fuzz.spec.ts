// A seeded fuzz of the two ways settings reach the page from outside: the link (on load and
// edited on a live page) and `playground.setConfig`. For every setting given, either the page
// uses exactly that value, or the notice names the setting; the address bar always ends up
// showing the config in use; nothing injected runs; no page error. FUZZ_SEED picks another run.
import { test, expect, openPlayground } from './fixtures';
import type { Page } from '@playwright/test';

const SEED = Number(process.env.FUZZ_SEED ?? 20261127);

/** mulberry32: a small seeded generator, so a failing case can be replayed. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Hash key → config field, for the settings whose value the page keeps as given when it accepts it.
const NUMERIC: Record<string, string> = {
  samples: 'samples',
  noise: 'noise',
  seed: 'seed',
  lr: 'lr',
  batch: 'batch',
  momentum: 'momentum',
  beta1: 'beta1',
  beta2: 'beta2',
  eps: 'epsilon',
  patience: 'patience',
  minDelta: 'minDelta',
  l1: 'l1',
  l2: 'l2',
  epochs: 'epochs',
  pace: 'pace',
  clip: 'clip',
};
const CHOICES: Record<string, string[]> = {
  optimizer: ['sgd', 'momentum', 'adam', 'rmsprop', 'adagrad'],
  init: ['glorotUniform', 'heNormal', 'zeros'],
  dataset: ['circle', 'xor', 'plane', 'iris', 'spiral'],
  loss: ['mse', 'bce', 'cce'],
  schedule: ['constant', 'cosine:50', 'step:10:0.5', 'exp:0.99', 'warmup:5+cosine:100'],
};
const KNOWN = [...Object.keys(NUMERIC), ...Object.keys(CHOICES), 'layers', 'restore'];

const SCRIPTS = [
  '<img src=x onerror="window.__pwned=1">',
  '"><svg onload=window.__pwned=1>',
  "javascript:window.__pwned=1",
  '<script>window.__pwned=1</script>',
];
const TRICKY = ['0x10', '0b11', '0o7', '1e3', '1e-400', '1e400', '-1e-400', 'NaN', 'Infinity', '-Infinity', '', ' ', '-', '+', '.', '5.', '.5', '+5', '-0', '00012', '1,2', '1 2', '١٢', '１２', '1_000', '0.1.2', 'null', 'true', '9'.repeat(400), ...SCRIPTS];
const UNKNOWN = ['x', 'evil', 'constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'LR', ' lr', 'layers[]', '<b>k</b>', 'k‮'];

type Pick = <T>(xs: readonly T[]) => T;

function numberText(r: () => number, pick: Pick): string {
  const x = (r() - 0.2) * Math.pow(10, Math.floor(r() * 7) - 3);
  return pick([String(x), String(Math.round(x)), x.toExponential(2), x.toFixed(3), String(Math.round(x * 1000) / 1000)]);
}

function valueFor(key: string, r: () => number, pick: Pick): string {
  if (r() < 0.35) return pick(TRICKY);
  if (key in NUMERIC) return numberText(r, pick);
  if (key in CHOICES) return r() < 0.8 ? pick(CHOICES[key]) : pick(['SGD', 'adam ', 'upload', 'blobs', 'relu']);
  if (key === 'layers') return Array.from({ length: Math.floor(r() * 8) }, () => pick(['1', '4', '8', '256', '257', '0', '2.5', 'x'])).join(',');
  if (key === 'restore') return pick(['1', '0', 'true', 'false', 'yes', '2']);
  return pick(TRICKY);
}

/** Whether `shown` (from the rewritten address bar) is the value `given`, read as the page reads it. */
function same(key: string, given: string, shown: string | null): boolean {
  if (shown === null) return false;
  if (key === 'restore') return ({ '1': 'true', true: 'true', '0': 'false', false: 'false' } as Record<string, string>)[given.trim()] === shown;
  const a = given.split(',').map((t) => t.trim());
  const b = shown.split(',');
  if (key === 'layers' && given.trim() === '') return shown === '';
  if (a.length !== b.length) return false;
  return a.every((t, i) => t === b[i] || (t !== '' && Number(t) === Number(b[i]) && /^[+-]?[\d.]/.test(t)));
}

interface Case {
  pairs: [string, string][];
  hash: string;
}

function hashCase(r: () => number): Case {
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const given = new Map<string, string>([['backend', 'cpu']]);
  const n = 1 + Math.floor(r() * 5);
  for (let i = 0; i < n; i++) {
    const key = r() < 0.15 ? pick(UNKNOWN) : pick(KNOWN);
    given.set(key, valueFor(key, r, pick));
  }
  // Small data keeps every setup quick, unless the case sets samples itself.
  if (!given.has('samples')) given.set('samples', '120');
  const p = new URLSearchParams([...given]);
  return { pairs: [...given].filter(([k]) => k !== 'backend'), hash: '#' + p.toString() };
}

interface Seen {
  alert: string;
  hash: string;
  pwned: unknown;
  alertTags: string[];
}

async function look(page: Page): Promise<Seen> {
  return page.evaluate(() => ({
    alert: document.querySelector('[data-testid="alert"]')?.textContent ?? '',
    hash: location.hash,
    pwned: (window as unknown as { __pwned?: unknown }).__pwned,
    alertTags: [...new Set([...document.querySelectorAll('[data-testid="alert"] *')].map((e) => e.tagName))],
  }));
}

/** The oracle for one link: each setting is used as given or named in the notice; the bar shows the config in use. */
function check(c: Case, seen: Seen, label: string): void {
  const shown = new URLSearchParams(seen.hash.slice(1));
  expect(seen.pwned, `${label}: no script ran`).toBeUndefined();
  for (const t of seen.alertTags) expect(['DIV', 'SPAN', 'BUTTON'], `${label}: only text in the alert region`).toContain(t);
  // Rewritten: every known setting present once, nothing unknown kept.
  for (const k of shown.keys()) expect(KNOWN.includes(k) || ['v', 'backend', 'problem', 'trainPct', 'valPct', 'features', 'activation', 'dropout', 'batchnorm', 'augment', 'slice', 'images', 'imageLayers', 'imageAugment'].includes(k), `${label}: "${k}" in the address bar`).toBe(true);
  expect(shown.get('backend'), label).toBe('cpu');
  const unknown = c.pairs.filter(([k]) => !KNOWN.includes(k)).map(([k]) => k);
  if (unknown.length > 3) expect(seen.alert, label).toContain(`${unknown.length} unknown settings ignored`);
  else for (const k of unknown) expect(seen.alert, `${label}: unknown "${k}" named`).toContain(`ignored unknown setting "${k.slice(0, 40)}`);
  for (const [k, v] of c.pairs) {
    if (!KNOWN.includes(k)) continue;
    if (same(k, v, shown.get(k))) continue;
    const named = new RegExp(`(^|[^A-Za-z])${k}([^A-Za-z]|$)`).test(seen.alert);
    expect(named, `${label}: ${k}=${JSON.stringify(v.slice(0, 60))} was not used (address bar: ${shown.get(k)}) and the notice does not name it: ${seen.alert.slice(0, 300)}`).toBe(true);
  }
}

test.describe.configure({ timeout: 240_000 });

test('fuzzed links, on load and edited on a live page', async ({ page }) => {
  const r = rng(SEED);
  for (let i = 0; i < 12; i++) {
    const c = hashCase(r);
    await page.goto('./' + c.hash);
    await page.waitForFunction(() => typeof window.playground?.ready === 'function');
    await page.evaluate(() => window.playground.ready());
    check(c, await look(page), `seed ${SEED}, load ${i} (${c.hash.slice(0, 200)})`);
  }
  await openPlayground(page, '#backend=cpu&samples=120');
  for (let i = 0; i < 150; i++) {
    const c = hashCase(r);
    await page.evaluate(async (hash) => {
      for (const b of document.querySelectorAll<HTMLButtonElement>('[aria-label="Dismiss message"]')) b.click();
      const changed = new Promise<void>((resolve) => {
        window.addEventListener('hashchange', () => resolve(), { once: true });
        setTimeout(resolve, 200);
      });
      location.hash = hash;
      await changed;
      await window.playground.ready();
    }, c.hash);
    check(c, await look(page), `seed ${SEED}, edit ${i} (${c.hash.slice(0, 200)})`);
  }
});

test('fuzzed setConfig payloads: applied exactly, or refused by name with nothing changed', async ({ page }) => {
  await openPlayground(page, '#backend=cpu&samples=120');
  const r = rng(SEED + 1);
  const pick: Pick = (xs) => xs[Math.floor(r() * xs.length)];
  const FIELD: Record<string, string> = { ...NUMERIC, optimizer: 'optimizer', init: 'init', dataset: 'dataset', loss: 'loss', schedule: 'schedule', layers: 'layers', restore: 'restoreBest' };
  for (let i = 0; i < 150; i++) {
    const n = r() < 0.7 ? 1 : 2 + Math.floor(r() * 3);
    const payload: Record<string, unknown> = {};
    for (let j = 0; j < n; j++) {
      const key = r() < 0.15 ? pick(UNKNOWN) : pick(KNOWN);
      const text = valueFor(key, r, pick);
      // Scripts send real values too: numbers (NaN and ±Infinity among them), booleans, arrays, objects.
      const roll = r();
      // defineProperty: `payload['__proto__'] = …` would set the prototype instead of a key.
      const value =
        roll < 0.5
          ? text
          : roll < 0.7
            ? key === 'layers'
              ? text.split(',').filter(Boolean).map(Number)
              : Number(text)
            : roll < 0.8
              ? pick<unknown>([null, true, false, [], {}, [1, 2], { valueOf: 3 }, '__fn__', '__symbol__', '__bigint__'])
              : pick([0, -0, Number('1e-400'), 5e-324, Number.MAX_VALUE, -1, 0.5, 3, 250]);
      Object.defineProperty(payload, key, { value, enumerable: true, configurable: true, writable: true });
    }
    // Sent as JSON text with markers, parsed in the page: JSON.parse keeps "__proto__" as a plain
    // key, and NaN, ±Infinity and -0, which JSON cannot carry, are made there.
    const wire = JSON.stringify(payload, (_, v) =>
      typeof v === 'number' && !Number.isFinite(v) ? `__num__${v}` : Object.is(v, -0) ? '__num__-0' : v,
    );
    const outcome = await page.evaluate(async (text) => {
      for (const b of document.querySelectorAll<HTMLButtonElement>('[aria-label="Dismiss message"]')) b.click();
      const made = (v: unknown): unknown =>
        v === '__fn__' ? () => 1 : v === '__symbol__' ? Symbol('s') : v === '__bigint__' ? BigInt(7) : typeof v === 'string' && v.startsWith('__num__') ? Number(v.slice(7)) : v;
      const real = JSON.parse(text, (_, v) => made(v)) as Record<string, unknown>;
      const before = window.playground.getConfig();
      try {
        const after = await window.playground.setConfig(real as never);
        return { ok: true as const, before, after, hash: location.hash, message: '' };
      } catch (e) {
        await window.playground.ready();
        return { ok: false as const, before, after: window.playground.getConfig(), hash: location.hash, message: (e as Error).message };
      }
    }, wire);
    const label = `seed ${SEED + 1}, payload ${i}: ${JSON.stringify(payload).slice(0, 300)}`;
    const seen = await look(page);
    expect(seen.pwned, label).toBeUndefined();
    if (outcome.ok) {
      // Accepted: every value given is the value in use.
      for (const [k, v] of Object.entries(payload)) {
        const field = FIELD[k];
        expect(field, `${label}: accepted an unknown setting "${k}"`).toBeDefined();
        const used = (outcome.after as unknown as Record<string, unknown>)[field];
        const shown = Array.isArray(used) ? used.join(',') : String(used);
        const given = Array.isArray(v) ? v.join(',') : String(v);
        expect(same(k === 'restore' ? 'restore' : k, given, shown) || (typeof v === 'boolean' && String(v) === shown), `${label}: ${k} given ${given}, in use ${shown}`).toBe(true);
      }
    } else {
      expect(outcome.after, `${label}: a refused payload changes nothing`).toEqual(outcome.before);
      expect(outcome.message.length, label).toBeLessThan(2000);
      expect(
        Object.keys(payload).some((k) => outcome.message.includes(k)),
        `${label}: the error names a setting: ${outcome.message}`,
      ).toBe(true);
      // Every unknown setting is named (or, past three, counted).
      const unknown = Object.keys(payload).filter((k) => !KNOWN.includes(k));
      if (unknown.length > 3) expect(outcome.message, label).toContain(`${unknown.length} unknown settings`);
      else for (const k of unknown) expect(outcome.message, label).toContain(`unknown setting "${k.slice(0, 40)}`);
    }
    expect(new URLSearchParams(outcome.hash.slice(1)).get('backend'), label).toBe('cpu');
  }
});
