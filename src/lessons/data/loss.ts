// Lesson 4: training minimizes a loss over the weights and biases; squared error and cross-entropy.
import { runsOf, settingsDiffer } from '../checkHelpers';
import type { Lesson } from '../types';
import type { RunRecord } from '../types';
import { SMALL_CIRCLE } from './smallCircle';

const EPOCHS = 40;

/** The training loss fell to at most `share` of the untrained model's. */
const fell = (r: RunRecord, share: number) => r.firstTrainLoss !== undefined && r.trainLoss <= share * r.firstTrainLoss;

export const loss: Lesson = {
  id: 'loss',
  kind: 'lesson',
  concepts: [2, 3, 4],
  setup: {
    config: {
      ...SMALL_CIRCLE,
      layers: [6],
      activations: ['tanh'],
      dropout: [0],
      optimizer: 'adam',
      lr: 0.03,
      epochs: EPOCHS,
    },
  },
  controls: ['loss', 'loss-formula'],
  checks: [
    { sticky: true, passed: (_s, log) => runsOf(log.runs, EPOCHS).some((r) => r.config.loss === 'bce' && fell(r, 0.7)) },
    { sticky: true, passed: (_s, log) => runsOf(log.runs, EPOCHS).some((r) => r.config.loss === 'mse' && fell(r, 0.7)) },
    {
      sticky: true,
      passed: (_s, log) => {
        const done = runsOf(log.runs, EPOCHS);
        return done.some((a) => a.config.loss === 'bce' && done.some((b) => b.config.loss === 'mse' && settingsDiffer(a.config, b.config).join() === 'loss'));
      },
    },
  ],
  text: {
    en: {
      title: 'The loss: squared error and cross-entropy',
      idea: 'Training is an optimization problem: find the weights and biases that make the loss on the data smallest. The loss measures how far the predictions are from the true labels: squared error (y − ŷ)², or cross-entropy −y log ŷ − (1 − y) log(1 − ŷ), which punishes a confident wrong answer much harder.',
      steps: [
        'Click "Set up the page": the circle data, one hidden layer of 6 units, binary cross-entropy.',
        'Click Train and watch the training loss fall as the weights and biases change, until epoch 40. The formula under the Loss menu is what is minimized.',
        'In the Training panel, choose "Mean squared error" as the Loss. This builds the same model again from the start.',
        'Click Train again, to epoch 40, and compare: the two losses are on different scales, so compare the curves\u2019 shape, the accuracy and the boundary.',
      ],
      question: 'A point of class 1 gets ŷ = 0.01. How much does each loss charge for it?',
      answer: 'Squared error: (1 − 0.01)² ≈ 0.98, at most 1 however wrong. Cross-entropy: −log 0.01 ≈ 4.6, and it grows without bound as ŷ → 0. Cross-entropy pushes hard on confident mistakes, which is why it is the usual loss for classification.',
      checks: ['A cross-entropy run trained 40 epochs and its training loss fell by at least 30%.', 'A squared-error (MSE) run trained 40 epochs and its training loss fell by at least 30%.', 'The two runs differ only in the loss function (same data, seed and model).'],
    },
    zh: {
      title: '损失函数：均方误差与交叉熵',
      idea: '训练本质上是一个优化问题：找到一组权重和偏置，使模型在数据上的损失函数最小。损失函数衡量预测与真实标签之间的差异：平方误差 (y − ŷ)²，或交叉熵 −y log ŷ − (1 − y) log(1 − ŷ)，后者对“很自信却答错”的惩罚重得多。',
      steps: [
        '点击“布置页面”：圆形数据集，一个 6 个神经元的隐藏层，二元交叉熵损失。',
        '点击“训练”，观察训练损失随着权重和偏置的变化而下降，直到第 40 轮。“损失函数”菜单下的公式就是被最小化的量。',
        '在“训练”面板里把损失函数改为“均方误差”。这会从头重新建立同样的模型。',
        '再次点击“训练”到第 40 轮并比较：两种损失的数值尺度不同，所以要比较曲线的形状、准确率和决策边界。',
      ],
      question: '一个类别为 1 的点得到 ŷ = 0.01，两种损失各给它记多少？',
      answer: '平方误差：(1 − 0.01)² ≈ 0.98，再错也不超过 1。交叉熵：−log 0.01 ≈ 4.6，当 ŷ → 0 时无限增大。交叉熵对自信的错误惩罚很重，所以分类问题通常用它。',
      checks: ['交叉熵损失训练了 40 轮，训练损失下降了至少 30%。', '均方误差（MSE）损失训练了 40 轮，训练损失下降了至少 30%。', '两次训练只有损失函数不同（数据、种子和模型都相同）。'],
    },
  },
};
