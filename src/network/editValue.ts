// What the weight and bias editor accepts: a finite number of sensible size. The reason for a
// refusal is in the language shown now.
import { t as tr } from '../i18n/i18n';

/** Beyond this a single weight only saturates or blows up the model: refused as a likely typo. */
export const MAX_EDIT = 1000;

/** The number typed, or why it is refused. */
export function parseEdit(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(/^−/, '-');
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) return { error: tr('editor.notNumber', { ns: 'network' }) };
  if (Math.abs(v) > MAX_EDIT) return { error: tr('editor.range', { ns: 'network', max: MAX_EDIT }) };
  return { value: v };
}
