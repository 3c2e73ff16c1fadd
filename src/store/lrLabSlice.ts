// The learning-rate lab slice: the finder's last result and the loss surface's settings (filled in by the lab work).
import type { StateCreator } from 'zustand';
import type { Store } from './store';

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LrLabSlice {}

export const createLrLabSlice: StateCreator<Store, [], [], LrLabSlice> = () => ({});
