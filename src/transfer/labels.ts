// Transfer learning's words in the page's language (main thread only: checks.ts and tasks.ts are
// shared with the worker and stay free of i18n; their English is the same text as here).
import { t } from '../i18n/i18n';
import { GOOD_SOURCE_ACCURACY, type BaseInfo, type TransferMethod } from '../shared/transferProtocol';
import { formatFixed, formatPercent } from '../shared/format';
import { incompatibility, kindMismatch, transferChecks, type SourceSide, type TransferCheck } from './checks';
import { TRANSFER_TASKS, type TransferTask } from './tasks';

type TaskKey = keyof typeof import('../i18n/locales/en/transfer').default.tasks;
type DomainKey = keyof typeof import('../i18n/locales/en/transfer').default.domains;

const known = (key: string): key is TaskKey => TRANSFER_TASKS.some((k) => k.key === key);
const knownDomain = (d: string): d is DomainKey => ['circle', 'spiral', 'moons', 'xor', 'penguin-sex', 'iris-species', 'digits'].includes(d);

export function taskLabel(task: TransferTask): string {
  return known(task.key) ? t(`transfer:tasks.${task.key}.label`) : task.label;
}

export function taskDescription(task: TransferTask): string {
  return known(task.key) ? t(`transfer:tasks.${task.key}.description`) : task.description;
}

/** A base's source task by name: the task's own label where it is one of ours. */
export function baseSourceLabel(base: Pick<BaseInfo, 'source' | 'sourceLabel'>): string {
  return known(base.source) ? t(`transfer:tasks.${base.source}.label`) : base.sourceLabel;
}

function domainText(domain: string, fallback: string): string {
  return knownDomain(domain) ? t(`transfer:domains.${domain}`) : fallback;
}

export function methodLabel(m: TransferMethod): string {
  return t(`transfer:methods.${m}`);
}

/** incompatibility() in the page's language. */
export function incompatibilityText(source: SourceSide, target: TransferTask): string | null {
  if (incompatibility(source, target) === null) return null;
  const kinds = kindMismatch(source, target);
  if (kinds === 'imageBase') return t('transfer:check.imageBase', { m: target.inputNames.length, targetNames: target.inputNames.join(', ') });
  if (kinds === 'pointsBase') return t('transfer:check.pointsBase', { n: source.inputNames.length, names: source.inputNames.join(', ') });
  const missing = target.inputNames.filter((n) => !source.inputNames.includes(n));
  const extra = source.inputNames.filter((n) => !target.inputNames.includes(n));
  const parts: string[] = [
    t('transfer:check.inputs', { n: source.inputNames.length, names: source.inputNames.join(', '), m: target.inputNames.length, targetNames: target.inputNames.join(', ') }),
  ];
  if (missing.length) parts.push(t('transfer:check.neverSeen', { names: missing.join(', ') }));
  if (extra.length) parts.push(t('transfer:check.noSuch', { names: extra.join(', ') }));
  parts.push(t('transfer:check.firstLayer'));
  return parts.join(' ');
}

/** transferChecks() with its titles and details in the page's language. */
export function transferChecksText(source: SourceSide, target: TransferTask, base: BaseInfo | null): TransferCheck[] {
  const pct = (v: number) => formatPercent(v);
  const bad = incompatibilityText(source, target);
  const outputs = target.classNames.length === 2 ? 1 : target.classNames.length;
  return transferChecks(source, target, base).map((c) => {
    const title = t(`transfer:check.${c.key}`);
    if (c.key === 'related') {
      const detail = c.ok
        ? t('transfer:check.relatedYes', { domain: domainText(target.domain, target.domainLabel) })
        : t('transfer:check.relatedNo', { source: domainText(source.domain, source.domainLabel ?? source.domain), target: domainText(target.domain, target.domainLabel) });
      return { ...c, title, detail };
    }
    if (c.key === 'performance') {
      const detail = base
        ? t('transfer:check.performanceYes', { acc: pct(base.sourceValAcc), need: pct(GOOD_SOURCE_ACCURACY), loss: formatFixed(base.sourceValLoss, 3) })
        : t('transfer:check.performanceUnknown', { need: pct(GOOD_SOURCE_ACCURACY) });
      return { ...c, title, detail };
    }
    if (!bad && target.kind === 'image') return { ...c, title, detail: t('transfer:check.shapesImage', { count: outputs, classes: target.classNames.join(', ') }) };
    const detail = bad ?? t('transfer:check.shapesYes', { n: source.inputNames.length, names: source.inputNames.join(', '), count: outputs, classes: target.classNames.length });
    return { ...c, title, detail };
  });
}
