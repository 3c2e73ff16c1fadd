// The keyboard's way to brush the parallel coordinates: per axis, the interval kept as two
// fields (numbers, or the first and last name of a choice), applied on Enter or leaving a field.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatSig } from '../shared/format';
import { useTrialFilter, type Axis, type TrialFilterState } from '../search/trialFilter';

const selectRanges = (f: TrialFilterState) => f.ranges;

export function AxisFilters({ axes, name }: { axes: readonly Axis[]; name: (a: Axis) => string }) {
  const { t } = useTranslation('searchViews');
  const ranges = useTrialFilter(selectRanges);
  const brushed = Object.keys(ranges).length;
  return (
    <details className="sv-filters">
      <summary>{t('filterByValue', { count: brushed })}</summary>
      <div className="sv-filter-grid">
        {axes.map((a) => {
          const r = ranges[a.key];
          // Remount the fields when the interval changes elsewhere (a drag on the plot, Show all).
          return <AxisRow key={`${a.key}:${r ? r.join(':') : ''}`} axis={a} label={name(a)} range={r ?? null} />;
        })}
      </div>
      {brushed > 0 && (
        <button type="button" className="link" onClick={() => useTrialFilter.getState().clear()}>
          {t('clearFilter')}
        </button>
      )}
    </details>
  );
}

function AxisRow({ axis, label, range }: { axis: Axis; label: string; range: readonly [number, number] | null }) {
  const { t } = useTranslation('searchViews');
  const setRange = useTrialFilter((f) => f.setRange);
  if (axis.kind === 'choice') {
    const from = range ? axis.indices.findIndex((i) => i >= range[0]) : 0;
    const toRev = range ? axis.indices.findLastIndex((i) => i <= range[1]) : axis.indices.length - 1;
    const pick = (lo: number, hi: number) => {
      const [a, b] = lo <= hi ? [lo, hi] : [hi, lo];
      setRange(axis.key, a === 0 && b === axis.indices.length - 1 ? null : [axis.indices[a], axis.indices[b]]);
    };
    return (
      <div className="sv-filter-row">
        <span className="sv-filter-name">{label}</span>
        <select aria-label={t('fromLabel', { axis: label })} value={Math.max(0, from)} onChange={(e) => pick(Number(e.target.value), Math.max(0, toRev))}>
          {axis.names.map((n, i) => (
            <option key={n} value={i}>
              {n}
            </option>
          ))}
        </select>
        <span aria-hidden="true">–</span>
        <select aria-label={t('toLabel', { axis: label })} value={Math.max(0, toRev)} onChange={(e) => pick(Math.max(0, from), Number(e.target.value))}>
          {axis.names.map((n, i) => (
            <option key={n} value={i}>
              {n}
            </option>
          ))}
        </select>
      </div>
    );
  }
  return <NumberRow axis={axis} label={label} range={range} />;
}

function NumberRow({ axis, label, range }: { axis: Extract<Axis, { kind: 'number' }>; label: string; range: readonly [number, number] | null }) {
  const { t } = useTranslation('searchViews');
  const setRange = useTrialFilter((f) => f.setRange);
  const shown = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? formatSig(v, 6, false) : '');
  const [lo, setLo] = useState(shown(range?.[0]));
  const [hi, setHi] = useState(shown(range?.[1]));
  const [bad, setBad] = useState(false);
  const commit = () => {
    if (lo.trim() === '' && hi.trim() === '') {
      setBad(false);
      if (range) setRange(axis.key, null);
      return;
    }
    const a = lo.trim() === '' ? -Infinity : Number(lo);
    const b = hi.trim() === '' ? Infinity : Number(hi);
    if (Number.isNaN(a) || Number.isNaN(b)) {
      setBad(true);
      return;
    }
    setBad(false);
    if (!range || range[0] !== Math.min(a, b) || range[1] !== Math.max(a, b)) setRange(axis.key, [Math.min(a, b), Math.max(a, b)]);
  };
  const field = (value: string, set: (v: string) => void, aria: string, placeholder: number) => (
    <input
      type="text"
      inputMode="decimal"
      value={value}
      placeholder={formatSig(placeholder, 3, false)}
      aria-label={aria}
      aria-invalid={bad || undefined}
      onChange={(e) => set(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
      }}
    />
  );
  return (
    <div className="sv-filter-row">
      <span className="sv-filter-name">{label}</span>
      {field(lo, setLo, t('fromLabel', { axis: label }), axis.min)}
      <span aria-hidden="true">–</span>
      {field(hi, setHi, t('toLabel', { axis: label }), axis.max)}
      {bad && <span className="field-error">{t('notNumber')}</span>}
    </div>
  );
}
