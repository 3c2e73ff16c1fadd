// The task most lessons start from: 200 points on the circle, little noise, half for training and
// a quarter for validation, the two plain inputs, cross-entropy, batch 10. Small enough that a run
// shows its effect in seconds on the cpu backend; each lesson adds its model and optimizer.
import type { ExperimentConfig } from '../../shared/config';

export const SMALL_CIRCLE = {
  dataset: 'circle',
  problem: 'classification',
  samples: 200,
  noise: 0.1,
  seed: 1,
  trainPct: 50,
  valPct: 25,
  features: ['x1', 'x2'],
  loss: 'bce',
  batch: 10,
} as const satisfies Partial<ExperimentConfig>;
