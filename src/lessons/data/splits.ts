// Lesson 2: the training, validation and test sets, and what each one is for.
import { runsOf } from '../checkHelpers';
import type { Lesson } from '../types';
import { SMALL_CIRCLE } from './smallCircle';

const EPOCHS = 30;

export const splits: Lesson = {
  id: 'splits',
  kind: 'lesson',
  concepts: [8],
  setup: {
    config: {
      ...SMALL_CIRCLE,
      trainPct: 70,
      valPct: 10,
      layers: [4, 2],
      activations: ['tanh', 'tanh'],
      dropout: [0, 0],
      optimizer: 'adam',
      lr: 0.03,
      epochs: EPOCHS,
    },
  },
  controls: ['train-pct', 'val-pct', 'test-pct'],
  checks: [
    { sticky: false, passed: (s) => s.config.valPct >= 20 },
    { sticky: true, passed: (_s, log) => runsOf(log.runs, EPOCHS).some((r) => r.config.valPct >= 20) },
    { sticky: false, passed: (_s, log) => log.testEvaluations === 0 },
  ],
  text: {
    en: {
      title: 'Training, validation and test sets',
      idea: 'The data are split three ways. The training set, most of the data, fits the weights. The validation set is used to choose hyperparameters and to catch overfitting; the test set plays no part in training or tuning and measures the final model once, at the end.',
      steps: [
        'Click "Set up the page": 200 points, of which 70% train, only 10% validate and 20% test.',
        'In the Data panel, set Training % to 55 and press Enter, then set Validation % to 25 and press Enter. The test share stays 20%.',
        'Click Train and let the run stop at epoch 30, watching the validation loss: it is the number you would tune on.',
        'Leave "Evaluate on test set" alone: the test set is kept for the very end, when tuning is over.',
      ],
      question: 'Why not choose hyperparameters by their test loss?',
      answer: 'Then the test set would take part in tuning: the settings would be picked to suit those very points, and the test loss would no longer be an honest estimate of performance on new data. Tune on the validation set and use the test set once, at the end.',
      checks: ['The validation set holds at least 20% of the data.', 'A run trained for 30 epochs with at least 20% of the data for validation.', 'The test set has not been evaluated during this lesson.'],
    },
    zh: {
      title: '训练集、验证集和测试集',
      idea: '数据被分成三份。训练集占大部分，用来拟合权重。验证集用来调整超参数、发现过拟合；测试集不参与训练和调优，只在最后用一次来评估最终模型的性能。',
      steps: [
        '点击“布置页面”：200 个点，其中 70% 训练，只有 10% 验证，20% 测试。',
        '在“数据”面板里把训练集比例设为 55 并按回车，再把验证集比例设为 25 并按回车。测试集仍占 20%。',
        '点击“训练”，等它在第 30 轮停下，同时观察验证损失：调参时看的就是它。',
        '不要点“在测试集上评估”：测试集留到调优全部结束之后再用。',
      ],
      question: '为什么不按测试损失来选超参数？',
      answer: '那样测试集就参与了调优：选出的设置恰好适合这些点，测试损失就不再能真实地估计模型在新数据上的表现。应当在验证集上调参，测试集只在最后用一次。',
      checks: ['验证集至少占数据的 20%。', '在验证集至少占 20% 的情况下训练了 30 轮。', '本课中还没有在测试集上评估。'],
    },
  },
};
