// The Lessons panel: the course (lessons, then exercises, each ticked when completed) and the open
// lesson: its idea, one click that sets up the page, numbered steps, a question with its answer on
// request, and checks ticked live from the run. Loaded beside the page (App.tsx), with the lessons.
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { closeLesson, openLesson, setupLesson, useLessonState } from '../lessons/engine';
import { progress } from '../lessons/progress';
import { getLesson, lessonText, LESSONS } from '../lessons/registry';
import type { Lesson } from '../lessons/types';
import { usePanelShown } from '../page/useControl';
import { LessonChecks } from './LessonChecks';

const selectOpen = (s: { open: string | null }) => s.open;

/** Set when the student opens a lesson from the panel: its title then takes the focus (not on a link's load). */
let focusTitle = false;
const open = (id: string) => {
  focusTitle = true;
  openLesson(id);
};

function useProgress() {
  return useSyncExternalStore(
    (l) => progress.subscribe(l),
    () => progress.get(),
  );
}

function CourseList({ title, lessons, testId }: { title: string; lessons: Lesson[]; testId: string }) {
  const { t } = useTranslation('lessons');
  const p = useProgress();
  if (!lessons.length) return null;
  return (
    <div className="lesson-course-part">
      <h3>{title}</h3>
      <ol className="lesson-course" data-testid={testId}>
        {lessons.map((l) => {
          const done = p.completed.includes(l.id);
          return (
            <li key={l.id}>
              {/* A link, as the lesson is a place (`#lesson=<id>` opens it in a new tab too): its
                  title ("…the Overfit preset…") must not add a second "Reset" or "Overfit" button. */}
              <a
                className="lesson-link"
                href={`#lesson=${l.id}`}
                data-testid={`lesson-open-${l.id}`}
                onClick={(e) => {
                  e.preventDefault();
                  open(l.id);
                }}
              >
                <span className="lesson-tick" aria-hidden="true">
                  {done ? '✓' : '○'}
                </span>
                <span className="lesson-link-title">{lessonText(l).title}</span>
                {done && <span className="visually-hidden"> ({t('panel.completed')})</span>}
                <span className="lesson-concepts">{t('panel.concepts', { list: l.concepts.join(', ') })}</span>
              </a>
            </li>
          );
        })}
      </ol>
    </div>
  );
}

function OpenLesson({ lesson }: { lesson: Lesson }) {
  const { t } = useTranslation('lessons');
  const text = lessonText(lesson);
  const [setup, setSetup] = useState<'idle' | 'busy' | 'done'>('idle');
  const heading = useRef<HTMLHeadingElement>(null);
  const group = LESSONS.filter((l) => l.kind === lesson.kind);
  const index = group.indexOf(lesson);
  const all = LESSONS.indexOf(lesson);
  const prev = LESSONS[all - 1];
  const next = LESSONS[all + 1];

  useEffect(() => {
    if (focusTitle) heading.current?.focus();
    focusTitle = false;
  }, [lesson.id]);

  const doSetup = () => {
    setSetup('busy');
    setupLesson(lesson.id).then(
      () => setSetup('done'),
      () => setSetup('idle'),
    );
  };

  return (
    <article className="lesson" data-lesson={lesson.id} aria-labelledby="lesson-title">
      <p className="lesson-position">
        {t(lesson.kind === 'exercise' ? 'lesson.exercise' : 'lesson.position', { n: index + 1, total: group.length })} · {t('panel.concepts', { list: lesson.concepts.join(', ') })}
      </p>
      <h3 id="lesson-title" data-testid="lesson-title" tabIndex={-1} ref={heading}>
        {text.title}
      </h3>
      <p className="lesson-idea">{text.idea}</p>
      <div className="lesson-setup-row">
        <button type="button" className="primary" data-testid="lesson-setup" onClick={doSetup} disabled={setup === 'busy'}>
          {setup === 'busy' ? t('lesson.settingUp') : t('lesson.setup')}
        </button>
        <span className="hint" role="status">
          {setup === 'done' ? t('lesson.setupDone') : ''}
        </span>
      </div>
      <h4>{t('lesson.steps')}</h4>
      <ol className="lesson-steps">
        {text.steps.map((s, i) => (
          <li key={i} data-testid={`lesson-step-${i + 1}`}>
            {s}
          </li>
        ))}
      </ol>
      <h4>{t('lesson.question')}</h4>
      <p className="lesson-question">{text.question}</p>
      <details className="lesson-answer" data-testid="lesson-answer">
        <summary>{t('lesson.showAnswer')}</summary>
        <p>{text.answer}</p>
      </details>
      <h4>{t('lesson.checks')}</h4>
      <LessonChecks lesson={lesson} texts={text.checks} />
      <nav className="lesson-nav" aria-label={t('lesson.nav')}>
        <button type="button" data-testid="lesson-prev" disabled={!prev} onClick={() => prev && open(prev.id)}>
          ← {t('lesson.previous')}
        </button>
        <button
          type="button"
          data-testid="lesson-close"
          onClick={() => {
            closeLesson();
            // The button goes away with the lesson: the course list's heading takes the focus.
            document.getElementById('lessons-h')?.focus();
          }}
        >
          {t('lesson.close')}
        </button>
        <button type="button" data-testid="lesson-next" disabled={!next} onClick={() => next && open(next.id)}>
          {t('lesson.next')} →
        </button>
      </nav>
    </article>
  );
}

export function LessonPanel() {
  const { t } = useTranslation('lessons');
  const shown = usePanelShown('lessons');
  const openId = useLessonState(selectOpen);
  const p = useProgress();
  const lesson = openId ? getLesson(openId) : undefined;
  if (!shown) return null;
  const lessons = LESSONS.filter((l) => l.kind === 'lesson');
  const exercises = LESSONS.filter((l) => l.kind === 'exercise');
  const done = LESSONS.filter((l) => p.completed.includes(l.id)).length;
  return (
    <section className="panel lesson-panel" aria-labelledby="lessons-h" data-testid="lesson-panel" data-panel="lessons">
      <h2 id="lessons-h" tabIndex={-1}>
        {t('panel.title')} <span className="lesson-progress">{t('panel.progress', { done, total: LESSONS.length })}</span>
      </h2>
      {lesson ? (
        <OpenLesson key={lesson.id} lesson={lesson} />
      ) : (
        <>
          <p className="hint">{t('panel.intro')}</p>
          <CourseList title={t('panel.lessons')} lessons={lessons} testId="lesson-list" />
          <CourseList title={t('panel.exercises')} lessons={exercises} testId="exercise-list" />
        </>
      )}
    </section>
  );
}
export default LessonPanel;
