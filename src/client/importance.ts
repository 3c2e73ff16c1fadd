// A search's importance, computed in the analysis worker (src/worker/analysisApi.ts) so the
// forest never blocks the page, and a hook that keeps the Search panel's bars current while
// trials arrive: one computation at a time, and when it ends, one more with the newest trials
// if they changed meanwhile (the ones in between are skipped).
import { useEffect, useRef, useState } from 'react';
import type { Importance, SearchSpace, TrialRecord } from '../search/types';
import type { AnalysisApi } from '../worker/analysisApi';
import { errorText } from '../shared/errorText';
import { WorkerBridge } from './workerBridge';
import { startWorker } from './workers';

/**
 * Started on first use and ended after a minute without a call. One forest is one synchronous
 * stretch of a few seconds at most (thousands of trials), so it may be silent longer than a
 * training worker.
 */
const analysis = new WorkerBridge<AnalysisApi>({ role: 'analysis', start: () => startWorker('analysis'), idleMs: 60_000, silenceMs: 60_000 });

/** Each searched setting's share of the objective's variance, largest first ([] below MIN_TRIALS finished trials). */
export function importanceOffThread(space: SearchSpace, trials: readonly TrialRecord[], seed: number): Promise<Importance[]> {
  return analysis.call((api) => api.importance(space, trials, seed));
}

interface Request {
  space: SearchSpace;
  trials: readonly TrialRecord[];
  seed: number;
}

/**
 * Runs `compute` on the newest input only, one at a time: inputs pushed while one runs replace
 * each other, and when it ends the newest gets its run. Each result (or error) is delivered with
 * its input; none after stop().
 */
export class LatestOnly<I, O> {
  private next: I | null = null;
  private busy = false;
  private stopped = false;

  constructor(
    private readonly compute: (input: I) => Promise<O>,
    private readonly deliver: (input: I, result: { ok: true; value: O } | { ok: false; error: string }) => void,
  ) {}

  push(input: I): void {
    this.next = input;
    void this.pump();
  }

  stop(): void {
    this.stopped = true;
    this.next = null;
  }

  private async pump(): Promise<void> {
    if (this.busy) return;
    this.busy = true;
    try {
      while (this.next !== null && !this.stopped) {
        const input = this.next;
        this.next = null;
        let result: { ok: true; value: O } | { ok: false; error: string };
        try {
          result = { ok: true, value: await this.compute(input) };
        } catch (e) {
          result = { ok: false, error: errorText(e) };
        }
        if (!this.stopped) this.deliver(input, result);
      }
    } finally {
      this.busy = false;
    }
  }
}

/** No importance (one array, so a memoized view does not redraw for a new empty one). */
const NONE: Importance[] = [];

interface Shown {
  space: SearchSpace | null;
  trials: readonly TrialRecord[] | null;
  importance: Importance[];
  error: string | null;
}

/**
 * The importance of `request`'s trials (null: no search), refreshed when they change. The last
 * result stays shown while the next is computed (`computing`), unless the search itself changed
 * (its space: other axes). A failure (the worker gone) is `error`; the next change tries again.
 */
export function useImportance(request: Request | null): { importance: Importance[]; error: string | null; computing: boolean } {
  const [shown, setShown] = useState<Shown>({ space: null, trials: null, importance: [], error: null });
  const runner = useRef<LatestOnly<Request, Importance[]> | null>(null);
  useEffect(() => {
    const r = new LatestOnly<Request, Importance[]>(
      (q) => importanceOffThread(q.space, q.trials, q.seed),
      (q, result) =>
        setShown((s) =>
          result.ok
            ? { space: q.space, trials: q.trials, importance: result.value, error: null }
            : { space: q.space, trials: q.trials, importance: s.space === q.space ? s.importance : [], error: result.error },
        ),
    );
    runner.current = r;
    return () => r.stop();
  }, []);
  useEffect(() => {
    if (request) runner.current?.push(request);
  }, [request]);
  if (!request) return { importance: NONE, error: null, computing: false };
  // `computing`: this request's trials are not the ones shown yet.
  const computing = shown.trials !== request.trials;
  if (shown.space !== request.space) return { importance: NONE, error: null, computing };
  return { importance: shown.importance, error: shown.error, computing };
}
