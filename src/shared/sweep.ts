// Learning curves and capacity sweeps: what they vary, and the plain data they report.
export type SweepKind = 'size' | 'width';

/** Shares of the training split for the learning curve. */
export const SIZE_FRACTIONS = [0.1, 0.25, 0.5, 0.75, 1];
/** Units per hidden layer for the capacity sweep. */
export const WIDTHS = [1, 2, 4, 8, 16, 32, 64];

export interface SweepPoint {
  /** The training-set share (size) or the units per hidden layer (width). */
  value: number;
  /** Training points used. */
  trainSize: number;
  trainLoss: number;
  valLoss: number;
  epochs: number;
}

export interface SweepProgress {
  trial: number;
  trials: number;
  epochsDone: number;
  epochsTotal: number;
  points: SweepPoint[];
}
