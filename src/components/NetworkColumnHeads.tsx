// The network diagram's column headers: name, units and activation of each column, and for hidden
// layers −/+ units and remove, with "+ layer" at the end. They change the config through the same
// helpers as the Model panel (modelEdits.ts), so both stay one mechanism.
import { columnName, NEURON, PITCH } from '../network/diagram';
import { MAX_LAYERS, RANGES, type Activation, type ExperimentConfig } from '../shared/config';
import { useStore } from '../store/store';
import { change } from './change';
import { addLayer, removeLayer, setLayerUnits } from './modelEdits';
import { useGate } from '../page/gate';
import { useTranslation } from 'react-i18next';

// Applied to the config being edited (not the run on screen), so quick clicks add up.
function editLayers(make: (c: ExperimentConfig) => Partial<ExperimentConfig> | null): void {
  const patch = make(useStore.getState().config);
  if (patch) change(patch);
}

interface Props {
  /** Units per column: inputs, hidden layers, output. */
  units: number[];
  activations: readonly Activation[];
  /** Per hidden layer: batch norm on (marked "BN" after the activation). */
  batchnorm?: readonly boolean[];
  output: string;
  /** Left edge of each column's neurons (layoutDiagram). */
  x: number[];
}

export function NetworkColumnHeads({ units, activations, batchnorm, output, x }: Props) {
  const { t } = useTranslation('network');
  const cols = units.length;
  // A shared link that hides or locks these in the Model panel keeps them fixed here too.
  const unitsGate = useGate('units');
  const removeGate = useGate('remove-layer');
  const addGate = useGate('add-layer');
  const fixedUnits = unitsGate.hidden || unitsGate.locked;
  const fixedRemove = removeGate.hidden || removeGate.locked;
  const fixedAdd = addGate.hidden || addGate.locked;
  const heads = units.map((n, c) => {
    const hidden = c > 0 && c < cols - 1;
    const act = c === 0 ? null : hidden ? activations[c - 1] : output;
    return (
      <div key={`h-${c}`} className="net-col-head" style={{ left: x[c] + NEURON / 2 - (PITCH - 10) / 2, width: PITCH - 10 }} data-testid={`layer-head-${c}`}>
        <strong>{columnName(c, cols)}</strong>
        <span>
          {t(c === 0 ? 'head.inputs' : 'head.units', { count: n })}
          {act ? ` · ${act}` : ''}
          {hidden && batchnorm?.[c - 1] && (
            <>
              {' · '}
              <abbr title={t('head.batchnorm')} data-testid={`layer-bn-${c}`}>
                BN
              </abbr>
            </>
          )}
        </span>
        {hidden && (
          <span className="net-col-buttons">
            <button
              type="button"
              className="icon"
              aria-label={t('head.fewer', { n: c })}
              data-testid={`layer-minus-${c}`}
              disabled={fixedUnits || n <= RANGES.units.min}
              onClick={() => editLayers((cf) => setLayerUnits(cf, c - 1, cf.layers[c - 1] - 1))}
            >
              −
            </button>
            <button
              type="button"
              className="icon"
              aria-label={t('head.more', { n: c })}
              data-testid={`layer-plus-${c}`}
              disabled={fixedUnits || n >= RANGES.units.max}
              onClick={() => editLayers((cf) => setLayerUnits(cf, c - 1, cf.layers[c - 1] + 1))}
            >
              +
            </button>
            <button
              type="button"
              className="icon"
              aria-label={t('head.remove', { n: c })}
              data-testid={`layer-remove-${c}`}
              disabled={fixedRemove}
              onClick={() => editLayers((cf) => removeLayer(cf, c - 1))}
            >
              ✕
            </button>
          </span>
        )}
      </div>
    );
  });

  return (
    <>
      {heads}
      <button
        type="button"
        className="net-add-layer"
        style={{ left: x[cols - 1] + NEURON / 2 + PITCH / 2 - 4 }}
        disabled={fixedAdd || cols - 2 >= MAX_LAYERS}
        aria-label={t('head.addAria')}
        data-testid="layer-add"
        onClick={() => editLayers(addLayer)}
      >
        {t('head.add')}
      </button>
    </>
  );
}
