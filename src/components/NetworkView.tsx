// "See inside the network": the diagram of every neuron's map and the links between them, and the
// layer health below it. The checkbox hides the diagram only: the worker computes the maps only
// while it is shown (client.setNetworkView); the health table costs little and stays.
import { client } from '../client/trainingClient';
import { isTable } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { LayerStats } from './LayerStats';
import { NetworkDiagram } from './NetworkDiagram';
import { useTranslation } from 'react-i18next';

const selectShown = (s: Store) => s.networkShown;
const selectTable = (s: Store) => isTable((s.runConfig ?? s.config).dataset);

export function NetworkView() {
  const { t } = useTranslation('network');
  const shown = useStore(selectShown);
  const table = useStore(selectTable);
  return (
    <section className="network-view" aria-labelledby="network-h" data-testid="network-view">
      <div className="network-head">
        <h3 id="network-h">{t('title')}</h3>
        <label className="check">
          <input type="checkbox" checked={shown} onChange={(e) => client.setNetworkView(e.target.checked)} data-testid="network-toggle" />
          {t('show')}
        </label>
      </div>
      {shown && (
        <>
          <p className="hint">
            {t('hint')}
            {table ? '' : t('hintInputs')}
            {t('hintEnd')}
          </p>
          <NetworkDiagram />
        </>
      )}
      <LayerStats />
    </section>
  );
}
