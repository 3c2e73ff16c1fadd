// Entry of the main bundle: reads the link, starts the training worker, renders the page.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { PanelBoundary } from './components/PanelBoundary';
import { createPlaygroundApi } from './client/playgroundApi';
import { watchReferenceFits } from './client/referenceClient';
import { restoreSearch } from './client/searchRunner';
import { client } from './client/trainingClient';
import { syncUrl } from './client/urlSync';
import { startLanguage } from './page/language';
import './styles.css';

// The language first (Chinese loads on first use; English is at hand), so the link's notices and
// the first paint are in it.
await startLanguage();
syncUrl((config) => client.changeConfig(config));
restoreSearch();
watchReferenceFits();
// Saved runs (IndexedDB through Dexie) load beside the page, not in its first bundle.
import('./client/runStore')
  .then((m) => m.startRunStore())
  .catch(() => {});
window.playground = createPlaygroundApi(client);
client.start().catch(() => {});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <PanelBoundary name="page">
      <App />
    </PanelBoundary>
  </StrictMode>,
);
