// The engine: opening a lesson highlights its controls and follows the link; checks tick live from
// the store and the log; sticky ones stay met until the lesson is set up again; set-up applies the
// lesson's config over the defaults, keeping the backend.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStore } from '../store/store';
import { usePage } from '../page/pageStore';
import { initialStore, newRun, trainTo } from './testStore';

const { closeLesson, connectClient, lessonStatus, listLessons, openLesson, setupLesson, useLessonState } = await import('./engine');
const { progress } = await import('./progress');
const { LESSONS } = await import('./registry');
const { i18n } = await import('../i18n/i18n');

// The training client as far as set-up uses it: the config is applied to the store.
connectClient({
  pause: async () => {},
  changeConfig: async (patch: unknown) => {
    useStore.getState().applyConfig(patch);
  },
});

const passed = (id: string) => lessonStatus(id).checks.map((c) => c.passed);

describe('lesson engine', () => {
  beforeEach(() => {
    useStore.setState(initialStore, true);
    closeLesson();
  });
  afterEach(() => closeLesson());

  it('opens a lesson: the link names it, its controls are highlighted; closing clears both', () => {
    openLesson('splits');
    expect(usePage.getState().lesson).toBe('splits');
    expect(usePage.getState().highlight).toEqual(LESSONS.find((l) => l.id === 'splits')!.controls);
    expect(useLessonState.getState().open).toBe('splits');
    closeLesson();
    expect(usePage.getState().lesson).toBeNull();
    expect(usePage.getState().highlight).toBeNull();
    expect(() => openLesson('nope')).toThrow(/No lesson "nope"/);
  });

  it('follows the link: a lesson key opens it, removing it closes', () => {
    usePage.getState().setPage({ lesson: 'model' });
    expect(useLessonState.getState().open).toBe('model');
    usePage.getState().setPage({ lesson: null });
    expect(useLessonState.getState().open).toBeNull();
  });

  it('ticks checks live; sticky ones stay met, others follow the state, until the lesson is set up again', async () => {
    useStore.getState().applyConfig({ backend: 'cpu' });
    await setupLesson('splits');
    // Set up over the defaults, the backend kept.
    expect(useStore.getState().config).toMatchObject({ backend: 'cpu', trainPct: 70, valPct: 10, samples: 200, epochs: 30 });
    expect(passed('splits')).toEqual([false, false, true]);
    expect(useLessonState.getState().passed).toEqual([false, false, true]);

    newRun({ ...useStore.getState().config, trainPct: 55, valPct: 25 });
    expect(passed('splits')).toEqual([true, false, true]);
    trainTo(30, (e) => 0.7 / (1 + e));
    expect(useLessonState.getState().passed).toEqual([true, true, true]);
    expect(progress.isCompleted('splits')).toBe(true);

    // A wrong action: the test set evaluated during the lesson (not sticky: stays unticked).
    useStore.getState().setTest({ loss: 0.3, accuracy: 0.9, n: 40 });
    expect(passed('splits')).toEqual([true, true, false]);
    // Validation share back to 10%: check 1 follows, check 2 (sticky) stays met.
    useStore.getState().applyConfig({ trainPct: 70, valPct: 10 });
    expect(useLessonState.getState().passed).toEqual([false, true, false]);

    // Set up again: a fresh log, sticky checks cleared.
    await setupLesson('splits');
    expect(passed('splits')).toEqual([false, false, true]);
    expect(progress.get().checks.splits).toEqual([0, 1, 2]);
  });

  it('answers status for a lesson that is not open from the live store alone', () => {
    openLesson('tuning');
    useStore.getState().applyConfig({ valPct: 30 });
    expect(passed('splits')).toEqual([true, false, true]);
    expect(lessonStatus('splits').checks[0].text).toBe('The validation set holds at least 20% of the data.');
  });

  it('lists the course with titles in the page\u2019s language', async () => {
    const list = listLessons();
    expect(list.map((l) => l.id).slice(0, 5)).toEqual(['tuning', 'splits', 'model', 'loss', 'optimizers']);
    expect(list[0]).toEqual({ id: 'tuning', title: 'What tuning is', concepts: [1, 26] });
    await i18n.changeLanguage('zh');
    expect(listLessons()[0].title).toBe('什么是调优');
    expect(lessonStatus('splits').checks[0].text).toBe('验证集至少占数据的 20%。');
    await i18n.changeLanguage('en');
  });
});
