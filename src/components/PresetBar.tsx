// One-click demonstrations of overfitting, underfitting and each remedy, with what to watch.
import { useState } from 'react';
import { client } from '../client/trainingClient';
import { PRESETS } from '../shared/presets';
import { useStore } from '../store/store';
import { errorText } from '../shared/errorText';

export function PresetBar() {
  const [chosen, setChosen] = useState<string | null>(null);
  const preset = PRESETS.find((p) => p.key === chosen);
  const choose = (key: string) => {
    const p = PRESETS.find((x) => x.key === key)!;
    try {
      client
        .changeConfig(p.config)
        .then(() => client.train())
        .catch(() => {});
      setChosen(key);
    } catch (e) {
      useStore.getState().say('preset', 'error', errorText(e));
    }
  };
  return (
    <section className="presets" aria-label="Demonstrations">
      <span className="presets-label">Try:</span>
      {PRESETS.map((p) => (
        <button key={p.key} type="button" aria-pressed={chosen === p.key} onClick={() => choose(p.key)}>
          {p.label}
        </button>
      ))}
      {preset && (
        <p className="hint presets-watch" data-testid="preset-watch">
          {preset.watch}
        </p>
      )}
    </section>
  );
}
