// Lesson 10: choose between runs on the validation set, then evaluate the chosen model once on
// the test set, at the end (concepts 8, 1, 26). A small circle and a 100-epoch budget, so each run
// ends by itself in a few seconds.
import type { ExperimentConfig } from '../../shared/config';
import type { Lesson, RunRecord } from '../types';

/** Epochs a run needs before its validation loss is worth comparing. */
export const MIN_COMPARE_EPOCHS = 50;

/** Settings that do not change the model or its training (how far and how fast a run goes, where it runs). */
const NOT_A_CHOICE: ReadonlySet<keyof ExperimentConfig> = new Set(['epochs', 'pace', 'backend']);

/** The two configs differ in some setting that changes the model or its training. */
export function differentSetup(a: ExperimentConfig, b: ExperimentConfig): boolean {
  return (Object.keys(a) as (keyof ExperimentConfig)[]).some((k) => !NOT_A_CHOICE.has(k) && JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}

/**
 * At least two trained runs that started with different settings, each with a validation loss to
 * compare. Start configs, not `finalConfig`: that also takes an edit made after the run's last
 * epoch, i.e. the setting the next run tries.
 */
export function comparedOnValidation(runs: readonly RunRecord[]): boolean {
  const trained = runs.filter((r) => r.epochs >= MIN_COMPARE_EPOCHS && Number.isFinite(r.valLoss));
  return trained.some((a, i) => trained.slice(i + 1).some((b) => differentSetup(a.config, b.config)));
}

export const evaluate: Lesson = {
  id: 'evaluate',
  kind: 'lesson',
  concepts: [8, 1, 26],
  setup: {
    config: { dataset: 'circle', problem: 'classification', samples: 200, noise: 0.2, seed: 2, trainPct: 50, valPct: 25, layers: [2], activations: ['tanh'], dropout: [0], optimizer: 'sgd', lr: 0.1, batch: 10, l1: 0, l2: 0, patience: 0, epochs: 100 }
  },
  controls: ['train-pct', 'val-pct', 'units-0', 'lr', 'epoch-budget'],
  checks: [
    { sticky: true, passed: (_s, log) => comparedOnValidation(log.runs) },
    {
      sticky: true,
      passed: (_s, log) => {
        const first = log.runs.findIndex((r) => r.testLosses.length > 0);
        return first >= 1 && comparedOnValidation(log.runs.slice(0, first + 1));
      },
    },
    { sticky: false, passed: (_s, log) => log.testEvaluations === 1 },
  ],
  text: {
    en: {
      title: 'Evaluate once, on the test set, at the end',
      idea:
        'The data are split three ways: the training set trains the model, the validation set is used to tune the hyperparameters and to catch overfitting, and the test set measures the final model’s performance and takes no part in training or tuning. Tuning is a loop: set a goal, prepare the data, choose a model and its hyperparameters, train while watching validation, adjust, and compare with the previous run. Only at the end is the chosen model evaluated on the test set, once.',
      steps: [
        'Press "Set up the page": 200 points split 50% training, 25% validation and 25% test (Data), and a network with 2 hidden units. Press Train: the run stops at epoch 100. Note the validation loss.',
        'Adjust one setting: in Model, set Units of Hidden 1 to 8 (or change the Learning rate in Training) and press Train again. The first run is kept under Compare runs and on the chart.',
        'Compare the two runs by their validation loss, never by the test set, and keep the better setting.',
        'Now, and only now, press "Evaluate on test set", once: that is the estimate you report.',
      ],
      question: 'Why not evaluate every run on the test set and keep the one that scores best there?',
      answer:
        'Then the test set would be choosing your settings: it becomes a second validation set, and the chosen model’s test score is biased in its favour, so it overstates how well the model does on really new data. Choose with the validation set; use the test set once, for the final, honest estimate.',
      checks: [
        'Validation loss was used for the choice: two runs with different settings were trained and compared.',
        'The test set was first used after that comparison, not during it.',
        'The test set was evaluated exactly once.',
      ],
    },
    zh: {
      title: '最后在测试集上只评估一次',
      idea:
        '数据分成三份：训练集用来训练模型，验证集用来调整超参数和防止过拟合，测试集用来评估最终模型的性能，不参与训练和调优。调优是一个迭代的过程：确定目标，准备数据，选择模型架构和超参数，一边训练一边监测验证集，再调整参数，并与上一次的结果比较。只有到最后，才在测试集上对选定的模型评估一次。',
      steps: [
        '点击“布置页面”：200 个点分成 50% 训练集、25% 验证集和 25% 测试集（“数据”），网络只有 2 个神经元。点击“训练”：训练到第 100 轮停止。记下验证损失。',
        '调整一个设置：在“模型”中把“隐藏层 1”的神经元数设为 8（或在“训练”中改一下学习率），再点击“训练”。第一次的结果保留在“对比运行”和图上。',
        '用验证损失比较这两次，绝不用测试集，保留更好的设置。',
        '现在，也只有现在，点击“在测试集上评估”，只点一次：这就是你要报告的结果。',
      ],
      question: '为什么不在测试集上评估每一次训练，然后保留测试成绩最好的那个？',
      answer:
        '那样的话，是测试集在替你选设置：它变成了第二个验证集，被选中的模型的测试成绩会偏高，高估模型在真正的新数据上的表现。用验证集做选择；测试集只用一次，得到最终的、诚实的估计。',
      checks: ['用验证损失做选择：训练并比较了两次设置不同的训练。', '测试集是在比较之后才第一次使用的，而不是在比较过程中。', '测试集恰好只评估了一次。'],
    },
  },
};
