// The textbook trade-offs of the raced search strategies (grid: thorough but slow as the space
// grows; random: efficient but may miss the best; Bayesian: learns where to look; TPE: learns too,
// and handles settings that exist only for some others), set beside measured numbers from a race
// on the same space and budget.
import { useTranslation } from 'react-i18next';
import { useStore, type Store } from '../store/store';
import { formatSeconds, formatSig } from '../shared/format';

const selectRace = (s: Store) => s.search.race;
const selectObjective = (s: Store) => s.search.spec?.objective ?? 'loss';

export function RaceTable() {
  const { t } = useTranslation('search');
  const race = useStore(selectRace);
  const objective = useStore(selectObjective);
  if (!race) return null;
  return (
    <table className="trials race" data-testid="race-table">
      <caption>{t('raceCaption')}</caption>
      <thead>
        <tr>
          <th>{t('raceStrategy')}</th>
          <th>{t('raceSaid')}</th>
          <th>{t('raceTrials')}</th>
          <th>{t('raceWall')}</th>
          <th>{t('raceBest', { objective: t(`objectiveName.${objective}`) })}</th>
          <th>{t('raceBestAt')}</th>
        </tr>
      </thead>
      <tbody>
        {race.map((r) => (
          <tr key={r.strategy}>
            <td>{t(`tradeOffs.${r.strategy}.name`)}</td>
            <td>{t(`tradeOffs.${r.strategy}.claim`)}</td>
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
