// CSV files and loadCsv calls the page must refuse out loud: each bad file gets its own sentence in
// the alert region (once), the data loaded before stay; and two loads at once end with the page
// showing one file throughout, before and after a Reset.
import { writeFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect, openPlayground, cpuHash } from './fixtures';

/** How many times `sentence` appears in the alert region (0 while it is absent). */
async function timesSaid(page: Page, sentence: string): Promise<number> {
  const text = (await page.getByRole('alert').textContent()) ?? '';
  return text.split(sentence).length - 1;
}

async function expectSaidOnce(page: Page, sentence: string): Promise<void> {
  await expect(page.getByRole('alert')).toContainText(sentence);
  expect(await timesSaid(page, sentence), `"${sentence}" appears once in the alert region`).toBe(1);
}

async function expectIrisStays(page: Page): Promise<void> {
  await expect(page.getByTestId('csv-preview')).toHaveCount(0);
  expect(await page.evaluate(() => window.playground.getConfig().dataset)).toBe('iris');
  await expect(page.getByTestId('table-summary')).toContainText('Iris');
}

const ids = ['name,code', ...Array.from({ length: 60 }, (_, i) => `id${i},c${i}`)].join('\n');
const blank = ['a,b', ...Array.from({ length: 20 }, () => ',')].join('\n');
const huge = ['x,big', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 2 ? '-' : ''}1.7e308`)].join('\n');

test('each bad file gets its own sentence through the file input, and the data before stay', async ({ page }, testInfo) => {
  await openPlayground(page, cpuHash({ dataset: 'iris' }));
  await expect(page.getByTestId('table-summary')).toContainText('Iris');
  const input = page.getByTestId('csv-file');

  // Over 50 MB: refused from its size before it is read. Playwright will not send a buffer that
  // big, so the file goes through the disk.
  const bigPath = testInfo.outputPath('huge.csv');
  writeFileSync(bigPath, Buffer.alloc(51 * 1024 * 1024, 'a,b\n'));
  await input.setInputFiles(bigPath);
  await expectSaidOnce(page, '"huge.csv" is 51 MB; files up to 50 MB can be opened.');
  await expectIrisStays(page);

  const cases: { name: string; text: string; sentence: string }[] = [
    {
      name: 'ids.csv',
      text: ids,
      sentence: 'No column can be used: every column ("name", "code") has nearly all values different, so it names or numbers the rows rather than grouping them.',
    },
    { name: 'blank.csv', text: blank, sentence: 'No column can be used: every column ("a", "b") is empty.' },
    { name: 'big.csv', text: huge, sentence: 'Column "big" holds 1.7e308 in row 2: values beyond ±3.4e38 cannot be trained in 32-bit floats.' },
    { name: 'quote.csv', text: 'a,b,c\n1,2,"p"x\n', sentence: 'Row 2 has a quoted field with text after its closing quote (").' },
  ];
  for (const c of cases) {
    await input.setInputFiles({ name: c.name, mimeType: 'text/csv', buffer: Buffer.from(c.text) });
    await expectSaidOnce(page, c.sentence);
    // The message before was replaced, not stacked.
    expect(await timesSaid(page, 'No column can be used') + (await timesSaid(page, 'MB; files up to'))).toBeLessThanOrEqual(1);
    await expectIrisStays(page);
  }

  // Iris still trains.
  const m = await page.evaluate(() => window.playground.train(3));
  expect(m.epoch.at(-1)).toBe(3);
});

test('loadCsv refuses out-of-range values, left-out targets and options that are not text', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris' }));
  const attempt = (text: unknown, opts: unknown) =>
    page.evaluate(
      ([t, o]) => {
        // Functions and Symbols cannot cross into the page as arguments: build them there.
        const built = typeof o === 'object' && o && 'name' in o && o.name === '<function>' ? { ...o, name: () => 1 } : o;
        const withSymbol = typeof o === 'object' && o && 'name' in o && o.name === '<symbol>' ? { ...o, name: Symbol('n') } : built;
        return window.playground.loadCsv(t as string, withSymbol as never).then(
          () => 'loaded',
          (e: Error) => `${e.name}: ${e.message}`,
        );
      },
      [text, opts] as const,
    );

  const target = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i % 2 ? '-' : ''}1e300`)].join('\n');
  const tooBig = 'Column "y" holds 1e300 in row 2: values beyond ±3.4e38 cannot be trained in 32-bit floats.';
  expect(await attempt(target, { target: 'y', problem: 'regression' })).toContain(tooBig);
  await expectSaidOnce(page, tooBig);

  const emptyTarget = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},`)].join('\n');
  expect(await attempt(emptyTarget, { target: 'y', problem: 'regression' })).toContain('"y" has no values, so it cannot be predicted.');
  const idTarget = ['x,y', ...Array.from({ length: 60 }, (_, i) => `${i % 5},row${i}`)].join('\n');
  const idSentence = '"y" was left out as an identifier (60 different values in 60 rows), so it cannot be predicted.';
  expect(await attempt(idTarget, { target: 'y', problem: 'classification' })).toContain(idSentence);
  await expectSaidOnce(page, idSentence);

  const good = ['x,y', ...Array.from({ length: 20 }, (_, i) => `${i},${i * 2}`)].join('\n');
  const nameNotText = 'loadCsv: name must be text (the name shown for the file), or left out.';
  for (const name of ['<function>', '<symbol>', { n: 1 }, 42]) {
    const said = await attempt(good, { target: 'y', problem: 'regression', name });
    expect(said).not.toContain('DataCloneError');
    expect(said).toContain(nameNotText);
    await expectSaidOnce(page, nameNotText);
  }
  expect(await attempt({ text: good }, { target: 'y', problem: 'regression' })).toContain('loadCsv expects the file’s text (a string)');
  expect(await attempt(good, { target: ['y'], problem: 'regression' })).toContain('loadCsv: target must be the name of a column');
  expect(await attempt(good, null)).toContain('loadCsv needs { target');

  await expect(page.getByRole('alert')).not.toContainText('DataCloneError');
  await expectIrisStays(page);
});

const classes = ['x1,x2,animal', ...Array.from({ length: 40 }, (_, i) => `${(i % 10) - 5},${(i * 7) % 11},${(i % 10) - 5 > 0 ? 'cat' : 'dog'}`)].join('\n');
const line = ['u,v,out', ...Array.from({ length: 40 }, (_, i) => `${i % 8},${(i * 3) % 7},${2 * (i % 8) + ((i * 3) % 7)}`)].join('\n');
const CLASSES = { target: 'animal', problem: 'classification', name: 'animals.csv' } as const;
const LINE = { target: 'out', problem: 'regression', name: 'line.csv' } as const;

interface Shown {
  file: string;
  other: string;
  problem: 'classification' | 'regression';
  /** Losses that fit the problem (a classification keeps a chosen mse; regression needs it). */
  losses: string[];
  view: 'confusion' | 'fit-plot';
  /** Text only this file's view holds: a class name or the target. */
  viewText: string;
}
const AS_CLASSES: Shown = { file: 'animals.csv', other: 'line.csv', problem: 'classification', losses: ['bce', 'mse'], view: 'confusion', viewText: 'cat' };
const AS_LINE: Shown = { file: 'line.csv', other: 'animals.csv', problem: 'regression', losses: ['mse'], view: 'fit-plot', viewText: 'out' };

/** Table summary, problem, loss and the validation view all come from the file `want`. */
async function expectConsistent(page: Page, want: Shown): Promise<void> {
  await page.evaluate(() => window.playground.ready());
  const summary = page.getByTestId('table-summary');
  await expect(summary).toContainText(want.file);
  await expect(summary).not.toContainText(want.other);
  const c = await page.evaluate(() => window.playground.getConfig());
  expect(c.dataset).toBe('upload');
  expect(c.problem).toBe(want.problem);
  expect(want.losses).toContain(c.loss);
  // The view redraws at most twice a second, so these wait for it; a worker holding the other
  // file's rows would keep showing the other kind of view.
  await expect(page.getByTestId(want.view)).toContainText(want.viewText);
  await expect(page.getByTestId(want.view === 'confusion' ? 'fit-plot' : 'confusion')).toHaveCount(0);
}

test('two loadCsv calls at once end with one file shown throughout, also after a Reset', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris' }));
  for (const [first, second, want] of [
    [{ text: classes, opts: CLASSES }, { text: line, opts: LINE }, AS_LINE],
    [{ text: line, opts: LINE }, { text: classes, opts: CLASSES }, AS_CLASSES],
  ] as const) {
    const settled = await page.evaluate(
      ([a, b]) =>
        Promise.allSettled([window.playground.loadCsv(a.text, { ...a.opts }), window.playground.loadCsv(b.text, { ...b.opts })]).then((rs) => rs.map((r) => r.status)),
      [first, second] as const,
    );
    // Loads run in call order, so the second file is the one left.
    expect(settled).toEqual(['fulfilled', 'fulfilled']);
    await page.evaluate(() => window.playground.train(2));
    await expectConsistent(page, want);
    await page.getByRole('button', { name: 'Reset', exact: true }).click();
    await page.evaluate(() => window.playground.train(2));
    await expectConsistent(page, want);
  }
});

test('the file input\'s "Train on this file" and a loadCsv right after it end with the script\'s file', async ({ page }) => {
  await openPlayground(page, cpuHash({ dataset: 'iris' }));
  await page.getByTestId('csv-file').setInputFiles({ name: 'animals.csv', mimeType: 'text/csv', buffer: Buffer.from(classes) });
  await expect(page.getByTestId('csv-target')).toHaveValue('animal');
  // The button's load starts first; the script's, asked while it runs, goes after it.
  await page.getByTestId('csv-use').click();
  await page.evaluate((text) => window.playground.loadCsv(text, { target: 'out', problem: 'regression', name: 'line.csv' }), line);
  await expect(page.getByTestId('csv-preview')).toHaveCount(0);
  await page.evaluate(() => window.playground.train(2));
  await expectConsistent(page, AS_LINE);
  await page.getByRole('button', { name: 'Reset', exact: true }).click();
  await page.evaluate(() => window.playground.train(2));
  await expectConsistent(page, AS_LINE);
});
