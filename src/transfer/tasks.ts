// The transfer tasks: source tasks to pretrain a base on and target tasks to reuse it for. Each
// names its relatedness group (`domain`), its input features and classes, and builds seeded
// training and validation arrays. Plain data only (no tfjs), so the page can list and check them;
// the builders run in the worker and in tests.
import { featurize, gatherRows, gatherValues } from '../data/features';
import { generateDataset } from '../data/generators';
import { hashSeed, mulberry32, shuffleInPlace } from '../data/random';
import type { EncodingStats } from '../data/tables/encode';
import type { SplitArrays } from '../engine/trainer';
import type { BuiltinTableKey } from '../shared/builtinTables';
import type { PointsKey } from '../shared/datasets';
import type { TableTask } from '../shared/table';

export type TaskRole = 'source' | 'target';

/** Statistics a table task standardizes its inputs with; a target reuses its source's. */
export type EncodeStats = unknown;

export interface TaskData {
  inputs: number;
  /** K ≥ 2 classes. */
  classes: number;
  train: SplitArrays;
  val: SplitArrays;
  /** The input statistics used, for a target task to reuse (tables only). */
  stats?: EncodeStats;
  /** The classes, in output order (tables; 2-D tasks have 'class 0', 'class 1'). */
  classNames?: string[];
}

export interface BuildOptions {
  /** Training examples wanted (a target gives at most `maxTrain`). */
  nTrain: number;
  seed: number;
  /** The source's input statistics, so a target table is encoded on the same scale. */
  stats?: EncodeStats;
}

export interface TransferTask {
  key: string;
  label: string;
  role: TaskRole;
  /** Relatedness group: tasks of one domain share structure a base can carry over. */
  domain: string;
  /** What the domain is, for the "related task" check. */
  domainLabel: string;
  kind: '2d' | 'table' | 'image';
  inputNames: string[];
  classNames: string[];
  /** One sentence on what the task is. */
  description: string;
  /** The most training examples it can give; the default for a source. */
  maxTrain: number;
  build(opts: BuildOptions): Promise<TaskData>;
}

/** Validation points of every 2-D task: the same for all training-set sizes. */
export const VAL_2D = 200;
/** Largest target training set of a 2-D task (the slider's top). */
export const MAX_TARGET_2D = 500;
/** Training points of a 2-D source. */
export const SOURCE_2D = 1000;

const XY = ['x₁', 'x₂'];

interface Variant {
  dataset: PointsKey;
  noise: number;
  /** Rotation about the origin, degrees counter-clockwise. */
  rotate?: number;
  /** Shift after rotating, in plot units. */
  shift?: [number, number];
  /** Scale about the origin, applied with the rotation. */
  scale?: number;
}

/** Raw points of a variant, rotated and shifted, drawn from a seed stream of their own. */
function variantPoints(v: Variant, n: number, seed: number): { x: Float32Array; y: Float32Array } {
  const p = generateDataset(v.dataset, n, v.noise, seed);
  const a = ((v.rotate ?? 0) * Math.PI) / 180;
  const [dx, dy] = v.shift ?? [0, 0];
  const c = Math.cos(a) * (v.scale ?? 1);
  const s = Math.sin(a) * (v.scale ?? 1);
  for (let i = 0; i < n; i++) {
    const x1 = p.x[2 * i];
    const x2 = p.x[2 * i + 1];
    p.x[2 * i] = c * x1 - s * x2 + dx;
    p.x[2 * i + 1] = s * x1 + c * x2 + dy;
  }
  return p;
}

function arrays(points: { x: Float32Array; y: Float32Array }, n: number): SplitArrays {
  return { x: featurize(points.x, n, ['x1', 'x2']), y: points.y.slice(0, n), n };
}

/**
 * A 2-D task's data: the first nTrain of a fixed pool of `maxTrain` points (so smaller training
 * sets are nested in larger ones) and VAL_2D validation points from another stream.
 */
function build2d(v: Variant, maxTrain: number, key: string) {
  return async ({ nTrain, seed }: BuildOptions): Promise<TaskData> => {
    const n = Math.max(2, Math.min(maxTrain, Math.round(nTrain)));
    const pool = variantPoints(v, maxTrain, hashSeed(seed, key, 'train'));
    const val = variantPoints(v, VAL_2D, hashSeed(seed, key, 'val'));
    return { inputs: 2, classes: 2, train: arrays(pool, n), val: arrays(val, VAL_2D) };
  };
}

function task2d(
  key: string,
  role: TaskRole,
  label: string,
  domain: string,
  domainLabel: string,
  description: string,
  v: Variant,
): TransferTask {
  const maxTrain = role === 'source' ? SOURCE_2D : MAX_TARGET_2D;
  return { key, label, role, domain, domainLabel, kind: '2d', inputNames: XY, classNames: ['class 0', 'class 1'], description, maxTrain, build: build2d(v, maxTrain, key) };
}

/** Training and validation shares of a table task's rows (a table task needs no test split). */
interface TableSplit {
  trainPct: number;
  valPct: number;
}

/**
 * A table task's data: the rows `task` keeps, split by `split`, encoded (standardized with the
 * source's statistics when given, else with its own training rows'). A smaller training set is a
 * seeded subset of the training rows, nested in the larger ones; validation stays whole. The
 * table code loads on first use, in the worker.
 */
function buildTable(table: BuiltinTableKey, task: TableTask, split: TableSplit, key: string) {
  return async ({ nTrain, seed, stats }: BuildOptions): Promise<TaskData> => {
    const [{ loadBuiltinTable }, { encodeTable }] = await Promise.all([import('../data/tables/builtin'), import('../data/tables/encode')]);
    const enc = encodeTable(await loadBuiltinTable(table), task, { ...split, seed, stats: stats as EncodingStats | undefined });
    const order = enc.split.train.slice();
    shuffleInPlace(order, mulberry32(hashSeed(seed, key, 'subset')));
    const train = order.slice(0, Math.max(2, Math.min(order.length, Math.round(nTrain))));
    const width = enc.inputNames.length;
    const part = (idx: Int32Array): SplitArrays => ({ x: gatherRows(enc.x, width, idx), y: gatherValues(enc.y, idx), n: idx.length });
    return { inputs: width, classes: enc.classes, train: part(train), val: part(enc.split.val), stats: enc.stats, classNames: enc.classNames };
  };
}

const PENGUIN_MEASURES = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
const IRIS_MEASURES = ['Sepal length (cm)', 'Sepal width (cm)', 'Petal length (cm)', 'Petal width (cm)'];
const PENGUIN_SEX = 'telling a penguin’s sex from its measurements';
/** 146 Adelie + 119 Gentoo penguins with every value: 70% train, 30% validation. */
const PENGUIN_SOURCE_SPLIT = { trainPct: 70, valPct: 30 };
/** 68 Chinstrap penguins: 60% (41) train, 40% (27) validation. */
const PENGUIN_TARGET_SPLIT = { trainPct: 60, valPct: 40 };

const TABLE_TASKS: TransferTask[] = [
  {
    key: 'penguins-sex',
    label: 'Penguins: sex of Adelie and Gentoo',
    role: 'source',
    domain: 'penguin-sex',
    domainLabel: PENGUIN_SEX,
    kind: 'table',
    inputNames: PENGUIN_MEASURES,
    classNames: ['FEMALE', 'MALE'],
    description: 'Male or female, from beak length and depth, flipper length and body mass, on 265 Adelie and Gentoo penguins.',
    maxTrain: 186,
    build: buildTable('penguins', { target: 'Sex', problem: 'classification', inputs: PENGUIN_MEASURES, where: { column: 'Species', levels: ['Adelie', 'Gentoo'] } }, PENGUIN_SOURCE_SPLIT, 'penguins-sex'),
  },
  {
    key: 'iris-species',
    label: 'Iris: species from 4 flower measurements',
    role: 'source',
    domain: 'iris-species',
    domainLabel: 'telling iris species apart',
    kind: 'table',
    inputNames: IRIS_MEASURES,
    classNames: ['setosa', 'versicolor', 'virginica'],
    description: 'Three iris species from sepal and petal length and width, 150 flowers.',
    maxTrain: 105,
    build: buildTable('iris', { target: 'Species', problem: 'classification', inputs: IRIS_MEASURES }, PENGUIN_SOURCE_SPLIT, 'iris-species'),
  },
  {
    key: 'chinstrap-sex',
    label: 'Penguins: sex of Chinstrap',
    role: 'target',
    domain: 'penguin-sex',
    domainLabel: PENGUIN_SEX,
    kind: 'table',
    inputNames: PENGUIN_MEASURES,
    classNames: ['FEMALE', 'MALE'],
    description: 'The same question for the third species, with only 68 birds: inputs scaled with the source’s statistics.',
    maxTrain: 41,
    build: buildTable('penguins', { target: 'Sex', problem: 'classification', inputs: PENGUIN_MEASURES, where: { column: 'Species', levels: ['Chinstrap'] } }, PENGUIN_TARGET_SPLIT, 'chinstrap-sex'),
  },
];

/** The image tasks' one input: a whole picture. */
export const IMAGE_INPUT_NAMES = ['28 × 28 greyscale pixels'];
const DIGITS = 'handwritten digits';
/** Training images of digits 0–4 outside the held-out ones (about 900 each); the source's most. */
export const MAX_SOURCE_IMAGES = 4000;
/** The target slider's top. */
export const MAX_TARGET_IMAGES = 1000;

/** Digits `digits` as a task; the data code (and the digits file) loads on first use, in the worker. */
function imageTask(key: string, role: TaskRole, label: string, description: string, digits: number[]): TransferTask {
  return {
    key,
    label,
    role,
    domain: 'digits',
    domainLabel: DIGITS,
    kind: 'image',
    inputNames: IMAGE_INPUT_NAMES,
    classNames: digits.map(String),
    description,
    maxTrain: role === 'source' ? MAX_SOURCE_IMAGES : MAX_TARGET_IMAGES,
    build: async ({ nTrain, seed }) => (await import('../worker/imageTransferData')).digitsTaskData(digits, key, nTrain, seed),
  };
}

const IMAGE_TASKS: TransferTask[] = [
  imageTask('digits-0-4', 'source', 'Digits 0–4 (images)', 'Handwritten digits 0 to 4, thousands of them: a CNN base learns strokes and shapes.', [0, 1, 2, 3, 4]),
  imageTask('digits-5-9', 'target', 'Digits 5–9, few images', 'Handwritten digits 5 to 9, only a few of each: new classes made of the same strokes.', [5, 6, 7, 8, 9]),
];

export function isImageTask(key: string): boolean {
  return TRANSFER_TASKS.some((t) => t.key === key && t.kind === 'image');
}

const CIRCLE = 'a disc inside a ring';
const SPIRAL = 'two interleaved spirals';
const MOONS = 'two interlocking moons';

export const TRANSFER_TASKS: TransferTask[] = [
  task2d('circle', 'source', 'Circle, 1000 points', 'circle', CIRCLE, 'A large set of the disc-inside-a-ring pattern.', { dataset: 'circle', noise: 0.1 }),
  task2d('spiral', 'source', 'Spiral, 1000 points', 'spiral', SPIRAL, 'A large set of the two-armed spiral.', { dataset: 'spiral', noise: 0.1 }),
  task2d('moons', 'source', 'Two moons, 1000 points', 'moons', MOONS, 'A large set of the two moons.', { dataset: 'moons', noise: 0.1 }),
  task2d('xor', 'source', 'XOR, 1000 points', 'xor', 'opposite quadrants sharing a class', 'A large XOR set: the same inputs, an unrelated pattern.', { dataset: 'xor', noise: 0.1 }),
  task2d(
    'circle-shifted',
    'target',
    'Circle, smaller and shifted',
    'circle',
    CIRCLE,
    'The disc and ring shrunk to 80% and moved by (0.5, −0.3): few points of a variant.',
    { dataset: 'circle', noise: 0.1, scale: 0.8, shift: [0.5, -0.3] },
  ),
  task2d('spiral-rotated', 'target', 'Spiral rotated 30°', 'spiral', SPIRAL, 'The spiral turned by 30°: few points of a hard pattern.', { dataset: 'spiral', noise: 0.1, rotate: 30 }),
  task2d('moons-shifted', 'target', 'Two moons, shifted and rotated', 'moons', MOONS, 'The moons moved by (1, −0.5) and turned by 20°.', { dataset: 'moons', noise: 0.1, rotate: 20, shift: [1, -0.5] }),
  ...TABLE_TASKS,
  ...IMAGE_TASKS,
];

export const DEFAULT_SOURCE = 'circle';
export const DEFAULT_TARGET = 'circle-shifted';

export function findTask(key: string): TransferTask {
  const t = TRANSFER_TASKS.find((k) => k.key === key);
  if (!t) throw new Error(`Unknown transfer task "${key}"`);
  return t;
}

export function tasksFor(role: TaskRole): TransferTask[] {
  return TRANSFER_TASKS.filter((t) => t.role === role);
}
