// Every Chinese (Simplified) namespace, the same keys as ../en (typed: a missing key does not compile).
import type { Strings } from '../../strings';
import type { en } from '../en';
import common from './common';
import classroom from './classroom';
import lessons from './lessons';
import pwa from './pwa';

export const zh: Strings<typeof en> = {
  common,
  classroom,
  lessons,
  pwa,
};
export default zh;
