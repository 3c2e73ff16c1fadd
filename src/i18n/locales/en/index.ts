// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import run from './run';
import data from './data';
import model from './model';
import training from './training';
import regularization from './regularization';
import schema from './schema';
import shared from './shared';

export const en = { common, run, data, model, training, regularization, schema, shared };
export default en;
