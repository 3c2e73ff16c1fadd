// The ui slice: view toggles and the messages shown in the page's alert region.
import type { StateCreator } from 'zustand';
import type { Store } from './store';
import type { TimingProgress } from '../shared/protocol';

export type MessageKind = 'error' | 'warning' | 'info';

export interface Message {
  id: number;
  kind: MessageKind;
  text: string;
  /** Messages with the same topic replace each other (e.g. one per input field). */
  topic: string;
}

export interface UiSlice {
  logScale: boolean;
  showTestPoints: boolean;
  showAugmented: boolean;
  messages: Message[];
  /** While the auto backend times a new model on each backend: how far it has got; else null. */
  timing: TimingProgress | null;
  setTiming: (t: TimingProgress | null) => void;
  setLogScale: (v: boolean) => void;
  setShowTestPoints: (v: boolean) => void;
  setShowAugmented: (v: boolean) => void;
  say: (topic: string, kind: MessageKind, text: string) => void;
  clear: (topic: string) => void;
  dismiss: (id: number) => void;
}

let nextId = 1;

export const createUiSlice: StateCreator<Store, [], [], UiSlice> = (set) => ({
  logScale: false,
  showTestPoints: false,
  showAugmented: false,
  messages: [],
  timing: null,
  setTiming: (timing) => set({ timing }),
  setLogScale: (logScale) => set({ logScale }),
  setShowTestPoints: (showTestPoints) => set({ showTestPoints }),
  setShowAugmented: (showAugmented) => set({ showAugmented }),
  say: (topic, kind, text) =>
    set((s) => ({ messages: [...s.messages.filter((m) => m.topic !== topic), { id: nextId++, kind, text, topic }] })),
  clear: (topic) => set((s) => (s.messages.some((m) => m.topic === topic) ? { messages: s.messages.filter((m) => m.topic !== topic) } : {})),
  dismiss: (id) => set((s) => ({ messages: s.messages.filter((m) => m.id !== id) })),
});
