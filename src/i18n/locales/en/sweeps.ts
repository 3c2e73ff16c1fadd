// The learning curve and capacity sweep panel (SweepPanel.tsx).
const sweeps = {
  title: 'Learning curve and capacity',
  intro: 'Trains the current setup several times, in the background, and plots the final losses.',
  images: 'Learning curves and capacity sweeps train the 2-D and table sets’ dense networks; they do not sweep image models. On the digits, change the training images or the layer stack and compare the runs in the run history.',
  epochs: 'Epochs per model',
  learningCurve: 'Learning curve',
  capacity: 'Capacity sweep',
  cancel: 'Cancel',
  progress: 'Sweep progress',
  cancelling: 'cancelling…',
  cancelled: 'cancelled; {{count}} models finished',
  done: 'done: {{count}} models',
  failed: 'failed: {{error}}',
  kinds: {
    size: { x: 'training points', what: 'More data: validation loss falls toward training loss as the training set grows.' },
    width: { x: 'units per hidden layer', what: 'Capacity: too few units underfit (both high), too many overfit (the gap widens).' },
  },
  finalTrain: 'final training loss',
  finalVal: 'final validation loss',
} as const;
export default sweeps;
