// Exercise: "Can one neuron learn this?" A linear model (no hidden layer) cannot separate the
// circle from x₁ and x₂; given the squares x₁² and x₂² it can, since the circle is x₁² + x₂² < r².
// Thresholds measured on the cpu backend (200 points, SGD α = 0.1): x₁, x₂ only, validation loss
// stays at 0.69 from epoch 10 on; with x₁², x₂² added it is 0.18 at epoch 30, 0.13 at 50, 0.08 at 100.
import type { ExperimentConfig } from '../../shared/config';
import type { Lesson } from '../types';
import { featuresAre, fromSetup, sameData } from './exerciseChecks';
import { SMALL_CIRCLE } from './smallCircle';

/** Validation loss the linear model must get below (with the squares it reaches it by about epoch 40). */
export const ONE_NEURON_GOAL = 0.15;
/** Validation loss above which the plain linear model counts as failing, after FAIL_EPOCHS. */
export const ONE_NEURON_FAIL = 0.5;
export const ONE_NEURON_FAIL_EPOCHS = 30;

const SETUP: Partial<ExperimentConfig> = {
  ...SMALL_CIRCLE,
  layers: [],
  activations: [],
  dropout: [],
  optimizer: 'sgd',
  lr: 0.1,
  epochs: 100,
};
const BASE = fromSetup(SETUP);

export const oneNeuron: Lesson = {
  id: 'one-neuron',
  kind: 'exercise',
  concepts: [10, 30, 2],
  setup: { config: SETUP },
  controls: ['features', 'epoch-budget', 'start-fresh'],
  checks: [
    {
      // The question answered by trying: x₁ and x₂ alone, no hidden layer, and the loss stays up.
      sticky: true,
      passed: (_s, log) =>
        log.runs.some((r) => sameData(r.config, BASE) && r.config.layers.length === 0 && featuresAre(r.config, ['x1', 'x2']) && r.epochs >= ONE_NEURON_FAIL_EPOCHS && r.valLoss > ONE_NEURON_FAIL),
    },
    {
      sticky: true,
      passed: (_s, log) => log.runs.some((r) => sameData(r.config, BASE) && r.config.layers.length === 0 && r.epochs >= 1 && r.valLoss < ONE_NEURON_GOAL),
    },
  ],
  text: {
    en: {
      title: 'Exercise: can one neuron learn this?',
      idea: 'With no hidden layer the network is a single neuron: it can only draw a straight line between the classes. The circle data set is not split by any straight line, so such a model underfits. But a model is only as simple as its inputs: give it the right features and one neuron is enough.',
      steps: [
        'Click "Set up the page": the circle, 200 points, no hidden layer (a linear model), inputs x₁ and x₂, SGD with α = 0.1, a budget of 100 epochs.',
        'Click Train. Watch the validation loss after 30 epochs or more: does it get anywhere below 0.5?',
        'In the Data panel, tick x₁² and x₂² under "Input features". Changing the inputs starts a new run.',
        'Click Train again, still with no hidden layer. Goal: validation loss below 0.15.',
      ],
      question: 'Why do the squares x₁² and x₂² let a single neuron separate the circle?',
      answer: 'The class depends on the distance from the centre, x₁² + x₂², and a neuron computes a weighted sum of its inputs. With the squares as inputs, w·(x₁² + x₂²) + b = 0 is exactly a circle, so the boundary the neuron needs is a straight line in the new features. Choosing features is another way to give a model the capacity a task needs.',
      checks: [
        `With only x₁ and x₂ and no hidden layer, the validation loss stayed above ${ONE_NEURON_FAIL} after ${ONE_NEURON_FAIL_EPOCHS} epochs.`,
        `With no hidden layer, a validation loss below ${ONE_NEURON_GOAL}.`,
      ],
    },
    zh: {
      title: '练习：一个神经元能学会吗？',
      idea: '没有隐藏层时，网络只有一个神经元：它只能在两类之间画一条直线。圆形数据集无法用直线分开，所以这样的模型会欠拟合。但模型简单与否还取决于它的输入：给它合适的特征，一个神经元就够了。',
      steps: [
        '点击“布置页面”：圆形数据，200 个点，没有隐藏层（线性模型），输入 x₁ 和 x₂，SGD，α = 0.1，训练 100 轮。',
        '点击“训练”。看 30 轮以后的验证损失：它能降到 0.5 以下吗？',
        '在“数据”面板的“输入特征”里勾选 x₁² 和 x₂²。改变输入会开始新的一次训练。',
        '再点击“训练”，仍然不加隐藏层。目标：验证损失低于 0.15。',
      ],
      question: '为什么平方特征 x₁² 和 x₂² 能让一个神经元分开圆形？',
      answer: '类别取决于到中心的距离 x₁² + x₂²，而神经元计算的是输入的加权和。以平方为输入时，w·(x₁² + x₂²) + b = 0 正好是一个圆，所以神经元需要的边界在新特征里就是一条直线。选择特征也是给模型提供足够能力的一种方式。',
      checks: [
        `只用 x₁ 和 x₂、没有隐藏层时，训练 ${ONE_NEURON_FAIL_EPOCHS} 轮后验证损失仍高于 ${ONE_NEURON_FAIL}。`,
        `没有隐藏层，验证损失低于 ${ONE_NEURON_GOAL}。`,
      ],
    },
  },
};
