// Learning-rate schedules: the rate of each epoch from the base rate (the Training panel's
// learning rate, which live edits change) and a schedule written as in the link:
//   constant                 the base rate every epoch
//   step:E:F                 × F every E epochs (step decay), e.g. step:100:0.5
//   exp:G                    × G each epoch (exponential decay), e.g. exp:0.99
//   cosine:T                 half a cosine from the base rate down to 0 over T epochs, then 0
//   warmup:W+<one of these>  first a linear warm-up over W epochs (epoch e uses (e+1)/W of the
//                            rate), then the schedule, its epochs counted from the warm-up's end;
//                            warmup:W alone warms up to a constant rate.
// Pure, no tfjs: the worker (Trainer, race, export), the page's chart and the schema use it.

export type ScheduleKind = 'constant' | 'step' | 'exp' | 'cosine';

export interface Schedule {
  /** Epochs of linear warm-up (0 = none). */
  warmup: number;
  kind: ScheduleKind;
  /** step: epochs between drops. cosine: epochs to reach 0. */
  every: number;
  /** step: the factor at each drop. exp: the factor per epoch. */
  factor: number;
}

export const CONSTANT: Schedule = { warmup: 0, kind: 'constant', every: 0, factor: 1 };

export const SCHEDULE_KINDS: readonly ScheduleKind[] = ['constant', 'step', 'exp', 'cosine'];

/** Limits of a schedule's numbers. */
export const SCHEDULE_LIMITS = {
  warmup: { min: 1, max: 100000 },
  every: { min: 1, max: 100000 },
  factor: { min: 0, max: 1 },
} as const;

/** Why a text is not a schedule (English; the schema turns it into the page's language by key). */
export type ScheduleError = 'form' | 'warmup' | 'every' | 'factor' | 'epochs' | 'gamma';

const isWhole = (s: string, min: number, max: number) => /^\d{1,9}$/.test(s) && Number(s) >= min && Number(s) <= max;
/** A factor in (0, 1]. */
const isFactor = (s: string) => /^(\d+(\.\d*)?|\.\d+)(e-?\d+)?$/i.test(s) && Number(s) > 0 && Number(s) <= 1;

/** Reads a schedule's text; `constant` or an empty text is the constant rate. */
export function parseSchedule(text: string): { ok: true; value: Schedule } | { ok: false; error: ScheduleError } {
  const t = text.trim().toLowerCase().replace(/\s+/g, '');
  if (t === '' || t === 'constant') return { ok: true, value: { ...CONSTANT } };
  const parts = t.split('+');
  if (parts.length > 2) return { ok: false, error: 'form' };
  let warmup = 0;
  if (parts[0].startsWith('warmup:')) {
    const w = parts.shift()!.slice('warmup:'.length);
    if (!isWhole(w, SCHEDULE_LIMITS.warmup.min, SCHEDULE_LIMITS.warmup.max)) return { ok: false, error: 'warmup' };
    warmup = Number(w);
  } else if (parts.length > 1) return { ok: false, error: 'form' };
  if (parts.length === 0) return { ok: true, value: { ...CONSTANT, warmup } };
  const [kind, ...args] = parts[0].split(':');
  switch (kind) {
    case 'constant':
      if (args.length) return { ok: false, error: 'form' };
      return { ok: true, value: { ...CONSTANT, warmup } };
    case 'step':
      if (args.length !== 2) return { ok: false, error: 'form' };
      if (!isWhole(args[0], SCHEDULE_LIMITS.every.min, SCHEDULE_LIMITS.every.max)) return { ok: false, error: 'every' };
      if (!isFactor(args[1])) return { ok: false, error: 'factor' };
      return { ok: true, value: { warmup, kind, every: Number(args[0]), factor: Number(args[1]) } };
    case 'exp':
      if (args.length !== 1) return { ok: false, error: 'form' };
      if (!isFactor(args[0])) return { ok: false, error: 'gamma' };
      return { ok: true, value: { warmup, kind, every: 0, factor: Number(args[0]) } };
    case 'cosine':
      if (args.length !== 1) return { ok: false, error: 'form' };
      if (!isWhole(args[0], SCHEDULE_LIMITS.every.min, SCHEDULE_LIMITS.every.max)) return { ok: false, error: 'epochs' };
      return { ok: true, value: { warmup, kind, every: Number(args[0]), factor: 1 } };
    default:
      return { ok: false, error: 'form' };
  }
}

/** The schedule as the link writes it (parseSchedule reads it back to the same schedule). */
export function formatSchedule(s: Schedule): string {
  const main = s.kind === 'constant' ? 'constant' : s.kind === 'step' ? `step:${s.every}:${s.factor}` : s.kind === 'exp' ? `exp:${s.factor}` : `cosine:${s.every}`;
  if (s.warmup === 0) return main;
  return s.kind === 'constant' ? `warmup:${s.warmup}` : `warmup:${s.warmup}+${main}`;
}

/** The text in its canonical form, or null when it is not a schedule. */
export function canonicalSchedule(text: string): string | null {
  const p = parseSchedule(text);
  return p.ok ? formatSchedule(p.value) : null;
}

/**
 * The factor on the base rate for epoch `epoch` (0-based: the epoch being trained), so the
 * rate of that epoch is base × scheduleFactor(s, epoch).
 */
export function scheduleFactor(s: Schedule, epoch: number): number {
  const e = Math.max(0, Math.floor(epoch));
  if (e < s.warmup) return (e + 1) / s.warmup;
  const t = e - s.warmup;
  switch (s.kind) {
    case 'constant':
      return 1;
    case 'step':
      return Math.pow(s.factor, Math.floor(t / s.every));
    case 'exp':
      return Math.pow(s.factor, t);
    case 'cosine':
      return t >= s.every ? 0 : 0.5 * (1 + Math.cos((Math.PI * t) / s.every));
  }
}

/** The learning rate of epoch `epoch` for a base rate and a schedule's text (constant when unreadable). */
export function rateAt(base: number, schedule: string, epoch: number): number {
  const p = parseSchedule(schedule);
  return p.ok ? base * scheduleFactor(p.value, epoch) : base;
}

/** Whether a schedule changes the rate at all. */
export function isConstant(schedule: string): boolean {
  const p = parseSchedule(schedule);
  return !p.ok || (p.value.kind === 'constant' && p.value.warmup === 0);
}
