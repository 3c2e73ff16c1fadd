// The page: controls on the left in workflow order, the live view on the right. Each panel sits
// in its own error boundary, so one failing view cannot take the others down.
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

export function App() {
  return (
    <div className="app">
      <header className="top">
        <h1>Tuning Playground</h1>
        <p className="tagline">Train a neural network in your browser and watch it fit, overfit or underfit.</p>
      </header>
      <PanelBoundary name="Toolbar">
        <Toolbar />
      </PanelBoundary>
      <PanelBoundary name="Demonstrations">
        <PresetBar />
      </PanelBoundary>
      <PanelBoundary name="Messages">
        <AlertRegion />
      </PanelBoundary>
      <main className="layout">
        <div className="controls">
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
        </div>
        <div className="view">
          <section className="panel" aria-labelledby="view-h">
            <h2 id="view-h">
              <span className="step-no">5</span> Watch it learn
            </h2>
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
              <PanelBoundary name="Evaluation">
                <EvaluationView />
              </PanelBoundary>
            </div>
            <PanelBoundary name="Loss chart">
              <LossChart />
            </PanelBoundary>
          </section>
          <PanelBoundary name="Runs">
            <RunsPanel />
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
      </main>
    </div>
  );
}
