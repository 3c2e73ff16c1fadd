// The registry of built-in 2-D data sets: keys, labels and the problem each one poses.
// Shared by the page (controls, URL schema) and the worker (generators).

export type Problem = 'classification' | 'regression';

export interface DatasetInfo {
  key: DatasetKey;
  label: string;
  problem: Problem;
  /** Number of classes for classification, 1 for regression. */
  classes: number;
  /** One sentence on what the set teaches. */
  hint: string;
}

export const DATASET_KEYS = [
  'circle',
  'xor',
  'gaussian',
  'spiral',
  'moons',
  'blobs',
  'plane',
  'wave',
] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];

export const DATASETS: Record<DatasetKey, DatasetInfo> = {
  circle: { key: 'circle', label: 'Circle', problem: 'classification', classes: 2, hint: 'A ring around a disc: needs a curved boundary.' },
  xor: { key: 'xor', label: 'XOR', problem: 'classification', classes: 2, hint: 'Opposite quadrants share a class: no single line separates them.' },
  gaussian: { key: 'gaussian', label: 'Two Gaussians', problem: 'classification', classes: 2, hint: 'Two blobs: a straight line is enough.' },
  spiral: { key: 'spiral', label: 'Spiral', problem: 'classification', classes: 2, hint: 'Two interleaved spirals: hard, needs capacity.' },
  moons: { key: 'moons', label: 'Two moons', problem: 'classification', classes: 2, hint: 'Two interlocking half circles.' },
  blobs: { key: 'blobs', label: 'Three blobs', problem: 'classification', classes: 3, hint: 'Three classes: softmax output and categorical cross-entropy.' },
  plane: { key: 'plane', label: 'Plane', problem: 'regression', classes: 1, hint: 'A tilted plane: a linear model fits it.' },
  wave: { key: 'wave', label: 'Wavy surface', problem: 'regression', classes: 1, hint: 'A non-linear surface: needs hidden units.' },
};

export function datasetsFor(problem: Problem): DatasetInfo[] {
  return DATASET_KEYS.map((k) => DATASETS[k]).filter((d) => d.problem === problem);
}

/** Both input coordinates of every generator lie in [-DOMAIN, DOMAIN]. */
export const DOMAIN = 6;

/** Cells per side of the decision-boundary grid. */
export const GRID_RESOLUTION = 50;
