// Lesson 1: what tuning is, and its loop: change one setting, train, compare validation with the run before.
import { runsOf, settingsDiffer } from '../checkHelpers';
import type { Lesson } from '../types';
import { SMALL_CIRCLE } from './smallCircle';

const EPOCHS = 30;

export const tuning: Lesson = {
  id: 'tuning',
  kind: 'lesson',
  concepts: [1, 26],
  setup: {
    config: {
      ...SMALL_CIRCLE,
      layers: [4, 2],
      activations: ['tanh', 'tanh'],
      dropout: [0, 0],
      optimizer: 'sgd',
      lr: 0.003,
      epochs: EPOCHS,
    },
  },
  controls: ['lr', 'epoch-budget', 'start-fresh'],
  checks: [
    { sticky: true, passed: (_s, log) => runsOf(log.runs, EPOCHS).length >= 2 },
    {
      sticky: true,
      passed: (_s, log) => {
        const done = runsOf(log.runs, EPOCHS);
        return done.some((r, i) => i > 0 && settingsDiffer(done[i - 1].config, r.config).length > 0 && r.valLoss <= 0.9 * done[i - 1].valLoss);
      },
    },
  ],
  text: {
    en: {
      title: 'What tuning is',
      idea: 'Tuning a neural network means adjusting its hyperparameters, its architecture and its training so that it does better on data it has not seen. It is a loop: set a goal, change one setting, train, and compare the result on the validation set with the run before. Keep what helps, undo what does not, and repeat.',
      steps: [
        'Click "Set up the page": a small circle data set, a small network, plain SGD with a very small learning rate (0.003) and a budget of 30 epochs.',
        'Click Train and let the run stop at epoch 30. Note the validation loss.',
        'In the Training panel, change the learning rate to 0.1 and press Enter.',
        'Click "Start fresh with this setting": a new run starts from the same initial weights, and the first one stays on the chart.',
        'When it stops at epoch 30, compare the two runs\u2019 validation loss on the chart.',
      ],
      question: 'Why compare runs by their validation loss and not by their training loss?',
      answer: 'The goal of tuning is to do well on new data. The validation set is not used to fit the weights, so it shows how well a setting generalizes; the training loss can keep falling while a model only memorizes its training points.',
      checks: ['Two runs trained for 30 epochs.', 'A run with a changed setting ended with a validation loss at least 10% below the run before it.'],
    },
    zh: {
      title: '什么是调优',
      idea: '神经网络调优就是调整模型的超参数、架构和训练过程，让它在没见过的数据上表现更好。这是一个迭代的过程：确定目标，改一个设置，训练，再把验证集上的结果与上一次比较。有用的保留，没用的撤回，然后重复。',
      steps: [
        '点击“布置页面”：一个小的圆形数据集、一个小网络、学习率很小（0.003）的普通 SGD，训练 30 轮。',
        '点击“训练”，等它在第 30 轮停下。记下验证损失。',
        '在“训练”面板里把学习率改为 0.1，按回车。',
        '点击“用此设置重新开始”：新的一次训练从相同的初始权重开始，上一次仍留在图上。',
        '等它在第 30 轮停下，在图上比较两次训练的验证损失。',
      ],
      question: '为什么比较两次训练要看验证损失，而不是训练损失？',
      answer: '调优的目标是在新数据上表现好。验证集不参与拟合权重，所以它能反映一个设置的泛化能力；而训练损失即使在模型只是死记训练点时也会继续下降。',
      checks: ['两次训练都训练了 30 轮。', '改了一个设置后的训练，最终验证损失比上一次低至少 10%。'],
    },
  },
};
