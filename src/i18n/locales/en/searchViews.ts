// Strings of the search analysis: parallel coordinates, importance, contour and slice, Pareto front, trials CSV (src/components/SearchAnalysis.tsx).
const searchViews = {
  title: 'See the whole search',
  secondObjective: 'Second objective',
  second: { none: 'None', params: 'Parameter count', time: 'Training time' },
  filtered: '{{shown}} of {{total}} trials shown (filtered in the parallel coordinates)',
  clearFilter: 'Show all',
};
export default searchViews;
