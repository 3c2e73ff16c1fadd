// The transfer slice: the chosen source and target, the settings, the current pretrained base
// (its description; the weights stay in the worker), saved bases, and the comparison's progress
// and result.
import type { StateCreator } from 'zustand';
import type { EpochMetrics } from '../shared/protocol';
import { DEFAULT_TRANSFER_SETTINGS, type BaseInfo, type TransferMethod, type TransferResult, type TransferSettings } from '../shared/transferProtocol';
import { DEFAULT_SOURCE, DEFAULT_TARGET } from '../transfer/tasks';
import type { Store } from './store';

export type TransferStatus = 'idle' | 'pretraining' | 'comparing' | 'cancelling' | 'busy';

export interface TransferState {
  source: string;
  target: string;
  settings: TransferSettings;
  status: TransferStatus;
  /** 0..1 of the pretraining or comparison under way (or last finished). */
  progress: number;
  /** What the progress bar stands for. */
  task: 'pretrain' | 'compare' | null;
  /** The latest pretraining readout. */
  pretrainNote: string;
  /** The worker's current base, or null. */
  base: BaseInfo | null;
  /** Bases kept in this browser (IndexedDB). */
  saved: BaseInfo[];
  /** The curves while a comparison runs. */
  live: Partial<Record<TransferMethod, EpochMetrics[]>>;
  result: TransferResult | null;
  /** The latest outcome or problem, shown beside the buttons. */
  message: { kind: 'error' | 'info'; text: string } | null;
}

export interface TransferSlice {
  transfer: TransferState;
  setTransfer: (patch: Partial<TransferState>) => void;
  setTransferSettings: (patch: Partial<TransferSettings>) => void;
}

export const createTransferSlice: StateCreator<Store, [], [], TransferSlice> = (set) => ({
  transfer: {
    source: DEFAULT_SOURCE,
    target: DEFAULT_TARGET,
    settings: { ...DEFAULT_TRANSFER_SETTINGS },
    status: 'idle',
    progress: 0,
    task: null,
    pretrainNote: '',
    base: null,
    saved: [],
    live: {},
    result: null,
    message: null,
  },
  setTransfer: (patch) => set((s) => ({ transfer: { ...s.transfer, ...patch } })),
  setTransferSettings: (patch) => set((s) => ({ transfer: { ...s.transfer, settings: { ...s.transfer.settings, ...patch } } })),
});
