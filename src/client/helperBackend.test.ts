import { afterEach, describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { helperBackend, searchEngines } from './helperBackend';

const timed = (active: 'cpu' | 'wasm' | 'webgl', timings: Record<string, number>) =>
  useStore.getState().setBackend({
    requested: 'auto',
    active,
    note: '',
    timings: Object.entries(timings).map(([backend, msPerStep]) => ({ backend: backend as 'cpu', msPerStep })),
  });

afterEach(() => useStore.getState().setBackend(null));

describe('helper backends', () => {
  it('a named backend is kept as is, for sweeps and for the search pool', () => {
    timed('cpu', { cpu: 0.3, wasm: 0.6 });
    expect(helperBackend('wasm')).toBe('wasm');
    expect(searchEngines('wasm')).toBeUndefined();
  });

  it("with auto, sweeps take the main run's pick", () => {
    timed('wasm', { wasm: 0.5, cpu: 0.6 });
    expect(helperBackend('auto')).toBe('wasm');
    useStore.getState().setBackend(null);
    expect(helperBackend('auto')).toBe('cpu');
  });

  it('with auto, the search pool gets the pick first and every engine within reach of it for batched groups', () => {
    // Software WebGL, 60× slower on one model, cannot win on a group of a few dozen members.
    timed('cpu', { cpu: 0.28, wasm: 0.65, webgl: 18 });
    expect(searchEngines('auto')).toEqual(['cpu', 'wasm']);
    // A real GPU close behind on one model may win on a group: it is timed too.
    timed('wasm', { wasm: 0.2, cpu: 0.3, webgl: 1.1 });
    expect(searchEngines('auto')).toEqual(['wasm', 'cpu', 'webgl']);
    // Before the main run has timed anything: its pick alone.
    useStore.getState().setBackend(null);
    expect(searchEngines('auto')).toEqual(['cpu']);
  });
});
