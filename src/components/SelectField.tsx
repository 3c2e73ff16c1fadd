// A labelled <select> over a fixed list of keys.
import { useId } from 'react';
import { useGate } from '../page/gate';
import { controlClass } from '../page/useControl';
import { LockMark } from './classroom/Gate';

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
  const gate = useGate(testId);
  if (gate.hidden) return null;
  return (
    <label className={`field ${controlClass(gate)}`.trim()} htmlFor={id}>
      <span className="field-label">
        {label}
        {gate.locked && <LockMark id={`${id}-lock`} />}
      </span>
      <select id={id} data-testid={testId} value={value} disabled={gate.locked} aria-describedby={gate.locked ? `${id}-lock` : undefined} onChange={(e) => onChange(e.target.value as K)}>
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
