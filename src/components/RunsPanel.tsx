// Kept runs: every reset keeps the run it replaces; tick up to five to overlay on the chart.
import { MAX_OVERLAY } from '../store/runSlice';
import { useStore, type Store } from '../store/store';
import { OVERLAY_COLORS } from './LossChart';
import { formatLoss } from './Readouts';

const selectKept = (s: Store) => s.kept;
const selectOverlay = (s: Store) => s.overlay;

export function RunsPanel() {
  const kept = useStore(selectKept);
  const overlay = useStore(selectOverlay);
  return (
    <section className="panel runs" aria-labelledby="runs-h">
      <h2 id="runs-h">Compare runs</h2>
      {kept.length === 0 ? (
        <p className="hint">Train, then press Reset or change a setting: the finished run is kept here to overlay on the chart.</p>
      ) : (
        <>
          <p className="hint">Overlay up to {MAX_OVERLAY} runs (dashed: training, solid: validation).</p>
          <ul className="run-list" data-testid="runs">
            {kept.map((r) => {
              const i = overlay.indexOf(r.id);
              const last = r.metrics.last;
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
                    {r.label} · val {formatLoss(last?.valLoss)}
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}
