import type { Strings } from '../../strings';
import type en from '../en/prune';

const prune: Strings<typeof en> = {
  title: '提前停止差的试验',
  pruner: '剪枝器',
  pruners: { none: '无：每次试验都训练到底', median: '中位数：低于当前中位数则停止', asha: 'ASHA：逐次减半' },
  colStopped: '停止',
  stoppedAt: '第 {{epoch}} 轮被剪枝',
  notPruned: '—',
};
export default prune;
