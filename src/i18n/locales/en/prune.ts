// Strings of pruners, Hyperband and the intermediate curves (src/components/PrunerControls.tsx, IntermediateChart.tsx).
const prune = {
  title: 'Stop bad trials early',
  pruner: 'Pruner',
  pruners: { none: 'None: train every trial to the end', median: 'Median: stop below the running median', asha: 'ASHA: successive halving' },
  colStopped: 'Stopped',
  stoppedAt: 'pruned at epoch {{epoch}}',
  notPruned: '—',
};
export default prune;
