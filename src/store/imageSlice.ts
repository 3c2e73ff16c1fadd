// The image slice: what the image views chose on the page (not reported by the worker): the image
// whose feature maps are shown, and where it came from.
import type { StateCreator } from 'zustand';
import type { Store } from './store';

export interface ImageSlice {
  /** The image the feature maps are drawn for (784 values 0–1), or null for none chosen yet. */
  featureImage: Float32Array | null;
  /** Where it came from: a training sample, a misclassified validation image, or the draw pad. */
  featureSource: 'sample' | 'misclassified' | 'drawn' | null;
  setFeatureImage: (image: Float32Array | null, source: ImageSlice['featureSource']) => void;
}

export const createImageSlice: StateCreator<Store, [], [], ImageSlice> = (set) => ({
  featureImage: null,
  featureSource: null,
  setFeatureImage: (featureImage, featureSource) => set({ featureImage, featureSource: featureImage ? featureSource : null }),
});
