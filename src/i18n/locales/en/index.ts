// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import lessons from './lessons';

export const en = { common, lessons };
export default en;
