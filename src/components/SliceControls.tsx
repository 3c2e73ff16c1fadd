// For tables: which two numeric inputs span the decision-boundary slice (the others are held at
// their training mean), and the axes' ranges in the columns' own units.
import { change } from './change';
import type { TableView } from '../shared/protocol';
import { SelectField } from './SelectField';
import { formatCount, formatSig } from '../shared/format';
import { useTranslation } from 'react-i18next';

const fmt = (v: number) => (Math.abs(v) >= 100 ? formatCount(v) : formatSig(v));

export function SliceControls({ table }: { table: TableView }) {
  const { t } = useTranslation('data');
  if (!table.slice || !table.axes) return null;
  const [a, b] = table.slice;
  const options = table.numericInputs.map((_, i) => String(i));
  const labels = Object.fromEntries(table.numericInputs.map((n, i) => [String(i), n]));
  const pick = (which: 0 | 1, v: string) => {
    const next: [number, number] = [a, b];
    next[which] = Number(v);
    // Picking the other axis's column swaps the two.
    if (next[0] === next[1]) next[1 - which] = table.slice![which];
    change({ slice: next });
  };
  return (
    <div>
      <div className="slice-controls">
        <SelectField label={t('slice.x')} value={String(a)} options={options} labels={labels} onChange={(v) => pick(0, v)} testId="slice-x" />
        <SelectField label={t('slice.y')} value={String(b)} options={options} labels={labels} onChange={(v) => pick(1, v)} testId="slice-y" />
      </div>
      <p className="axis-note" data-testid="slice-axes">
        {t('slice.note', {
          x: table.axes.x.name,
          xmin: fmt(table.axes.x.min),
          xmax: fmt(table.axes.x.max),
          y: table.axes.y.name,
          ymin: fmt(table.axes.y.min),
          ymax: fmt(table.axes.y.max),
        })}
      </p>
    </div>
  );
}
