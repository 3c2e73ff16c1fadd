// Every lesson and exercise of the course, in order: lessons 1–5 (courseA), 6–10 (courseB), then
// the exercises. Each lesson's texts are registered into i18next as the namespace `lesson-<id>`
// in English and Chinese, so the panel reads them like any other string (language switch included).
import { i18n } from '../i18n/i18n';
import { LESSONS_A } from './data/courseA';
import { LESSONS_B } from './data/courseB';
import { EXERCISES } from './data/exercises';
import type { Lesson, LessonText } from './types';

export const LESSONS: Lesson[] = [...LESSONS_A, ...LESSONS_B, ...EXERCISES];

const BY_ID = new Map(LESSONS.map((l) => [l.id, l]));

export function getLesson(id: string): Lesson | undefined {
  return BY_ID.get(id);
}

/** The i18next namespace of a lesson's texts. */
export const lessonNs = (id: string): string => `lesson-${id}`;

/** Adds every lesson's texts to i18next (once; later calls do nothing). */
export function registerLessonTexts(): void {
  for (const l of LESSONS) {
    for (const lang of ['en', 'zh'] as const) {
      if (!i18n.hasResourceBundle(lang, lessonNs(l.id))) i18n.addResourceBundle(lang, lessonNs(l.id), l.text[lang], true, false);
    }
  }
}

/** A lesson's texts in the page's language now (English when the id is unknown to i18next). */
export function lessonText(l: Lesson): LessonText {
  const lang = i18n.language === 'zh' ? 'zh' : 'en';
  return (i18n.getResourceBundle(lang, lessonNs(l.id)) as LessonText | undefined) ?? l.text[lang];
}

registerLessonTexts();
