// Exercise: the smallest network with test loss below a mark on the circle, evaluated once.
// Measured on the cpu backend (300 points, noise 0.1, Adam α = 0.03, 150 epochs, the initial
// weights of runs 0–4): one hidden layer of 3 tanh units ends with test loss 0.04–0.16; 2 units
// (or 2 + 1) stay at 0.39–0.42, since two lines cannot close a region around the circle; 3 ReLU
// units pass from some initial weights and stick at 0.5 from others; 8-8 reaches 0.001.
import type { ExperimentConfig } from '../../shared/config';
import type { Lesson } from '../types';
import { featuresAre, fromSetup, hiddenUnits, sameData } from './exerciseChecks';
import { SMALL_CIRCLE } from './smallCircle';

export const SMALLEST_GOAL = 0.2;
export const SMALLEST_UNITS = 3;
const EPOCHS = 150;

const SETUP: Partial<ExperimentConfig> = {
  ...SMALL_CIRCLE,
  samples: 300,
  layers: [8, 8],
  activations: ['tanh', 'tanh'],
  dropout: [0, 0],
  optimizer: 'adam',
  lr: 0.03,
  epochs: EPOCHS,
};
const BASE = fromSetup(SETUP);

/** A run on the set-up's data, from x₁ and x₂ alone, with at most SMALLEST_UNITS hidden units. */
const small = (c: ExperimentConfig) => sameData(c, BASE) && featuresAre(c, ['x1', 'x2']) && hiddenUnits(c) <= SMALLEST_UNITS;

export const smallestNet: Lesson = {
  id: 'smallest-net',
  kind: 'exercise',
  concepts: [30, 14, 8],
  setup: { config: SETUP },
  controls: ['units-0', 'units-1', 'epoch-budget'],
  checks: [
    { sticky: true, passed: (_s, log) => log.runs.some((r) => small(r.config) && r.epochs >= 50) },
    { sticky: true, passed: (_s, log) => log.runs.some((r) => small(r.config) && r.testLosses.length > 0 && r.testLosses[0] < SMALLEST_GOAL) },
    // Not sticky: a second look at the test set undoes it.
    { sticky: false, passed: (_s, log) => log.testEvaluations === 1 },
  ],
  text: {
    en: {
      title: 'Exercise: the smallest network that learns the circle',
      idea: 'A network needs enough hidden units to draw the boundary a task needs, and every unit more is more weights to fit and more room to memorize noise. Find the least capacity that does the job: tune on the validation loss, then use the test set once, at the end, to confirm.',
      steps: [
        'Click "Set up the page": the circle with 300 points, inputs x₁ and x₂, two hidden layers of 8 tanh units, Adam with α = 0.03, a budget of 150 epochs.',
        `In the Model panel, remove layers and lower the units until the network has at most ${SMALLEST_UNITS} hidden units in all. Keep x₁ and x₂ as the only inputs.`,
        'Click Train and watch the validation loss on the chart. Try another size or activation while you are unsure: the validation set is there for that.',
        `When you are confident, click "Evaluate on test set" once. Goal: test loss below ${SMALLEST_GOAL}.`,
      ],
      question: 'Why can 2 hidden units not learn the circle, however long they train, while 3 can?',
      answer: 'Each hidden unit draws one straight line (a soft step along it) in the plane of x₁ and x₂, and the output combines those steps. Two lines cannot enclose a region, so the inside of the circle always leaks out on one side; three lines can form a triangle around it, which the output smooths into a round patch. Below that size the model underfits whatever the training.',
      checks: [
        `A network with at most ${SMALLEST_UNITS} hidden units, inputs x₁ and x₂ only, trained for 50 epochs or more.`,
        `Its test loss, at its first evaluation, below ${SMALLEST_GOAL}.`,
        'The test set was evaluated exactly once since the set-up.',
      ],
    },
    zh: {
      title: '练习：能学会圆形的最小网络',
      idea: '网络需要足够多的隐藏单元才能画出任务所需的边界；而每多一个单元，就多一些要拟合的权重，也多一些记住噪声的余地。找到刚好够用的最小容量：用验证损失来调，最后只用一次测试集来确认。',
      steps: [
        '点击“布置页面”：圆形数据，300 个点，输入 x₁ 和 x₂，两个各 8 个 tanh 单元的隐藏层，Adam，α = 0.03，训练 150 轮。',
        `在“模型”面板里删掉隐藏层、减少单元数，直到隐藏单元总数不超过 ${SMALLEST_UNITS} 个。输入仍只用 x₁ 和 x₂。`,
        '点击“训练”，在图上看验证损失。拿不准时可以换个大小或激活函数再试：验证集就是用来做这个的。',
        `有把握后，只点一次“在测试集上评估”。目标：测试损失低于 ${SMALLEST_GOAL}。`,
      ],
      question: '为什么 2 个隐藏单元训练多久都学不会圆形，而 3 个可以？',
      answer: '每个隐藏单元在 x₁、x₂ 平面上画一条直线（沿着它的一个平滑台阶），输出层把这些台阶组合起来。两条直线围不出一个封闭区域，圆的内部总会从某一侧漏出去；三条直线能围成一个三角形，输出层再把它抹成圆形的一块。小于这个规模，模型怎么训练都会欠拟合。',
      checks: [
        `隐藏单元总数不超过 ${SMALLEST_UNITS} 个、只用 x₁ 和 x₂ 作输入的网络，训练了至少 50 轮。`,
        `它第一次在测试集上评估的测试损失低于 ${SMALLEST_GOAL}。`,
        '布置页面以来，测试集恰好只评估了一次。',
      ],
    },
  },
};
