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
import { DrawPad, EvaluationView, ImageViews, LossChart, SweepPanel } from './components/lazyCharts';
import { LabPanel } from './components/lazyCharts';
import { ModelPanel } from './components/ModelPanel';
import { PresetBar } from './components/PresetBar';
import { RegularizationPanel } from './components/RegularizationPanel';
import { Readouts } from './components/Readouts';
import { RunsPanel } from './components/RunsPanel';
import { SearchPanel } from './components/SearchPanel';
import { TestPanel } from './components/TestPanel';
import { TransferPanel } from './components/TransferPanel';
import { Toolbar } from './components/Toolbar';
import { TrainingPanel } from './components/TrainingPanel';
import { RacePanel } from './components/RacePanel';
import { PanelBoundary } from './components/PanelBoundary';
import { LiveStrip } from './components/LiveStrip';
import { LossTable } from './components/LossTable';
import { NetworkView } from './components/NetworkView';
import { ShortcutsHelp } from './components/ShortcutsHelp';
import { LanguageSwitch } from './components/LanguageSwitch';
import { PwaPrompt } from './components/PwaPrompt';
import { useTranslation } from 'react-i18next';
import { loadLessons } from './lessons/load';
import { ClassroomTools, SETTINGS_ID } from './components/classroom/ClassroomTools';
import { PanelShown } from './components/classroom/Gate';
import { WorkflowStepper } from './components/classroom/WorkflowStepper';
import { useStore, type Store } from './store/store';
import { isImages } from './shared/datasets';

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

// Image sets show a drawing pad in the boundary's place and image views instead of the network view.
const selectImages = (s: Store) => isImages(s.config.dataset);

export function App() {
  const images = useStore(selectImages);
  const runBar = useRunBarHeight();
  const { t } = useTranslation();
  const { t: ts } = useTranslation('shared');
  return (
    <div className="app">
      <a className="skip-link" href="#live-view">
        {t('app.skipToLive')}
      </a>
      <header className="top">
        <h1>{t('app.title')}</h1>
        <p className="tagline">{t('app.tagline')}</p>
        <LanguageSwitch />
        <ClassroomTools />
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
        {/* In presentation mode this column is the controls drawer (ClassroomTools). */}
        <div className="settings" id={SETTINGS_ID}>
          <PanelBoundary name="Workflow">
            <WorkflowStepper />
          </PanelBoundary>
          <PanelBoundary name="Lessons">
            <Suspense fallback={null}>
              <LessonPanel />
            </Suspense>
          </PanelBoundary>
          <PanelShown id="presets">
            <PanelBoundary name="Demonstrations">
              <PresetBar />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="data">
            <PanelBoundary name="Data">
              <DataPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="model">
            <PanelBoundary name="Model">
              <ModelPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="training">
            <PanelBoundary name="Training">
              <TrainingPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="race">
            <PanelBoundary name="Optimizer race">
              <RacePanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="lab">
            <PanelBoundary name="Learning rate lab">
              <LabPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="regularization">
            <PanelBoundary name="Regularization">
              <RegularizationPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="runs">
            <PanelBoundary name="Runs">
              <RunsPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="saved">
            <PanelBoundary name="Saved runs">
              <Suspense fallback={<p className="hint">{ts('page.loadingSavedRuns')}</p>}>
                <SavedRunsPanel />
              </Suspense>
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="sweeps">
            <PanelBoundary name="Sweeps">
              <SweepPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="search">
            <PanelBoundary name="Search">
              <SearchPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="transfer">
            <PanelBoundary name="Transfer learning">
              <TransferPanel />
            </PanelBoundary>
          </PanelShown>
          <PanelShown id="test">
            <PanelBoundary name="Test set">
              <TestPanel />
            </PanelBoundary>
          </PanelShown>
        </div>
        <div className="live" id="live-view" tabIndex={-1} data-testid="live-view">
          <section className="panel" aria-labelledby="view-h">
            <h2 id="view-h">
              <span className="step-no">5</span> {ts('page.watch')}
            </h2>
            {/* Side by side on a wide screen (the network beside the boundary and curves); stacked below. */}
            <div className="live-body">
              <div className="live-main">
                <div className="view-grid">
                  {images ? (
                    <PanelBoundary name="Drawing pad">
                      <DrawPad />
                    </PanelBoundary>
                  ) : (
                    <PanelBoundary name="Decision boundary">
                      <BoundaryCanvas />
                    </PanelBoundary>
                  )}
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
                {images && (
                  <PanelBoundary name="Image views">
                    <ImageViews />
                  </PanelBoundary>
                )}
              </div>
              {!images && <PanelShown id="network">
                <div className="live-network">
                  <PanelBoundary name="Network view">
                    <NetworkView />
                  </PanelBoundary>
                </div>
              </PanelShown>}
            </div>
          </section>
        </div>
      </main>
      <PwaPrompt />
    </div>
  );
}
