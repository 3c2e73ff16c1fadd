import type { Strings } from '../../strings';
import type en from '../en/training';

const training: Strings<typeof en> = {
  title: '训练',
  loss: '损失函数',
  optimizer: '优化器',
  optimizerHint: '{{hint}}；其状态（速度、均值）从头开始',
  lr: '学习率 α',
  batch: '批大小',
  momentum: '动量 β',
  backend: '后端',
  losses: {
    mse: '均方误差 (MSE)',
    bce: '二元交叉熵',
    cce: '分类交叉熵',
  },
  optimizers: {
    sgd: 'SGD',
    momentum: 'SGD + 动量',
    adam: 'Adam',
    rmsprop: 'RMSprop',
    adagrad: 'Adagrad',
  },
  backends: {
    auto: '自动：为此模型选最快的',
    webgl: 'WebGL (GPU)',
    wasm: 'WebAssembly',
    cpu: 'CPU (JavaScript)',
  },
  applies: {
    live: '立即生效',
    newRun: '开始新的运行',
    newWorker: '在其上重新开始训练',
    view: '重绘视图',
  },
  formula: {
    mseWhere: '（n 个样本，每个 K 个输出；单个目标时 K = 1）',
    momentumNote: '（在 α 改变之前，与 v ← βv + α∇L, w ← w − v 的步骤相同；α 改变后，这种写法会用新的 α 缩放整个速度）',
    epsilonPending: '后端自己的值（后端启动后显示）',
    epsilonOwn: '{{value}}（后端自己的值）',
  },
  note: {
    runningOn: '正在运行于 ',
    timed_one: '：在此模型上为 {{count}} 个后端计时（每个训练步的毫秒数：{{timings}}），并选了最快的。',
    timed_other: '：在此模型上为 {{count}} 个后端计时（每个训练步的毫秒数：{{timings}}），并选了最快的。',
    warmOnly: '（它的预热步：很慢，不再继续计时）',
    untimed: ' 未计时：{{names}}（它在这里用软件绘制，这个模型太重，它不可能胜出）。',
    whileTiming: '，同时正在各个后端上为你的模型计时（进度显示在“训练”旁；在上面选一个后端即可跳过）。',
    untilTimed: '，直到模型建好并计时完成。',
    fellBack: '（{{note}}）。',
    asChosen: '，按你的选择。',
    softwareWebgl:
      '这里的 WebGL 用软件绘制（{{renderer}}），而不是显卡：它和页面在同一个 CPU 上运行，比 cpu 或 wasm 慢得多。在它上面的训练会限速（worker 每隔几十毫秒让设备跟上），让页面保持流畅。',
  },
};
export default training;
