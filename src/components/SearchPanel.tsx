// Hyperparameter search: choose what to search and how, run it in the worker pool with
// k-fold cross-validation, watch the trials fill in, and apply the best to the playground.
import { useMemo, useState } from 'react';
import { bestTrial, cancelSearch, runRace, runSearch, searchProblems, type SearchProblem } from '../client/searchRunner';
import { applyTrial } from '../search/applyTrial';
import { BAYES_EXPLANATION } from '../search/explanation';
import { DEFAULT_LISTS, DEFAULT_RANGES, gridSize, PARAM_KEYS, PARAM_LIMITS } from '../search/space';
import type { ParamKey, ParamSpec, SearchSpace, SearchSpec, Strategy } from '../search/types';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { SearchResults } from './SearchResults';
import { SearchExchange } from './SearchExchange';
import { errorText } from '../shared/errorText';

const selectSearch = (s: Store) => s.search;
const selectConfig = (s: Store) => s.config;

/** Parses "0.01, 0.1" into numbers (or names for optimizer and activation). */
function parseList(key: ParamKey, text: string): (number | string)[] {
  const parts = text.split(',').map((t) => t.trim()).filter((t) => t !== '');
  return PARAM_LIMITS[key].kind === 'choice' ? parts : parts.map(Number);
}

/** The messages about one field, shown next to it. */
function FieldProblems({ problems, field }: { problems: SearchProblem[]; field: string }) {
  const mine = problems.filter((p) => p.field === field).map((p) => p.message);
  return mine.length ? (
    <span className="field-error" data-testid={`search-problem-${field}`}>
      {mine.join('; ')}
    </span>
  ) : null;
}

interface ParamRow {
  on: boolean;
  mode: 'list' | 'range';
  list: string;
  min: string;
  max: string;
  scale: 'linear' | 'log';
}

const initialRows = (): Record<ParamKey, ParamRow> =>
  Object.fromEntries(
    PARAM_KEYS.map((k) => {
      const l = DEFAULT_LISTS[k] as Extract<ParamSpec, { kind: 'list' }>;
      const r = DEFAULT_RANGES[k];
      return [
        k,
        {
          on: k === 'lr' || k === 'batch' || k === 'units',
          mode: 'list',
          list: l.values.join(', '),
          min: r.kind === 'range' ? String(r.min) : '',
          max: r.kind === 'range' ? String(r.max) : '',
          scale: r.kind === 'range' ? r.scale : 'linear',
        },
      ];
    }),
  ) as Record<ParamKey, ParamRow>;

function toSpace(rows: Record<ParamKey, ParamRow>, strategy: Strategy): SearchSpace {
  const space: SearchSpace = {};
  for (const k of PARAM_KEYS) {
    const r = rows[k];
    if (!r.on) continue;
    const range = r.mode === 'range' && strategy !== 'grid' && PARAM_LIMITS[k].kind === 'number';
    space[k] = range ? { kind: 'range', min: Number(r.min), max: Number(r.max), scale: r.scale } : { kind: 'list', values: parseList(k, r.list) };
  }
  return space;
}

export function SearchPanel() {
  const search = useStore(selectSearch);
  const [strategy, setStrategy] = useState<Strategy>('grid');
  const [rows, setRows] = useState(initialRows);
  const [folds, setFolds] = useState('5');
  const [epochs, setEpochs] = useState('50');
  const [budget, setBudget] = useState('20');
  const [seed, setSeed] = useState('1');
  const [patience, setPatience] = useState('0');
  const [objective, setObjective] = useState<SearchSpec['objective']>('loss');
  const space = useMemo(() => toSpace(rows, strategy), [rows, strategy]);
  const spec: SearchSpec = { strategy, space, budget: Number(budget), folds: Number(folds), epochs: Number(epochs), seed: Number(seed), objective, patience: Number(patience) };
  const config = useStore(selectConfig); // the folds are checked again when the data change
  const problems = searchProblems(spec, config);
  const running = search.status === 'running' || search.status === 'cancelling';
  const size = strategy === 'grid' ? gridSize(space) : Number(budget);
  const setRow = (k: ParamKey, patch: Partial<ParamRow>) => setRows((r) => ({ ...r, [k]: { ...r[k], ...patch } }));
  const best = bestTrial(search.trials, search.spec?.objective ?? 'loss');

  const race = () => runRace({ ...spec, strategy: 'grid' }).catch((e) => useStore.getState().say('search', 'error', `Race: ${errorText(e)}`));
  const raceProblems = strategy === 'grid' ? problems : [{ field: 'space', message: 'a race needs value lists: choose the grid strategy' }];

  const start = () => runSearch(spec).catch((e) => useStore.getState().say('search', 'error', `Search: ${errorText(e)}`));
  const applyBest = () => {
    if (!best) return;
    change(applyTrial(useStore.getState().config, best.trial));
  };

  return (
    <section className="panel" aria-labelledby="search-h">
      <h2 id="search-h">Hyperparameter search</h2>
      <p className="hint">
        Let a search tune for you. Each trial is scored by k-fold cross-validation on the training and validation data; the test set is never
        touched.
      </p>
      <div className="row">
        <label className="field">
          <span className="field-label">Strategy</span>
          <select value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)} data-testid="search-strategy">
            <option value="grid">Grid: every combination</option>
            <option value="random">Random: independent samples</option>
            <option value="bayes">Bayesian: a model picks the next trial</option>
          </select>
        </label>
        <label className="field">
          <span className="field-label">Objective</span>
          <select value={objective} onChange={(e) => setObjective(e.target.value as SearchSpec['objective'])}>
            <option value="loss">mean validation loss (lower is better)</option>
            <option value="accuracy">mean validation accuracy (higher is better)</option>
          </select>
        </label>
      </div>
      {strategy === 'bayes' && <p className="hint">{BAYES_EXPLANATION}</p>}
      <table className="search-space">
        <tbody>
          {PARAM_KEYS.map((k) => {
            const r = rows[k];
            const numeric = PARAM_LIMITS[k].kind === 'number';
            const range = r.mode === 'range' && strategy !== 'grid' && numeric;
            return (
              <tr key={k}>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={r.on} onChange={(e) => setRow(k, { on: e.target.checked })} data-testid={`search-on-${k}`} />
                    {PARAM_LIMITS[k].label}
                  </label>
                </td>
                <td>
                  {r.on && numeric && strategy !== 'grid' && (
                    <select value={r.mode} onChange={(e) => setRow(k, { mode: e.target.value as ParamRow['mode'] })} aria-label={`${PARAM_LIMITS[k].label}: list or range`}>
                      <option value="list">list</option>
                      <option value="range">range</option>
                    </select>
                  )}
                </td>
                <td>
                  {r.on &&
                    (range ? (
                      <span className="range-inputs">
                        <input aria-label={`${PARAM_LIMITS[k].label} minimum`} value={r.min} onChange={(e) => setRow(k, { min: e.target.value })} />
                        –
                        <input aria-label={`${PARAM_LIMITS[k].label} maximum`} value={r.max} onChange={(e) => setRow(k, { max: e.target.value })} />
                        <select value={r.scale} onChange={(e) => setRow(k, { scale: e.target.value as ParamRow['scale'] })} aria-label={`${PARAM_LIMITS[k].label} scale`}>
                          <option value="linear">linear</option>
                          <option value="log">log</option>
                        </select>
                      </span>
                    ) : (
                      <input aria-label={`${PARAM_LIMITS[k].label} values`} value={r.list} onChange={(e) => setRow(k, { list: e.target.value })} data-testid={`search-list-${k}`} />
                    ))}
                  {r.on && <FieldProblems problems={problems} field={k} />}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row">
        <label className="field">
          <span className="field-label">Folds k</span>
          <input value={folds} onChange={(e) => setFolds(e.target.value)} inputMode="numeric" data-testid="search-folds" />
          <FieldProblems problems={problems} field="folds" />
        </label>
        <label className="field">
          <span className="field-label">Epochs per trial</span>
          <input value={epochs} onChange={(e) => setEpochs(e.target.value)} inputMode="numeric" data-testid="search-epochs" />
          <FieldProblems problems={problems} field="epochs" />
        </label>
        {strategy === 'grid' ? (
          <div className="field">
            <span className="field-label">Trials</span>
            <output className="readout" data-testid="search-size">
              {Number.isFinite(size) ? size : '—'}
            </output>
          </div>
        ) : (
          <label className="field">
            <span className="field-label">Trials</span>
            <input value={budget} onChange={(e) => setBudget(e.target.value)} inputMode="numeric" />
            <FieldProblems problems={problems} field="budget" />
          </label>
        )}
        <label className="field">
          <span className="field-label">Seed</span>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" />
          <FieldProblems problems={problems} field="seed" />
        </label>
        <label className="field">
          <span className="field-label">Early stopping patience (0 = off)</span>
          <input value={patience} onChange={(e) => setPatience(e.target.value)} inputMode="numeric" data-testid="search-patience" />
          <FieldProblems problems={problems} field="patience" />
        </label>
      </div>
      {problems.length > 0 && (
        <ul className="field-error search-problems" data-testid="search-problems" aria-live="polite">
          {problems.map((p) => (
            <li key={p.field + p.message}>{p.message}</li>
          ))}
        </ul>
      )}
      <div className="row sweep-controls">
        <button type="button" className="primary" disabled={problems.length > 0 || running} onClick={start}>
          Start search
        </button>
        {running && (
          <button type="button" onClick={() => cancelSearch()} disabled={search.status === 'cancelling'}>
            Cancel search
          </button>
        )}
        <button type="button" disabled={raceProblems.length > 0 || running} onClick={race} title="Grid, random and Bayesian search on this space with the same number of trials">
          Race the three strategies
        </button>
        <button type="button" disabled={!best || running} onClick={applyBest}>
          Apply best
        </button>
      </div>
      <SearchExchange spec={spec} config={config} specOk={problems.length === 0} lastDone={!!search.spec && !running && search.status !== 'idle'} />
      <SearchResults />
    </section>
  );
}
