// The network slice: the neuron maps and weights the worker sends while the network view is shown,
// the layer-health samples of the current run, and which neuron the boundary view shows large.
import type { StateCreator } from 'zustand';
import type { LayerStatsSample, NetworkMaps } from '../shared/protocol';
import type { Store } from './store';

/** A neuron of the diagram: column (0 = inputs, 1… hidden layers, the output last) and unit. */
export interface NeuronRef {
  layer: number;
  unit: number;
}

export interface NetworkSlice {
  /** The latest maps and weights of the current run; null until sent (or while the view is hidden). */
  network: NetworkMaps | null;
  /** Layer health over the current run's epochs (bounded, see network/statsHistory.ts). */
  layerStats: LayerStatsSample[];
  /** Whether the network view is shown: the worker computes the maps only then. */
  networkShown: boolean;
  /** The neuron hovered or focused in the diagram: the boundary view shows its map large. */
  focusNeuron: NeuronRef | null;
  setNetworkShown: (on: boolean) => void;
  setFocusNeuron: (n: NeuronRef | null) => void;
}

export const createNetworkSlice: StateCreator<Store, [], [], NetworkSlice> = (set) => ({
  network: null,
  layerStats: [],
  networkShown: true,
  focusNeuron: null,
  setNetworkShown: (networkShown) => set(networkShown ? { networkShown } : { networkShown, network: null, focusNeuron: null }),
  setFocusNeuron: (focusNeuron) => set({ focusNeuron }),
});
