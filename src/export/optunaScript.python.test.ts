// Runs the exported PyTorch + Optuna script for real: two processes against one SQLite storage
// must finish the requested trials exactly once between them, the best trial must lie in the
// space, and the CSV must import. Skipped (saying so) only when no python with torch and optuna
// is found.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { pointsSource } from '../worker/dataSource';
import { importTrials } from '../search/importTrials';
import { gridTrials } from '../search/space';
import type { SearchSpec } from '../search/types';
import { findTorchPython } from './findPythonNode';
import { optunaScript, searchRows } from './optunaScript';

// The same Python the PyTorch check uses (findPython.ts: TORCH_PYTHON, /usr/bin/python3, python3;
// the test run's global setup installs Debian's packages first where it may).
const found = await findTorchPython();
const python = found.path;
if (!python) console.warn(`python checks: SKIPPED: ${found.reason}`);

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const p = spawn(cmd, args, { cwd });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.stderr.on('data', (d) => (out += d));
    p.on('close', (code) => resolve({ code: code ?? -1, out }));
  });
}

const dir = mkdtempSync(join(tmpdir(), 'optuna-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the exported Optuna script', () => {
  it.skipIf(!python)(
    'two processes on one SQLite storage finish exactly the requested trials, in the space, and the CSV imports',
    async () => {
      const config = { ...DEFAULT_CONFIG, samples: 160, layers: [4], activations: ['tanh' as const], dropout: [0] };
      const spec: SearchSpec = {
        strategy: 'random',
        space: { lr: { kind: 'range', min: 0.001, max: 0.3, scale: 'log' }, units: { kind: 'list', values: [2, 4, 8] }, optimizer: { kind: 'list', values: ['sgd', 'adam'] } },
        budget: 6,
        folds: 2,
        epochs: 5,
        seed: 3,
        objective: 'loss',
      };
      const rows = searchRows(pointsSource(config), config.seed, spec.folds);
      expect(rows.x.length).toBeLessThanOrEqual(200);
      writeFileSync(join(dir, 'search.py'), optunaScript({ config, spec, rows }));
      const args = ['search.py', '--storage', 'sqlite:///study.db', '--study-name', 'shared', '--n-trials', '6'];
      const [a, b] = await Promise.all([run(python!, args, dir), run(python!, args, dir)]);
      expect(a.code, a.out).toBe(0);
      expect(b.code, b.out).toBe(0);

      const check = await run(
        python!,
        [
          '-c',
          `import json, optuna
from optuna.trial import TrialState
s = optuna.load_study(study_name="shared", storage="sqlite:///study.db")
done = [t for t in s.get_trials() if t.state == TrialState.COMPLETE]
print(json.dumps({"numbers": [t.number for t in done], "best": s.best_trial.params, "states": [t.state.name for t in s.get_trials()], "workers": [t.user_attrs.get("worker") for t in done]}))`,
        ],
        dir,
      );
      expect(check.code, check.out).toBe(0);
      const got = JSON.parse(check.out.trim().split('\n').at(-1)!) as { numbers: number[]; best: Record<string, number | string>; states: string[]; workers: string[] };
      console.log(`optunaScript.python.test: trials per process ${JSON.stringify(Object.fromEntries([...new Set(got.workers)].map((w) => [w, got.workers.filter((x) => x === w).length])))}, states ${got.states.join(' ')}`);
      expect(got.numbers.length).toBe(6);
      expect([...got.numbers].sort((x, y) => x - y)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(got.states.filter((s) => s === 'FAIL')).toEqual([]);
      const best = got.best;
      expect(Object.keys(best).sort()).toEqual(['lr', 'optimizer', 'units']);
      expect(best.lr as number).toBeGreaterThanOrEqual(0.001);
      expect(best.lr as number).toBeLessThanOrEqual(0.3);
      expect([2, 4, 8]).toContain(best.units);
      expect(['sgd', 'adam']).toContain(best.optimizer);

      const csv = await run(python!, ['search.py', '--storage', 'sqlite:///study.db', '--study-name', 'shared', '--n-trials', '6', '--csv', 'trials.csv'], dir);
      expect(csv.code, csv.out).toBe(0);
      const imported = importTrials(readFileSync(join(dir, 'trials.csv'), 'utf8'), spec.space);
      if (!imported.ok) throw new Error(imported.error);
      expect(imported.trials.map((t) => t.index)).toEqual([0, 1, 2, 3, 4, 5]);
      expect(imported.trials.every((t) => t.folds.length === 2 && Number.isFinite(t.mean))).toBe(true);
    },
    240000,
  );

  it.skipIf(!python)(
    'runs a grid on three classes (accuracy, cce, momentum, dropout, L2, patience) and a regression (mse), in memory with --n-jobs 2',
    async () => {
      const cases = [
        {
          name: 'grid',
          config: { ...DEFAULT_CONFIG, dataset: 'blobs' as const, samples: 120, loss: 'cce' as const, layers: [4], activations: ['relu' as const], dropout: [0.1], l2: 0.001, patience: 2 },
          spec: {
            strategy: 'grid',
            space: { lr: { kind: 'list', values: [0.1, 0.01] }, optimizer: { kind: 'list', values: ['momentum', 'rmsprop'] }, activation: { kind: 'list', values: ['tanh', 'sigmoid'] } },
            budget: 1,
            folds: 2,
            epochs: 4,
            seed: 5,
            objective: 'accuracy',
          } satisfies SearchSpec,
          n: 8,
        },
        {
          name: 'regression',
          config: { ...DEFAULT_CONFIG, dataset: 'plane' as const, problem: 'regression' as const, samples: 100, loss: 'mse' as const },
          spec: {
            strategy: 'bayes',
            space: { batch: { kind: 'range', min: 4, max: 32, scale: 'log', integer: true }, layers: { kind: 'range', min: 0, max: 2, scale: 'linear' }, dropout: { kind: 'range', min: 0, max: 0.3, scale: 'linear' }, optimizer: { kind: 'list', values: ['adagrad', 'adam', 'sgd'] } },
            budget: 4,
            folds: 1,
            epochs: 3,
            seed: 2,
            objective: 'loss',
          } satisfies SearchSpec,
          n: 4,
        },
      ];
      for (const c of cases) {
        const rows = searchRows(pointsSource(c.config), c.config.seed, c.spec.folds);
        // the per-fold re-standardization of table inputs, exercised on the grid's folds
        if (c.name === 'grid') rows.standardize = [0, 1];
        writeFileSync(join(dir, `${c.name}.py`), optunaScript({ config: c.config, spec: c.spec, rows }));
        const r = await run(python!, [`${c.name}.py`, '--n-jobs', '2', '--csv', `${c.name}.csv`], dir);
        expect(r.code, r.out).toBe(0);
        const imported = importTrials(readFileSync(join(dir, `${c.name}.csv`), 'utf8'), c.spec.space);
        if (!imported.ok) throw new Error(imported.error);
        expect(imported.trials.map((t) => t.index), `${c.name}: ${r.out}`).toEqual(Array.from({ length: c.n }, (_, i) => i));
        if (c.name === 'grid') {
          // every cell of the 2 × 2 × 2 grid once, accuracies in [0, 1]
          // every cell once, trial i being cell i of the browser's grid
          expect(imported.trials.map((t) => t.trial)).toEqual(gridTrials(c.spec.space));
          expect(imported.trials.every((t) => t.mean >= 0 && t.mean <= 1)).toBe(true);
        }
      }
    },
    240000,
  );

  it.skipIf(!python)(
    'runs a TPE search with conditional settings: momentum β only with SGD + momentum, units of layer 2 only with two layers',
    async () => {
      const config = { ...DEFAULT_CONFIG, samples: 100, layers: [4], activations: ['tanh' as const], dropout: [0] };
      const spec: SearchSpec = {
        strategy: 'tpe',
        space: {
          lr: { kind: 'range', min: 0.01, max: 0.3, scale: 'log' },
          layers: { kind: 'list', values: [1, 2] },
          units2: { kind: 'range', min: 2, max: 8, scale: 'log', integer: true },
          optimizer: { kind: 'list', values: ['adam', 'momentum'] },
          momentum: { kind: 'range', min: 0.5, max: 0.95, scale: 'linear' },
        },
        budget: 14,
        folds: 1,
        epochs: 2,
        seed: 4,
        objective: 'loss',
      };
      const rows = searchRows(pointsSource(config), config.seed, spec.folds);
      writeFileSync(join(dir, 'tpe.py'), optunaScript({ config, spec, rows }));
      const r = await run(python!, ['tpe.py', '--csv', 'tpe.csv'], dir);
      expect(r.code, r.out).toBe(0);
      expect(r.out).not.toMatch(/Traceback|ExperimentalWarning/);
      const imported = importTrials(readFileSync(join(dir, 'tpe.csv'), 'utf8'), spec.space);
      if (!imported.ok) throw new Error(imported.error);
      expect(imported.trials).toHaveLength(14);
      for (const t of imported.trials) {
        expect(t.trial.momentum !== undefined, JSON.stringify(t.trial)).toBe(t.trial.optimizer === 'momentum');
        expect(t.trial.units2 !== undefined, JSON.stringify(t.trial)).toBe(t.trial.layers === 2);
      }
      // Both branches came up, so both kinds of row were written and read back.
      expect(new Set(imported.trials.map((t) => t.trial.optimizer)).size).toBe(2);
      expect(new Set(imported.trials.map((t) => t.trial.layers)).size).toBe(2);
    },
    240000,
  );
});
