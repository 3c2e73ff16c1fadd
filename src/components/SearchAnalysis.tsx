// The whole search at a glance: parallel coordinates (brush an axis to filter the table),
// importance, a contour plot for any two settings, the Pareto front of a two-objective search,
// and the trials as CSV. Loaded lazily (lazyCharts.tsx) with the search's results.
import { memo, useDeferredValue, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { modelShape } from '../client/modelShape';
import { MIN_TRIALS } from '../search/fanova';
import { useImportance } from '../client/importance';
import { useStore, type Store } from '../store/store';
import { useTrialFilter } from '../search/trialFilter';
import { errorText } from '../shared/errorText';
import { ParallelCoords } from './ParallelCoords';
import { ImportanceBars } from './ImportanceBars';
import { ContourPlot } from './ContourPlot';
import { ParetoPlot } from './ParetoPlot';
import './searchViews.css';

// Redrawn only when what they draw changes (the deferred trials, a new importance), not on every store update.
const ParallelCoordsView = memo(ParallelCoords);
const ContourPlotView = memo(ContourPlot);
const ParetoPlotView = memo(ParetoPlot);

const selectSearch = (s: Store) => s.search;
const LIVE_LIMIT = 100;
// What the parameter count depends on: the config, the data's inputs and outputs.
const selectShapeParts = (s: Store) => ({ config: s.config, table: s.table, upload: s.upload });

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function SearchAnalysis() {
  const { t } = useTranslation('searchViews');
  const s = useStore(selectSearch);
  const parts = useStore(useShallow(selectShapeParts));
  const shape = useMemo(() => modelShape(parts), [parts]);
  const spec = s.spec;
  // A new search has new axes: the intervals brushed on the last one's would hide its trials.
  useEffect(() => useTrialFilter.getState().clear(), [spec]);
  const running = s.status === 'running' || s.status === 'cancelling';
  // The forest is fitted in the analysis worker (src/client/importance.ts), never on the page. It
  // takes about 0.2 s on 200 trials and grows faster than the trials: past LIVE_LIMIT trials a
  // running search refits it once, then again when it ends, not per update, so the worker does not
  // take a core from the search's own workers.
  const frozen = running && s.trials.length > LIVE_LIMIT;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- frozen holds the trials still on purpose
  const held = useMemo(() => s.trials, [frozen ? null : s.trials]);
  const request = useMemo(() => (spec ? { space: spec.space, trials: held, seed: spec.seed } : null), [spec, held]);
  const { importance, error: importanceError, computing } = useImportance(request);
  // The charts draw the trials at low priority: React renders them in slices between frames and
  // drops a render that newer trials overtake, so a table update every 250 ms during a search does
  // not become one long task of every chart (the contour's forest, 100+ lines of coordinates).
  const drawn = useDeferredValue(s.trials);
  const ranked = useMemo(() => importance.map((i) => i.key), [importance]);
  if (!spec || s.trials.length < 2) return null;
  const finished = s.trials.filter((tr) => Number.isFinite(tr.mean) && !tr.pruned).length;
  const second = spec.objectives?.[1];

  const exportCsv = () =>
    import('../client/exportSearch')
      .then(({ trialsCsv }) => download('search_trials.csv', trialsCsv(spec, s.trials, shape)))
      .catch((e) => useStore.getState().say('search', 'error', t('downloadFailed', { error: errorText(e) })));

  return (
    <section className="search-analysis" aria-labelledby="search-analysis-h">
      <div className="sv-head">
        <h3 id="search-analysis-h">{t('title')}</h3>
        <button type="button" onClick={exportCsv} disabled={running} data-testid="trials-csv" title={t('downloadTitle')}>
          {t('download')}
        </button>
      </div>
      <ParallelCoordsView space={spec.space} trials={drawn} objective={spec.objective} />
      <div className="sv-grid">
        <ImportanceBars importance={importance} finished={finished} minTrials={MIN_TRIALS} error={importanceError} computing={computing} />
        <ContourPlotView space={spec.space} trials={drawn} objective={spec.objective} initial={ranked} />
      </div>
      {second && <ParetoPlotView trials={drawn} objective={spec.objective} second={second} shape={shape} />}
    </section>
  );
}
