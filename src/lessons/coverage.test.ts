// Every concept of the source text (the 30 rows of CONCEPTS.md) is taught by some lesson of the
// course, and the course walks the tuning workflow in order: goal → data → model → loss and
// optimizer → train → diagnose → regularize → search → transfer → evaluate once on the test set.
import { describe, expect, it } from 'vitest';
import { LESSONS } from './registry';

/** The rows of CONCEPTS.md, by number (short names, for the failure message). */
const CONCEPTS: Record<number, string> = {
  1: 'tuning improves generalization',
  2: 'training minimizes a loss over weights and biases',
  3: 'squared-error loss',
  4: 'cross-entropy loss',
  5: 'gradient descent',
  6: 'momentum',
  7: 'Adam',
  8: 'training / validation / test sets',
  9: 'overfitting',
  10: 'underfitting',
  11: 'L1 and L2 penalties',
  12: 'dropout',
  13: 'data augmentation',
  14: 'hyperparameters',
  15: 'manual vs automatic tuning',
  16: 'grid search',
  17: 'random search',
  18: 'Bayesian optimization',
  19: 'the trade-offs of the three searches',
  20: 'k-fold cross-validation',
  21: 'best hyperparameters',
  22: 'transfer learning',
  23: 'choosing a pretrained model',
  24: 'freeze layers, new head',
  25: 'where transfer pays',
  26: 'the tuning workflow',
  27: 'remedies for overfitting',
  28: 'early stopping',
  29: 'more training data',
  30: 'model complexity vs fit',
};

describe('course coverage', () => {
  const lessons = LESSONS.filter((l) => l.kind === 'lesson');

  it('teaches every concept of CONCEPTS.md in some lesson', () => {
    const taught = new Set(lessons.flatMap((l) => l.concepts));
    const missing = Object.entries(CONCEPTS)
      .filter(([n]) => !taught.has(Number(n)))
      .map(([n, name]) => `${n} ${name}`);
    expect(missing).toEqual([]);
    expect(Object.keys(CONCEPTS)).toHaveLength(30);
  });

  it('names only concepts that exist', () => {
    for (const l of LESSONS) for (const c of l.concepts) expect(CONCEPTS[c], `${l.id} names concept ${c}`).toBeDefined();
  });

  it('is a short course of 8–12 lessons, ending with the workflow of section 5 in order', () => {
    expect(lessons.length).toBeGreaterThanOrEqual(8);
    expect(lessons.length).toBeLessThanOrEqual(12);
    const ids = lessons.map((l) => l.id);
    const order = ['overfitting', 'regularization', 'search', 'transfer', 'evaluate'].map((id) => ids.indexOf(id));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(ids.at(-1)).toBe('evaluate');
  });
});
