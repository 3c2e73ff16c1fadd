// Small helpers the lesson files use to write their checks from the store and the log.
import type { ExperimentConfig } from '../shared/config';
import type { RunRecord } from './types';

/** Settings that steer a run without changing what it learns. */
const STEERING: ReadonlySet<keyof ExperimentConfig> = new Set(['epochs', 'pace', 'backend']);

/** The settings (other than budget, pace and backend) in which two configs differ. */
export function settingsDiffer(a: ExperimentConfig, b: ExperimentConfig): (keyof ExperimentConfig)[] {
  return (Object.keys(a) as (keyof ExperimentConfig)[]).filter((k) => !STEERING.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/** Runs that trained at least `epochs` epochs. */
export const runsOf = (runs: RunRecord[], epochs: number): RunRecord[] => runs.filter((r) => r.epochs >= epochs);

/** Whether a run diverged (a loss went non-finite, or the diagnosis said so). */
export const diverged = (r: RunRecord): boolean => r.diagnoses.includes('diverged') || !Number.isFinite(r.trainLoss);
