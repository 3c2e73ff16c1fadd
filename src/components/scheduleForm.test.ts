import { describe, expect, it } from 'vitest';
import { defaultsFor, formOf, scheduleFormula, textOf, type ScheduleForm } from './scheduleForm';

const form = (over: Partial<ScheduleForm>): ScheduleForm => ({ kind: 'constant', every: '', factor: '', warmup: '', ...over });
const words = { zeroAfter: (n: number) => `, 0 after ${n}`, warmupThen: (w: number, rest: string) => `(e+1)/${w} first; then ${rest}` };

describe('the schedule form', () => {
  it('reads each kind of schedule text into its fields and writes it back canonically', () => {
    for (const text of ['constant', 'step:100:0.5', 'exp:0.99', 'cosine:500', 'warmup:20', 'warmup:20+cosine:500', 'warmup:3+step:10:0.1']) {
      const f = formOf(text);
      expect(textOf(f), text).toEqual({ ok: true, text });
    }
    expect(formOf('warmup:20+cosine:500')).toEqual({ kind: 'cosine', every: '500', factor: '', warmup: '20' });
    expect(formOf('step:100:0.5')).toEqual({ kind: 'step', every: '100', factor: '0.5', warmup: '' });
    expect(formOf('nonsense').kind).toBe('constant');
  });

  it('treats an empty or zero warm-up as none, and trims spaces', () => {
    expect(textOf(form({ kind: 'exp', factor: ' 0.9 ', warmup: '0' }))).toEqual({ ok: true, text: 'exp:0.9' });
    expect(textOf(form({ kind: 'cosine', every: '50', warmup: ' 5 ' }))).toEqual({ ok: true, text: 'warmup:5+cosine:50' });
  });

  it('names the field of a bad number, with the link’s error key', () => {
    expect(textOf(form({ kind: 'step', every: '10', factor: '2' }))).toEqual({ ok: false, error: 'factor', field: 'factor' });
    expect(textOf(form({ kind: 'step', every: '1.5', factor: '0.5' }))).toEqual({ ok: false, error: 'every', field: 'every' });
    expect(textOf(form({ kind: 'step', every: '', factor: '0.5' }))).toEqual({ ok: false, error: 'every', field: 'every' });
    expect(textOf(form({ kind: 'exp', factor: 'abc' }))).toEqual({ ok: false, error: 'gamma', field: 'factor' });
    expect(textOf(form({ kind: 'exp', factor: '0' }))).toEqual({ ok: false, error: 'gamma', field: 'factor' });
    expect(textOf(form({ kind: 'cosine', every: '0' }))).toEqual({ ok: false, error: 'epochs', field: 'every' });
    expect(textOf(form({ kind: 'cosine', every: '5:5' }))).toEqual({ ok: false, error: 'epochs', field: 'every' });
    expect(textOf(form({ kind: 'cosine', every: '50', warmup: '-2' }))).toEqual({ ok: false, error: 'warmup', field: 'warmup' });
  });

  it('starts a kind with the issue’s example numbers; cosine over the epoch budget when one is set', () => {
    expect(textOf(form({ kind: 'step', ...defaultsFor('step') }))).toEqual({ ok: true, text: 'step:100:0.5' });
    expect(textOf(form({ kind: 'exp', ...defaultsFor('exp') }))).toEqual({ ok: true, text: 'exp:0.99' });
    expect(textOf(form({ kind: 'cosine', ...defaultsFor('cosine') }))).toEqual({ ok: true, text: 'cosine:500' });
    expect(textOf(form({ kind: 'cosine', ...defaultsFor('cosine', 80) }))).toEqual({ ok: true, text: 'cosine:80' });
  });

  it('writes the rate’s formula with the current numbers', () => {
    expect(scheduleFormula('constant', words)).toBe('αₑ = α');
    expect(scheduleFormula('step:100:0.5', words)).toBe('αₑ = α · 0.5^⌊e/100⌋');
    expect(scheduleFormula('exp:0.99', words)).toBe('αₑ = α · 0.99^e');
    expect(scheduleFormula('cosine:500', words)).toBe('αₑ = α · ½(1 + cos(π·e/500)), 0 after 500');
    expect(scheduleFormula('warmup:5+exp:0.9', words)).toBe('(e+1)/5 first; then αₑ = α · 0.9^(e − 5)');
  });
});
