import { describe, expect, it } from 'vitest';
import { nextStep, workflowDone, WORKFLOW_STEPS, type WorkflowInput } from './workflow';

const fresh: WorkflowInput = {
  goalChosen: false,
  lossFits: true,
  dataLoaded: true,
  trainPct: 60,
  valPct: 20,
  modelBuilt: true,
  diverged: false,
  epochs: 0,
  keptTrained: 0,
  liveEdited: false,
  testEvaluated: false,
};

describe('the tuning workflow', () => {
  it('has the seven steps of the source text, in order', () => {
    expect(WORKFLOW_STEPS).toEqual(['goal', 'data', 'model', 'hyper', 'train', 'evaluate', 'adjust']);
  });

  it('on a fresh page: data, model and hyperparameters are set; the goal is the next step', () => {
    const d = workflowDone(fresh);
    expect(d).toEqual({ goal: false, data: true, model: true, hyper: true, train: false, evaluate: false, adjust: false });
    expect(nextStep(d)).toBe('goal');
    expect(nextStep(workflowDone({ ...fresh, goalChosen: true }))).toBe('train');
  });

  it('data needs the data loaded, a validation split and a test split of at least 5%', () => {
    expect(workflowDone({ ...fresh, dataLoaded: false }).data).toBe(false);
    expect(workflowDone({ ...fresh, valPct: 0 }).data).toBe(false);
    expect(workflowDone({ ...fresh, trainPct: 78, valPct: 20 }).data).toBe(false);
    expect(workflowDone({ ...fresh, trainPct: 75, valPct: 20 }).data).toBe(true);
  });

  it('a model not built leaves the architecture and hyperparameters undone; a diverged run the hyperparameters', () => {
    expect(workflowDone({ ...fresh, modelBuilt: false })).toMatchObject({ model: false, hyper: false });
    expect(workflowDone({ ...fresh, diverged: true })).toMatchObject({ model: true, hyper: false });
  });

  it('training counts after 5 epochs watched on validation, and sets the goal by its loss', () => {
    expect(workflowDone({ ...fresh, epochs: 4 }).train).toBe(false);
    expect(workflowDone({ ...fresh, epochs: 5 })).toMatchObject({ train: true, goal: true });
    expect(workflowDone({ ...fresh, epochs: 50, valPct: 0 }).train).toBe(false);
    expect(workflowDone({ ...fresh, epochs: 50, lossFits: false }).goal).toBe(false);
  });

  it('evaluate needs the test set; adjust a second run after a trained one, or a live change', () => {
    expect(workflowDone({ ...fresh, testEvaluated: true }).evaluate).toBe(true);
    expect(workflowDone({ ...fresh, keptTrained: 1, epochs: 0 }).adjust).toBe(false);
    expect(workflowDone({ ...fresh, keptTrained: 1, epochs: 1 }).adjust).toBe(true);
    expect(workflowDone({ ...fresh, liveEdited: true }).adjust).toBe(true);
  });

  it('all done: no next step', () => {
    const all = workflowDone({ ...fresh, goalChosen: true, epochs: 20, keptTrained: 1, testEvaluated: true });
    expect(Object.values(all).every(Boolean)).toBe(true);
    expect(nextStep(all)).toBeNull();
  });
});
