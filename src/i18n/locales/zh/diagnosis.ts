// 诊断：状态名称、检测器给出的依据和补救措施（与 ../en/diagnosis.ts 键相同）。
import type { Strings } from '../../strings';
import type en from '../en/diagnosis';

const diagnosis: Strings<typeof en> = {
  regime: {
    overfitting: '过拟合',
    underfitting: '欠拟合',
    goodFit: '拟合良好',
    diverged: '发散',
    tooEarly: '尚难判断',
  },
  announcement: '诊断：{{title}}',
  since: '（自第 {{epoch}} 轮起）',
  remediesLabel: '补救措施',
  colon: '：',
  num: {
    large: '一个极大的值',
    undefined: '一个未定义的值',
    largeAmount: '极大幅度',
    manyTimes: '许多倍',
    times: '{{x}} 倍',
  },
  ref: {
    baseline: '忽略输入的模型的损失 {{value}}',
    start: '起始损失 {{value}}',
  },
  blowUp: '训练损失自第 {{since}} 轮起从 {{from}} 升至 {{to}}',
  bounce: '自第 {{since}} 轮起训练损失每轮跳动约 {{jump}} 倍，停在约 {{level}}，高于{{ref}}：步子迈过了头',
  rising: {
    kept: '持续下降（{{from}} → {{to}}）',
    flat: '持平于 {{value}}',
    evidence: '验证损失从第 {{epoch}} 轮的最小值 {{min}} 回升了 {{rise}}，而训练损失{{train}}',
  },
  gap: '验证损失 {{val}} 是训练损失 {{train}} 的 {{times}}，且自第 {{epoch}} 轮起不再改善',
  fall: {
    only: '仅下降了 {{pct}}',
    none: '没有下降',
  },
  underfit: '训练损失 {{train}} 是{{ref}} 的 {{pct}}，最近 {{epochs}} 轮{{fall}}（自第 {{since}} 轮起持平）',
  capacity: {
    acc: '（准确率 {{pct}}%）',
    evidence:
      '训练损失停滞在 {{train}}（最近 {{epochs}} 轮{{fall}}，自第 {{since}} 轮起持平）；一个 {{layers}}×{{units}} 的参照网络在同一数据上的验证损失可达 {{val}}{{acc}}，说明这个模型容量不足',
  },
  still: {
    falling: '训练损失 {{train}} 仍在下降（最近 {{epochs}} 轮下降 {{pct}}），尚未明显低于{{ref}}',
    notBelow: '训练损失 {{train}} 尚未明显低于{{ref}}',
  },
  good: {
    within: '与训练损失 {{train}} 相差不到 {{pct}}',
    below: '比训练损失 {{train}} 低 {{pct}}',
    above: '比训练损失 {{train}} 高 {{pct}}',
    times: '是训练损失 {{train}} 的 {{times}}',
    atMin: '处于最小值',
    aboveMin: '比第 {{epoch}} 轮的最小值高 {{pct}}',
    falling: '验证损失 {{val}} {{gap}}，且仍在下降（最近 {{epochs}} 轮下降 {{pct}}）',
    held: '验证损失 {{val}} {{gap}}，{{min}}，自第 {{since}} 轮起保持在该水平附近',
  },
  overflow: '损失在第 {{epoch}} 轮溢出为无穷大或非数值（NaN）',
  nonFinite: {
    nan: '损失在第 {{epoch}} 轮变为非数值（NaN）',
    inf: '损失在第 {{epoch}} 轮变为无穷大',
  },
  tooShort_one: '目前仅 {{count}} 轮；判断至少需要 {{min}} 轮',
  tooShort_other: '目前仅 {{count}} 轮；判断至少需要 {{min}} 轮',
  remedy: {
    strongerL2: '加强 L2 正则化（λ = {{l2}}）',
    addL2: '加入 L2 正则化（λ = 0.01）',
    dropout: '加入丢弃法（每层 0.3）',
    earlyStop: '早停（耐心 30 轮）',
    moreData: '更多训练数据（{{n}} 个点）',
    fewerUnits: '减少神经元（每层减半）',
    moreUnits: '增加神经元（每层加倍）',
    addHidden: '加一个 8 个神经元的隐藏层',
    addLayer: '再加一层',
    trainLonger: '训练更久',
    raiseLr: '提高学习率（{{lr}}）',
    features: '加入输入特征 x₁²、x₂²、x₁x₂',
    lowerLr: '把学习率降到 {{lr}} 并重新开始',
  },
};
export default diagnosis;
