// The importance off the page's thread: the analysis worker's API gives what the forest gives,
// and the Search panel's runner computes only the newest trials, one computation at a time.
import { describe, expect, it } from 'vitest';
import { searchImportance } from '../search/fanova';
import type { SearchSpace, TrialRecord } from '../search/types';
import { createAnalysisApi } from '../worker/analysisApi';
import { LatestOnly } from './importance';

const space: SearchSpace = { lr: { kind: 'list', values: [0.1, 0.01] }, units: { kind: 'list', values: [2, 8] } };
const rec = (index: number, lr: number, units: number, mean: number): TrialRecord => ({ index, trial: { lr, units }, mean, std: 0, folds: [mean], ms: 1 });
const trials = [rec(0, 0.1, 2, 0.5), rec(1, 0.1, 8, 0.52), rec(2, 0.01, 2, 0.2), rec(3, 0.01, 8, 0.21)];

/** A computation that ends when the test says so. */
function gate<I>() {
  const started: I[] = [];
  const release: (() => void)[] = [];
  const compute = (input: I) =>
    new Promise<I>((resolve, reject) => {
      started.push(input);
      release.push(() => (input === ('bad' as I) ? reject(new Error('the analysis worker stopped responding')) : resolve(input)));
    });
  return { started, release, compute };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('the analysis worker', () => {
  it('gives the forest’s importance for the trials and seed', async () => {
    const api = createAnalysisApi();
    expect(await api.importance(space, trials, 3)).toEqual(searchImportance(space, trials, 3));
    expect((await api.importance(space, trials, 3)).map((i) => i.key)).toEqual(['lr', 'units']);
    expect(await api.importance(space, trials.slice(0, 2), 3)).toEqual([]);
    expect(await api.ping()).toBe(true);
  });
});

describe('LatestOnly', () => {
  it('computes one at a time, skips inputs replaced while one ran, and delivers each result with its input', async () => {
    const g = gate<string>();
    const delivered: string[] = [];
    const r = new LatestOnly<string, string>(g.compute, (input, out) => delivered.push(`${input}:${out.ok ? out.value : out.error}`));
    r.push('a');
    r.push('b');
    r.push('c');
    await tick();
    expect(g.started).toEqual(['a']);
    g.release[0]();
    await tick();
    expect(delivered).toEqual(['a:a']);
    // 'b' was replaced by 'c' while 'a' ran.
    expect(g.started).toEqual(['a', 'c']);
    g.release[1]();
    await tick();
    expect(delivered).toEqual(['a:a', 'c:c']);
  });

  it('delivers a failure as an error, and computes the next input after it', async () => {
    const g = gate<string>();
    const delivered: string[] = [];
    const r = new LatestOnly<string, string>(g.compute, (input, out) => delivered.push(`${input}:${out.ok ? out.value : out.error}`));
    r.push('bad');
    await tick();
    g.release[0]();
    await tick();
    r.push('d');
    await tick();
    g.release[1]();
    await tick();
    expect(delivered).toEqual(['bad:the analysis worker stopped responding', 'd:d']);
  });

  it('delivers nothing after stop, even for a computation under way', async () => {
    const g = gate<string>();
    const delivered: string[] = [];
    const r = new LatestOnly<string, string>(g.compute, (input) => delivered.push(input));
    r.push('a');
    r.push('b');
    await tick();
    r.stop();
    g.release[0]();
    await tick();
    expect(delivered).toEqual([]);
    expect(g.started).toEqual(['a']);
  });
});
