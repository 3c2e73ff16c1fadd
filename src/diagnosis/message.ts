// A text kept as a key of the `diagnosis` namespace and its parameters (which may be texts
// themselves), so the page renders it in the language shown now and re-renders it on a switch,
// while `diagnose` stays pure and its English `evidence` string stays what tests and scripts read.
import { i18n } from '../i18n/i18n';

export type MsgParam = string | number | Msg;
export interface Msg {
  key: string;
  params?: Record<string, MsgParam>;
}

export const msg = (key: string, params?: Record<string, MsgParam>): Msg => (params ? { key, params } : { key });

const tr = i18n.t as unknown as (key: string, options: Record<string, unknown>) => string;

/** The text in `lng` (default: the language shown now). */
export function renderMsg(m: MsgParam, lng?: string): string {
  if (typeof m !== 'object') return String(m);
  const values: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(m.params ?? {})) values[k] = k === 'count' && typeof v === 'number' ? v : renderMsg(v, lng);
  return tr(m.key, { ns: 'diagnosis', ...(lng ? { lng } : {}), ...values });
}

/** English, as the `evidence` string keeps it. */
export const english = (m: Msg): string => renderMsg(m, 'en');
