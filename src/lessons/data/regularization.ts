// Lesson 7: L1/L2 penalties and their share of the loss, dropout, augmentation, more data
// (concepts 11, 12, 13, 29). The Overfit preset's setup with a fixed budget of 120 epochs, so a
// run with a remedy is compared with the run without it at the same epoch.
import { PRESETS } from '../../shared/presets';
import { SIZE_FRACTIONS } from '../../shared/sweep';
import type { Lesson } from '../types';
import { penaltyShare, someGapShrank } from './courseBChecks';

const OVERFIT = PRESETS.find((p) => p.key === 'overfit')!.config;

/** The penalty's share of the minimized loss the first check asks for. */
export const MIN_PENALTY_SHARE = 0.1;

export const regularization: Lesson = {
  id: 'regularization',
  kind: 'lesson',
  concepts: [11, 12, 13, 29],
  setup: { config: { ...OVERFIT, epochs: 120 } },
  controls: ['l1', 'l2', 'dropout-0', 'dropout-1', 'jitter', 'samples', 'sweep-epochs', 'epoch-budget'],
  checks: [
    { sticky: true, passed: (s) => penaltyShare(s) > MIN_PENALTY_SHARE },
    { sticky: true, passed: (_s, log) => someGapShrank(log.runs) },
    { sticky: true, passed: (_s, log) => log.sweeps.some((w) => w.kind === 'size' && w.points >= SIZE_FRACTIONS.length) },
  ],
  text: {
    en: {
      title: 'Regularization: penalties, dropout, augmentation, more data',
      idea:
        'Regularization keeps a model from overfitting. L1 and L2 add a penalty on the weights to the loss, λ‖w‖₁ or λ‖w‖₂², so the optimizer keeps them small; dropout switches off random neurons at every step, so the network cannot lean on any one of them; data augmentation transforms the training points at random and grows the effective data. More training data helps the same way: there is more pattern and relatively less noise to learn.',
      steps: [
        'Press "Set up the page" and then Train: the Overfit setup runs to epoch 120 (Stop at epoch), and its validation loss has turned upward: it overfits. Note the gap between training and validation loss.',
        'In Regularization, set L2 λ to 0.01 and press "Start fresh with this setting" (or click "Add L2 (λ = 0.01)" under the diagnosis). The readout under Training loss now shows "+ penalty": its share of what is minimized.',
        'Compare the new run with the first one on the chart: the boundary is smoother and the gap between the curves is smaller.',
        'Try the other remedies the same way from the first setup: Dropout 0.3 on each hidden layer in Model, or Jitter σ 0.5 under Data augmentation, or more Points in Data.',
        'In "Learning curve and capacity", set Epochs per model to 60 and press "Learning curve": the final validation loss falls toward the training loss as the training set grows.',
      ],
      question: 'Why does the validation loss never include the penalty, and why is a smaller gap not always a better model?',
      answer:
        'The penalty is only a way to steer training; what we care about is the error on new data, so validation measures the data loss alone. A huge λ closes the gap by making the model too simple: both losses go up and it underfits. Choose λ (or the dropout rate) by the validation loss, not by the gap alone.',
      checks: [
        'The penalty is more than 10% of the loss being minimized.',
        'The gap between training and validation loss shrank compared with the run without the remedy.',
        'A learning-curve sweep finished.',
      ],
    },
    zh: {
      title: '正则化：惩罚项、丢弃法、数据增强与更多数据',
      idea:
        '正则化用来防止模型过拟合。L1 和 L2 正则化在损失函数中加上权重的惩罚项 λ‖w‖₁ 或 λ‖w‖₂²，让优化器把权重压小；丢弃法（Dropout）每一步随机让一些神经元失活，网络就不能只依赖其中某几个；数据增强对训练点做随机变换，增加训练数据的有效大小。更多的训练数据也有同样的作用：可学的规律更多，噪声相对更少。',
      steps: [
        '点击“布置页面”，再点击“训练”：过拟合的设置训练到第 120 轮停下（“停在第几轮”），验证损失已经掉头上升：它过拟合了。记下训练损失和验证损失之间的差距。',
        '在“正则化”中把 L2 λ 设为 0.01，然后点击“用此设置重新开始”（或点击诊断下方的“加入 L2 正则化（λ = 0.01）”）。训练损失下方出现“+ 惩罚项”：这是它在被最小化的损失中所占的份额。',
        '在图上把新的一次和第一次对比：决策边界更平滑，两条曲线之间的差距更小。',
        '从第一次的设置出发，用同样的方法试试其他办法：在“模型”中把每个隐藏层的丢弃率设为 0.3，或在“数据增强”中把抖动 σ 设为 0.5，或在“数据”中增加点数。',
        '在“学习曲线与模型容量”中把“每个模型的训练轮数”设为 60，点击“学习曲线”：随着训练集变大，最终的验证损失向训练损失靠拢。',
      ],
      question: '为什么验证损失从不包含惩罚项？为什么差距更小不一定是更好的模型？',
      answer:
        '惩罚项只是引导训练的手段；我们关心的是模型在新数据上的误差，所以验证只计算数据损失。λ 过大时，差距之所以缩小，是因为模型被压得太简单：两条损失都升高，变成欠拟合。应该按验证损失来选 λ（或丢弃率），而不是只看差距。',
      checks: ['惩罚项占被最小化损失的 10% 以上。', '与没有用补救办法的那次相比，训练损失和验证损失之间的差距缩小了。', '完成了一次学习曲线扫描。'],
    },
  },
};
