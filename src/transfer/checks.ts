// The three criteria for reusing a pretrained model, judged for a chosen source and target: a related task, good performance on the source, and compatible inputs and outputs.
// Plain data; the page shows them and the worker refuses an incompatible pair with the same words.
import { GOOD_SOURCE_ACCURACY, type BaseInfo } from '../shared/transferProtocol';
import type { TransferTask } from './tasks';
import { formatFixed, formatPercent } from '../shared/format';

export type CheckKey = 'related' | 'performance' | 'shapes';

export interface TransferCheck {
  key: CheckKey;
  title: string;
  /** true = met, false = not met, null = not known yet (no base pretrained). */
  ok: boolean | null;
  detail: string;
}

/** What a check needs to know about the source: its task, or a loaded base's description. */
export interface SourceSide {
  label: string;
  domain: string;
  domainLabel?: string;
  inputNames: readonly string[];
  /** 'image' for a CNN base or image task (a task gives its own kind; a base, 'image' when it is one). */
  kind?: TransferTask['kind'];
}

/** Why a base of one kind (images or rows of numbers) cannot read the other's examples, or null. */
export function kindMismatch(source: SourceSide, target: TransferTask): 'imageBase' | 'pointsBase' | null {
  const a = source.kind === 'image';
  const b = target.kind === 'image';
  return a === b ? null : a ? 'imageBase' : 'pointsBase';
}

function sameInputs(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

/** Why the base cannot be used for the target, or null when its inputs fit. */
export function incompatibility(source: SourceSide, target: TransferTask): string | null {
  const kinds = kindMismatch(source, target);
  if (kinds === 'imageBase') {
    return `The base is a convolutional network pretrained on 28 × 28 images; the target’s examples are rows of ${target.inputNames.length} numbers (${target.inputNames.join(', ')}), not images, so its layers cannot read them. Pick an image target, or a base pretrained on points or a table.`;
  }
  if (kinds === 'pointsBase') {
    return `The base reads rows of ${source.inputNames.length} numbers (${source.inputNames.join(', ')}); the target’s examples are 28 × 28 images, so its first layer cannot read them. Pick an image source (digits) and pretrain or load a base on it.`;
  }
  if (sameInputs(source.inputNames, target.inputNames)) return null;
  const missing = target.inputNames.filter((n) => !source.inputNames.includes(n));
  const extra = source.inputNames.filter((n) => !target.inputNames.includes(n));
  const parts = [
    `The base reads ${source.inputNames.length} inputs (${source.inputNames.join(', ')}), the target has ${target.inputNames.length} (${target.inputNames.join(', ')}).`,
  ];
  if (missing.length) parts.push(`The base has never seen ${missing.join(', ')}.`);
  if (extra.length) parts.push(`The target has no ${extra.join(', ')}.`);
  parts.push('Its first layer expects the source’s input features, so it cannot read the target’s examples: pick a source with the same input features.');
  return parts.join(' ');
}

/**
 * The three checks for `source` → `target`. `base` is the pretrained base when there is one for
 * this source (its validation accuracy decides the performance check).
 */
export function transferChecks(source: SourceSide, target: TransferTask, base: BaseInfo | null): TransferCheck[] {
  const related = source.domain === target.domain;
  const bad = incompatibility(source, target);
  const outputs = target.classNames.length === 2 ? 1 : target.classNames.length;
  const pct = (v: number) => formatPercent(v);
  return [
    {
      key: 'related',
      title: 'Related task',
      ok: related,
      detail: related
        ? `Both are ${target.domainLabel}: what the base learnt about the source should help on the target.`
        : `The source (${source.domainLabel ?? source.domain}) and the target (${target.domainLabel}) are different problems; transfer may not help, or may even hurt.`,
    },
    {
      key: 'performance',
      title: 'Good source performance',
      ok: base ? base.sourceValAcc >= GOOD_SOURCE_ACCURACY : null,
      detail: base
        ? `Validation accuracy on the source: ${pct(base.sourceValAcc)} (needs ≥ ${pct(GOOD_SOURCE_ACCURACY)}; loss ${formatFixed(base.sourceValLoss, 3)}).`
        : `Pretrain (or load) a base first; it should reach ≥ ${pct(GOOD_SOURCE_ACCURACY)} validation accuracy on the source.`,
    },
    {
      key: 'shapes',
      title: 'Compatible inputs and outputs',
      ok: bad === null,
      detail:
        bad === null && target.kind === 'image'
          ? `The same 28 × 28 greyscale images; a new head with ${outputs} outputs for the target's classes (${target.classNames.join(', ')}) replaces the base's.`
          : bad === null
          ? `Same ${source.inputNames.length} input features (${source.inputNames.join(', ')}); a new head with ${outputs} output${outputs === 1 ? '' : 's'} for the target's ${target.classNames.length} classes replaces the base's.`
          : bad,
    },
  ];
}
