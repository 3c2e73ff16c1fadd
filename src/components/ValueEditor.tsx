// The small popover that edits one weight or bias of the running model: prefilled with the
// current value; Enter applies, Escape cancels, and a value that is not a number changes nothing.
import { useEffect, useId, useRef, useState } from 'react';
import { errorText } from '../shared/errorText';
import { parseEdit } from '../network/editValue';
import { useTranslation } from 'react-i18next';

interface Props {
  /** What is edited, e.g. "Weight from input x₁ to hidden layer 1, unit 2". */
  label: string;
  initial: number;
  x: number;
  y: number;
  onApply: (value: number) => Promise<void>;
  onClose: () => void;
}

export function ValueEditor({ label, initial, x, y, onApply, onClose }: Props) {
  const { t } = useTranslation('network');
  const id = useId();
  const [text, setText] = useState(() => String(Number(initial.toPrecision(4))));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  // Focus goes back where it came from (the link or bias mark), so the keyboard user keeps their
  // place: taken at the first render, before the input's autoFocus moves it.
  const [opener] = useState(() => document.activeElement);
  useEffect(() => {
    input.current?.select();
    return () => {
      if (opener instanceof HTMLElement || opener instanceof SVGElement) opener.focus();
    };
  }, [opener]);

  const apply = () => {
    const p = parseEdit(text);
    if ('error' in p) {
      setError(p.error);
      return;
    }
    setBusy(true);
    onApply(p.value).then(onClose, (e: unknown) => {
      setBusy(false);
      setError(t('editor.failed', { error: errorText(e) }));
    });
  };

  return (
    <div
      className="value-editor"
      role="dialog"
      aria-label={label}
      style={{ left: x, top: y }}
      data-testid="value-editor"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <label htmlFor={id}>{label}</label>
      <div className="value-editor-row">
        <input
          id={id}
          ref={input}
          type="text"
          inputMode="decimal"
          value={text}
          autoFocus
          aria-invalid={error !== null}
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') apply();
          }}
          data-testid="value-editor-input"
        />
        <button type="button" onClick={apply} disabled={busy}>
          {t('editor.apply')}
        </button>
        <button type="button" onClick={onClose}>
          {t('editor.cancel')}
        </button>
      </div>
      {error && (
        <p className="field-error" id={`${id}-err`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
