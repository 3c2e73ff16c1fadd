// The trials of the current or last search: progress with time remaining, a sortable table with
// the best highlighted, and the objective per trial with the best so far.
import { useState } from 'react';
import { bestTrial } from '../client/searchRunner';
import { describeTrial } from '../search/space';
import { useStore, type Store } from '../store/store';
import { ObjectiveChart } from './ObjectiveChart';
import { RaceTable } from './RaceTable';
import { SettingScatter } from './SettingScatter';
import { formatSeconds, formatSig } from '../shared/format';

const selectSearch = (s: Store) => s.search;

/** Which backends trained the trials, e.g. "wasm: 27 trials, batched". */
function backendsUsed(trials: readonly { backend?: string; batched?: boolean }[]): string {
  const counts = new Map<string, { backend: string; how: string; n: number }>();
  for (const t of trials) {
    if (!t.backend) continue;
    const how = t.batched ? 'batched' : 'one at a time';
    const key = `${t.backend} ${how}`;
    const c = counts.get(key) ?? { backend: t.backend, how, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].map(({ backend, how, n }) => `${backend}: ${n} trial${n === 1 ? '' : 's'}, ${how}`).join('; ');
}

function fmt(v: number): string {
  return formatSig(v);
}

export function SearchResults() {
  const s = useStore(selectSearch);
  const [sortBy, setSortBy] = useState<'index' | 'mean' | 'ms'>('index');
  if (s.status === 'idle') return null;
  const objective = s.spec?.objective ?? 'loss';
  const best = bestTrial(s.trials, objective);
  const done = s.trials.length;
  const elapsed = ((s.finishedAt ?? s.updatedAt) - s.startedAt) / 1000;
  const remaining = done > 0 && s.status === 'running' ? (elapsed / done) * (s.total - done) : null;
  const sorted = [...s.trials].sort((a, b) => (sortBy === 'index' ? a.index - b.index : sortBy === 'ms' ? a.ms - b.ms : objective === 'accuracy' ? b.mean - a.mean : a.mean - b.mean));
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
        <progress max={Math.max(1, s.total)} value={done} aria-label="Search progress" data-testid="search-progress" />
        <span data-testid="search-status">
          {done} / {s.total} trials · {s.status}
          {remaining !== null && ` · about ${Math.ceil(remaining)} s left`}
          {s.error && `: ${s.error}`}
        </span>
      </div>
      {done > 0 && (
        <p
          className="hint"
          data-testid="search-backends"
          title="With the auto backend, trials trained together run on the backend timed fastest for the whole group, which can differ from the one that wins for a single model."
        >
          Trained on {backendsUsed(s.trials)}
        </p>
      )}
      {best && (
        <p className="hint" data-testid="search-best">
          Best (trial {best.index + 1}): {describeTrial(best.trial)} → mean {objective === 'accuracy' ? 'accuracy' : 'loss'} {fmt(best.mean)} ± {fmt(best.std)}
        </p>
      )}
      <ObjectiveChart trials={s.trials} objective={objective} />
      <SettingScatter />
      <RaceTable />
      <table className="trials" data-testid="search-table">
        <thead>
          <tr>
            {header('index', '#')}
            <th>settings</th>
            {header('mean', `mean ${objective} ± spread`)}
            {header('ms', 'time')}
          </tr>
        </thead>
        <tbody>
          {sorted.map((t) => (
            <tr key={t.index} className={best && t.index === best.index ? 'best' : undefined} aria-current={best && t.index === best.index ? 'true' : undefined}>
              <td>{t.index + 1}</td>
              <td>{describeTrial(t.trial)}</td>
              <td>
                {fmt(t.mean)} ± {fmt(t.std)}
              </td>
              <td>{formatSeconds(t.ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
