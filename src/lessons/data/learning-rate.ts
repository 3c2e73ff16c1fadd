// Exercise: reach a training loss below 0.1 within 50 epochs by choosing the learning rate (and
// the optimizer); the data, inputs, network and batch size stay as set up.
// Measured on the cpu backend (circle, 200 points, 4-2 tanh, batch 10), training loss at epoch 50:
// SGD α = 0.003 (the set-up) 0.68, 0.03 0.57, 0.1 0.31, 0.3 0.06, 1 0.33 and 3 0.32 (both
// bouncing), 10 diverges; SGD + momentum α = 0.03 0.04; Adam α = 0.01 0.27, 0.03 0.04, 0.1 0.02;
// RMSprop α = 0.03 0.02.
import type { ExperimentConfig } from '../../shared/config';
import type { Store } from '../../store/store';
import type { Lesson, LessonLog } from '../types';
import { differences, fromSetup, lowestTrainLossBy } from './exerciseChecks';
import { SMALL_CIRCLE } from './smallCircle';

export const LR_GOAL = 0.1;
export const LR_EPOCHS = 50;

const SETUP: Partial<ExperimentConfig> = {
  ...SMALL_CIRCLE,
  layers: [4, 2],
  activations: ['tanh', 'tanh'],
  dropout: [0, 0],
  optimizer: 'sgd',
  lr: 0.003,
  epochs: LR_EPOCHS,
};
const BASE = fromSetup(SETUP);

/** What the student may change: the optimizer and its settings. */
const FREE: ReadonlySet<keyof ExperimentConfig> = new Set(['lr', 'optimizer', 'momentum', 'beta1', 'beta2', 'epsilon']);
const asSetUp = (c: ExperimentConfig) => differences(c, BASE).every((k) => FREE.has(k));

function reached(s: Store, log: LessonLog): boolean {
  // The current run from its whole history (any epoch up to LR_EPOCHS), earlier runs from where they ended.
  const current = s.runStartConfig ?? s.runConfig;
  if (current && asSetUp(current) && (!s.runConfig || asSetUp(s.runConfig)) && lowestTrainLossBy(s, LR_EPOCHS) < LR_GOAL) return true;
  return log.runs.some((r) => asSetUp(r.config) && r.epochs <= LR_EPOCHS && r.trainLoss < LR_GOAL);
}

export const learningRate: Lesson = {
  id: 'learning-rate',
  kind: 'exercise',
  concepts: [5, 6, 7, 14],
  setup: { config: SETUP },
  controls: ['lr', 'optimizer', 'momentum', 'beta1', 'beta2', 'epoch-budget'],
  checks: [
    { sticky: false, passed: (s) => asSetUp(s.config) },
    { sticky: true, passed: reached },
  ],
  text: {
    en: {
      title: 'Exercise: the learning rate that gets there in 50 epochs',
      idea: 'Gradient descent moves each weight against its gradient, w ← w − α∇L, and the learning rate α sets the size of each step. Too small and the loss crawls; too large and it overshoots, bounces or diverges. Momentum and Adam adapt the steps and are more forgiving, but they still need a sensible α.',
      steps: [
        `Click "Set up the page": the circle, a 4-2 tanh network, plain SGD with α = 0.003, batch size 10, a budget of ${LR_EPOCHS} epochs.`,
        `Click Train: after ${LR_EPOCHS} epochs the training loss has hardly moved.`,
        'In the Training panel, choose a learning rate (and, if you like, an optimizer), then click "Start fresh with this setting" to train again from epoch 0. Try a few, from 0.01 up to 3.',
        `Goal: training loss below ${LR_GOAL} by epoch ${LR_EPOCHS}, with the data, inputs, network and batch size as set up.`,
      ],
      question: 'Why does plain SGD do worse at α = 1 than at α = 0.3 on this task?',
      answer: 'Each step moves the weights by α times the gradient. Near the bottom of the loss the gradient still points the right way, but a step of α = 1 jumps past the minimum to the other side of the valley, so the loss bounces instead of settling. A smaller α takes more steps but each one lands lower; the best α is the largest one that still goes downhill steadily.',
      checks: [
        'The data, inputs, network and batch size are as set up (only the optimizer and its settings changed).',
        `Training loss below ${LR_GOAL} by epoch ${LR_EPOCHS}.`,
      ],
    },
    zh: {
      title: '练习：50 轮内达到目标的学习率',
      idea: '梯度下降让每个权重沿梯度的反方向移动，w ← w − α∇L，学习率 α 决定每一步的大小。太小，损失下降得很慢；太大，就会越过最低点、来回震荡甚至发散。动量和 Adam 会调整步长，更宽容一些，但仍需要合适的 α。',
      steps: [
        `点击“布置页面”：圆形数据，4-2 的 tanh 网络，α = 0.003 的普通 SGD，批大小 10，训练 ${LR_EPOCHS} 轮。`,
        `点击“训练”：${LR_EPOCHS} 轮后训练损失几乎没有变化。`,
        '在“训练”面板里选一个学习率（也可以换个优化器），再点击“用此设置重新开始”，从第 0 轮重新训练。从 0.01 到 3 多试几个。',
        `目标：第 ${LR_EPOCHS} 轮之前训练损失低于 ${LR_GOAL}，数据、输入、网络和批大小保持不变。`,
      ],
      question: '在这个任务上，为什么普通 SGD 在 α = 1 时反而不如 α = 0.3？',
      answer: '每一步让权重移动 α 乘以梯度。接近损失最低点时，梯度方向仍然是对的，但 α = 1 的一步会越过最低点跳到山谷另一侧，损失于是来回震荡而不是稳定下来。较小的 α 要走更多步，但每一步都落得更低；最好的 α 是仍能稳定下降的最大那个。',
      checks: [
        '数据、输入、网络和批大小与布置时相同（只改了优化器及其设置）。',
        `第 ${LR_EPOCHS} 轮之前训练损失低于 ${LR_GOAL}。`,
      ],
    },
  },
};
