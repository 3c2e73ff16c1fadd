// The one zustand store, combined from its slices (data, model, optimizer, regularization, run, sweep, search, transfer, ui). Components pick fields with module-level
// selectors; only the client (src/client) turns worker results into store updates.
import { create } from 'zustand';
import {
  createDataSlice,
  createModelSlice,
  createOptimizerSlice,
  createRegularizationSlice,
  type ConfigActions,
  type DataSlice,
  type ModelSlice,
  type OptimizerSlice,
  type RegularizationSlice,
} from './configSlices';
import { createRunSlice, type RunSlice } from './runSlice';
import { createSearchSlice, type SearchSlice } from './searchSlice';
import { createSweepSlice, type SweepSlice } from './sweepSlice';
import { createTransferSlice, type TransferSlice } from './transferSlice';
import { createUiSlice, type UiSlice } from './uiSlice';

export type Store = DataSlice & ModelSlice & OptimizerSlice & RegularizationSlice & ConfigActions & RunSlice & SweepSlice & SearchSlice & TransferSlice & UiSlice;

export const useStore = create<Store>()((...a) => ({
  ...createDataSlice(...a),
  ...createModelSlice(...a),
  ...createOptimizerSlice(...a),
  ...createRegularizationSlice(...a),
  ...createRunSlice(...a),
  ...createSweepSlice(...a),
  ...createSearchSlice(...a),
  ...createTransferSlice(...a),
  ...createUiSlice(...a),
}));
