// The guided tuning workflow of the source text (section 5.1.1): define the goal, prepare the data,
// choose the architecture, set the hyperparameters, train, evaluate, adjust. Which steps are done
// is read from the live state (pure, so the rules are unit-tested); the stepper shows it.
import { MIN_TEST_PCT } from '../shared/config';

export const WORKFLOW_STEPS = ['goal', 'data', 'model', 'hyper', 'train', 'evaluate', 'adjust'] as const;
export type WorkflowStep = (typeof WORKFLOW_STEPS)[number];

/** A run counts as trained after this many epochs. */
export const TRAINED_EPOCHS = 5;

export interface WorkflowInput {
  /** The goal step was opened, or the problem, data set or loss was changed from the defaults. */
  goalChosen: boolean;
  /** The loss (the metric the model is judged by) suits the problem. */
  lossFits: boolean;
  /** The data (points or a table) is loaded. */
  dataLoaded: boolean;
  trainPct: number;
  valPct: number;
  /** A model is built from the settings (a run exists and is not in error). */
  modelBuilt: boolean;
  /** The current run diverged (the learning rate, most often, is too high). */
  diverged: boolean;
  /** The current run's epochs. */
  epochs: number;
  /** Earlier runs kept for comparison that trained. */
  keptTrained: number;
  /** Settings were changed during the current run, after it had trained. */
  liveEdited: boolean;
  /** The current or a kept run was evaluated on the test set. */
  testEvaluated: boolean;
}

export type WorkflowDone = Record<WorkflowStep, boolean>;

export function workflowDone(i: WorkflowInput): WorkflowDone {
  const trained = i.epochs >= TRAINED_EPOCHS || i.keptTrained > 0;
  const splits = i.valPct > 0 && i.trainPct > 0 && 100 - i.trainPct - i.valPct >= MIN_TEST_PCT;
  return {
    // The metric is chosen once it suits the problem and the student has looked at it (or trained by it).
    goal: i.lossFits && (i.goalChosen || trained),
    data: i.dataLoaded && splits,
    model: i.modelBuilt,
    hyper: i.modelBuilt && !i.diverged,
    // Trained while a validation split was watched.
    train: trained && i.valPct > 0,
    evaluate: i.testEvaluated,
    // Another run after a trained one, or a setting changed while training.
    adjust: (i.keptTrained > 0 && i.epochs >= 1) || i.liveEdited,
  };
}

/** The first step not done yet (the one to do next), or null when all are done. */
export function nextStep(done: WorkflowDone): WorkflowStep | null {
  return WORKFLOW_STEPS.find((s) => !done[s]) ?? null;
}

/** Where each step takes the student: the first of these that is on the page gets the focus. */
export const STEP_TARGETS: Record<WorkflowStep, readonly string[]> = {
  goal: ['#data-h', '#train-h'],
  data: ['#data-h'],
  model: ['#model-h'],
  hyper: ['#train-h'],
  train: ['#live-view'],
  evaluate: ['#test-h', '#live-view'],
  adjust: ['#reg-h', '#runs-h', '#train-h'],
};
