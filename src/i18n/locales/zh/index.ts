// Every Chinese (Simplified) namespace, the same keys as ../en (typed: a missing key does not compile).
import type { Strings } from '../../strings';
import type { en } from '../en';
import common from './common';
import search from './search';
import sweeps from './sweeps';
import transfer from './transfer';
import saved from './saved';
import exportNs from './export';
import messages from './messages';

export const zh: Strings<typeof en> = { common, search, sweeps, transfer, saved, export: exportNs, messages };
export default zh;
