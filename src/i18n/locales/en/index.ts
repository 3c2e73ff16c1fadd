// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import classroom from './classroom';
import diagnosis from './diagnosis';
import lessons from './lessons';
import network from './network';
import pwa from './pwa';
import runs from './runs';
import test from './test';
import view from './view';

export const en = {
  common,
  classroom,
  diagnosis,
  lessons,
  network,
  pwa,
  runs,
  test,
  view,
};
export default en;
