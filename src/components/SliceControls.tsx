// For tables: which two numeric inputs span the decision-boundary slice (the others are held at
// their training mean), and the axes' ranges in the columns' own units.
import { change } from './change';
import type { TableView } from '../shared/protocol';
import { SelectField } from './SelectField';
import { formatCount, formatSig } from '../shared/format';

const fmt = (v: number) => (Math.abs(v) >= 100 ? formatCount(v) : formatSig(v));

export function SliceControls({ table }: { table: TableView }) {
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
        <SelectField label="Horizontal axis" value={String(a)} options={options} labels={labels} onChange={(v) => pick(0, v)} testId="slice-x" />
        <SelectField label="Vertical axis" value={String(b)} options={options} labels={labels} onChange={(v) => pick(1, v)} testId="slice-y" />
      </div>
      <p className="axis-note" data-testid="slice-axes">
        A slice: → {table.axes.x.name} {fmt(table.axes.x.min)} to {fmt(table.axes.x.max)}; ↑ {table.axes.y.name} {fmt(table.axes.y.min)} to{' '}
        {fmt(table.axes.y.max)}; every other input at its training mean.
      </p>
    </div>
  );
}
