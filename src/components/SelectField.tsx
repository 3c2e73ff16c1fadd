// A labelled <select> over a fixed list of keys.
import { useId } from 'react';

interface Props<K extends string> {
  label: string;
  value: K;
  options: readonly K[];
  labels?: Partial<Record<K, string>>;
  onChange: (value: K) => void;
  testId?: string;
  /** A few words under the control (e.g. what a change does to the run). */
  hint?: string;
}

export function SelectField<K extends string>({ label, value, options, labels, onChange, testId, hint }: Props<K>) {
  const id = useId();
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <select id={id} data-testid={testId} value={value} onChange={(e) => onChange(e.target.value as K)}>
        {options.map((o) => (
          <option key={o} value={o}>
            {labels?.[o] ?? o}
          </option>
        ))}
      </select>
      {hint && <span className="field-hint">{hint}</span>}
    </label>
  );
}
