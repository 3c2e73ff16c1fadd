// Strings of the page's frame: panel names (for a failed panel's message), the demonstrations (presets).
const shared = {
  page: {
    watch: 'Watch it learn',
    loadingSavedRuns: 'Loading saved runs…',
  },
  panel: {
    failedLabel: '{{name}} (failed)',
    failedBefore: 'The {{name}} panel failed: ',
    failedAfter: '. The rest of the page and your runs are unaffected.',
    reload: 'Reload panel',
  },
  // By the name each panel's boundary is registered under (App.tsx).
  panels: {
    page: 'page',
    toolbar: 'Toolbar',
    messages: 'Messages',
    demonstrations: 'Demonstrations',
    data: 'Data',
    model: 'Model',
    training: 'Training',
    regularization: 'Regularization',
    runs: 'Runs',
    savedRuns: 'Saved runs',
    race: 'Optimizer race',
    lab: 'Learning rate lab',
    sweeps: 'Sweeps',
    search: 'Search',
    transfer: 'Transfer learning',
    testSet: 'Test set',
    boundary: 'Decision boundary',
    readouts: 'Readouts',
    diagnosis: 'Diagnosis',
    lossChart: 'Loss chart',
    lossTable: 'Loss table',
    evaluation: 'Evaluation',
    network: 'Network view',
  },
  presets: {
    label: 'Demonstrations',
    try: 'Try:',
    overfit: {
      label: 'Overfit',
      watch: 'Training loss keeps falling while validation loss turns upward after about 100 epochs: a 32-32 network memorizes 50 noisy points.',
    },
    underfit: {
      label: 'Underfit',
      watch: 'A linear model cannot draw a circle: both losses stall at what guessing gives.',
    },
    'fix-l2': {
      label: 'Fix it with L2',
      watch: 'The overfitting setup with an L2 penalty λ = 0.01: weights stay small, the boundary smooths out, validation loss stops rising.',
    },
    'fix-dropout': {
      label: '… with dropout',
      watch: 'Half of the hidden units dropped at every step: the gap between training and validation loss shrinks.',
    },
    'fix-early-stopping': {
      label: '… with early stopping',
      watch: 'Training stops 30 epochs after validation loss stopped improving and goes back to the best weights; the chart marks both epochs.',
    },
    'fix-more-data': {
      label: '… with more data',
      watch: 'Ten times the points (batch ×5, so an epoch takes as many steps): too many to memorize, validation follows training.',
    },
    vanishing: {
      label: 'Vanishing gradients: 6 sigmoid layers',
      watch:
        'Layer health: the gradient reaching hidden layer 1 is a thousand to a million times smaller than the output layer’s, so the first layers barely move and the loss stays at what guessing gives.',
    },
    'vanishing-fixed': {
      label: 'Fixed with ReLU and He init',
      watch:
        'The same six layers with ReLU and He initialization: gradient norms stay within about ten times of each other across layers, and the network learns the circle in under 50 epochs.',
    },
    'digits-dense': {
      label: 'Dense baseline on digits',
      watch: 'The 784 pixels flattened into one hidden layer of 64 units: about 51,000 weights, each tied to one pixel, so a digit shifted by a few pixels looks new to it.',
    },
    'digits-cnn': {
      label: 'Small CNN on digits',
      watch: 'Two conv + pool blocks: about half the dense baseline’s weights, each filter shared across the whole image, and a higher validation accuracy on the same 2,000 images.',
    },
    'digits-big-cnn': {
      label: 'Over-sized CNN on 500 images',
      watch:
        'Four conv layers and 256 dense units (about 870,000 weights) on 500 images: training accuracy reaches 100% while validation accuracy stalls well below it and validation loss climbs.',
    },
  },
} as const;
export default shared;
