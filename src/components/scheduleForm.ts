// The schedule control's form: the canonical schedule text (config.schedule, the link's `schedule`)
// as a kind and its numbers, and back. Pure, so it is unit-tested apart from React.
import { formatSchedule, parseSchedule, type Schedule, type ScheduleError, type ScheduleKind } from '../shared/schedule';

/** The form's fields as typed (text), so a half-typed number is kept while it is being fixed. */
export interface ScheduleForm {
  kind: ScheduleKind;
  /** step: epochs between drops; cosine: epochs to reach 0. */
  every: string;
  /** step: the factor at each drop; exp: the factor per epoch. */
  factor: string;
  /** Epochs of linear warm-up; '' or '0' for none. */
  warmup: string;
}

export type ScheduleField = 'every' | 'factor' | 'warmup';

/** The numbers a kind starts with when it is picked (the examples; cosine over the epoch budget when one is set). */
export function defaultsFor(kind: ScheduleKind, budget = 0): Pick<ScheduleForm, 'every' | 'factor'> {
  switch (kind) {
    case 'step':
      return { every: '100', factor: '0.5' };
    case 'exp':
      return { every: '', factor: '0.99' };
    case 'cosine':
      return { every: String(budget > 0 ? Math.min(budget, 100000) : 500), factor: '' };
    case 'constant':
      return { every: '', factor: '' };
  }
}

/** The form of a schedule's text (an unreadable text shows as constant, as the Trainer reads it). */
export function formOf(text: string): ScheduleForm {
  const p = parseSchedule(text);
  const s: Schedule = p.ok ? p.value : { warmup: 0, kind: 'constant', every: 0, factor: 1 };
  return {
    kind: s.kind,
    every: s.kind === 'step' || s.kind === 'cosine' ? String(s.every) : '',
    factor: s.kind === 'step' || s.kind === 'exp' ? String(s.factor) : '',
    warmup: s.warmup > 0 ? String(s.warmup) : '',
  };
}

/** Which field an error of parseSchedule is about. */
const FIELD_OF: Record<ScheduleError, ScheduleField | null> = { form: null, warmup: 'warmup', every: 'every', epochs: 'every', factor: 'factor', gamma: 'factor' };

/**
 * The schedule text of a form, canonical, or the error (a key of the schema namespace's
 * `schedule.*` messages, the link's own) and the field it is about.
 */
export function textOf(f: ScheduleForm): { ok: true; text: string } | { ok: false; error: ScheduleError; field: ScheduleField | null } {
  const w = f.warmup.trim();
  const warm = w === '' || w === '0' ? '' : `warmup:${w}+`;
  const main = f.kind === 'constant' ? 'constant' : f.kind === 'step' ? `step:${f.every.trim()}:${f.factor.trim()}` : f.kind === 'exp' ? `exp:${f.factor.trim()}` : `cosine:${f.every.trim()}`;
  // A field left empty or holding a separator would change the text's shape: say which number is wrong.
  const bad = (v: string) => v.trim() === '' || /[:+\s]/.test(v.trim());
  if (warm && bad(w)) return { ok: false, error: 'warmup', field: 'warmup' };
  if ((f.kind === 'step' || f.kind === 'cosine') && bad(f.every)) return { ok: false, error: f.kind === 'step' ? 'every' : 'epochs', field: 'every' };
  if ((f.kind === 'step' || f.kind === 'exp') && bad(f.factor)) return { ok: false, error: f.kind === 'step' ? 'factor' : 'gamma', field: 'factor' };
  const p = parseSchedule(warm + main);
  if (!p.ok) return { ok: false, error: p.error, field: FIELD_OF[p.error] };
  return { ok: true, text: formatSchedule(p.value) };
}

/** Words around the formula, in the page's language (the training namespace's `schedule.formula*`). */
export interface FormulaWords {
  zeroAfter: (epochs: number) => string;
  warmupThen: (warmup: number, rest: string) => string;
}

/** The rate's formula for epoch e (from 0) with the current numbers, e.g. "αₑ = α · 0.5^⌊e/100⌋". */
export function scheduleFormula(text: string, words: FormulaWords): string {
  const p = parseSchedule(text);
  if (!p.ok) return 'αₑ = α';
  const s = p.value;
  const e = s.warmup > 0 ? `(e − ${s.warmup})` : 'e';
  const main =
    s.kind === 'constant'
      ? 'αₑ = α'
      : s.kind === 'step'
        ? `αₑ = α · ${s.factor}^⌊${e}/${s.every}⌋`
        : s.kind === 'exp'
          ? `αₑ = α · ${s.factor}^${e}`
          : `αₑ = α · ½(1 + cos(π·${e}/${s.every}))${words.zeroAfter(s.every)}`;
  return s.warmup > 0 ? words.warmupThen(s.warmup, main) : main;
}
