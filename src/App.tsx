// The page: controls on the left in workflow order, the live view on the right.
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

export function App() {
  return (
    <div className="app">
      <header className="top">
        <h1>Tuning Playground</h1>
        <p className="tagline">Train a neural network in your browser and watch it fit, overfit or underfit.</p>
      </header>
      <Toolbar />
      <PresetBar />
      <AlertRegion />
      <main className="layout">
        <div className="controls">
          <DataPanel />
          <ModelPanel />
          <TrainingPanel />
          <RegularizationPanel />
        </div>
        <div className="view">
          <section className="panel" aria-labelledby="view-h">
            <h2 id="view-h">
              <span className="step-no">5</span> Watch it learn
            </h2>
            <div className="view-grid">
              <BoundaryCanvas />
              <div className="view-side">
                <Readouts />
                <DiagnosisPanel />
              </div>
              <EvaluationView />
            </div>
            <LossChart />
          </section>
          <RunsPanel />
          <SweepPanel />
          <SearchPanel />
          <TransferPanel />
          <TestPanel />
        </div>
      </main>
    </div>
  );
}
