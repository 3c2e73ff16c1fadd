import type { Strings } from '../../strings';
import type en from '../en/run';

const run: Strings<typeof en> = {
  toolbar: {
    label: '训练控制',
    train: '训练',
    pause: '暂停',
    step: '单步',
    reset: '重置',
    newSplit: '重新划分',
    regenerate: '重新生成数据',
    newSplitTitle: '用下一个种子重新划分训练集、验证集和测试集',
    regenerateTitle: '用下一个种子生成新的数据点',
    newImagesTitle: '用下一个种子换一批训练、验证和测试图像',
    epoch: '轮数',
    epochsPerSecond: '轮/秒',
    backend: '后端',
    backendChosen: '你选择的后端',
    status: '状态',
  },
  status: {
    timing: '正在为后端计时',
    paused: '已暂停',
    ready: '就绪',
    starting: '启动中',
    training: '训练中',
    diverged: '已发散',
    error: '出错',
  },
  timing: {
    label: '正在各个后端上为你的模型计时，之后用最快的后端训练；完成后即可训练：{{items}}',
    done: '{{backend}} ✓ {{ms}}/步',
    current: '{{backend}} …',
    next: '{{backend}} 待测',
    skip: '跳过计时：用 cpu 训练',
  },
  controls: {
    stopAt: '停在第几轮',
    noLimit: '0 = 不限',
    pace: '速度',
    paceHint: '放慢以便讲解',
    fullSpeed: '全速',
    perSecond: '每秒 {{pace}} 轮',
    startFresh: '用此设置重新开始',
    startFreshTitle: '用相同的初始权重和当前设置开始新的运行；本次运行保留在图上以便比较',
  },
  shortcuts: {
    button: '键盘快捷键',
    caption: '键盘快捷键（在输入框中输入时无效）',
    space: '空格',
    toggle: '训练 / 暂停',
    step: '训练一轮（单步）',
    reset: '重置权重',
    help: '显示或隐藏此列表',
    numberField: '在数字框中：逐步调整数值（按住 Shift：一次十步）',
    close: '关闭',
  },
  strip: {
    epoch: '轮数',
    train: '训练',
    val: '验证',
    verdict: '判断',
  },
  alerts: {
    dismiss: '关闭消息',
  },
};
export default run;
