// Every English namespace. Each area of the page has its own file (one namespace each); add a new
// one here and in ../zh/index.ts.
import common from './common';
import search from './search';
import sweeps from './sweeps';
import transfer from './transfer';
import saved from './saved';
import exportNs from './export';
import messages from './messages';

export const en = { common, search, sweeps, transfer, saved, export: exportNs, messages };
export default en;
