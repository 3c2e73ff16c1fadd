// A search as a standalone PyTorch + Optuna script: the same space (one suggest call per searched
// parameter, from the spec's ranges and lists; a conditional one, momentum β or the units of
// layers 2+, suggested only inside the `if` that makes it exist: Optuna's define-by-run), the same k-fold objective on the same rows and
// folds (computed here by the app's own kfold.ts), the same epochs and seed. Several processes or
// machines can run one study together through `--storage`; the trials come out as a CSV that the
// search panel imports (importTrials.ts). Pure: no DOM, store or tfjs.
import type { ExperimentConfig } from '../shared/config';
import { foldsValid, stratifiedFolds } from '../search/kfold';
import { CONDITIONS, gridSize, gridTrials, isIntegerRange, spaceKeys } from '../search/space';
import { tpeStartup } from '../search/tpe';
import type { ParamKey, ParamSpec, SearchSpec } from '../search/types';
import type { SourceData } from '../worker/dataSource';

/** The rows a search scores on: the training + validation pool, each row's fold (-1: always trained on). */
export interface SearchRows {
  problem: 'classification' | 'regression';
  /** 1 for regression, K ≥ 2 for classification. */
  classes: number;
  width: number;
  x: number[][];
  y: number[];
  fold: number[];
  /**
   * Tables: the input columns that k-fold re-standardizes on each fold's training rows (as
   * crossValidate.ts restandardize does, so the held-out fold never informs the scaling).
   */
  standardize: number[];
}

export interface OptunaScriptInput {
  config: ExperimentConfig;
  spec: SearchSpec;
  rows: SearchRows;
}

/**
 * The rows and fold assignment the browser's k-fold uses (crossValidate.ts foldPairs): the pool
 * of training + validation rows in index order, stratified folds seeded by the config's seed.
 * k = 1: the plain split, validation rows in fold 0 and training rows always trained on (-1).
 */
export function searchRows(src: Pick<SourceData, 'problem' | 'classes' | 'width' | 'x' | 'y' | 'split' | 'encoded'>, seed: number, k: number): SearchRows {
  const pool = Int32Array.from([...src.split.train, ...src.split.val]).sort();
  const fold = new Array<number>(pool.length).fill(-1);
  if (k <= 1) {
    const val = new Set(src.split.val);
    pool.forEach((r, i) => (fold[i] = val.has(r) ? 0 : -1));
  } else {
    const labels = Array.from(pool, (r) => src.y[r]);
    const classification = src.problem === 'classification';
    const why = foldsValid(labels, k, classification ? src.classes : 1);
    if (why) throw new Error(why);
    stratifiedFolds(labels, k, { seed, stratify: classification, classes: src.classes }).forEach((f, j) => f.forEach((i) => (fold[i] = j)));
  }
  const round = (v: number) => Number(v.toPrecision(7));
  return {
    problem: src.problem,
    classes: src.classes,
    width: src.width,
    x: Array.from(pool, (r) => Array.from(src.x.subarray(r * src.width, (r + 1) * src.width), round)),
    y: Array.from(pool, (r) => round(src.y[r])),
    fold,
    standardize: k > 1 && src.encoded ? [...src.encoded.numericInputs] : [],
  };
}

/** A Python literal for a JSON-able value (True/False/None spelled the Python way). */
export function py(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (v === true) return 'True';
  if (v === false) return 'False';
  if (typeof v === 'number') {
    if (Number.isNaN(v)) return 'float("nan")';
    if (!Number.isFinite(v)) return v > 0 ? 'float("inf")' : '-float("inf")';
    return String(v);
  }
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(py).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${JSON.stringify(k)}: ${py(x)}`)
    .join(', ')}}`;
}

/** The Optuna suggest call for one searched parameter, e.g. `trial.suggest_float("lr", 0.0001, 1, log=True)`. */
export function suggestCall(key: ParamKey, spec: ParamSpec): string {
  if (spec.kind === 'list') return `trial.suggest_categorical(${py(key)}, ${py(spec.values)})`;
  const log = spec.scale === 'log' ? 'True' : 'False';
  if (isIntegerRange(key, spec)) return `trial.suggest_int(${py(key)}, ${Math.ceil(spec.min)}, ${Math.floor(spec.max)}, log=${log})`;
  return `trial.suggest_float(${py(key)}, ${py(spec.min)}, ${py(spec.max)}, log=${log})`;
}

/** A study name derived from the spec (same search → same name), so processes meet without being told. */
export function defaultStudyName(spec: SearchSpec): string {
  const text = JSON.stringify([spec.strategy, spec.space, spec.folds, spec.epochs, spec.seed, spec.objective]);
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return `playground-${spec.strategy}-${(h >>> 0).toString(16).padStart(8, '0')}`;
}

/**
 * How many trials the search asks for: the grid's cells for a grid (conditional settings only
 * where they exist, on `config` where their setting is not searched), else the budget.
 */
export function requestedTrials(spec: SearchSpec, config?: ExperimentConfig): number {
  if (spec.strategy !== 'grid') return spec.budget;
  return gridSize(spec.space, config);
}

/** The Python condition under which a conditional setting exists (space.ts CONDITIONS, isActive). */
const PY_CONDITION: Record<string, string> = {
  momentum: 'p.get("optimizer", CONFIG["optimizer"]) == "momentum"',
  units2: 'int(p.get("layers", len(CONFIG["layers"]))) >= 2',
};

/** The suggest lines of `suggest(trial)`: a conditional setting inside its `if`. */
export function suggestLines(spec: SearchSpec): string {
  return spaceKeys(spec.space)
    .map((key) => {
      const line = `p[${py(key)}] = ${suggestCall(key, spec.space[key]!)}`;
      if (!CONDITIONS[key]) return `    ${line}`;
      return `    if ${PY_CONDITION[key]}:  # ${key === 'momentum' ? 'momentum β exists only with SGD + momentum' : 'the units of layers 2+ exist only with 2 or more hidden layers'}\n        ${line}`;
    })
    .join('\n');
}

/**
 * The sampler of a search that is not a grid: TPE as in the browser (its random start the same
 * length), multivariate so settings that work together are modelled together, `group` so a
 * conditional space is split into the sets of settings that occur together (otherwise
 * multivariate TPE falls back to independent sampling for settings missing from some trials).
 * No constant liar: with multivariate TPE and processes sharing a study it fails in Optuna 3.1
 * (IndexError, optuna/optuna#4459), the version Debian ships.
 */
export function samplerCall(spec: SearchSpec): string {
  const conditional = spaceKeys(spec.space).some((k) => CONDITIONS[k]);
  return `optuna.samplers.TPESampler(seed=SEED, n_startup_trials=${tpeStartup(spec.budget)}, multivariate=True${conditional ? ', group=True' : ''})`;
}

export function optunaScript(input: OptunaScriptInput): string {
  const { config: c, spec, rows } = input;
  const keys = spaceKeys(spec.space);
  if (keys.length === 0) throw new Error('the search has no parameters to export');
  // The script's model has no batch norm: refused rather than searching a different model.
  if (c.batchnorm?.some(Boolean)) throw new Error('batch norm is on, which the Optuna script does not model; turn batch norm off to export the search');
  const k = rows.fold.some((f) => f >= 0) ? Math.max(...rows.fold) + 1 : 0;
  if (k < 1) throw new Error('the search has no validation rows');
  const grid = spec.strategy === 'grid';
  if (grid && keys.some((key) => spec.space[key]!.kind !== 'list')) throw new Error('grid search takes lists of values, not ranges');
  const settings = {
    layers: c.layers,
    activations: c.activations,
    dropout: c.dropout,
    init: c.init,
    loss: c.loss,
    optimizer: c.optimizer,
    lr: c.lr,
    batch: c.batch,
    momentum: c.momentum,
    beta1: c.beta1,
    beta2: c.beta2,
    epsilon: c.epsilon,
    l1: c.l1,
    l2: c.l2,
    patience: spec.patience ?? c.patience,
    minDelta: c.minDelta,
    restoreBest: c.restoreBest,
  };
  const suggests = suggestLines(spec);
  const nTrials = requestedTrials(spec, c);
  const gridSpace = grid ? `{${keys.map((key) => `${py(key)}: ${py((spec.space[key] as { values: unknown[] }).values)}`).join(', ')}}` : 'None';
  const direction = spec.objective === 'accuracy' ? 'maximize' : 'minimize';
  const dataRows = rows.x.map((x, i) => `[${py(x)}, ${py(rows.y[i])}, ${rows.fold[i]}]`).join(',\n    ');

  return `#!/usr/bin/env python3
"""Hyperparameter search exported from the Tuning Playground: PyTorch + Optuna.

Data set: ${c.dataset} (${rows.problem}${rows.problem === 'classification' ? `, ${rows.classes} classes` : ''}), ${rows.x.length} rows (training + validation pool).
Search: ${spec.strategy}, objective = mean validation ${spec.objective} over ${k === 1 ? 'the validation split' : `${k} folds`}, ${spec.epochs} epochs per fold, seed ${spec.seed}.
The space, the rows and the folds are the browser's own; the numbers will differ a little
(different random numbers and arithmetic), the search does not.

One machine:          python3 search_optuna.py --storage sqlite:///study.db --n-trials ${nTrials}
Many processes/hosts: run the same command in each, with one shared --storage
                      (sqlite:///study.db on one machine, postgresql://user:pw@host/db across machines).
Trials are numbered by the storage; trial numbers from --n-trials on are skipped (pruned), so the
processes together finish exactly --n-trials trials, none lost or doubled.
Then: --csv trials.csv writes the finished trials; the search panel's "Import trials (CSV)" shows them.
Needs: torch, optuna >= 2.9.
"""
import argparse
import csv
import math
import os
import random
import socket
import sys
import time
import warnings

import optuna
import torch
import torch.nn.functional as F
from optuna.trial import TrialState

SEED = ${spec.seed}
EPOCHS = ${spec.epochs}
FOLDS = ${k}
OBJECTIVE = ${py(spec.objective)}
DIRECTION = ${py(direction)}
N_TRIALS = ${nTrials}
STUDY = None
STUDY_NAME = ${py(defaultStudyName(spec))}
PARAMS = ${py(keys)}
GRID = ${gridSpace}
PROBLEM = ${py(rows.problem)}
CLASSES = ${rows.classes}
CONFIG = ${py(settings)}
# Input columns standardized again on each fold's training rows (tables with k-fold).
STANDARDIZE = ${py(rows.standardize)}

# Each row: inputs, target (class index or value), fold (-1: always in training).
ROWS = [
    ${dataRows},
]


def suggest(trial):
    """The search space: one suggest call per searched parameter, as in the playground; a
    conditional one only where it exists (define-by-run), so a trial without it leaves it out."""
    p = {}
${suggests}
    return p


def settings_for(p):
    """The config with the trial's values (as the playground's applyTrial)."""
    s = dict(CONFIG)
    for key in ("lr", "batch", "l2", "optimizer"):
        if key in p:
            s[key] = p[key]
    count = int(p["layers"]) if "layers" in p else len(CONFIG["layers"])
    if "momentum" in p and s["optimizer"] == "momentum":
        s["momentum"] = float(p["momentum"])
    units2 = int(p["units2"]) if "units2" in p and count >= 2 else None
    if "layers" in p or "units" in p or units2 is not None:
        # units sizes every hidden layer, or layer 1 only when units2 sizes layers 2, 3, ...
        units = int(p["units"]) if "units" in p else (CONFIG["layers"][0] if CONFIG["layers"] else 8)
        s["layers"] = [units if i == 0 or units2 is None else units2 for i in range(count)]

    def per_layer(values, fallback):
        return [values[min(i, len(values) - 1)] if values else fallback for i in range(count)]

    s["activations"] = [p["activation"]] * count if "activation" in p else per_layer(CONFIG["activations"], "tanh")
    s["dropout"] = [float(p["dropout"])] * count if "dropout" in p else per_layer(CONFIG["dropout"], 0.0)
    s["batch"] = int(s["batch"])
    return s


def per_kernel(lam, n):
    if isinstance(lam, list):
        return [lam[min(i, len(lam) - 1)] if lam else 0.0 for i in range(n)]
    return [lam] * n


ACT = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda h: h}


class MLP(torch.nn.Module):
    def __init__(self, inputs, s):
        super().__init__()
        outputs = CLASSES if CLASSES > 2 else 1
        sizes = [inputs] + list(s["layers"]) + [outputs]
        self.linears = torch.nn.ModuleList(torch.nn.Linear(a, b) for a, b in zip(sizes[:-1], sizes[1:]))
        self.acts = s["activations"]
        self.drops = s["dropout"]
        for lin in self.linears:
            init = s["init"]
            if init == "glorotUniform":
                torch.nn.init.xavier_uniform_(lin.weight)
            elif init == "glorotNormal":
                torch.nn.init.xavier_normal_(lin.weight)
            elif init == "heNormal":
                torch.nn.init.kaiming_normal_(lin.weight, nonlinearity="relu")
            elif init == "heUniform":
                torch.nn.init.kaiming_uniform_(lin.weight, nonlinearity="relu")
            else:
                torch.nn.init.zeros_(lin.weight)
            torch.nn.init.zeros_(lin.bias)

    def forward(self, x):
        h = x
        for i, lin in enumerate(self.linears[:-1]):
            h = ACT[self.acts[i]](lin(h))
            if self.drops[i] > 0:
                h = F.dropout(h, self.drops[i], self.training)
        return self.linears[-1](h)  # logits


def output_of(z):
    if CLASSES == 1:
        return z
    return torch.sigmoid(z) if CLASSES == 2 else torch.softmax(z, dim=1)


def data_loss(loss, z, y):
    """Mean data loss on logits, as the playground's losses.ts."""
    if loss == "bce":
        return F.binary_cross_entropy_with_logits(z[:, 0], y)
    if loss == "cce":
        return F.cross_entropy(z, y.long())
    if CLASSES > 2:
        target = F.one_hot(y.long(), CLASSES).float()
    else:
        target = y.unsqueeze(1)
    return F.mse_loss(output_of(z), target)


def accuracy(z, y):
    if CLASSES > 2:
        return (z.argmax(1) == y.long()).float().mean().item()
    return ((z[:, 0] > 0).float() == y).float().mean().item()


def optimizer_for(s, params):
    name, lr = s["optimizer"], float(s["lr"])
    if name == "sgd":
        return torch.optim.SGD(params, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(params, lr=lr, momentum=s["momentum"])
    if name == "adam":
        return torch.optim.Adam(params, lr=lr, betas=(s["beta1"], s["beta2"]), eps=s["epsilon"])
    if name == "rmsprop":
        return torch.optim.RMSprop(params, lr=lr, alpha=0.9, eps=s["epsilon"])
    if name == "adagrad":
        return torch.optim.Adagrad(params, lr=lr)
    raise ValueError("unknown optimizer " + repr(name))


X = torch.tensor([r[0] for r in ROWS], dtype=torch.float32)
Y = torch.tensor([r[1] for r in ROWS], dtype=torch.float32)
FOLD = torch.tensor([r[2] for r in ROWS], dtype=torch.int64)


def score_fold(s, held, gen):
    """Train on every row outside fold \`held\` for EPOCHS epochs; the objective on the held-out fold."""
    train, val = FOLD != held, FOLD == held
    xt, yt, xv, yv = X[train], Y[train], X[val], Y[val]
    if STANDARDIZE:
        xt, xv = xt.clone(), xv.clone()
        mean = xt[:, STANDARDIZE].mean(0)
        std = xt[:, STANDARDIZE].std(0, unbiased=False)
        std[std == 0] = 1
        xt[:, STANDARDIZE] = (xt[:, STANDARDIZE] - mean) / std
        xv[:, STANDARDIZE] = (xv[:, STANDARDIZE] - mean) / std
    model = MLP(X.shape[1], s)
    opt = optimizer_for(s, model.parameters())
    l1 = per_kernel(s["l1"], len(model.linears))
    l2 = per_kernel(s["l2"], len(model.linears))
    best, best_state, waited = math.inf, None, 0
    for _ in range(EPOCHS):
        model.train()
        order = torch.randperm(len(xt), generator=gen)
        for start in range(0, len(xt), s["batch"]):
            idx = order[start:start + s["batch"]]
            opt.zero_grad()
            loss = data_loss(s["loss"], model(xt[idx]), yt[idx])
            for lin, a, b in zip(model.linears, l1, l2):
                if a > 0:
                    loss = loss + a * lin.weight.abs().sum()
                if b > 0:
                    loss = loss + b * (lin.weight ** 2).sum()
            loss.backward()
            opt.step()
        if s["patience"] > 0:  # early stopping on the held-out loss
            model.eval()
            with torch.no_grad():
                v = data_loss(s["loss"], model(xv), yv).item()
            if v < best - s["minDelta"]:
                best, waited = v, 0
                best_state = {k: t.clone() for k, t in model.state_dict().items()}
            else:
                waited += 1
                if waited >= s["patience"]:
                    break
    if s["patience"] > 0 and s["restoreBest"] and best_state is not None:
        model.load_state_dict(best_state)
    model.eval()
    with torch.no_grad():
        z = model(xv)
        return accuracy(z, yv) if OBJECTIVE == "accuracy" else data_loss(s["loss"], z, yv).item()


def objective(trial):
    if trial.number >= N_TRIALS:
        # Another process already holds the last of the requested trials: this one is not run.
        if STUDY is not None:
            STUDY.stop()
        raise optuna.TrialPruned("trial %d is beyond --n-trials %d" % (trial.number, N_TRIALS))
    p = suggest(trial)
    s = settings_for(p)
    gen = torch.Generator().manual_seed(SEED * 100003 + trial.number)
    torch.manual_seed(SEED * 100003 + trial.number)
    start = time.time()
    scores = [score_fold(s, f, gen) for f in range(FOLDS)]
    mean = sum(scores) / len(scores)
    std = math.sqrt(sum((v - mean) ** 2 for v in scores) / len(scores))
    trial.set_user_attr("folds", scores)
    trial.set_user_attr("std", std)
    trial.set_user_attr("ms", (time.time() - start) * 1000)
    trial.set_user_attr("worker", "%s:%d" % (socket.gethostname(), os.getpid()))
    if not math.isfinite(mean):  # diverged: the worst score rather than a failed (lost) trial
        return math.inf if DIRECTION == "minimize" else 0.0
    return mean


class NumberedGridSampler(optuna.samplers.BaseSampler):
    """Grid search: trial number i runs grid cell i, in the playground's grid order (the last
    parameter varying fastest). The storage numbers the trials, so processes sharing a study
    never repeat or skip a cell (optuna's GridSampler picks cells at random and can repeat one
    when processes start trials at the same moment)."""

    def infer_relative_search_space(self, study, trial):
        return {}

    def sample_relative(self, study, trial, search_space):
        return {}

    def sample_independent(self, study, trial, param_name, param_distribution):
        return CELLS[trial.number % len(CELLS)][param_name]


# The grid's cells in the playground's order; a conditional setting only in the cells where it exists.
CELLS = ${grid ? py(gridTrials(spec.space, c)) : '[]'}


def write_csv(study, path):
    done = sorted((t for t in study.get_trials(deepcopy=False) if t.state == TrialState.COMPLETE), key=lambda t: t.number)
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["number"] + PARAMS + ["value", "std", "folds", "duration_ms"])
        for t in done:
            folds = ";".join(repr(float(v)) for v in t.user_attrs.get("folds", []))
            ms = t.user_attrs.get("ms")
            if ms is None and t.duration is not None:
                ms = t.duration.total_seconds() * 1000
            w.writerow([t.number] + [t.params.get(k, "") for k in PARAMS] + [repr(float(t.value)), repr(float(t.user_attrs.get("std", 0.0))), folds, round(ms or 0.0, 1)])
    return len(done)


def open_study(storage, name, sampler, attempts=8):
    """Create the study, or load it when another process made it first. Processes started at the
    same moment can race while the first one creates the storage's tables (SQLite answers
    "UNIQUE constraint failed: alembic_version"): wait a moment and try again."""
    for attempt in range(attempts):
        try:
            return optuna.create_study(storage=storage, study_name=name, direction=DIRECTION, sampler=sampler, load_if_exists=True)
        except Exception as err:  # the storage's own error types differ by database
            if storage is None or attempt == attempts - 1:
                raise
            print("storage busy (%s), retrying" % type(err).__name__, file=sys.stderr)
            time.sleep(0.2 * (attempt + 1) + random.random() * 0.3)


def main():
    global N_TRIALS, STUDY
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--storage", default=None, help="Optuna storage URL, e.g. sqlite:///study.db or postgresql://user:pw@host/db (default: in memory)")
    ap.add_argument("--study-name", default=STUDY_NAME, help="the study's name in the storage (default: %(default)s)")
    ap.add_argument("--n-trials", type=int, default=N_TRIALS, help="trials in the whole study, all processes together (default: %(default)s)")
    ap.add_argument("--n-jobs", type=int, default=1, help="threads in this process (default: 1)")
    ap.add_argument("--threads", type=int, default=1, help="torch threads per process (default: 1)")
    ap.add_argument("--csv", default=None, help="write the study's finished trials to this CSV")
    args = ap.parse_args()
    N_TRIALS = args.n_trials
    torch.set_num_threads(max(1, args.threads))
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    if GRID is not None:
        sampler = NumberedGridSampler()
    else:
        warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
        sampler = ${samplerCall(spec)}
    study = open_study(args.storage, args.study_name, sampler)
    STUDY = study
    stop = optuna.study.MaxTrialsCallback(N_TRIALS, states=(TrialState.COMPLETE,))
    study.optimize(objective, n_trials=N_TRIALS, n_jobs=args.n_jobs, callbacks=[stop])
    if args.csv:
        n = write_csv(study, args.csv)
        print("wrote %d trials to %s" % (n, args.csv))
    done = [t for t in study.get_trials(deepcopy=False) if t.state == TrialState.COMPLETE]
    if done:
        best = study.best_trial
        print("best trial %d: %s = %.6g with %s" % (best.number, OBJECTIVE, best.value, best.params))
    return 0


if __name__ == "__main__":
    sys.exit(main())
`;
}
