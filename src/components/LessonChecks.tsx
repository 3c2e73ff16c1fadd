// The open lesson's checks, each ticked live (data-passed) as the run meets it.
import { useTranslation } from 'react-i18next';
import { useLessonState } from '../lessons/engine';
import type { Lesson } from '../lessons/types';

const selectPassed = (s: { passed: boolean[] }) => s.passed;

export function LessonChecks({ lesson, texts }: { lesson: Lesson; texts: string[] }) {
  const { t } = useTranslation('lessons');
  const passed = useLessonState(selectPassed);
  const all = lesson.checks.length > 0 && lesson.checks.every((_, i) => passed[i]);
  return (
    <>
      <ul className="lesson-checks" aria-live="polite">
        {lesson.checks.map((_, i) => {
          const ok = passed[i] === true;
          return (
            <li key={i} data-testid={`lesson-check-${i + 1}`} data-passed={ok ? 'true' : 'false'} className={ok ? 'lesson-check passed' : 'lesson-check'}>
              <span className="lesson-check-mark" aria-hidden="true">
                {ok ? '✓' : '○'}
              </span>
              <span>{texts[i]}</span>
              <span className="visually-hidden"> ({ok ? t('lesson.met') : t('lesson.notYet')})</span>
            </li>
          );
        })}
      </ul>
      {all && (
        <p className="lesson-complete" data-testid="lesson-complete">
          {t('lesson.allMet')}
        </p>
      )}
    </>
  );
}
