// The race slice: the optimizer race last run (filled in by the race work).
import type { StateCreator } from 'zustand';
import type { Store } from './store';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface RaceSlice {}

export const createRaceSlice: StateCreator<Store, [], [], RaceSlice> = () => ({});
