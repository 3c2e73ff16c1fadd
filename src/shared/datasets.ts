// The registry of data sets: the generated 2-D sets, the real tables shipped with the app, and
// the user's uploaded CSV file. Shared by the page (controls, URL schema) and the workers.
import { BUILTIN_TABLES, type BuiltinTableKey } from './builtinTables';

export type Problem = 'classification' | 'regression';

export interface DatasetInfo {
  key: DatasetKey;
  label: string;
  problem: Problem;
  /** Number of classes for classification, 1 for regression. */
  classes: number;
  /** One sentence on what the set teaches. */
  hint: string;
  /** 'points': a generated 2-D set; 'table': rows of named columns (built in or uploaded); 'images': 28 × 28 greyscale images (the handwritten digits). */
  kind: 'points' | 'table' | 'images';
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
  'iris',
  'penguins',
  'cars',
  'digits',
  'upload',
] as const;
export type DatasetKey = (typeof DATASET_KEYS)[number];
export type TableKey = 'iris' | 'penguins' | 'cars' | 'upload';
/** The image sets. */
export type ImagesKey = 'digits';
/** The generated 2-D sets. */
export type PointsKey = Exclude<DatasetKey, TableKey | ImagesKey>;

/** A shipped table's entry, from its metadata (the classes of its default target). */
function fromBuiltin(key: BuiltinTableKey, classes: number): DatasetInfo {
  const t = BUILTIN_TABLES[key];
  return { key, label: `${t.label} (table)`, problem: t.problem, classes, hint: t.hint, kind: 'table' };
}

export const DATASETS: Record<DatasetKey, DatasetInfo> = {
  circle: { key: 'circle', label: 'Circle', problem: 'classification', classes: 2, hint: 'A ring around a disc: needs a curved boundary.', kind: 'points' },
  xor: { key: 'xor', label: 'XOR', problem: 'classification', classes: 2, hint: 'Opposite quadrants share a class: no single line separates them.', kind: 'points' },
  gaussian: { key: 'gaussian', label: 'Two Gaussians', problem: 'classification', classes: 2, hint: 'Two blobs: a straight line is enough.', kind: 'points' },
  spiral: { key: 'spiral', label: 'Spiral', problem: 'classification', classes: 2, hint: 'Two interleaved spirals: hard, needs capacity.', kind: 'points' },
  moons: { key: 'moons', label: 'Two moons', problem: 'classification', classes: 2, hint: 'Two interlocking half circles.', kind: 'points' },
  blobs: { key: 'blobs', label: 'Three blobs', problem: 'classification', classes: 3, hint: 'Three classes: softmax output and categorical cross-entropy.', kind: 'points' },
  plane: { key: 'plane', label: 'Plane', problem: 'regression', classes: 1, hint: 'A tilted plane: a linear model fits it.', kind: 'points' },
  wave: { key: 'wave', label: 'Wavy surface', problem: 'regression', classes: 1, hint: 'A non-linear surface: needs hidden units.', kind: 'points' },
  iris: fromBuiltin('iris', 3),
  penguins: fromBuiltin('penguins', 3),
  cars: fromBuiltin('cars', 1),
  digits: { key: 'digits', label: 'Handwritten digits (images)', problem: 'classification', classes: 10, hint: '28 × 28 images of the digits 0–9: convolutional layers see their shapes.', kind: 'images' },
  upload: { key: 'upload', label: 'Your CSV file', problem: 'classification', classes: 2, hint: 'Open a CSV file: it stays in this browser.', kind: 'table' },
};

/** What the page knows of a loaded CSV file: its name, what it learns, and the classes of its target. */
export interface UploadInfo {
  label: string;
  problem: Problem;
  /** Number of classes for classification, 1 for regression. */
  classes: number;
}

/**
 * A data set's entry. The uploaded file's comes from `upload` (kept in the page's store while a
 * file is loaded); without one, 'upload' is the placeholder above, which no config can select.
 */
export function datasetInfo(key: DatasetKey, upload: UploadInfo | null = null): DatasetInfo {
  if (key !== 'upload' || !upload) return DATASETS[key];
  return { ...DATASETS.upload, label: upload.label, problem: upload.problem, classes: upload.classes, hint: 'Your file: it stays in this browser.' };
}

export function isTable(dataset: DatasetKey): dataset is TableKey {
  return DATASETS[dataset].kind === 'table';
}

/** Whether the set is made of images (trained by the image model: src/engine/imageTrainer.ts). */
export function isImages(dataset: DatasetKey): dataset is ImagesKey {
  return DATASETS[dataset].kind === 'images';
}

/** The sets a problem offers (the upload only while a file is loaded). */
export function datasetsFor(problem: Problem, upload: UploadInfo | null = null): DatasetInfo[] {
  return DATASET_KEYS.filter((k) => k !== 'upload' || upload)
    .map((k) => datasetInfo(k, upload))
    .filter((d) => d.problem === problem);
}

/** Both input coordinates of every generator lie in [-DOMAIN, DOMAIN]. */
export const DOMAIN = 6;

/** Cells per side of the decision-boundary grid. */
export const GRID_RESOLUTION = 50;

/** The generated 2-D sets, in menu order. */
export const POINTS_KEYS = DATASET_KEYS.filter((k): k is PointsKey => DATASETS[k].kind === 'points');
