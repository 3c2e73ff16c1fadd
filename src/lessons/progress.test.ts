// Progress kept in the browser, and a page that keeps working when storage is missing or broken.
import { describe, expect, it } from 'vitest';
import { PROGRESS_KEY, ProgressStore } from './progress';

function memoryStorage() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), map: m };
}

describe('lesson progress', () => {
  it('keeps checks met and lessons completed across page loads', () => {
    const storage = memoryStorage();
    const a = new ProgressStore(() => storage);
    a.markCheck('tuning', 1);
    a.markCheck('tuning', 0);
    a.markCheck('tuning', 1);
    a.markCompleted('tuning');
    a.markCompleted('tuning');
    const b = new ProgressStore(() => storage);
    expect(b.get()).toEqual({ checks: { tuning: [0, 1] }, completed: ['tuning'] });
    expect(b.isCompleted('tuning')).toBe(true);
    expect(b.isCompleted('splits')).toBe(false);
  });

  it('tells subscribers, with a new object each change', () => {
    const p = new ProgressStore(() => memoryStorage());
    const seen: unknown[] = [];
    const off = p.subscribe(() => seen.push(p.get()));
    const before = p.get();
    p.markCheck('loss', 2);
    expect(seen).toHaveLength(1);
    expect(seen[0]).not.toBe(before);
    off();
    p.markCompleted('loss');
    expect(seen).toHaveLength(1);
  });

  it('works in memory when storage is missing, throws on every call, or cannot even be reached', () => {
    const throwing = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    for (const get of [() => null, () => throwing, () => { throw new Error('blocked'); }]) {
      const p = new ProgressStore(get);
      expect(p.get()).toEqual({ checks: {}, completed: [] });
      p.markCheck('model', 0);
      p.markCompleted('model');
      expect(p.get()).toEqual({ checks: { model: [0] }, completed: ['model'] });
    }
  });

  it('starts over from unreadable or malformed contents, keeping what has the right shape', () => {
    const s = memoryStorage();
    s.map.set(PROGRESS_KEY, '{not json');
    expect(new ProgressStore(() => s).get()).toEqual({ checks: {}, completed: [] });
    s.map.set(PROGRESS_KEY, JSON.stringify({ checks: { a: [0, 'x', -1, 2], b: 'no' }, completed: ['a', 3] }));
    expect(new ProgressStore(() => s).get()).toEqual({ checks: { a: [0, 2] }, completed: ['a'] });
    s.map.set(PROGRESS_KEY, 'null');
    expect(new ProgressStore(() => s).get()).toEqual({ checks: {}, completed: [] });
  });
});
