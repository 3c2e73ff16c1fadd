// "See inside the network": the diagram of every neuron's map and the links between them, and the
// layer health below it. The checkbox hides the diagram only: the worker computes the maps only
// while it is shown (client.setNetworkView); the health table costs little and stays.
import { client } from '../client/trainingClient';
import { isTable } from '../shared/datasets';
import { useStore, type Store } from '../store/store';
import { LayerStats } from './LayerStats';
import { NetworkDiagram } from './NetworkDiagram';

const selectShown = (s: Store) => s.networkShown;
const selectTable = (s: Store) => isTable((s.runConfig ?? s.config).dataset);

export function NetworkView() {
  const shown = useStore(selectShown);
  const table = useStore(selectTable);
  return (
    <section className="network-view" aria-labelledby="network-h" data-testid="network-view">
      <div className="network-head">
        <h3 id="network-h">Inside the network</h3>
        <label className="check">
          <input type="checkbox" checked={shown} onChange={(e) => client.setNetworkView(e.target.checked)} data-testid="network-toggle" />
          Show the network
        </label>
      </div>
      {shown && (
        <>
          <p className="hint">
            Hover or focus a neuron to see its map large in the boundary view; click a link or a bias mark (the small square) to set its value
            {table ? '' : '; click an input to turn it on or off'}.
          </p>
          <NetworkDiagram />
        </>
      )}
      <LayerStats />
    </section>
  );
}
