import type { Strings } from '../../strings';
import type en from '../en/searchViews';

const searchViews: Strings<typeof en> = {
  title: '纵览整个搜索',
  secondObjective: '第二目标',
  second: { none: '无', params: '参数数量', time: '训练时间' },
  filtered: '显示 {{total}} 次试验中的 {{shown}} 次（在平行坐标图中筛选）',
  clearFilter: '全部显示',
};
export default searchViews;
