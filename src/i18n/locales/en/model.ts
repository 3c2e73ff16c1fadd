// The Model panel: hidden layers, activations, initializers, and the architecture edits' messages.
const model = {
  title: 'Model',
  inputs_one: '{{count}} input',
  inputs_other: '{{count}} inputs',
  outputs_one: '{{count}} output',
  outputs_other: '{{count}} outputs',
  params: '{{count}} weights and biases',
  linear: 'No hidden layer: this is a linear model.',
  hidden: 'Hidden {{n}}',
  units: 'Units',
  activation: 'Activation',
  dropout: 'Dropout',
  batchnorm: 'Batch norm',
  batchnormLabel: 'Batch normalization of hidden layer {{n}}',
  batchnormTitle:
    'Normalizes each unit over the mini-batch before the activation (then scales by a learned γ and shifts by a learned β); evaluation uses running averages of the batch statistics. Changing it starts a new run.',
  remove: 'Remove hidden layer {{n}}',
  add: 'Add layer',
  init: 'Weight initializer',
  activations: {
    relu: 'relu',
    tanh: 'tanh',
    sigmoid: 'sigmoid',
    linear: 'linear',
    softmax: 'softmax',
  },
  initializers: {
    glorotUniform: 'Glorot uniform',
    glorotNormal: 'Glorot normal',
    heNormal: 'He normal',
    heUniform: 'He uniform',
    zeros: 'Zeros (symmetric)',
  },
  errors: {
    unknownFeature: 'Unknown feature {{feature}}.',
    oneFeature: 'Keep at least one input feature.',
  },
} as const;
export default model;
