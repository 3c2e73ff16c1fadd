// Every Chinese (Simplified) namespace, the same keys as ../en (typed: a missing key does not compile).
import type { Strings } from '../../strings';
import type { en } from '../en';
import common from './common';
import run from './run';
import data from './data';
import model from './model';
import training from './training';
import regularization from './regularization';
import schema from './schema';
import shared from './shared';

export const zh: Strings<typeof en> = { common, run, data, model, training, regularization, schema, shared };
export default zh;
