// The page: a workspace with the settings (and the secondary panels) on the left in workflow order
// and the live view fixed on the right, so a change is seen as it is made (boundary, readouts and
// curves first; the network view below them, or beside them on a wide screen); on a phone a compact
// sticky strip stands in for it. Each panel sits in its own error boundary, so one failing view
// cannot take the others down.
import { lazy, Suspense, useLayoutEffect, useRef } from 'react';
import { AlertRegion } from './components/AlertRegion';
import { BoundaryCanvas } from './components/BoundaryCanvas';
import { DataPanel } from './components/DataPanel';
import { DiagnosisPanel } from './components/DiagnosisPanel';
import { EvaluationView } from './components/EvaluationView';
import { LossChart } from './components/LossChart';
import { ModelPanel } from './components/ModelPanel';
import { PresetBar } from './components/PresetBar';
import { RegularizationPanel } from './components/RegularizationPanel';
import { Readouts } from './components/Readouts';
import { RunsPanel } from './components/RunsPanel';
import { SearchPanel } from './components/SearchPanel';
import { SweepPanel } from './components/SweepPanel';
import { TestPanel } from './components/TestPanel';
import { TransferPanel } from './components/TransferPanel';
import { Toolbar } from './components/Toolbar';
import { TrainingPanel } from './components/TrainingPanel';
import { PanelBoundary } from './components/PanelBoundary';
import { LiveStrip } from './components/LiveStrip';
import { LossTable } from './components/LossTable';
import { NetworkView } from './components/NetworkView';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { LanguageSwitch } from './components/LanguageSwitch';
import { useTranslation } from 'react-i18next';
import { loadLessons } from './lessons/load';

// Saved runs bring IndexedDB (Dexie) and their table: loaded beside the page, not in its first bundle.
const SavedRunsPanel = lazy(() => import('./components/SavedRunsPanel').then((m) => ({ default: m.SavedRunsPanel })));
// The lessons (engine, panel and every lesson's texts) load beside the page too.
const LessonPanel = lazy(() => loadLessons().then(() => import('./components/LessonPanel')));

/**
 * The run bar (toolbar, and on a phone the live strip) sticks to the top; the live view column
 * sticks right under it. Its height varies (the toolbar wraps, backend timing adds a row), so it
 * is measured and handed to the CSS as --runbar-h.
 */
function useRunBarHeight() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const set = () => document.documentElement.style.setProperty('--runbar-h', `${Math.ceil(el.getBoundingClientRect().height)}px`);
    set();
    const ro = new ResizeObserver(set);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);
  return ref;
}

export function App() {
  const runBar = useRunBarHeight();
  const { t } = useTranslation();
  return (
    <div className="app">
      <a className="skip-link" href="#live-view">
        {t('app.skipToLive')}
      </a>
      <header className="top">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <LanguageSwitch />
      </header>
      {/* A landmark, so the run controls are not content outside any region. */}
      <div className="run-bar" role="region" aria-label={t('app.runRegion')} ref={runBar}>
        <div className="run-bar-row">
          <PanelBoundary name="Toolbar">
            <Toolbar />
          </PanelBoundary>
          <ShortcutsHelp />
        </div>
        <LiveStrip />
      </div>
      <PanelBoundary name="Messages">
        <AlertRegion />
      </PanelBoundary>
      {/* Settings scroll with the page on the left; the live view stays in sight on the right. */}
      <main className="workspace">
        <div className="settings">
          <PanelBoundary name="Lessons">
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
          </PanelBoundary>
          <PanelBoundary name="Demonstrations">
            <PresetBar />
          </PanelBoundary>
          <PanelBoundary name="Data">
            <DataPanel />
          </PanelBoundary>
          <PanelBoundary name="Model">
            <ModelPanel />
          </PanelBoundary>
          <PanelBoundary name="Training">
            <TrainingPanel />
          </PanelBoundary>
          <PanelBoundary name="Regularization">
            <RegularizationPanel />
          </PanelBoundary>
          <PanelBoundary name="Runs">
            <RunsPanel />
          </PanelBoundary>
          <PanelBoundary name="Saved runs">
            <Suspense fallback={<p className="hint">Loading saved runs…</p>}>
              <SavedRunsPanel />
            </Suspense>
          </PanelBoundary>
          <PanelBoundary name="Sweeps">
            <SweepPanel />
          </PanelBoundary>
          <PanelBoundary name="Search">
            <SearchPanel />
          </PanelBoundary>
          <PanelBoundary name="Transfer learning">
            <TransferPanel />
          </PanelBoundary>
          <PanelBoundary name="Test set">
            <TestPanel />
          </PanelBoundary>
        </div>
        <div className="live" id="live-view" tabIndex={-1} data-testid="live-view">
          <section className="panel" aria-labelledby="view-h">
            <h2 id="view-h">
              <span className="step-no">5</span> Watch it learn
            </h2>
            {/* Side by side on a wide screen (the network beside the boundary and curves); stacked below. */}
            <div className="live-body">
              <div className="live-main">
                <div className="view-grid">
                  <PanelBoundary name="Decision boundary">
                    <BoundaryCanvas />
                  </PanelBoundary>
                  <div className="view-side">
                    <PanelBoundary name="Readouts">
                      <Readouts />
                    </PanelBoundary>
                    <PanelBoundary name="Diagnosis">
                      <DiagnosisPanel />
                    </PanelBoundary>
                  </div>
                </div>
                <PanelBoundary name="Loss chart">
                  <LossChart />
                </PanelBoundary>
                <PanelBoundary name="Loss table">
                  <LossTable />
                </PanelBoundary>
                <PanelBoundary name="Evaluation">
                  <EvaluationView />
                </PanelBoundary>
              </div>
              <div className="live-network">
                <PanelBoundary name="Network view">
                  <NetworkView />
                </PanelBoundary>
              </div>
            </div>
          </section>
        </div>
      </main>
    </div>
  );
}
