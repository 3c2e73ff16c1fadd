import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Throttle } from './throttle';

describe('a throttled task', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once for many asks within its interval, then again after it', async () => {
    let runs = 0;
    const th = new Throttle(100, async () => {
      runs++;
    });
    for (let i = 0; i < 5; i++) th.ask();
    await vi.advanceTimersByTimeAsync(0);
    expect(runs).toBe(1);
    th.ask();
    await vi.advanceTimersByTimeAsync(50);
    expect(runs).toBe(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(runs).toBe(2);
  });

  it('never runs two at once: an ask while running runs once more after it', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    const th = new Throttle(10, async () => {
      runs++;
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 50));
      running--;
    });
    th.ask();
    await vi.advanceTimersByTimeAsync(5);
    th.ask();
    th.ask();
    await vi.advanceTimersByTimeAsync(200);
    expect(runs).toBe(2);
    expect(most).toBe(1);
  });

  it('stop cancels a waiting run', async () => {
    let runs = 0;
    const th = new Throttle(100, async () => {
      runs++;
    });
    th.ask();
    await vi.advanceTimersByTimeAsync(0);
    th.ask();
    th.stop();
    await vi.advanceTimersByTimeAsync(500);
    expect(runs).toBe(1);
  });
});
