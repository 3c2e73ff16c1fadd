// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import classroom from './classroom';
import data from './data';
import diagnosis from './diagnosis';
import lessons from './lessons';
import model from './model';
import network from './network';
import pwa from './pwa';
import regularization from './regularization';
import run from './run';
import runs from './runs';
import schema from './schema';
import shared from './shared';
import test from './test';
import training from './training';
import view from './view';

export const en = {
  common,
  classroom,
  data,
  diagnosis,
  lessons,
  model,
  network,
  pwa,
  regularization,
  run,
  runs,
  schema,
  shared,
  test,
  training,
  view,
};
export default en;
