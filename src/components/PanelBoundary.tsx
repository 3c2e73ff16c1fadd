// One error boundary per panel: a bug in one view shows "This panel failed: … (Reload panel)" in
// its place, while the rest of the page, the runs and the worker keep going. Nothing a panel
// throws while rendering can empty the page's root.
import type { ReactNode } from 'react';
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary';
import { errorText } from '../shared/errorText';
import { FaultPoint, faultCaught, registerPanel } from './faults';

function message(error: unknown): string {
  const text = errorText(error);
  return text.length > 200 ? `${text.slice(0, 199)}…` : text;
}

function Failed({ name, error, resetErrorBoundary }: FallbackProps & { name: string }) {
  return (
    <section className="panel panel-failed" aria-label={`${name} (failed)`} data-testid="panel-failed">
      <p>
        The {name} panel failed: <span className="panel-failed-reason">{message(error)}</span>. The rest of the page and your runs
        are unaffected.
      </p>
      <button type="button" onClick={resetErrorBoundary}>
        Reload panel
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
