// One-click setups that show a phenomenon, each with a sentence on what to watch. A preset
// is a partial config applied over the defaults (the backend the user chose is kept).
import type { ExperimentConfig } from './config';
import { BIG_CNN, DENSE_BASELINE, SMALL_CNN } from './imageStack';

export interface Preset {
  key: string;
  label: string;
  watch: string;
  config: Partial<ExperimentConfig>;
}

// Few noisy points and a network far bigger than they need: it memorizes them.
const OVERFIT: Partial<ExperimentConfig> = {
  dataset: 'circle',
  problem: 'classification',
  samples: 100,
  noise: 0.4,
  seed: 3,
  trainPct: 50,
  valPct: 40,
  features: ['x1', 'x2'],
  layers: [32, 32],
  activations: ['relu', 'relu'],
  init: 'heNormal',
  loss: 'bce',
  optimizer: 'adam',
  lr: 0.003,
  batch: 10,
  l1: 0,
  l2: 0,
  dropout: [0, 0],
  augment: { jitter: 0, symmetry: false },
  patience: 0,
};

// A deep, narrow sigmoid network on the circle: σ' ≤ 1/4 at every layer shrinks the gradient on
// its way back, so the first layers hardly learn (the network view's layer health shows it).
const VANISHING: Partial<ExperimentConfig> = {
  ...OVERFIT,
  samples: 500,
  noise: 0.1,
  seed: 1,
  valPct: 25,
  layers: [8, 8, 8, 8, 8, 8],
  activations: ['sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'sigmoid', 'sigmoid'],
  init: 'glorotUniform',
  dropout: [0, 0, 0, 0, 0, 0],
  optimizer: 'sgd',
  lr: 0.1,
};

// The digits with everything but the layer stack fixed, so the image presets differ only where
// they mean to: Adam at its usual rate, no penalties, no augmentation, a fixed number of epochs.
const DIGITS: Partial<ExperimentConfig> = {
  dataset: 'digits',
  problem: 'classification',
  loss: 'cce',
  seed: 1,
  images: 2000,
  imageLayers: SMALL_CNN,
  imageAugment: { shift: 0, rotate: 0, zoom: 0, noise: 0, flip: false },
  optimizer: 'adam',
  lr: 0.001,
  batch: 32,
  l1: 0,
  l2: 0,
  schedule: 'constant',
  clip: 0,
  patience: 0,
  epochs: 15,
};

export const PRESETS: Preset[] = [
  {
    key: 'overfit',
    label: 'Overfit',
    watch: 'Training loss keeps falling while validation loss turns upward after about 100 epochs: a 32-32 network memorizes 50 noisy points.',
    config: OVERFIT,
  },
  {
    key: 'underfit',
    label: 'Underfit',
    watch: 'A linear model cannot draw a circle: both losses stall at what guessing gives.',
    config: { ...OVERFIT, samples: 400, noise: 0.1, valPct: 25, layers: [], activations: [], dropout: [], lr: 0.03 },
  },
  {
    key: 'fix-l2',
    label: 'Fix it with L2',
    watch: 'The overfitting setup with an L2 penalty λ = 0.01: weights stay small, the boundary smooths out, validation loss stops rising.',
    config: { ...OVERFIT, l2: 0.01 },
  },
  {
    key: 'fix-dropout',
    label: '… with dropout',
    watch: 'Half of the hidden units dropped at every step: the gap between training and validation loss shrinks.',
    config: { ...OVERFIT, dropout: [0.5, 0.5] },
  },
  {
    key: 'fix-early-stopping',
    label: '… with early stopping',
    watch: 'Training stops 30 epochs after validation loss stopped improving and goes back to the best weights; the chart marks both epochs.',
    config: { ...OVERFIT, patience: 30, minDelta: 0.0001, restoreBest: true },
  },
  {
    key: 'fix-more-data',
    label: '… with more data',
    watch: 'Ten times the points (batch ×5, so an epoch takes as many steps): too many to memorize, validation follows training.',
    config: { ...OVERFIT, samples: 1000, batch: 50 },
  },
  {
    key: 'vanishing',
    label: 'Vanishing gradients: 6 sigmoid layers',
    watch:
      'Layer health: the gradient reaching hidden layer 1 is a thousand to a million times smaller than the output layer’s, so the first layers barely move and the loss stays at what guessing gives.',
    config: VANISHING,
  },
  {
    key: 'vanishing-fixed',
    label: 'Fixed with ReLU and He init',
    watch: 'The same six layers with ReLU and He initialization: gradient norms stay within about ten times of each other across layers, and the network learns the circle in under 50 epochs.',
    config: { ...VANISHING, activations: ['relu', 'relu', 'relu', 'relu', 'relu', 'relu'], init: 'heNormal' },
  },
  {
    key: 'digits-dense',
    label: 'Dense baseline on digits',
    watch: 'The 784 pixels flattened into one hidden layer of 64 units: about 51,000 weights, each tied to one pixel, so a digit shifted by a few pixels looks new to it.',
    config: { ...DIGITS, imageLayers: DENSE_BASELINE },
  },
  {
    key: 'digits-cnn',
    label: 'Small CNN on digits',
    watch: 'Two conv + pool blocks: about half the dense baseline’s weights, each filter shared across the whole image, and a higher validation accuracy on the same 2,000 images.',
    config: { ...DIGITS, imageLayers: SMALL_CNN },
  },
  {
    key: 'digits-big-cnn',
    label: 'Over-sized CNN on 500 images',
    watch: 'Four conv layers and 256 dense units (about 870,000 weights) on 500 images: training accuracy reaches 100% while validation accuracy stalls well below it and validation loss climbs.',
    config: { ...DIGITS, images: 500, imageLayers: BIG_CNN, epochs: 30 },
  },
];
