// The layer-health samples of the current run, bounded: past MAX_SAMPLES, every other sample is
// dropped, so a run of any length keeps an even spread over its epochs at a fixed cost per draw.
import type { LayerStatsSample } from '../shared/protocol';

export const MAX_SAMPLES = 400;

/** `list` with `more` appended (a new array); thinned to at most `max` samples, the newest always kept. */
export function appendStats(list: readonly LayerStatsSample[], more: readonly LayerStatsSample[], max = MAX_SAMPLES): LayerStatsSample[] {
  if (more.length === 0) return list as LayerStatsSample[];
  // A sample at or before the last kept epoch belongs to a rewind (early stopping went back): drop the later ones.
  const first = more[0].epoch;
  let out = list.filter((s) => s.epoch < first).concat(more);
  while (out.length > max) {
    const last = out[out.length - 1];
    out = out.filter((_, i) => i % 2 === 0);
    if (out[out.length - 1] !== last) out.push(last);
  }
  return out;
}

/** The samples as per-weight-layer series: what `playground.getLayerStats()` returns. */
export interface LayerStatsSeries {
  epochs: number[];
  layers: {
    /** 1 = the first hidden layer, … the output last (as the network view's columns). */
    layer: number;
    gradNorm: number[];
    weightNorm: number[];
    updateRatio: (number | null)[];
    /** Hidden layers only; null for the output layer. */
    dead: number[] | null;
    saturated: number[] | null;
  }[];
}

export function statsSeries(samples: readonly LayerStatsSample[]): LayerStatsSeries {
  const layers = samples.length ? samples[samples.length - 1].gradNorm.length : 0;
  return {
    epochs: samples.map((s) => s.epoch),
    layers: Array.from({ length: layers }, (_, i) => ({
      layer: i + 1,
      gradNorm: samples.map((s) => s.gradNorm[i]),
      weightNorm: samples.map((s) => s.weightNorm[i]),
      updateRatio: samples.map((s) => s.updateRatio[i]),
      dead: i < layers - 1 ? samples.map((s) => s.dead[i]) : null,
      saturated: i < layers - 1 ? samples.map((s) => s.saturated[i]) : null,
    })),
  };
}
