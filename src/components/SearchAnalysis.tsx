// The whole search at a glance: parallel coordinates (brush an axis to filter the table),
// importance, a contour or slice plot for any two settings, the Pareto front, the trials as CSV.
// Filled in by the analysis work.
export function SearchAnalysis() {
  return null;
}
