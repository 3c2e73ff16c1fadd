import { describe, expect, it } from 'vitest';
import { SURFACES } from '../shared/surfaces';
import { useStore } from './store';

describe('lrLab slice', () => {
  it('switching surface takes its start, rate and steps, and keeps the optimizers and betas', () => {
    const s = () => useStore.getState();
    s().setSurfaceSettings({ optimizers: ['adam'], momentum: 0.5, start: [1, 1] });
    s().setSurfaceSettings({ surface: 'rosenbrock' });
    const next = s().surface.settings;
    expect(next.surface).toBe('rosenbrock');
    expect(next.start).toEqual(SURFACES.rosenbrock.start);
    expect(next.lr).toBe(SURFACES.rosenbrock.lr);
    expect(next.steps).toBe(SURFACES.rosenbrock.steps);
    expect(next.optimizers).toEqual(['adam']);
    expect(next.momentum).toBe(0.5);
    // The same surface again changes nothing else.
    s().setSurfaceSettings({ surface: 'rosenbrock', start: [0, 0] });
    expect(s().surface.settings.start).toEqual([0, 0]);
    expect(s().surface.settings.optimizers).toEqual(['adam']);
  });
});
