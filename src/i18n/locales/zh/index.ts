// Every Chinese (Simplified) namespace, the same keys as ../en (typed: a missing key does not compile).
import type { Strings } from '../../strings';
import type { en } from '../en';
import common from './common';
import classroom from './classroom';
import diagnosis from './diagnosis';
import lessons from './lessons';
import network from './network';
import pwa from './pwa';
import runs from './runs';
import test from './test';
import view from './view';

export const zh: Strings<typeof en> = {
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
export default zh;
