// A numeric field of the transfer panel, checked as typed: the last good value stays until the
// text is fixed, with the reason shown.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface NumberProps {
  label: string;
  value: number;
  min: number;
  max: number;
  int?: boolean;
  onCommit: (v: number) => void;
  testId?: string;
  hint?: string;
  disabled?: boolean;
}

/** A numeric input checked as typed; the last good value stays until the text is fixed. */
export function TransferNumber({ label, value, min, max, int, onCommit, testId, hint, disabled }: NumberProps) {
  const { t: tr } = useTranslation('transfer');
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const parse = (t: string): { ok: true; value: number } | { ok: false; error: string } => {
    const v = Number(t.trim());
    if (t.trim() === '' || !Number.isFinite(v)) return { ok: false, error: tr('number.nan', { label }) };
    if (int && !Number.isInteger(v)) return { ok: false, error: tr('number.whole', { label }) };
    if (v < min || v > max) return { ok: false, error: tr('number.between', { label, min, max }) };
    return { ok: true, value: v };
  };
  const check = text === null ? null : parse(text);
  const error = check && !check.ok ? check.error : null;
  const commit = () => {
    if (!check) return;
    if (check.ok) {
      if (check.value !== value) onCommit(check.value);
      setText(null);
    }
  };
  return (
    <label className="field" htmlFor={id}>
      <span className="field-label">{label}</span>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        data-testid={testId}
        value={text ?? String(value)}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => setText(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit();
          if (e.key === 'Escape') setText(null);
        }}
      />
      {error ? (
        <span id={`${id}-err`} className="field-error" role="alert">
          {tr('number.keeping', { error, value })}
        </span>
      ) : hint ? (
        <span className="field-hint">{hint}</span>
      ) : null}
    </label>
  );
}
