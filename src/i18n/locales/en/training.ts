// The Training panel: loss, optimizer (and their formulas' words), learning rate, batch, backend.
const training = {
  title: 'Training',
  loss: 'Loss',
  optimizer: 'Optimizer',
  optimizerHint: '{{hint}}; its state (velocity, averages) starts afresh',
  lr: 'Learning rate α',
  batch: 'Batch size',
  momentum: 'Momentum β',
  backend: 'Backend',
  losses: {
    mse: 'Mean squared error',
    bce: 'Binary cross-entropy',
    cce: 'Categorical cross-entropy',
  },
  optimizers: {
    sgd: 'SGD',
    momentum: 'SGD + momentum',
    adam: 'Adam',
    rmsprop: 'RMSprop',
    adagrad: 'Adagrad',
  },
  backends: {
    auto: 'Auto: the fastest for this model',
    webgl: 'WebGL (GPU)',
    wasm: 'WebAssembly',
    cpu: 'CPU (JavaScript)',
  },
  applies: {
    live: 'applies at once',
    newRun: 'starts a new run',
    newWorker: 'restarts training on it',
    view: 'redraws the view',
  },
  formula: {
    mseWhere: '(n examples, K outputs each; K = 1 for one target)',
    momentumNote: '(the same steps as v ← βv + α∇L, w ← w − v until α changes; then this form scales the whole velocity by the new α)',
    epsilonPending: "the backend's (shown once it has started)",
    epsilonOwn: "{{value}} (the backend's own)",
  },
  note: {
    runningOn: 'Running on ',
    timed_one: ': timed {{count}} backend on this model (ms per training step: {{timings}}) and picked the fastest.',
    timed_other: ': timed {{count}} backends on this model (ms per training step: {{timings}}) and picked the fastest.',
    warmOnly: ' (its warm-up step: slow, not timed further)',
    untimed: ' Not timed: {{names}} (it draws in software here, and this model is too heavy for it to win).',
    whileTiming: ' while your model is timed on each backend (progress beside Train; choose a backend above to skip it).',
    untilTimed: ' until the model is set up and timed.',
    fellBack: ' ({{note}}).',
    asChosen: ', as chosen.',
    softwareWebgl:
      'WebGL here draws in software ({{renderer}}), not on a graphics card: it runs on the same CPU as the page and is far slower than cpu or wasm. Training on it is paced (the worker lets the device catch up every few dozen milliseconds) so the page keeps drawing smoothly.',
  },
} as const;
export default training;
