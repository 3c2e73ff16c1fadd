// The views drawn with recharts load beside the page instead of in its first bundle: recharts is
// about 100 KB gzipped, the largest part of the page's JavaScript, and nothing needs it before
// the first epoch is drawn. Each stand-in keeps the chart's place (same box height), so the page
// does not move when the chart arrives a moment later.
import { lazy, Suspense, type ComponentProps } from 'react';
import type { ObjectiveChart as ObjectiveChartView } from './ObjectiveChart';
import type { TransferChart as TransferChartView, TransferTable as TransferTableView } from './TransferChart';
import type { RaceChart as RaceChartView } from './RaceChart';
import type { IntermediateChart as IntermediateChartView } from './IntermediateChart';
import type { SettingScatter as SettingScatterView } from './SettingScatter';

const LossChartLazy = lazy(() => import('./LossChart').then((m) => ({ default: m.LossChart })));
const EvaluationViewLazy = lazy(() => import('./EvaluationView').then((m) => ({ default: m.EvaluationView })));
const SweepPanelLazy = lazy(() => import('./SweepPanel').then((m) => ({ default: m.SweepPanel })));
const ObjectiveChartLazy = lazy(() => import('./ObjectiveChart').then((m) => ({ default: m.ObjectiveChart })));
const SettingScatterLazy = lazy(() => import('./SettingScatter').then((m) => ({ default: m.SettingScatter })));
const TransferChartLazy = lazy(() => import('./TransferChart').then((m) => ({ default: m.TransferChart })));
const TransferTableLazy = lazy(() => import('./TransferChart').then((m) => ({ default: m.TransferTable })));
const RaceChartLazy = lazy(() => import('./RaceChart').then((m) => ({ default: m.RaceChart })));
const IntermediateChartLazy = lazy(() => import('./IntermediateChart').then((m) => ({ default: m.IntermediateChart })));
const SearchAnalysisLazy = lazy(() => import('./SearchAnalysis').then((m) => ({ default: m.SearchAnalysis })));
const ImageViewsLazy = lazy(() => import('./ImageViews').then((m) => ({ default: m.ImageViews })));
const DrawPadLazy = lazy(() => import('./DrawPad').then((m) => ({ default: m.DrawPad })));
const LabPanelLazy = lazy(() => import('./LabPanel').then((m) => ({ default: m.LabPanel })));

/** An empty box the size of a chart while recharts loads. */
const ChartPlace = () => <div className="chart-box chart-loading" aria-hidden="true" />;

export function LossChart() {
  return (
    <Suspense fallback={<ChartPlace />}>
      <LossChartLazy />
    </Suspense>
  );
}

export function EvaluationView() {
  return (
    <Suspense fallback={null}>
      <EvaluationViewLazy />
    </Suspense>
  );
}

export function SweepPanel() {
  return (
    <Suspense fallback={<section className="panel" aria-hidden="true" />}>
      <SweepPanelLazy />
    </Suspense>
  );
}

export function ObjectiveChart(props: ComponentProps<typeof ObjectiveChartView>) {
  return (
    <Suspense fallback={<ChartPlace />}>
      <ObjectiveChartLazy {...props} />
    </Suspense>
  );
}

export function SettingScatter(props: ComponentProps<typeof SettingScatterView>) {
  return (
    <Suspense fallback={<ChartPlace />}>
      <SettingScatterLazy {...props} />
    </Suspense>
  );
}

export function TransferChart(props: ComponentProps<typeof TransferChartView>) {
  return (
    <Suspense fallback={<ChartPlace />}>
      <TransferChartLazy {...props} />
    </Suspense>
  );
}

export function TransferTable(props: ComponentProps<typeof TransferTableView>) {
  return (
    <Suspense fallback={null}>
      <TransferTableLazy {...props} />
    </Suspense>
  );
}

export function RaceChart(props: ComponentProps<typeof RaceChartView>) {
  return (
    <Suspense fallback={<ChartPlace />}>
      <RaceChartLazy {...props} />
    </Suspense>
  );
}

/** The learning rate lab (recharts for the finder, d3-contour for the loss surface). */
export function LabPanel() {
  return (
    <Suspense fallback={<section className="panel" aria-hidden="true" />}>
      <LabPanelLazy />
    </Suspense>
  );
}

export function IntermediateChart(props: ComponentProps<typeof IntermediateChartView>) {
  return (
    <Suspense fallback={null}>
      <IntermediateChartLazy {...props} />
    </Suspense>
  );
}

export function SearchAnalysis() {
  return (
    <Suspense fallback={null}>
      <SearchAnalysisLazy />
    </Suspense>
  );
}

/** Image sets: the misclassified images, feature maps and filters (loaded with the digits only). */
export function ImageViews() {
  return (
    <Suspense fallback={null}>
      <ImageViewsLazy />
    </Suspense>
  );
}

/** Image sets: the drawing pad and its live prediction, in the decision boundary's place. */
export function DrawPad() {
  return (
    <Suspense fallback={<div className="draw-area" aria-hidden="true" />}>
      <DrawPadLazy />
    </Suspense>
  );
}
