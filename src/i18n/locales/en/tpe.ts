// Strings of the TPE strategy and conditional settings.
const tpe = {
  title: 'TPE',
  /** Beside a conditional setting in the search panel: when it exists. */
  conditional: {
    momentum: 'only in trials with the optimizer SGD + momentum',
    filters: 'image models only: later conv layers keep their proportion to it; Units per hidden layer then sizes the dense layers',
    units2: 'only in trials with 2 or more hidden layers; Units per hidden layer then sizes layer 1',
  },
};
export default tpe;
