// The boundary's axes, labelled for a projector: shown in presentation mode only, around the canvas
// (the 2-D sets' x₁ and x₂ from -6 to 6, or a table's two columns in their own units).
import { FEATURE_LABELS } from '../../shared/config';
import { DOMAIN } from '../../shared/datasets';
import { formatSig } from '../../shared/format';
import { usePage } from '../../page/pageStore';
import { useStore, type Store } from '../../store/store';

const selectAxes = (s: Store) => s.table?.axes ?? null;
const selectTable = (s: Store) => s.table !== null;

export function BoundaryAxes() {
  const present = usePage((s) => s.present);
  const axes = useStore(selectAxes);
  const table = useStore(selectTable);
  if (!present || (table && !axes)) return null;
  const x = axes ? { name: axes.x.name, min: formatSig(axes.x.min, 3), max: formatSig(axes.x.max, 3) } : { name: FEATURE_LABELS.x1, min: String(-DOMAIN), max: String(DOMAIN) };
  const y = axes ? { name: axes.y.name, min: formatSig(axes.y.min, 3), max: formatSig(axes.y.max, 3) } : { name: FEATURE_LABELS.x2, min: String(-DOMAIN), max: String(DOMAIN) };
  return (
    <div className="boundary-axes" data-testid="boundary-axes">
      <span className="ax ax-x-min">{x.min}</span>
      <span className="ax ax-x-name">{x.name}</span>
      <span className="ax ax-x-max">{x.max}</span>
      <span className="ax ax-y-max">{y.max}</span>
      <span className="ax ax-y-name">{y.name}</span>
      <span className="ax ax-y-min">{y.min}</span>
    </div>
  );
}
