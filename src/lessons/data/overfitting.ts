// Lesson 6: overfitting and its diagnosis, the remedies one click away, early stopping
// (concepts 9, 27, 28). The Overfit preset's setup: 50 noisy training points, a 32-32 network.
import { PRESETS } from '../../shared/presets';
import type { Lesson } from '../types';

const OVERFIT = PRESETS.find((p) => p.key === 'overfit')!.config;

export const overfitting: Lesson = {
  id: 'overfitting',
  kind: 'lesson',
  concepts: [9, 27, 28],
  // A budget of 300 epochs: a run without early stopping ends there, one with it stops well before.
  setup: { config: { ...OVERFIT, epochs: 300 } },
  controls: ['patience', 'min-delta', 'epoch-budget'],
  checks: [
    { sticky: true, passed: (_s, log) => log.runs.some((r) => r.valTurnedUp) },
    { sticky: true, passed: (_s, log) => log.runs.some((r) => r.diagnoses.includes('overfitting')) },
    {
      sticky: true,
      passed: (_s, log) =>
        log.runs.some(
          (r) =>
            r.stoppedAt !== null &&
            (r.config.patience > 0 || r.finalConfig.patience > 0) &&
            r.bestValEpoch < r.stoppedAt &&
            (r.finalConfig.epochs === 0 || r.stoppedAt < r.finalConfig.epochs),
        ),
    },
  ],
  text: {
    en: {
      title: 'Overfitting, and stopping early',
      idea:
        'A model overfits when it does well on its training data but poorly on new data: it has learnt the details and the noise of the training points instead of the pattern. On the curves, training loss keeps falling while validation loss turns upward. Early stopping watches the validation loss and stops training once it has stopped improving, going back to the best epoch.',
      steps: [
        'Press "Set up the page": 50 noisy training points on the circle and a 32-32 ReLU network, far bigger than they need (Stop at epoch: 300).',
        'Press Train and watch the loss chart: training loss keeps falling, and after about 70 epochs validation loss turns upward. The diagnosis under the plot reads "Overfitting".',
        'The remedies are one click away under the diagnosis. Click "Early stopping (patience 30)": a fresh run starts from the same initial weights, and the first one stays on the chart to compare.',
        'Watch the new run stop by itself 30 epochs after its best validation loss; the chart marks "best" and "stopped". The setting is Patience in Regularization → Early stopping.',
      ],
      question: 'Why does validation loss rise while training loss still falls, and which epoch’s weights would you keep?',
      answer:
        'The network has started to fit the noise of its 50 training points: every step fits them better, but what it learns no longer holds for new points, so validation loss grows. Keep the weights of the epoch with the lowest validation loss; early stopping with "Restore the best epoch’s weights when stopping" does exactly that.',
      checks: [
        'Validation loss turned upward while training loss kept falling.',
        'The overfitting diagnosis was shown.',
        'A run with early stopping stopped before its last epoch, with its best epoch marked.',
      ],
    },
    zh: {
      title: '过拟合与早停',
      idea:
        '过拟合是指模型在训练集上表现良好，但在新数据上表现不佳：它记住了训练数据的细节和噪声，而不是其中的规律。从曲线上看，训练损失一直在下降，验证损失却掉头上升。早停在验证集上监测性能，一旦不再改善就停止训练，并退回到最好的那一轮。',
      steps: [
        '点击“布置页面”：圆形数据集上 50 个带噪声的训练点，配一个远超所需的 32-32 ReLU 网络（“停在第几轮”为 300）。',
        '点击“训练”，观察损失曲线：训练损失一直下降，大约 70 轮后验证损失开始上升。图下方的诊断显示“过拟合”。',
        '诊断下方就是一键可用的补救办法。点击“早停（耐心 30 轮）”：从相同的初始权重重新训练一次，上一次的曲线留在图上供对比。',
        '看新的一次在验证损失最好的那一轮之后 30 轮自动停下；图上标出“最佳”和“停止”。这个设置就是“正则化 → 早停”里的“耐心值”。',
      ],
      question: '为什么训练损失还在下降，验证损失却在上升？你会保留哪一轮的权重？',
      answer:
        '网络开始拟合 50 个训练点里的噪声：每一步都让它们拟合得更好，但学到的东西对新数据不再成立，所以验证损失变大。应保留验证损失最低那一轮的权重；勾选“停止时恢复最佳轮次的权重”的早停正是这样做的。',
      checks: ['训练损失持续下降时，验证损失掉头上升。', '出现了过拟合的诊断。', '一次开启早停的训练在最后一轮之前停下，并标出了最佳一轮。'],
    },
  },
};
