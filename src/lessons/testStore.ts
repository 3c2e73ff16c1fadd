// Test helpers: drive the app's store as the training client would (runs, epochs, test results).
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import type { EpochMetrics, PointsView } from '../shared/protocol';
import { useStore } from '../store/store';

const points: PointsView = { n: 0, x: new Float32Array(0), y: new Float32Array(0), role: new Uint8Array(0) };

export const initialStore = useStore.getState();

/** Epochs `from`..`to` with the given loss curves (functions of the epoch). */
export function epochs(from: number, to: number, train: (e: number) => number, val: (e: number) => number = train): EpochMetrics[] {
  const out: EpochMetrics[] = [];
  for (let e = from; e <= to; e++) out.push({ epoch: e, trainLoss: train(e), valLoss: val(e), trainAcc: 0.5, valAcc: 0.5 });
  return out;
}

/** A new run (its epoch 0) on `config`, as the client's setup makes it. */
export function newRun(patch: Partial<ExperimentConfig> = {}, train: (e: number) => number = () => 0.7, val: (e: number) => number = train): void {
  const config = { ...DEFAULT_CONFIG, ...patch };
  useStore.getState().applyConfig(config);
  useStore.getState().startRun(config, 0, points, { epochs: epochs(0, 0, train, val), numTensors: 1 });
}

/** Trains the current run on to epoch `to`. */
export function trainTo(to: number, train: (e: number) => number, val: (e: number) => number = train): void {
  const s = useStore.getState();
  const from = (s.metrics.last?.epoch ?? 0) + 1;
  s.appendBatch({ epochs: epochs(from, to, train, val), numTensors: 1 });
}
