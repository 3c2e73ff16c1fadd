// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import classroom from './classroom';
import lessons from './lessons';
import pwa from './pwa';

export const en = {
  common,
  classroom,
  lessons,
  pwa,
};
export default en;
