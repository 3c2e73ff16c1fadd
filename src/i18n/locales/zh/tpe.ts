import type { Strings } from '../../strings';
import type en from '../en/tpe';

const tpe: Strings<typeof en> = {
  title: 'TPE',
};
export default tpe;
