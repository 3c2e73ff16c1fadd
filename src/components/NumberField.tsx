// A numeric input validated as typed: a bad value shows why (inline and in the alert region)
// and the last good value stays in force until the text is fixed.
import { useId, useState } from 'react';
import type { RangeKey } from '../shared/config';
import { coerceNumber } from '../shared/schema';
import { useStore } from '../store/store';
import { stepValue } from './numberStep';
import { useGate } from '../page/gate';
import { controlClass } from '../page/useControl';
import { LockMark } from './classroom/Gate';
import { t as translate } from '../i18n/i18n';

interface Props {
  label: string;
  range: RangeKey;
  value: number;
  onCommit: (value: number) => void;
  hint?: string;
  testId?: string;
  /** Common values offered as suggestions while typing. */
  suggestions?: readonly number[];
}

export function NumberField({ label, range, value, onCommit, hint, testId, suggestions }: Props) {
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const topic = `field:${label}`;
  const shown = text ?? String(value);
  const gate = useGate(testId);

  const check = (t: string) => {
    const c = coerceNumber(range, t);
    const { say, clear } = useStore.getState();
    if (c.ok) {
      setError(null);
      clear(topic);
    } else {
      setError(c.error);
      say(topic, 'error', translate('schema:keeping', { error: c.error, value }));
    }
    return c;
  };

  const commit = () => {
    if (text === null) return;
    const c = check(text);
    if (c.ok && c.value !== value) onCommit(c.value);
    if (c.ok) setText(null);
  };

  if (gate.hidden) return null;
  const describedBy = [error ? `${id}-err` : '', gate.locked ? `${id}-lock` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <label className={`field ${controlClass(gate)}`.trim()} htmlFor={id}>
      <span className="field-label">
        {label}
        {gate.locked && <LockMark id={`${id}-lock`} />}
      </span>
      <input
        id={id}
        data-testid={testId}
        disabled={gate.locked}
        type="text"
        inputMode="decimal"
        value={shown}
        list={suggestions ? `${id}-list` : undefined}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setText(e.target.value);
          check(e.target.value);
        }}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
            e.preventDefault();
            // From the text when it is valid, else from the value in force.
            const c = text === null ? null : coerceNumber(range, text);
            const from = c?.ok ? c.value : value;
            const next = stepValue(range, from, e.key === 'ArrowUp' ? 1 : -1, e.shiftKey);
            setText(null);
            setError(null);
            useStore.getState().clear(topic);
            if (next !== value) onCommit(next);
          }
          if (e.key === 'Escape') {
            setText(null);
            setError(null);
            useStore.getState().clear(topic);
          }
        }}
      />
      {suggestions && (
        <datalist id={`${id}-list`}>
          {suggestions.map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      )}
      {error ? (
        <span id={`${id}-err`} className="field-error">
          {error}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </label>
  );
}
