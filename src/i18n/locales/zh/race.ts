import type { Strings } from '../../strings';
import type en from '../en/race';

const race: Strings<typeof en> = {
  title: '优化器赛跑',
};
export default race;
