// How far and how fast a run goes, for narrating it and comparing runs at equal epochs: an epoch
// budget (stop at epoch N; link key `epochs`) and a pace (epochs per second; link key `pace`).
// Both are live settings: the worker's run loop reads them between epochs. After a live edit of a
// run that has trained, "Start fresh with this setting" replays it from the same initial weights.
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { client } from '../client/trainingClient';
import { useStore, type Store } from '../store/store';
import { change } from './change';
import { NumberField } from './NumberField';

/** Paces offered, in epochs per second; 0 is full speed. A link's own value is offered too. */
const PACES = [0, 2, 5, 10, 20, 60] as const;

const selectControls = (s: Store) => ({ epochs: s.config.epochs, pace: s.config.pace, liveEdits: s.liveEdits !== null, busy: s.status === 'starting' });

const paceText = (p: number) => (p === 0 ? 'Full speed' : `${p} epochs/s`);

export function RunControls() {
  const { epochs, pace, liveEdits, busy } = useStore(useShallow(selectControls));
  const paceId = useId();
  const paces = PACES.includes(pace as (typeof PACES)[number]) ? [...PACES] : [...PACES, pace].sort((a, b) => a - b);
  return (
    <div className="run-controls" data-testid="run-controls">
      <NumberField label="Stop at epoch" range="epochs" value={epochs} onCommit={(v) => change({ epochs: v })} testId="epoch-budget" hint="0 = no limit" />
      <label className="field" htmlFor={paceId}>
        <span className="field-label">Pace</span>
        <select id={paceId} data-testid="pace" value={String(pace)} onChange={(e) => change({ pace: Number(e.target.value) })}>
          {paces.map((p) => (
            <option key={p} value={String(p)}>
              {paceText(p)}
            </option>
          ))}
        </select>
        <span className="field-hint">slow it down to narrate</span>
      </label>
      {liveEdits && (
        <button
          type="button"
          data-testid="start-fresh"
          disabled={busy}
          title="A new run from the same initial weights with the settings now in use; this run stays on the chart to compare"
          onClick={() => {
            client
              .startFresh()
              .then(() => client.train())
              .catch(() => {});
          }}
        >
          Start fresh with this setting
        </button>
      )}
    </div>
  );
}
