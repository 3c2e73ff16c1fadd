// The one zustand store, combined from its slices (config, run, network, reference, sweep,
// search, transfer, race, lrLab, image, ui).
// Components pick fields with module-level selectors; only the client (src/client) turns worker
// results into store updates.
import { create } from 'zustand';
import { createConfigSlice, type ConfigSlice } from './configSlice';
import { createNetworkSlice, type NetworkSlice } from './networkSlice';
import { createReferenceSlice, type ReferenceSlice } from './referenceSlice';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSearchSlice, type SearchSlice } from './searchSlice';
import { createSweepSlice, type SweepSlice } from './sweepSlice';
import { createTransferSlice, type TransferSlice } from './transferSlice';
import { createUiSlice, type UiSlice } from './uiSlice';
import { createRaceSlice, type RaceSlice } from './raceSlice';
import { createLrLabSlice, type LrLabSlice } from './lrLabSlice';
import { createImageSlice, type ImageSlice } from './imageSlice';

export type Store = ConfigSlice & RunSlice & NetworkSlice & ReferenceSlice & SweepSlice & SearchSlice & TransferSlice & RaceSlice & LrLabSlice & ImageSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createConfigSlice(...a),
  ...createRunSlice(...a),
  ...createNetworkSlice(...a),
  ...createReferenceSlice(...a),
  ...createSweepSlice(...a),
  ...createSearchSlice(...a),
  ...createTransferSlice(...a),
  ...createRaceSlice(...a),
  ...createLrLabSlice(...a),
  ...createImageSlice(...a),
  ...createUiSlice(...a),
}));
