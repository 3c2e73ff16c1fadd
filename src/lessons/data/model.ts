// Lesson 3: hidden units and layers; a model too simple for its task underfits; capacity.
import { runsOf } from '../checkHelpers';
import type { Lesson } from '../types';
import { SMALL_CIRCLE } from './smallCircle';

const EPOCHS = 50;
const TARGET = 0.3;

export const model: Lesson = {
  id: 'model',
  kind: 'lesson',
  concepts: [10, 14, 30],
  setup: {
    config: {
      ...SMALL_CIRCLE,
      layers: [],
      activations: [],
      dropout: [],
      optimizer: 'adam',
      lr: 0.03,
      epochs: EPOCHS,
    },
  },
  controls: ['units-0', 'sweep-epochs'],
  checks: [
    { sticky: true, passed: (_s, log) => log.runs.some((r) => r.config.layers.length === 0 && r.diagnoses.includes('underfitting')) },
    { sticky: true, passed: (_s, log) => runsOf(log.runs, 1).some((r) => r.config.layers.length > 0 && r.bestValLoss < TARGET) },
    { sticky: true, passed: (_s, log) => log.sweeps.some((w) => w.kind === 'width' && w.points >= 2) },
  ],
  text: {
    en: {
      title: 'Model size: layers, units and underfitting',
      idea: 'A model too simple for its data underfits: it does poorly on the training data and on new data alike. Hidden layers and their neurons (hidden units) give a network the capacity to capture curved patterns; choosing the number of layers and neurons is part of choosing the architecture. Too little capacity underfits, too much can overfit.',
      steps: [
        'Click "Set up the page": the circle data and a linear model (no hidden layer).',
        'Click Train. A straight line cannot separate a circle: both losses stay near 0.69, and the diagnosis says underfitting.',
        'In the Model panel, click "Add layer" and set its Units to 8 (press Enter). This starts a new model.',
        'Click Train: the boundary bends around the circle and the validation loss falls far below the linear model\u2019s (under 0.3).',
        'In "Learning curve and capacity", set Epochs per model to 30 and click "Capacity sweep": it trains the model with more and more hidden units and plots the final losses.',
      ],
      question: 'In the capacity sweep, what happens to the losses with very few hidden units, and why?',
      answer: 'With very few units both the training and the validation loss stay high: the model is too simple to capture the circle, which is underfitting. As units are added both losses fall; with far more units than the data need, the gap between them can start to widen (overfitting).',
      checks: ['The linear model was flagged as underfitting.', 'A model with a hidden layer reached a validation loss below 0.3.', 'A capacity sweep finished.'],
    },
    zh: {
      title: '模型规模：层数、神经元与欠拟合',
      idea: '模型对数据来说过于简单时会欠拟合：在训练集和新数据上都表现不佳。隐藏层及其神经元赋予网络捕捉弯曲模式的能力；选择层数和神经元数量是选择模型架构的一部分。容量太小会欠拟合，太大则可能过拟合。',
      steps: [
        '点击“布置页面”：圆形数据集和一个线性模型（没有隐藏层）。',
        '点击“训练”。一条直线分不开圆：两条损失都停在 0.69 左右，诊断显示欠拟合。',
        '在“模型”面板点击“添加一层”，把神经元数设为 8（按回车）。这会建立一个新模型。',
        '点击“训练”：决策边界绕着圆弯曲，验证损失远低于线性模型（低于 0.3）。',
        '在“学习曲线与容量”里把每个模型的训练轮数设为 30，点击“容量扫描”：它用越来越多的隐藏神经元训练模型，并画出最终损失。',
      ],
      question: '在容量扫描中，隐藏神经元很少时损失会怎样？为什么？',
      answer: '神经元很少时，训练损失和验证损失都很高：模型太简单，捕捉不到圆形，这就是欠拟合。增加神经元后两条损失都下降；神经元远多于数据所需时，两者之间的差距可能开始拉大（过拟合）。',
      checks: ['线性模型被诊断为欠拟合。', '带隐藏层的模型验证损失低于 0.3。', '完成了一次容量扫描。'],
    },
  },
};
