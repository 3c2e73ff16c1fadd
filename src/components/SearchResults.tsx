// The trials of the current or last search: progress with time remaining, a sortable table with
// the best highlighted, and the objective per trial with the best so far.
import { memo, useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { bestTrial } from '../client/searchRunner';
import { trialText } from '../search/labels';
import { useStore, type Store } from '../store/store';
import { IntermediateChart, ObjectiveChart, SearchAnalysis, SettingScatter } from './lazyCharts';

// The charts redraw only when the trials they draw change (not on every status or timer update).
const ObjectiveChartView = memo(ObjectiveChart);
const IntermediateChartView = memo(IntermediateChart);
const SettingScatterView = memo(SettingScatter);
import { trialPasses, useTrialFilter, type TrialFilterState } from '../search/trialFilter';
import { RaceTable } from './RaceTable';
import { formatSeconds, formatSig } from '../shared/format';

const selectSearch = (s: Store) => s.search;

/** Which backends trained the trials, e.g. "wasm: 27 trials, batched". */
function backendsUsed(trials: readonly { backend?: string; batched?: boolean; alone?: 'batchnorm' }[], t: TFunction<'search'>): string {
  const counts = new Map<string, { backend: string; how: string; n: number }>();
  for (const tr of trials) {
    if (!tr.backend) continue;
    const how = tr.batched ? 'batched' : tr.alone === 'batchnorm' ? 'oneAtATimeBatchnorm' : 'oneAtATime';
    const key = `${tr.backend} ${how}`;
    const c = counts.get(key) ?? { backend: tr.backend, how, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].map(({ backend, how, n }) => t('backendTrials', { backend, count: n, how: t(how as 'batched') })).join('; ');
}

function fmt(v: number): string {
  return formatSig(v);
}

const selectRanges = (f: TrialFilterState) => f.ranges;

export function SearchResults() {
  const { t } = useTranslation('search');
  const { t: tp } = useTranslation('prune');
  const { t: tv } = useTranslation('searchViews');
  const s = useStore(selectSearch);
  const ranges = useTrialFilter(selectRanges);
  const [sortBy, setSortBy] = useState<'index' | 'mean' | 'ms'>('index');
  // The charts draw the trials at low priority: React renders them in slices between frames and
  // drops a render that newer trials overtake (six recharts charts of 100+ points, four times a
  // second during a search, were long tasks of 0.2–0.5 s).
  const drawn = useDeferredValue(s.trials);
  if (s.status === 'idle') return null;
  const objective = s.spec?.objective ?? 'loss';
  const best = bestTrial(s.trials, objective);
  const done = s.trials.length;
  const elapsed = ((s.finishedAt ?? s.updatedAt) - s.startedAt) / 1000;
  const remaining = done > 0 && s.status === 'running' ? (elapsed / done) * (s.total - done) : null;
  const shown = s.trials.filter((tr) => trialPasses(tr, ranges));
  const sorted = [...shown].sort((a, b) => (sortBy === 'index' ? a.index - b.index : sortBy === 'ms' ? a.ms - b.ms : objective === 'accuracy' ? b.mean - a.mean : a.mean - b.mean));
  const header = (key: typeof sortBy, label: string) => (
    <th aria-sort={sortBy === key ? (key === 'mean' && objective === 'accuracy' ? 'descending' : 'ascending') : 'none'}>
      <button type="button" className="link" onClick={() => setSortBy(key)}>
        {label}
      </button>
    </th>
  );
  return (
    <div className="search-results">
      <div className="sweep-status">
        <progress max={Math.max(1, s.total)} value={done} aria-label={t('progress')} data-testid="search-progress" />
        <span data-testid="search-status">
          {t('status', { done, total: s.total, status: t(`statusName.${s.status}`) })}
          {remaining !== null && t('left', { seconds: Math.ceil(remaining) })}
          {s.error && `: ${s.error}`}
        </span>
      </div>
      {done > 0 && (
        <p
          className="hint"
          data-testid="search-backends"
          title={t('backendsTitle')}
        >
          {t('trainedOn', { list: backendsUsed(s.trials, t) })}
        </p>
      )}
      {best && (
        <p className="hint" data-testid="search-best">
          {t('best', { n: best.index + 1, trial: trialText(best.trial), objective: t(`objectiveName.${objective}`), mean: fmt(best.mean), std: fmt(best.std) })}
        </p>
      )}
      <ObjectiveChartView trials={drawn} objective={objective} />
      <IntermediateChartView trials={drawn} objective={objective} />
      <SettingScatterView trials={drawn} />
      <SearchAnalysis />
      <RaceTable />
      {shown.length < s.trials.length && (
        <p className="hint" data-testid="search-filtered">
          {tv('filtered', { shown: shown.length, total: s.trials.length })}{' '}
          <button type="button" className="link" onClick={() => useTrialFilter.getState().clear()}>
            {tv('clearFilter')}
          </button>
        </p>
      )}
      <table className="trials" data-testid="search-table">
        <thead>
          <tr>
            {header('index', '#')}
            <th>{t('colSettings')}</th>
            {header('mean', t('colMean', { objective: t(`objectiveName.${objective}`) }))}
            {header('ms', t('colTime'))}
            <th>{tp('colStopped')}</th>
          </tr>
        </thead>
        <tbody>
          {sorted.map((tr) => (
            <tr key={tr.index} className={best && tr.index === best.index ? 'best' : undefined} aria-current={best && tr.index === best.index ? 'true' : undefined}>
              <td>{tr.index + 1}</td>
              <td>{trialText(tr.trial)}</td>
              <td>
                {fmt(tr.mean)} ± {fmt(tr.std)}
              </td>
              <td>{formatSeconds(tr.ms)}</td>
              <td className={tr.pruned ? 'pruned' : undefined}>{tr.pruned && tr.stoppedAt !== undefined ? tp('stoppedAt', { epoch: tr.stoppedAt }) : tp('notPruned')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
