// Every Chinese (Simplified) namespace, the same keys as ../en (typed: a missing key does not compile).
import type { Strings } from '../../strings';
import type { en } from '../en';
import common from './common';
import lessons from './lessons';

export const zh: Strings<typeof en> = { common, lessons };
export default zh;
