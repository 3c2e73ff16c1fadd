// Every lesson's content: the two languages have the same shape, one check text per check, steps
// to follow, known concepts and controls, unique ids, and texts registered as i18next namespaces.
import { describe, expect, it } from 'vitest';
import { compareLanguages, type Tree } from '../i18n/compare';
import { i18n } from '../i18n/i18n';
import { LESSONS_A } from './data/courseA';
import { getLesson, lessonNs, LESSONS } from './registry';

describe('lesson content', () => {
  it('has lessons 1–5 in course order, then lessons 6–10 and the exercises, ids unique', () => {
    expect(LESSONS_A.map((l) => l.id)).toEqual(['tuning', 'splits', 'model', 'loss', 'optimizers']);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    const kinds = LESSONS.map((l) => l.kind);
    // Lessons first, exercises after.
    expect(kinds.indexOf('lesson')).toBe(0);
    expect(kinds.lastIndexOf('lesson')).toBeLessThan(kinds.includes('exercise') ? kinds.indexOf('exercise') : Infinity);
    expect(getLesson('splits')?.concepts).toEqual([8]);
  });

  for (const l of LESSONS) {
    describe(l.id, () => {
      it('has the same texts in English and Chinese', () => {
        expect(compareLanguages(l.text.en as unknown as Tree, l.text.zh as unknown as Tree)).toEqual([]);
        // Chinese, not English left in place.
        expect(l.text.zh.title).not.toBe(l.text.en.title);
        expect(l.text.zh.idea).toMatch(/[\u4e00-\u9fff]/);
      });

      it('has one check text per check, 2–4 checks, steps and a question with its answer', () => {
        expect(l.checks.length).toBeGreaterThanOrEqual(2);
        expect(l.checks.length).toBeLessThanOrEqual(4);
        for (const lang of ['en', 'zh'] as const) {
          const t = l.text[lang];
          expect(t.checks).toHaveLength(l.checks.length);
          expect(t.steps.length).toBeGreaterThanOrEqual(3);
          expect(t.steps.length).toBeLessThanOrEqual(6);
          for (const s of [...t.steps, ...t.checks, t.title, t.idea, t.question, t.answer]) expect(s.trim()).not.toBe('');
        }
      });

      it('names concepts of CONCEPTS.md, the controls it uses, and a set-up', () => {
        expect(l.concepts.length).toBeGreaterThan(0);
        for (const c of l.concepts) expect(c >= 1 && c <= 30 && Number.isInteger(c)).toBe(true);
        expect(l.controls.length).toBeGreaterThan(0);
        expect(l.setup.config.backend).toBeUndefined();
        // Small data, so a run shows its effect in seconds (on image sets: at most 500 training images).
        if (l.setup.config.dataset === 'digits') expect(l.setup.config.images ?? Infinity).toBeLessThanOrEqual(500);
        else expect(l.setup.config.samples ?? 500).toBeLessThanOrEqual(300);
      });

      it('is served by i18next in both languages', () => {
        expect(i18n.getResource('en', lessonNs(l.id), 'title')).toBe(l.text.en.title);
        expect(i18n.getResource('zh', lessonNs(l.id), 'checks')).toEqual(l.text.zh.checks);
      });
    });
  }
});
