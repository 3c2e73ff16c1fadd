// One error boundary per panel: a bug in one view shows "This panel failed: … (Reload panel)" in
// its place, while the rest of the page, the runs and the worker keep going. Nothing a panel
// throws while rendering can empty the page's root.
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { errorText } from '../shared/errorText';
import { FaultPoint, faultCaught, registerPanel } from './faults';
import { useTranslation } from 'react-i18next';

/** Display names of the panels, by the name each boundary is registered under (App.tsx). */
const PANEL_KEYS = {
  page: 'page',
  Toolbar: 'toolbar',
  Messages: 'messages',
  Demonstrations: 'demonstrations',
  Data: 'data',
  Model: 'model',
  Training: 'training',
  Regularization: 'regularization',
  Runs: 'runs',
  'Saved runs': 'savedRuns',
  Sweeps: 'sweeps',
  'Optimizer race': 'race',
  'Learning rate lab': 'lab',
  Search: 'search',
  'Transfer learning': 'transfer',
  'Test set': 'testSet',
  'Decision boundary': 'boundary',
  Readouts: 'readouts',
  Diagnosis: 'diagnosis',
  'Loss chart': 'lossChart',
  'Loss table': 'lossTable',
  Evaluation: 'evaluation',
  'Network view': 'network',
} as const;

function message(error: unknown): string {
  const text = errorText(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function Failed({ name: id, error, resetErrorBoundary }: FallbackProps & { name: string }) {
  const { t } = useTranslation('shared');
  // A panel added without a display name shows the name it is registered under.
  const name = id in PANEL_KEYS ? t(`panels.${PANEL_KEYS[id as keyof typeof PANEL_KEYS]}`) : id;
  return (
    <section className="panel panel-failed" aria-label={t('panel.failedLabel', { name })} data-testid="panel-failed">
      <p>
        {t('panel.failedBefore', { name })}
        <span className="panel-failed-reason">{message(error)}</span>
        {t('panel.failedAfter')}
      </p>
      <button type="button" onClick={resetErrorBoundary}>
        {t('panel.reload')}
      </button>
    </section>
  );
}

export function PanelBoundary({ name, children }: { name: string; children: ReactNode }) {
  registerPanel(name);
  return (
    <ErrorBoundary fallbackRender={(props) => <Failed name={name} {...props} />} onError={() => faultCaught(name)}>
      <FaultPoint name={name} />
      {children}
    </ErrorBoundary>
  );
}
