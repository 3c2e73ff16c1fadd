// The controls a shared link can hide or lock, panel by panel (the share builder lists them). A
// control's id is its test id; per-layer controls (`units-0`, `dropout-1`, `l2-0`...) are named
// by their family (`units`, `dropout`, `l2`): hiding or locking the family covers every layer.
import type en from '../i18n/locales/en/classroom';
import type { PanelId } from './pageParams';

export type ControlLabelKey = keyof (typeof en)['controls'];

export interface ControlInfo {
  /** The control's test id (or its family's, for per-layer controls). */
  id: string;
  /** Its name in the `classroom` namespace: `controls.<label>`. */
  label: ControlLabelKey;
  panel: PanelId;
}

export const CONTROLS: readonly ControlInfo[] = [
  { id: 'problem', label: 'problem', panel: 'data' },
  { id: 'dataset', label: 'dataset', panel: 'data' },
  { id: 'samples', label: 'samples', panel: 'data' },
  { id: 'noise', label: 'noise', panel: 'data' },
  { id: 'seed', label: 'seed', panel: 'data' },
  { id: 'train-pct', label: 'trainPct', panel: 'data' },
  { id: 'val-pct', label: 'valPct', panel: 'data' },
  { id: 'features', label: 'features', panel: 'data' },
  { id: 'csv-file', label: 'csvFile', panel: 'data' },
  { id: 'images', label: 'images', panel: 'data' },
  { id: 'units', label: 'units', panel: 'model' },
  { id: 'activation', label: 'activation', panel: 'model' },
  { id: 'dropout', label: 'dropout', panel: 'model' },
  { id: 'add-layer', label: 'addLayer', panel: 'model' },
  { id: 'remove-layer', label: 'removeLayer', panel: 'model' },
  { id: 'init', label: 'init', panel: 'model' },
  { id: 'image-layers', label: 'imageLayers', panel: 'model' },
  { id: 'image-stack', label: 'imageStack', panel: 'model' },
  { id: 'loss', label: 'loss', panel: 'training' },
  { id: 'optimizer', label: 'optimizer', panel: 'training' },
  { id: 'lr', label: 'lr', panel: 'training' },
  { id: 'batch', label: 'batch', panel: 'training' },
  { id: 'momentum', label: 'momentum', panel: 'training' },
  { id: 'beta1', label: 'beta1', panel: 'training' },
  { id: 'beta2', label: 'beta2', panel: 'training' },
  { id: 'epsilon', label: 'epsilon', panel: 'training' },
  { id: 'schedule', label: 'schedule', panel: 'training' },
  { id: 'clip', label: 'clip', panel: 'training' },
  { id: 'backend-select', label: 'backend', panel: 'training' },
  { id: 'l1', label: 'l1', panel: 'regularization' },
  { id: 'l2', label: 'l2', panel: 'regularization' },
  { id: 'per-layer', label: 'perLayer', panel: 'regularization' },
  { id: 'jitter', label: 'jitter', panel: 'regularization' },
  { id: 'symmetry', label: 'symmetry', panel: 'regularization' },
  { id: 'show-augmented', label: 'showAugmented', panel: 'regularization' },
  { id: 'img-shift', label: 'imgShift', panel: 'regularization' },
  { id: 'img-rotate', label: 'imgRotate', panel: 'regularization' },
  { id: 'img-zoom', label: 'imgZoom', panel: 'regularization' },
  { id: 'img-noise', label: 'imgNoise', panel: 'regularization' },
  { id: 'img-flip', label: 'imgFlip', panel: 'regularization' },
  { id: 'patience', label: 'patience', panel: 'regularization' },
  { id: 'min-delta', label: 'minDelta', panel: 'regularization' },
  { id: 'restore-best', label: 'restoreBest', panel: 'regularization' },
];

/** The panels that hold listed controls, in page order. */
export const CONTROL_PANELS: readonly PanelId[] = [...new Set(CONTROLS.map((c) => c.panel))];

/** A per-layer control's family (`units-0` → `units`, `l2-1` → `l2`); null for other ids. */
export function controlFamily(id: string): string | null {
  const m = /^([A-Za-z][A-Za-z0-9-]*?)-\d+$/.exec(id);
  return m ? m[1] : null;
}
