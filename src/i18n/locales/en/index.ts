// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import view from './view';
import diagnosis from './diagnosis';
import network from './network';
import runs from './runs';
import test from './test';

export const en = { common, view, diagnosis, network, runs, test };
export default en;
