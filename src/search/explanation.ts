// How Bayesian search works, in two sentences for the page (kept apart so the page need not load the GP code).
export const BAYES_EXPLANATION =
  'Bayesian search fits a simple statistical model to the results so far, which predicts how good every untried setting would be and how unsure it is. ' +
  'Each next trial goes where the model expects the largest improvement, balancing promising regions against unexplored ones, so it usually needs fewer trials than grid or random search.';
