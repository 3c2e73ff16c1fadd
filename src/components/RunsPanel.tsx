// Kept runs: every new run keeps the one it replaces; tick up to five to overlay on the chart.
// Each is labelled by what differs from the settings in use now, with its test result if any.
import { useShallow } from 'zustand/react/shallow';
import { MAX_OVERLAY } from '../store/runSlice';
import { useStore, type Store } from '../store/store';
import { OVERLAY_COLORS } from './colors';
import { formatLoss } from './Readouts';
import { archText, runDiffLabel, testText } from './runLabels';
import { ExportMenu } from './ExportMenu';
import { useTranslation } from 'react-i18next';

const selectRuns = (s: Store) => ({ kept: s.kept, overlay: s.overlay, config: s.config, runIndex: s.runIndex });

export function RunsPanel() {
  const { kept, overlay, config, runIndex } = useStore(useShallow(selectRuns));
  const { t } = useTranslation('runs');
  return (
    <section className="panel runs" aria-labelledby="runs-h">
      <h2 id="runs-h">{t('title')}</h2>
      {kept.length === 0 ? (
        <p className="hint">{t('empty')}</p>
      ) : (
        <>
          <p className="hint">{t('hint', { max: MAX_OVERLAY })}</p>
          <ul className="run-list" data-testid="runs">
            {kept.map((r) => {
              const i = overlay.indexOf(r.id);
              const last = r.metrics.last;
              const test = testText(r.test);
              return (
                <li key={r.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={i >= 0}
                      disabled={i < 0 && overlay.length >= MAX_OVERLAY}
                      onChange={() => useStore.getState().toggleOverlay(r.id)}
                    />
                    {i >= 0 && <span className="swatch" style={{ background: OVERLAY_COLORS[i % OVERLAY_COLORS.length] }} />}
                    <span>
                      <strong>{t('run', { id: r.id })}</strong>: {t('summary', { label: runDiffLabel(r, config, runIndex), epochs: last?.epoch ?? 0, val: formatLoss(last?.valLoss) })}
                      {test && <> · {test}</>}
                      <span className="hint run-summary">
                        {' '}
                        {t('runSummary', {
                          dataset: r.config.dataset,
                          arch: archText(r.config),
                          optimizer: r.config.optimizer,
                          lr: r.config.lr,
                          epochs: last?.epoch ?? 0,
                        })}
                      </span>
                    </span>
                  </label>
                  <ExportMenu runId={r.id} />
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
