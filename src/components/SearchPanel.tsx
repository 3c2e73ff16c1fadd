// Hyperparameter search: choose what to search and how, run it in the worker pool with
// k-fold cross-validation, watch the trials fill in, and apply the best to the playground.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bestTrial, cancelSearch, runRace, runSearch, searchProblems, type SearchProblem } from '../client/searchRunner';
import { applyTrial } from '../search/applyTrial';
import { appliesTo, CONDITIONS, DEFAULT_LISTS, DEFAULT_RANGES, gridSize, PARAM_KEYS, PARAM_LIMITS, type SearchBase } from '../search/space';
import { isImages } from '../shared/datasets';
import type { Objectives, ParamKey, ParamSpec, SearchSpace, SearchSpec, Strategy } from '../search/types';
import { PrunerControls, type PrunerSettings } from './PrunerControls';
import { ObjectivesControl } from './ObjectivesControl';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { SearchResults } from './SearchResults';
import { SearchExchange } from './SearchExchange';
import { errorText } from '../shared/errorText';
import { paramLabel } from '../search/labels';

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
          on: k === 'lr' || k === 'batch' || k === 'units' || k === 'filters',
          mode: 'list',
          list: l.values.join(', '),
          min: r.kind === 'range' ? String(r.min) : '',
          max: r.kind === 'range' ? String(r.max) : '',
          scale: r.kind === 'range' ? r.scale : 'linear',
        },
      ];
    }),
  ) as Record<ParamKey, ParamRow>;

/** The searched settings; those the model does not have (appliesTo: e.g. filters off images) are not shown and not searched. */
function toSpace(rows: Record<ParamKey, ParamRow>, strategy: Strategy, base: SearchBase): SearchSpace {
  const space: SearchSpace = {};
  for (const k of PARAM_KEYS) {
    const r = rows[k];
    if (!r.on || !appliesTo(k, base)) continue;
    const range = r.mode === 'range' && strategy !== 'grid' && PARAM_LIMITS[k].kind === 'number';
    space[k] = range ? { kind: 'range', min: Number(r.min), max: Number(r.max), scale: r.scale } : { kind: 'list', values: parseList(k, r.list) };
  }
  return space;
}

export function SearchPanel() {
  const { t } = useTranslation('search');
  const { t: tt } = useTranslation('tpe');
  const search = useStore(selectSearch);
  const [strategy, setStrategy] = useState<Strategy>('grid');
  const [rows, setRows] = useState(initialRows);
  const [folds, setFolds] = useState('5');
  const [epochs, setEpochs] = useState('50');
  const [budget, setBudget] = useState('20');
  const [seed, setSeed] = useState('1');
  const [patience, setPatience] = useState('0');
  const [objective, setObjective] = useState<SearchSpec['objective']>('loss');
  const [pruning, setPruning] = useState<PrunerSettings>({ pruner: 'none', eta: '3' });
  const [objectives, setObjectives] = useState<Objectives>(['loss']);
  const config = useStore(selectConfig); // the folds are checked again when the data change
  const images = isImages(config.dataset);
  const space = useMemo(() => toSpace(rows, strategy, config), [rows, strategy, config]);
  // Image trials are scored on the fixed validation images only (k = 1; searchProblems says why).
  const spec: SearchSpec = { strategy, space, budget: Number(budget), folds: images ? 1 : Number(folds), epochs: Number(epochs), seed: Number(seed), objective, patience: Number(patience), pruner: pruning.pruner, eta: Number(pruning.eta), objectives };
  const problems = searchProblems(spec, config);
  const running = search.status === 'running' || search.status === 'cancelling';
  const size = strategy === 'grid' ? gridSize(space) : Number(budget);
  const setRow = (k: ParamKey, patch: Partial<ParamRow>) => setRows((r) => ({ ...r, [k]: { ...r[k], ...patch } }));
  const best = bestTrial(search.trials, search.spec?.objective ?? 'loss');

  const race = () => runRace({ ...spec, strategy: 'grid' }).catch((e) => useStore.getState().say('search', 'error', t('raceFailed', { error: errorText(e) })));
  const raceProblems = strategy === 'grid' ? problems : [{ field: 'space', message: t('raceNeedsGrid') }];

  const start = () => runSearch(spec).catch((e) => useStore.getState().say('search', 'error', t('searchFailed', { error: errorText(e) })));
  const applyBest = () => {
    if (!best) return;
    change(applyTrial(useStore.getState().config, best.trial));
  };

  return (
    <section className="panel" aria-labelledby="search-h">
      <h2 id="search-h">{t('title')}</h2>
      <p className="hint">{t('intro')}</p>
      <div className="row search-head">
        <label className="field">
          <span className="field-label">{t('strategy')}</span>
          <select value={strategy} onChange={(e) => setStrategy(e.target.value as Strategy)} data-testid="search-strategy">
            <option value="grid">{t('strategies.grid')}</option>
            <option value="random">{t('strategies.random')}</option>
            <option value="bayes">{t('strategies.bayes')}</option>
            <option value="tpe">{t('strategies.tpe')}</option>
            <option value="hyperband">{t('strategies.hyperband')}</option>
          </select>
        </label>
        <PrunerControls strategy={strategy} epochs={Number(epochs)} value={pruning} onChange={(patch) => setPruning((p) => ({ ...p, ...patch }))} />
        <label className="field">
          <span className="field-label">{t('objective')}</span>
          <select value={objective} onChange={(e) => setObjective(e.target.value as SearchSpec['objective'])}>
            <option value="loss">{t('objectives.loss')}</option>
            <option value="accuracy">{t('objectives.accuracy')}</option>
          </select>
        </label>
        <ObjectivesControl value={objectives} onChange={setObjectives} />
      </div>
      {strategy === 'bayes' && <p className="hint">{t('bayesExplanation')}</p>}
      {strategy === 'tpe' && <p className="hint">{t('tpeExplanation')}</p>}
      {objectives.length === 2 && (
        <p className="hint" data-testid="two-objectives-hint">
          {t('twoObjectivesHint', { ns: 'searchViews' })}
        </p>
      )}
      {config.batchnorm.some(Boolean) && (
        <p className="hint" data-testid="search-batchnorm-note">
          {t('batchnormAlone')}
        </p>
      )}
      <table className="search-space">
        <tbody>
          {PARAM_KEYS.filter((k) => appliesTo(k, config)).map((k) => {
            const r = rows[k];
            const numeric = PARAM_LIMITS[k].kind === 'number';
            const range = r.mode === 'range' && strategy !== 'grid' && numeric;
            const label = paramLabel(k);
            return (
              <tr key={k}>
                <td>
                  <label className="check">
                    <input type="checkbox" checked={r.on} onChange={(e) => setRow(k, { on: e.target.checked })} data-testid={`search-on-${k}`} />
                    {label}
                  </label>
                </td>
                <td>
                  {r.on && numeric && strategy !== 'grid' && (
                    <select value={r.mode} onChange={(e) => setRow(k, { mode: e.target.value as ParamRow['mode'] })} aria-label={t('listOrRange', { label })}>
                      <option value="list">{t('list')}</option>
                      <option value="range">{t('range')}</option>
                    </select>
                  )}
                </td>
                <td>
                  {r.on &&
                    (range ? (
                      <span className="range-inputs">
                        <input aria-label={t('minimum', { label })} value={r.min} onChange={(e) => setRow(k, { min: e.target.value })} />
                        –
                        <input aria-label={t('maximum', { label })} value={r.max} onChange={(e) => setRow(k, { max: e.target.value })} />
                        <select value={r.scale} onChange={(e) => setRow(k, { scale: e.target.value as ParamRow['scale'] })} aria-label={t('scale', { label })}>
                          <option value="linear">{t('linear')}</option>
                          <option value="log">{t('log')}</option>
                        </select>
                      </span>
                    ) : (
                      <input aria-label={t('values', { label })} value={r.list} onChange={(e) => setRow(k, { list: e.target.value })} data-testid={`search-list-${k}`} />
                    ))}
                  {r.on && <FieldProblems problems={problems} field={k} />}
                  {(CONDITIONS[k] || k === 'filters') && (
                    <span className="hint" data-testid={`search-condition-${k}`}>
                      {' '}
                      {tt(`conditional.${k as 'momentum' | 'units2' | 'filters'}`)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="row">
        <label className="field">
          <span className="field-label">{t('folds')}</span>
          <input value={images ? '1' : folds} disabled={images} onChange={(e) => setFolds(e.target.value)} inputMode="numeric" data-testid="search-folds" />
          {images && (
            <span className="hint" data-testid="search-image-folds">
              {t('imageFoldsHint')}
            </span>
          )}
          <FieldProblems problems={problems} field="folds" />
        </label>
        <label className="field">
          <span className="field-label">{t('epochs')}</span>
          <input value={epochs} onChange={(e) => setEpochs(e.target.value)} inputMode="numeric" data-testid="search-epochs" />
          <FieldProblems problems={problems} field="epochs" />
        </label>
        {strategy === 'grid' ? (
          <div className="field">
            <span className="field-label">{t('trials')}</span>
            <output className="readout" data-testid="search-size">
              {Number.isFinite(size) ? size : '—'}
            </output>
          </div>
        ) : (
          <label className="field">
            <span className="field-label">{t('trials')}</span>
            <input value={budget} onChange={(e) => setBudget(e.target.value)} inputMode="numeric" />
            <FieldProblems problems={problems} field="budget" />
          </label>
        )}
        <label className="field">
          <span className="field-label">{t('seed')}</span>
          <input value={seed} onChange={(e) => setSeed(e.target.value)} inputMode="numeric" />
          <FieldProblems problems={problems} field="seed" />
        </label>
        <label className="field">
          <span className="field-label">{t('patience')}</span>
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
          {t('start')}
        </button>
        {running && (
          <button type="button" onClick={() => cancelSearch()} disabled={search.status === 'cancelling'}>
            {t('cancel')}
          </button>
        )}
        <button type="button" disabled={raceProblems.length > 0 || running} onClick={race} title={t('raceTitle')}>
          {t('race')}
        </button>
        <button type="button" disabled={!best || running} onClick={applyBest}>
          {t('applyBest')}
        </button>
      </div>
      <SearchExchange spec={spec} config={config} specOk={problems.length === 0} lastDone={!!search.spec && !running && search.status !== 'idle'} />
      <SearchResults />
    </section>
  );
}
