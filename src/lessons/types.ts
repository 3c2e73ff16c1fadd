// What a lesson is: data, one typed file per lesson in ./data. The structure (set-up, controls,
// checks) is language-independent; the texts come in English and Chinese with the same shape and
// are served through i18next (each lesson is its own namespace, `lesson.<id>`).
import type { ExperimentConfig } from '../shared/config';
import type { Store } from '../store/store';
import type { PanelId } from '../page/pageParams';

/** What a student reads, in one language. `steps`, `checks` are numbered from 1 on the page. */
export interface LessonText {
  title: string;
  /** The idea in two or three plain sentences, faithful to the source text. */
  idea: string;
  steps: string[];
  question: string;
  answer: string;
  /** One sentence per check, in the order of Lesson.checks. */
  checks: string[];
}

/** One run as a lesson sees it: every run started since the lesson was opened is recorded. */
export interface RunRecord {
  /** The config the run started with (live edits are in `config` of later records only when a new run starts). */
  config: ExperimentConfig;
  /** The config in force at the run's last epoch (after live edits). */
  finalConfig: ExperimentConfig;
  epochs: number;
  /** The training loss of the untrained model (epoch 0), when the recorder saw it. */
  firstTrainLoss?: number;
  /** The last epoch's losses (NaN when not measured). */
  trainLoss: number;
  valLoss: number;
  /** The last epoch's validation accuracy and the highest so far (classification; absent or NaN otherwise). */
  valAcc?: number;
  bestValAcc?: number;
  /** Lowest validation loss and its epoch. */
  bestValLoss: number;
  bestValEpoch: number;
  /** Validation loss rose ≥ 10% above its minimum after the minimum, while training loss kept falling. */
  valTurnedUp: boolean;
  /** Diagnosis kinds shown during the run (e.g. 'overfitting', 'underfitting'), each once. */
  diagnoses: string[];
  /** Early stopping stopped this run (epoch), or null. */
  stoppedAt: number | null;
  /** Test-set evaluations of this run: their losses, in order. */
  testLosses: number[];
}

/** What the lesson engine records from the moment a lesson is opened (or its set-up is applied). */
export interface LessonLog {
  /** Runs since the lesson opened, oldest first; the current run is last and updates live. */
  runs: RunRecord[];
  /** How many times the test set was evaluated since the lesson opened. */
  testEvaluations: number;
  /** Searches finished since the lesson opened: their strategy and best objective. */
  searches: { strategy: string; trials: number; best: number; folds: number }[];
  /** Sweeps finished (learning curve, capacity) since the lesson opened. */
  sweeps: { kind: string; points: number }[];
  /** Transfer comparisons finished since the lesson opened. */
  transfers: { frozen: number; scratchLoss: number; transferLoss: number }[];
  /** The ids of panels the student opened or used since the lesson opened (for workflow lessons). */
  visited: PanelId[];
}

/** A check: computed from the live store and the lesson's log; ticked while it holds. */
export interface LessonCheck {
  /** Stays ticked once met (e.g. "the run overfitted"), or only while true (e.g. "L2 is above 0"). */
  sticky: boolean;
  passed: (s: Store, log: LessonLog) => boolean;
}

export interface Lesson {
  /** Short id, used in links (`lesson=overfitting`) and the API. */
  id: string;
  /** 'lesson' teaches one step of the workflow; 'exercise' has a numeric goal. */
  kind: 'lesson' | 'exercise';
  /** The rows of CONCEPTS.md (1–30) this lesson covers. */
  concepts: number[];
  /** What "set up the page" applies: a config over the defaults (the backend is kept), and optionally the panels to open. */
  setup: { config: Partial<ExperimentConfig>; panels?: PanelId[] };
  /** Test ids of the controls the lesson uses: highlighted, the others dimmed. */
  controls: string[];
  checks: LessonCheck[];
  text: { en: LessonText; zh: LessonText };
}
