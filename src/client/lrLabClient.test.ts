import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SurfacePath, SurfaceRequest } from '../shared/lrLab';
import { useStore } from '../store/store';

/** The surface calls the fake lab worker received, each resolved by hand. */
const calls: { req: SurfaceRequest; resolve: (p: SurfacePath[]) => void }[] = [];
const changes: unknown[] = [];

vi.mock('./labBridge', () => ({
  labUpload: async () => {},
  labBridge: {
    call: (fn: (api: unknown) => Promise<unknown>) =>
      fn({
        surfacePaths: (req: SurfaceRequest) => new Promise<SurfacePath[]>((resolve) => calls.push({ req, resolve })),
      }),
  },
}));
vi.mock('../components/change', () => ({ change: (patch: unknown) => changes.push(patch) }));

const { requestSurfacePaths, roundRate, applySuggestedRate } = await import('./lrLabClient');

const path = (x: number): SurfacePath => ({ optimizer: 'sgd', points: [x, 0], values: [0], reached: null, escaped: false });
const settings = (x: number) => ({ ...useStore.getState().surface.settings, start: [x, 0] as [number, number] });
const flush = () => new Promise((r) => setTimeout(r, 0));

describe('lrLabClient', () => {
  beforeEach(() => {
    calls.length = 0;
    changes.length = 0;
  });

  it('keeps one surface call in flight; of the settings that arrive meanwhile, only the latest is sent', async () => {
    requestSurfacePaths(settings(1));
    requestSurfacePaths(settings(2));
    requestSurfacePaths(settings(3));
    await flush();
    expect(calls.map((c) => c.req.start[0])).toEqual([1]);
    calls[0].resolve([path(1)]);
    await flush();
    expect(useStore.getState().surface.paths[0].points[0]).toBe(1);
    expect(calls.map((c) => c.req.start[0])).toEqual([1, 3]);
    calls[1].resolve([path(3)]);
    await flush();
    expect(useStore.getState().surface.paths[0].points[0]).toBe(3);
    expect(useStore.getState().surface.pathsFor?.start).toEqual([3, 0]);
    // Idle again: the next request goes out at once.
    requestSurfacePaths(settings(4));
    await flush();
    expect(calls).toHaveLength(3);
    calls[2].resolve([path(4)]);
    await flush();
  });

  it('"Use it" sets the suggested rate, rounded to two significant digits as shown', () => {
    expect(roundRate(0.123456)).toBe(0.12);
    expect(roundRate(1e-9)).toBe(1e-5);
    useStore.getState().setFinder({ result: { lrs: [], losses: [], suggested: 0.0567, steepest: null, minimum: 0.567, stoppedEarly: false } });
    applySuggestedRate();
    expect(changes).toEqual([{ lr: 0.057 }]);
  });
});
