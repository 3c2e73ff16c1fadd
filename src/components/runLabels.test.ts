import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../shared/config';
import { archText, differences, runDiffLabel, testText } from './runLabels';
import { DENSE_BASELINE, SMALL_CNN } from '../shared/imageStack';

const run = (config: Partial<ExperimentConfig>, runIndex = 0, liveEdits: { fromEpoch: number; config: ExperimentConfig; weightsFrom?: number } | null = null) => ({
  id: 1,
  config: { ...DEFAULT_CONFIG, ...config },
  runIndex,
  liveEdits,
});

describe('kept-run labels', () => {
  it('name what differs from the current config, old → now', () => {
    expect(differences({ ...DEFAULT_CONFIG, l2: 0.01 }, DEFAULT_CONFIG)).toEqual(['L2 0.01 → now 0']);
    expect(differences({ ...DEFAULT_CONFIG, activations: ['relu', 'relu'] }, DEFAULT_CONFIG)).toEqual(['activation relu → now tanh']);
    expect(differences({ ...DEFAULT_CONFIG, features: ['x1', 'x2', 'x1sq'] }, DEFAULT_CONFIG)).toEqual(['features x₁,x₂,x₁² → now x₁,x₂']);
    expect(differences({ ...DEFAULT_CONFIG, layers: [], activations: [], dropout: [] }, DEFAULT_CONFIG)).toEqual(['layers linear → now 4-2', 'activation none → now tanh']);
    expect(differences({ ...DEFAULT_CONFIG, dropout: [0.5, 0.5], patience: 30 }, DEFAULT_CONFIG)).toEqual(['dropout 0.5 → now 0', 'patience 30 → now off']);
    expect(differences({ ...DEFAULT_CONFIG, schedule: 'warmup:5+cosine:100', clip: 1 }, DEFAULT_CONFIG)).toEqual(['schedule warmup:5+cosine:100 → now constant', 'clip norm 1 → now off']);
    expect(differences({ ...DEFAULT_CONFIG, batchnorm: [true, false] }, DEFAULT_CONFIG)).toEqual(['batch norm 1,0 → now off']);
    // A run saved before schedules, clipping and batch norm existed: constant, unclipped, none; nothing differs.
    const old = Object.fromEntries(Object.entries(DEFAULT_CONFIG).filter(([k]) => k !== 'schedule' && k !== 'clip' && k !== 'batchnorm')) as unknown as ExperimentConfig;
    expect(differences(old, DEFAULT_CONFIG)).toEqual([]);
  });

  it('say when weights were set by hand, beside settings changed live', () => {
    expect(runDiffLabel(run({}, 0, { fromEpoch: 12, config: DEFAULT_CONFIG, weightsFrom: 12 }), DEFAULT_CONFIG, 0)).toBe('weights set by hand at epoch 12');
    expect(runDiffLabel(run({}, 0, { fromEpoch: 5, config: { ...DEFAULT_CONFIG, lr: 0.1 }, weightsFrom: 9 }), { ...DEFAULT_CONFIG, lr: 0.1 }, 0)).toBe(
      'lr 0.03 → now 0.1, changed live at epoch 5 (lr 0.03 → 0.1), weights set by hand at epoch 9',
    );
  });

  it('leave out the backend, the slice, the budget and the pace', () => {
    expect(differences({ ...DEFAULT_CONFIG, backend: 'cpu', slice: [1, 0], epochs: 50, pace: 5 }, DEFAULT_CONFIG)).toEqual([]);
  });

  it('name at most three differences and count the rest', () => {
    const label = runDiffLabel(run({ lr: 0.1, batch: 5, l2: 0.1, l1: 0.1, noise: 0.3 }), DEFAULT_CONFIG, 0);
    expect(label.split(', ')).toHaveLength(4);
    expect(label).toContain('2 more');
  });

  it('say when nothing differs: same settings, or other initial weights after a reset', () => {
    expect(runDiffLabel(run({}), DEFAULT_CONFIG, 0)).toBe('same settings');
    expect(runDiffLabel(run({}, 0), DEFAULT_CONFIG, 1)).toBe('same settings, other initial weights');
  });

  it('name settings changed live during the run and the epoch', () => {
    const label = runDiffLabel(run({}, 0, { fromEpoch: 40, config: { ...DEFAULT_CONFIG, lr: 0.3 } }), { ...DEFAULT_CONFIG, lr: 0.3 }, 0);
    expect(label).toBe('lr 0.03 → now 0.3, changed live at epoch 40 (lr 0.03 → 0.3)');
  });

  it('give the test result when the run was evaluated', () => {
    expect(testText(null)).toBe('');
    expect(testText({ loss: 0.31234, accuracy: 0.873, n: 125 })).toBe('test loss 0.312, accuracy 87%');
    expect(testText({ loss: 2.5, accuracy: null, n: 125 })).toBe('test loss 2.5');
  });

  it('on image sets name the training images, the stack and the image augmentation, not the points’ settings', () => {
    const digits: ExperimentConfig = { ...DEFAULT_CONFIG, dataset: 'digits', loss: 'cce' };
    expect(differences({ ...digits, images: 500, imageLayers: DENSE_BASELINE }, digits)).toEqual([`training images 500 → now 2000`, `layers ${DENSE_BASELINE} → now ${SMALL_CNN}`]);
    expect(differences({ ...digits, imageAugment: { shift: 2, rotate: 0, zoom: 0, noise: 0, flip: true } }, digits)).toEqual(['image augmentation shift:2,flip → now off']);
    // The hidden layers of the 2-D sets do not exist on images: not compared between two image runs.
    expect(differences({ ...digits, layers: [8], activations: ['relu'], dropout: [0] }, digits)).toEqual([]);
    // Nor the image settings between two 2-D runs (a run saved before images existed has none).
    const old = Object.fromEntries(Object.entries(DEFAULT_CONFIG).filter(([k]) => !k.startsWith('image'))) as unknown as ExperimentConfig;
    expect(differences(old, { ...DEFAULT_CONFIG, images: 500 })).toEqual([]);
    expect(archText({ ...digits, images: 500 })).toBe(`500 images · ${SMALL_CNN}`);
    expect(archText(DEFAULT_CONFIG)).toBe('4-2');
  });
});

