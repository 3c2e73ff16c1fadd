// Every Chinese (Simplified) namespace, the same keys as ../en (typed: a missing key does not compile).
import type { Strings } from '../../strings';
import type { en } from '../en';
import common from './common';
import view from './view';
import diagnosis from './diagnosis';
import network from './network';
import runs from './runs';
import test from './test';

export const zh: Strings<typeof en> = { common, view, diagnosis, network, runs, test };
export default zh;
