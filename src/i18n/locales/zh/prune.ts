import type { Strings } from '../../strings';
import type en from '../en/prune';

const prune: Strings<typeof en> = {
  title: '提前停止差的试验',
  pruner: '剪枝器',
  pruners: { none: '无：每次试验都训练到底', median: '中位数：低于当前中位数则停止', asha: 'ASHA：逐次减半' },
  colStopped: '停止',
  stoppedAt: '第 {{epoch}} 轮被剪枝',
  notPruned: '—',
  eta: '缩减因子 η',
  hint: {
    none: '每次试验都训练全部轮数。',
    median: '从第 {{first}} 轮起，每 {{every}} 轮检查一次：比之前试验在同一轮的中位数更差的试验会停止（前 {{startup}} 次试验不剪枝）。',
    asha: '在第 {{rungs}} 轮设检查点：每个检查点只有最好的 1/η 继续训练。',
    hyperband: '多组逐次减半：每组在各检查点只保留最好的 1/η。',
  },
  problem: {
    pruner: '请选择无、中位数或 ASHA。',
    eta: 'η 必须是 2 到 10 之间的数。',
    minEpochs: '第一个检查点必须是整数轮，至少为 1，且小于总轮数。',
  },
  chart: {
    title: '中间结果曲线',
    caption: '每次试验在每轮之后的{{objective}}；被剪枝的试验为灰色，最佳试验为彩色。表格列出了每次试验停止的轮次。',
    epoch: '轮次',
    logY: '对数坐标（y 轴）',
    best: '最佳试验',
    pruned: '已剪枝',
    kept: '训练到底',
    summary: '{{total}} 次试验中有 {{pruned}} 次提前停止；共训练 {{epochs}} 轮（完整训练需 {{full}} 轮）。',
  },
};
export default prune;
