// The Regularization panel: L1/L2, data augmentation (and each set's symmetry), early stopping.
const regularization = {
  title: 'Regularization',
  intro: 'Each of these fights overfitting, and applies at once. Validation loss never includes the penalty.',
  lambda: '{{name}} λ ({{norm}})',
  perLayerLegend: '{{name}} λ per layer ({{norm}})',
  output: 'Output',
  hidden: 'Hidden {{n}}',
  perLayer: 'Set the penalties per layer',
  augmentTables: "Data augmentation (jitter, symmetries) applies to the 2-D sets: a table's columns have no shared units to jitter in.",
  augment: 'Data augmentation (training points only)',
  jitter: 'Jitter σ (plot units)',
  jitterHint: 'fresh Gaussian noise on every training point, every epoch',
  symmetry: 'Symmetry: {{name}}',
  noSymmetry: 'Symmetry: this data set has none that keeps the labels',
  symmetries: {
    circle: 'random rotation',
    xor: 'random half-turn or diagonal mirror',
    gaussian: 'random mirror in the diagonal',
    wave: 'random mirror x₂ → −x₂',
  },
  showAugmented: 'Show the augmented points on the plot',
  early: 'Early stopping (on validation loss)',
  patience: 'Patience (epochs, 0 = off)',
  minDelta: 'Min. improvement',
  restoreBest: "Restore the best epoch's weights when stopping",
} as const;
export default regularization;
