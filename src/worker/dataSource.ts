// Where a run's rows come from: a generated 2-D set, a built-in table, or the uploaded file. Gives
// every caller (the main run, sweeps, search trials) the same encoded inputs, labels and split.
import { featurize, gridInputs } from '../data/features';
import { generateDataset } from '../data/generators';
import { splitDataset, type Split } from '../data/split';
import { loadBuiltinTable } from '../data/tables/builtin';
import { encodeTable, sliceAxes, sliceGrid, slicePoints, type EncodedTable } from '../data/tables/encode';
import type { ExperimentConfig } from '../shared/config';
import { BUILTIN_TABLES, type BuiltinTableKey } from '../shared/builtinTables';
import { DATASETS, GRID_RESOLUTION, isImages, isTable, type Problem } from '../shared/datasets';
import type { TableView } from '../shared/protocol';
import type { Table, TableTask } from '../shared/table';

export interface SourceData {
  problem: Problem;
  /** 1 for regression, K ≥ 2 for classification. */
  classes: number;
  n: number;
  /** Network inputs per row. */
  width: number;
  /** n × width inputs: featurized 2-D points, or the encoded table (standardized on its training split). */
  x: Float32Array;
  /** Class index, or the regression target (standardized for tables). */
  y: Float32Array;
  /** 2n plot coordinates per row: the 2-D point, or the table's slice columns. */
  plot: Float32Array;
  split: Split;
  /** Inputs of the boundary grid (or slice) cells. */
  grid: Float32Array;
  /** Tables only. */
  encoded: EncodedTable | null;
  table: TableView | null;
}

type DataConfig = Pick<ExperimentConfig, 'dataset' | 'samples' | 'noise' | 'seed' | 'trainPct' | 'valPct' | 'features' | 'slice'>;

const builtins = new Map<BuiltinTableKey, Promise<Table>>();
let upload: { table: Table; task: TableTask } | null = null;

/** The uploaded file and what to learn from it, for this worker's later runs. */
export function setUploadTable(table: Table, task: TableTask): void {
  upload = { table, task };
}

async function tableAndTask(dataset: ExperimentConfig['dataset']): Promise<{ table: Table; task: TableTask }> {
  if (dataset === 'upload') {
    if (!upload) throw new Error('No CSV file is loaded in this worker: open the file again');
    return upload;
  }
  const key = dataset as BuiltinTableKey;
  let table = builtins.get(key);
  if (!table) {
    table = loadBuiltinTable(key);
    builtins.set(key, table);
  }
  const info = BUILTIN_TABLES[key];
  return { table: await table, task: { target: info.target, problem: info.problem } };
}

/** The slice a config asks for, or the first two numeric inputs when it names columns the table lacks. */
export function sliceOf(enc: EncodedTable, wanted: readonly number[]): [number, number] | null {
  const count = enc.numericInputs.length;
  if (count < 2) return null;
  const [a, b] = wanted;
  return a < count && b < count && a !== b ? [a, b] : [0, 1];
}

/** Grid, plot coordinates and axes of a table's slice (positions among its numeric inputs). */
export function sliceView(enc: EncodedTable, slice: [number, number] | null) {
  if (!slice) {
    return { grid: new Float32Array(0), plot: new Float32Array(2 * enc.n), axes: null };
  }
  const [a, b] = slice.map((i) => enc.numericInputs[i]);
  return { grid: sliceGrid(enc, a, b, GRID_RESOLUTION), plot: slicePoints(enc, a, b), axes: sliceAxes(enc, a, b) };
}

export function tableSource(c: DataConfig, table: Table, task: TableTask): SourceData {
  const enc = encodeTable(table, task, { trainPct: c.trainPct, valPct: c.valPct, seed: c.seed });
  const slice = sliceOf(enc, c.slice);
  const view = sliceView(enc, slice);
  return {
    problem: task.problem,
    classes: enc.classes,
    n: enc.n,
    width: enc.inputNames.length,
    x: enc.x,
    y: enc.y,
    plot: view.plot,
    split: enc.split,
    grid: view.grid,
    encoded: enc,
    table: {
      name: table.name,
      target: task.target,
      rows: enc.n,
      dropped: enc.dropped,
      notes: table.notes,
      inputNames: enc.inputNames,
      numericInputs: enc.numericInputs.map((i) => enc.inputNames[i]),
      classNames: enc.classNames,
      slice,
      axes: view.axes,
    },
  };
}

export function pointsSource(c: DataConfig): SourceData {
  if (isTable(c.dataset)) throw new Error(`${c.dataset} is a table`);
  if (isImages(c.dataset)) throw new Error(`${c.dataset} is a set of images: the image trainer loads it (src/worker/digitsSource.ts)`);
  const info = DATASETS[c.dataset];
  const points = generateDataset(c.dataset, c.samples, c.noise, c.seed);
  return {
    problem: info.problem,
    classes: info.classes,
    n: points.n,
    width: c.features.length,
    x: featurize(points.x, points.n, c.features),
    y: points.y,
    plot: points.x,
    split: splitDataset(points.y, { problem: info.problem, trainPct: c.trainPct, valPct: c.valPct, seed: c.seed, classes: info.classes }),
    grid: gridInputs(GRID_RESOLUTION, c.features),
    encoded: null,
    table: null,
  };
}

export async function loadSource(c: DataConfig): Promise<SourceData> {
  if (!isTable(c.dataset)) return pointsSource(c);
  const { table, task } = await tableAndTask(c.dataset);
  return tableSource(c, table, task);
}
