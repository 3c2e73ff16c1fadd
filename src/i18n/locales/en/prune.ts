// Strings of pruners, Hyperband and the intermediate curves (src/components/PrunerControls.tsx, IntermediateChart.tsx).
const prune = {
  title: 'Stop bad trials early',
  pruner: 'Pruner',
  pruners: { none: 'None: train every trial to the end', median: 'Median: stop below the running median', asha: 'ASHA: successive halving' },
  colStopped: 'Stopped',
  stoppedAt: 'pruned at epoch {{epoch}}',
  notPruned: '—',
  eta: 'Reduction factor η',
  hint: {
    none: 'Every trial trains all its epochs.',
    median: 'From epoch {{first}}, every {{every}} epochs: a trial worse than the median of the earlier trials at that epoch stops (after {{startup}} trials).',
    asha: 'Rungs at {{rungs}} epochs: at each, the best 1/η of the trials go on.',
    hyperband: 'Brackets of successive halving: the best 1/η of a bracket go on at each of its rungs.',
  },
  problem: {
    pruner: 'Choose none, median or ASHA.',
    eta: 'η must be a number from 2 to 10.',
    minEpochs: 'The first rung must be a whole number of epochs, at least 1 and below the epochs.',
  },
  chart: {
    title: 'Intermediate curves',
    caption: 'Each trial’s {{objective}} after every epoch; pruned trials in grey, the best in colour. The table lists each trial’s stop.',
    epoch: 'Epoch',
    logY: 'Log scale (y)',
    best: 'Best trial',
    pruned: 'Pruned',
    kept: 'Ran to the end',
    summary: '{{pruned}} of {{total}} trials stopped early; {{epochs}} epochs trained of {{full}}.',
  },
};
export default prune;
