// The lesson engine: opens a lesson (the link's `lesson` key, the controls it uses highlighted),
// applies its set-up, records what the student does from then on (log.ts), and ticks its checks
// from the live store and that log. Sticky checks stay ticked once met until the lesson is set up
// again; every check ever met, and every lesson completed, is kept in the browser (progress.ts).
import { create } from 'zustand';
import type { TrainingClient } from '../client/trainingClient';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { errorText } from '../shared/errorText';
import { usePage } from '../page/pageStore';
import { t } from '../i18n/i18n';
import { useStore, type Store } from '../store/store';
import { emptyLog, startRecorder, type Recorder } from './log';
import { progress } from './progress';
import { getLesson, lessonText, LESSONS } from './registry';
import type { Lesson, LessonLog } from './types';

export interface CheckStatus {
  text: string;
  passed: boolean;
}

export interface LessonState {
  /** The open lesson's id, or null. */
  open: string | null;
  /** Whether each check of the open lesson is ticked now. */
  passed: boolean[];
}

/** What the panel shows; updated as the store changes. */
export const useLessonState = create<LessonState>()(() => ({ open: null, passed: [] }));

/** The page's training client, handed over by load.ts (a static import would pull it out of the main bundle). */
let client: Pick<TrainingClient, 'pause' | 'changeConfig'> | null = null;

export function connectClient(c: Pick<TrainingClient, 'pause' | 'changeConfig'>): void {
  client = c;
}

let recorder: Recorder | null = null;
/** Sticky checks met since the lesson was opened or set up. */
let sticky: boolean[] = [];

function evaluate(lesson: Lesson, s: Store, log: LessonLog, met: boolean[]): boolean[] {
  return lesson.checks.map((c, i) => {
    if (c.sticky && met[i]) return true;
    try {
      return c.passed(s, log);
    } catch {
      return false;
    }
  });
}

/** Re-computes the open lesson's checks (called on every store change while recording). */
function refresh(): void {
  const id = useLessonState.getState().open;
  const lesson = id ? getLesson(id) : undefined;
  if (!lesson || !recorder) return;
  const passed = evaluate(lesson, useStore.getState(), recorder.log, sticky);
  passed.forEach((p, i) => {
    if (p && lesson.checks[i].sticky) sticky[i] = true;
    if (p) progress.markCheck(lesson.id, i);
  });
  if (passed.length && passed.every(Boolean)) progress.markCompleted(lesson.id);
  const prev = useLessonState.getState().passed;
  if (prev.length !== passed.length || prev.some((p, i) => p !== passed[i])) useLessonState.setState({ passed });
}

/** A fresh log and fresh sticky checks for `lesson`. */
function startLog(lesson: Lesson): void {
  recorder?.stop();
  sticky = lesson.checks.map(() => false);
  recorder = startRecorder(useStore, refresh);
  useLessonState.setState({ open: lesson.id, passed: lesson.checks.map(() => false) });
  refresh();
}

/** Opens a lesson: the link names it, the controls it uses are highlighted, a fresh log starts. */
export function openLesson(id: string): void {
  const lesson = getLesson(id);
  if (!lesson) throw new Error(`No lesson "${id}". Lessons: ${LESSONS.map((l) => l.id).join(', ')}`);
  const page = usePage.getState();
  if (page.lesson !== id) page.setPage({ lesson: id });
  page.setHighlight(lesson.controls);
  startLog(lesson);
}

/** The config a lesson's set-up gives: its settings over the defaults, the backend kept. */
export function setupConfig(lesson: Lesson, current: ExperimentConfig): ExperimentConfig {
  return { ...DEFAULT_CONFIG, ...lesson.setup.config, backend: current.backend };
}

/**
 * "Set up the page": opens the lesson if needed, applies its config as a fresh model (as a preset
 * is applied, but without training: the steps say when to train), and starts a fresh log.
 */
export async function setupLesson(id: string): Promise<void> {
  const lesson = getLesson(id);
  if (!lesson) throw new Error(`No lesson "${id}"`);
  if (useLessonState.getState().open !== id) openLesson(id);
  const s = useStore.getState();
  const config = setupConfig(lesson, s.config);
  if (!client) throw new Error('The lessons are not connected to the training client');
  try {
    await client.pause();
    await client.changeConfig(config, { fresh: true });
    s.clear('lesson');
  } catch (e) {
    s.say('lesson', 'error', errorText(e));
    throw e;
  }
  startLog(lesson);
}

/** Closes the open lesson: no highlight, no lesson in the link, recording stops. */
export function closeLesson(): void {
  recorder?.stop();
  recorder = null;
  sticky = [];
  useLessonState.setState({ open: null, passed: [] });
  const page = usePage.getState();
  if (page.lesson !== null) page.setPage({ lesson: null });
  page.setHighlight(null);
}

/** A lesson's checks now: the open one from its log, another from the live store alone. */
export function lessonStatus(id: string): { checks: CheckStatus[] } {
  const lesson = getLesson(id);
  if (!lesson) throw new Error(`No lesson "${id}"`);
  const text = lessonText(lesson);
  const open = useLessonState.getState().open === id && recorder;
  const passed = open ? evaluate(lesson, useStore.getState(), recorder!.log, sticky) : evaluate(lesson, useStore.getState(), emptyLog(), []);
  return { checks: passed.map((p, i) => ({ text: text.checks[i] ?? '', passed: p })) };
}

/** The open lesson's log (for tests and the bench). */
export function currentLog(): LessonLog | null {
  return recorder?.log ?? null;
}

let following = false;

/** Follows the link's `lesson` key: a link or a hash edit opens (or closes) that lesson. */
export function followPageLesson(): void {
  if (following) return;
  following = true;
  const sync = (want: string | null) => {
    const open = useLessonState.getState().open;
    if (want === open) return;
    if (want && getLesson(want)) openLesson(want);
    else if (want) {
      // A mistyped or old link: say so, and show the course list (the link then drops the key).
      useStore.getState().say('lesson-link', 'warning', t('lessons:panel.unknown', { id: want }));
      if (open) closeLesson();
      usePage.getState().setPage({ lesson: null });
    } else if (open) closeLesson();
  };
  sync(usePage.getState().lesson);
  usePage.subscribe((p, prev) => {
    if (p.lesson !== prev.lesson) sync(p.lesson);
  });
}

/** The course for the scripting API: id, title in the page's language, concepts. */
export function listLessons(): { id: string; title: string; concepts: number[] }[] {
  return LESSONS.map((l) => ({ id: l.id, title: lessonText(l).title, concepts: [...l.concepts] }));
}

followPageLesson();
