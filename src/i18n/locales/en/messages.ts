// Messages the page says through the store (src/client/*.ts): training, the link, data loading.
const messages = {
  trainingError: 'Training stopped with an error: {{error}}. Press Reset to start over.',
  backendNote: 'Using the {{backend}} backend: {{note}}.',
  slice: 'slice {{slice}}: {{name}} has {{n}} numeric inputs (positions 0–{{last}}); showing {{shown}}.',
  earlyStop: 'Early stopping: validation loss has not improved for {{n}} epochs since epoch {{best}}, so training stopped at epoch {{stop}}.',
  earlyStopRestored:
    'Early stopping: validation loss has not improved for {{n}} epochs since epoch {{best}}, so training stopped at epoch {{stop}} and went back to the weights of epoch {{best}}.',
  diverged: 'Training diverged at epoch {{epoch}}: the loss became infinite or NaN. Lower the learning rate (now {{lr}}) and press Reset.',
  budget: 'Stopped at the epoch budget ({{epochs}} epochs): raise "Stop at epoch" to train on, or set it to 0 for no limit.',
  contextLostRestarting: 'The WebGL context was lost at epoch {{epoch}}: starting a new worker to go on from the weights of epoch {{from}}…',
  contextLost:
    "The WebGL context was lost at epoch {{epoch}}: training goes on in a new worker on {{backend}}, from the weights of epoch {{from}}. The optimizer's state (momentum, Adam's averages) starts afresh.",
  linkInvalid: 'Some settings in the link were not valid: {{notices}}.',
  linkFailed: 'The link could not be applied: {{error}}.',
  setConfig: 'setConfig: {{error}}',
  unknownDataset: 'Unknown data set "{{name}}": choose one of {{names}} (or load a CSV file).',
  loaded: 'Loaded {{name}}: {{rows}} rows; predicting "{{target}}" ({{problem}}).',
} as const;
export default messages;
