// One-click demonstrations of overfitting, underfitting and each remedy, with what to watch. Each
// starts a fresh run and keeps the one before it on the chart.
import { useState } from 'react';
import { PRESETS } from '../shared/presets';
import { startFresh } from './change';
import { useTranslation } from 'react-i18next';
import { presetLabel, presetWatch } from '../shared/labels';

export function PresetBar() {
  const [chosen, setChosen] = useState<string | null>(null);
  const { t } = useTranslation('shared');
  const preset = PRESETS.find((p) => p.key === chosen);
  // A fresh run from the same initial weights, the previous run kept in the overlay: a preset
  // chained after another starts at epoch 0 rather than going on from wherever that one was.
  const choose = (key: string) => {
    const p = PRESETS.find((x) => x.key === key)!;
    startFresh(p.config, 'preset');
    setChosen(key);
  };
  return (
    <section className="presets" aria-label={t('presets.label')}>
      <span className="presets-label">{t('presets.try')}</span>
      {PRESETS.map((p) => (
        <button key={p.key} type="button" aria-pressed={chosen === p.key} onClick={() => choose(p.key)}>
          {presetLabel(p)}
        </button>
      ))}
      {preset && (
        <p className="hint presets-watch" data-testid="preset-watch">
          {presetWatch(preset)}
        </p>
      )}
    </section>
  );
}
