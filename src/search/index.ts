// The pure core of hyperparameter search: spaces, grid/random plans, Bayesian optimisation,
// TPE, k-fold cross-validation folds and turning a trial into a config.
export * from './space';
export type * from './types';
export { BAYES_EXPLANATION, BayesianSearch, type BayesOptions } from './bayes';
export { foldsValid, stratifiedFolds, summarize, trainingIndices, type FoldOptions } from './kfold';
export { applyTrial } from './applyTrial';
export { createSearcher, planTrials, type Searcher } from './strategies';
export { TpeSearch, tpeStartup, type TpeOptions } from './tpe';
