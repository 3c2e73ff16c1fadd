// The images lesson's checks, read from the live store through the lesson recorder: scripted runs
// on the digits (dense baseline, small CNN, shifts, flips) with their validation accuracies; each
// check fails on the "wrong" run (a bigger CNN, a CNN on other images, flips that did not hurt).
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../shared/config';
import { BIG_CNN, DENSE_BASELINE, SMALL_CNN } from '../../shared/imageStack';
import type { EpochMetrics, PointsView } from '../../shared/protocol';
import { useStore } from '../../store/store';
import { startRecorder } from '../log';
import { initialStore } from '../testStore';
import { images, stackParams } from './images';

const points: PointsView = { n: 0, x: new Float32Array(0), y: new Float32Array(0), role: new Uint8Array(0) };
const base: ExperimentConfig = { ...DEFAULT_CONFIG, ...images.setup.config } as ExperimentConfig;
const NO_AUG = base.imageAugment;

/** A run of `epochs` epochs on `patch` whose validation accuracy climbs to `acc`. */
function runTo(patch: Partial<ExperimentConfig>, acc: number, epochs = 15): void {
  const config = { ...base, ...patch };
  const m = (e: number): EpochMetrics => ({ epoch: e, trainLoss: 2 / (1 + e), valLoss: 2.2 / (1 + e), trainAcc: acc, valAcc: (acc * e) / epochs });
  useStore.getState().applyConfig(config);
  useStore.getState().startRun(config, 0, points, { epochs: [m(0)], numTensors: 1 });
  useStore.getState().appendBatch({ epochs: Array.from({ length: epochs }, (_, i) => m(i + 1)), numTensors: 1 });
}

const passed = (rec: ReturnType<typeof startRecorder>) => images.checks.map((c) => c.passed(useStore.getState(), rec.log));

describe('images lesson', () => {
  beforeEach(() => useStore.setState(initialStore, true));

  it('sets up the dense baseline on 500 digits, and the CNN has fewer weights', () => {
    expect(base.dataset).toBe('digits');
    expect(base.images).toBe(500);
    expect(base.imageLayers).toBe(DENSE_BASELINE);
    expect(stackParams({ ...base, imageLayers: SMALL_CNN })).toBeLessThan(stackParams(base));
    expect(stackParams({ ...base, imageLayers: BIG_CNN })).toBeGreaterThan(stackParams(base));
  });

  it('ticks each check as the steps are done', () => {
    const rec = startRecorder(useStore);
    runTo({}, 0.82);
    expect(passed(rec)).toEqual([true, false, false, false]);
    runTo({ imageLayers: SMALL_CNN }, 0.9);
    expect(passed(rec)).toEqual([true, true, false, false]);
    runTo({ imageLayers: SMALL_CNN, imageAugment: { ...NO_AUG, shift: 2, rotate: 10 } }, 0.92);
    expect(passed(rec)).toEqual([true, true, true, false]);
    runTo({ imageLayers: SMALL_CNN, imageAugment: { ...NO_AUG, flip: true } }, 0.8);
    expect(passed(rec)).toEqual([true, true, true, true]);
    rec.stop();
  });

  it('does not count a CNN with more weights, other images, short runs or flips that did not hurt', () => {
    const rec = startRecorder(useStore);
    runTo({}, 0.82);
    // More weights than the dense baseline: not the point of the check.
    runTo({ imageLayers: BIG_CNN }, 0.95);
    // More images: not a fair comparison.
    runTo({ imageLayers: SMALL_CNN, images: 2000 }, 0.95);
    // Too short to count.
    runTo({ imageLayers: SMALL_CNN }, 0.95, 5);
    expect(passed(rec)[1]).toBe(false);
    // Flips compared with a run of another stack only.
    runTo({ imageLayers: SMALL_CNN, imageAugment: { ...NO_AUG, flip: true } }, 0.5);
    expect(passed(rec)[3]).toBe(false);
    // Flips no worse than the same CNN without them.
    runTo({ imageLayers: SMALL_CNN, images: 2000, imageAugment: { ...NO_AUG, flip: true } }, 0.96);
    expect(passed(rec)[3]).toBe(false);
    rec.stop();
  });

  it('records the best validation accuracy of a run', () => {
    const rec = startRecorder(useStore);
    runTo({}, 0.8);
    expect(rec.log.runs[0].bestValAcc).toBeCloseTo(0.8);
    expect(rec.log.runs[0].valAcc).toBeCloseTo(0.8);
    rec.stop();
  });
});
