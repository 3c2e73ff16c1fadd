import type { Strings } from '../../strings';
import type en from '../en/lab';

const lab: Strings<typeof en> = {
  title: '学习率实验室',
};
export default lab;
