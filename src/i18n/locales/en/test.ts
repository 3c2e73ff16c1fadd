// The held-out test set panel.
const test = {
  title: 'Test set',
  hint: 'The test set stays hidden while you tune. Use it once, at the end: choosing settings by their test score turns it into a second validation set, and the estimate is no longer honest.',
  evaluate: 'Evaluate on test set',
  loss: 'Test loss',
  accuracy: 'accuracy',
  on: 'on {{n}} points.',
  looked: 'You have looked at the test set {{count}} times for this run.',
} as const;
export default test;
