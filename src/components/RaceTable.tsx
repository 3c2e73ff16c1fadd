// The textbook trade-offs of the three search strategies (grid: thorough but slow as the space
// grows; random: efficient but may miss the best; Bayesian: learns where to look), set beside
// measured numbers from a race on the same space and budget.
import type { Strategy } from '../search/types';
import { useStore, type Store } from '../store/store';
import { formatSeconds, formatSig } from '../shared/format';

const selectRace = (s: Store) => s.search.race;
const selectObjective = (s: Store) => s.search.spec?.objective ?? 'loss';

const TRADE_OFFS: Record<Strategy, { name: string; claim: string }> = {
  grid: { name: 'Grid search', claim: 'thorough, but slow as the space grows' },
  random: { name: 'Random search', claim: 'efficient, but may miss the best' },
  bayes: { name: 'Bayesian optimization', claim: 'efficient: learns where to look' },
};

export function RaceTable() {
  const race = useStore(selectRace);
  const objective = useStore(selectObjective);
  if (!race) return null;
  return (
    <table className="trials race" data-testid="race-table">
      <caption>Race: the same space and the same number of trials</caption>
      <thead>
        <tr>
          <th>strategy</th>
          <th>usually said of it</th>
          <th>trials</th>
          <th>wall time</th>
          <th>best mean {objective}</th>
          <th>best first found at trial</th>
        </tr>
      </thead>
      <tbody>
        {race.map((r) => (
          <tr key={r.strategy}>
            <td>{TRADE_OFFS[r.strategy].name}</td>
            <td>{TRADE_OFFS[r.strategy].claim}</td>
            <td>{r.trials}</td>
            <td>{formatSeconds(r.seconds * 1000)}</td>
            <td>{formatSig(r.best)}</td>
            <td>{r.bestAt}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
