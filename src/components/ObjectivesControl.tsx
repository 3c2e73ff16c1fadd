// The search panel's objectives: the validation objective alone, or with a second one (the
// parameter count or the training time), which gives a Pareto front.
import { useTranslation } from 'react-i18next';
import type { Objectives, SecondObjective } from '../search/types';

export function ObjectivesControl({ value, onChange }: { value: Objectives; onChange: (next: Objectives) => void }) {
  const { t } = useTranslation('searchViews');
  const second = value[1] ?? 'none';
  return (
    <label className="field">
      <span className="field-label">{t('secondObjective')}</span>
      <select value={second} onChange={(e) => onChange(e.target.value === 'none' ? ['loss'] : ['loss', e.target.value as SecondObjective])} data-testid="search-objectives">
        <option value="none">{t('second.none')}</option>
        <option value="params">{t('second.params')}</option>
        <option value="time">{t('second.time')}</option>
      </select>
    </label>
  );
}
