// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import classroom from './classroom';
import data from './data';
import diagnosis from './diagnosis';
import exportNs from './export';
import lab from './lab';
import lessons from './lessons';
import messages from './messages';
import model from './model';
import network from './network';
import pwa from './pwa';
import race from './race';
import regularization from './regularization';
import run from './run';
import runs from './runs';
import saved from './saved';
import schema from './schema';
import search from './search';
import searchViews from './searchViews';
import tpe from './tpe';
import prune from './prune';
import images from './images';
import shared from './shared';
import sweeps from './sweeps';
import test from './test';
import training from './training';
import transfer from './transfer';
import view from './view';

export const en = {
  common,
  classroom,
  data,
  diagnosis,
  export: exportNs,
  lab,
  lessons,
  messages,
  model,
  network,
  pwa,
  race,
  regularization,
  run,
  runs,
  saved,
  schema,
  search,
  searchViews,
  tpe,
  prune,
  images,
  shared,
  sweeps,
  test,
  training,
  transfer,
  view,
};
export default en;
