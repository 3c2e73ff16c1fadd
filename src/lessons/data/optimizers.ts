// Lesson 5: gradient descent and its learning rate, momentum, Adam.
import { diverged, runsOf } from '../checkHelpers';
import type { Lesson } from '../types';
import { SMALL_CIRCLE } from './smallCircle';

const EPOCHS = 30;

export const optimizers: Lesson = {
  id: 'optimizers',
  kind: 'lesson',
  concepts: [5, 6, 7],
  setup: {
    config: {
      ...SMALL_CIRCLE,
      layers: [4, 2],
      activations: ['tanh', 'tanh'],
      dropout: [0, 0],
      optimizer: 'sgd',
      lr: 0.03,
      momentum: 0.9,
      epochs: EPOCHS,
    },
  },
  controls: ['optimizer', 'lr', 'momentum', 'beta1', 'beta2', 'epsilon', 'optimizer-formula', 'start-fresh'],
  checks: [
    {
      sticky: true,
      passed: (_s, log) => {
        const done = runsOf(log.runs, EPOCHS).filter((r) => !diverged(r));
        return (['sgd', 'momentum', 'adam'] as const).every((o) => done.some((r) => r.config.optimizer === o && r.config.seed === done[0].config.seed && r.config.dataset === done[0].config.dataset));
      },
    },
    {
      sticky: true,
      passed: (_s, log) => {
        const done = runsOf(log.runs, EPOCHS);
        return done.some((m) => m.config.optimizer === 'momentum' && done.some((g) => g.config.optimizer === 'sgd' && g.config.lr === m.config.lr && m.valLoss < g.valLoss));
      },
    },
    { sticky: true, passed: (_s, log) => log.runs.some((r) => r.config.lr >= 1 && diverged(r)) },
  ],
  text: {
    en: {
      title: 'Optimizers: gradient descent, momentum, Adam',
      idea: 'An optimizer updates the weights step by step to lower the loss. Gradient descent takes a step against the gradient, w ← w − α∇L, where the learning rate α sets the step: too small and training crawls, too large and it overshoots and diverges. Momentum keeps a running velocity v ← βv + α∇L, and Adam also scales each step by a running average of squared gradients (β₁, β₂, ε).',
      steps: [
        'Click "Set up the page": plain SGD with learning rate 0.03 and a budget of 30 epochs.',
        'Click Train: with plain SGD the loss falls slowly.',
        'Choose "SGD + momentum" as the Optimizer, then click "Start fresh with this setting": the same start, the same learning rate.',
        'Choose "Adam" as the Optimizer and click "Start fresh with this setting" again. Compare the three curves.',
        'Choose "SGD" again, set the learning rate to 10 (press Enter) and click "Start fresh with this setting": the loss jumps up instead of down, and the run is flagged as diverged.',
      ],
      question: 'Why does a learning rate that is too large make the loss grow instead of fall?',
      answer: 'Each step moves the weights by α times the gradient. When α is too large the step jumps past the valley of the loss to a point higher on the other side; the gradient there is steeper, so the next step is bigger still, and the loss blows up. Too small a rate never overshoots but needs many more steps.',
      checks: ['Runs with SGD, momentum and Adam each trained 30 epochs on the same data.', 'Momentum ended with a lower validation loss than plain SGD at the same learning rate.', 'A run with a learning rate of 1 or more diverged.'],
    },
    zh: {
      title: '优化算法：梯度下降、动量与 Adam',
      idea: '优化算法一步步更新权重，使损失下降。梯度下降沿梯度的反方向走一步：w ← w − α∇L，学习率 α 决定步长：太小训练慢得像在爬，太大会越过最低点甚至发散。动量梯度下降保留一个累积的速度 v ← βv + α∇L；Adam 还用梯度平方的滑动平均来缩放每一步（β₁、β₂、ε）。',
      steps: [
        '点击“布置页面”：学习率 0.03 的普通 SGD，训练 30 轮。',
        '点击“训练”：普通 SGD 的损失下降得很慢。',
        '把优化器改为“SGD + 动量”，然后点击“用此设置重新开始”：相同的起点，相同的学习率。',
        '把优化器改为“Adam”，再点击“用此设置重新开始”。比较三条曲线。',
        '把优化器改回“SGD”，把学习率设为 10（按回车），点击“用此设置重新开始”：损失不降反升，这次训练被标记为发散。',
      ],
      question: '为什么学习率太大会让损失上升而不是下降？',
      answer: '每一步让权重移动 α 乘以梯度。α 太大时，这一步会越过损失的谷底，落到另一侧更高的地方；那里的梯度更陡，下一步就更大，损失于是爆炸。学习率太小则不会越过谷底，但需要多得多的步数。',
      checks: ['SGD、动量和 Adam 各在相同数据上训练了 30 轮。', '在相同学习率下，动量的最终验证损失低于普通 SGD。', '学习率为 1 或更大的一次训练发散了。'],
    },
  },
};
