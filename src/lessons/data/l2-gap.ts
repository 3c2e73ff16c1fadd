// Exercise: L2 at 0 and at 0.01 on the Overfit preset, and the gap between training and
// validation loss. (TensorFlow Playground's exercise uses 0.3; here λ multiplies ‖w‖₂² summed
// over every weight, and 0.1 already flattens the 32-32 network to a constant: its losses go to
// 0.693 and the gap to 0 by underfitting, which the "still fits" condition rules out.)
// Measured on the cpu backend at epoch 100 (initial weights of runs 0, 1, 2): the gap without L2
// is 0.11–0.17; with λ = 0.01 it is 0.045–0.062 (36–40% of it; training loss 0.15–0.16), with
// 0.005 43–47%, with 0.003 51–58% (not enough); λ = 0.03 makes training unstable (training loss
// 0.3–0.36 by epoch 150) and 0.1 flattens the network (both losses 0.69).
import { lambdaMax, type ExperimentConfig } from '../../shared/config';
import type { Lesson, LessonLog, RunRecord } from '../types';
import { differences, fromSetup, gap, OVERFIT_PRESET } from './exerciseChecks';

export const L2_EPOCHS = 100;
/** The run with L2 must still fit its training data: training loss below this (guessing gives 0.69). */
export const L2_STILL_FITS = 0.3;
/** The gap with L2 must be at most this share of the gap without. */
export const L2_GAP_FACTOR = 0.5;

const SETUP: Partial<ExperimentConfig> = { ...OVERFIT_PRESET, epochs: L2_EPOCHS };
const BASE = fromSetup(SETUP);

/** The set-up's settings, L2 aside, trained for L2_EPOCHS. */
const onSetup = (r: RunRecord) => r.epochs >= L2_EPOCHS && differences(r.config, BASE).every((k) => k === 'l2');
const without = (log: LessonLog) => log.runs.filter((r) => onSetup(r) && lambdaMax(r.config.l2) === 0);
const withL2 = (log: LessonLog) => log.runs.filter((r) => onSetup(r) && lambdaMax(r.config.l2) > 0 && r.trainLoss < L2_STILL_FITS);

export const l2Gap: Lesson = {
  id: 'l2-gap',
  kind: 'exercise',
  concepts: [11, 9, 1],
  setup: { config: SETUP },
  controls: ['l2', 'start-fresh', 'epoch-budget'],
  checks: [
    { sticky: true, passed: (_s, log) => without(log).length > 0 },
    { sticky: true, passed: (_s, log) => withL2(log).length > 0 },
    {
      sticky: true,
      passed: (_s, log) => {
        const base = without(log).map(gap).filter((g) => g > 0);
        return withL2(log).some((r) => base.some((g) => gap(r) <= L2_GAP_FACTOR * g));
      },
    },
  ],
  text: {
    en: {
      title: 'Exercise: L2 at 0 and at 0.01, and the gap',
      idea: 'An L2 penalty adds λ‖w‖₂² to the loss, so large weights cost something and the boundary the network draws stays smooth. An overfitting model fits its training points far better than new ones: the gap between its training and validation loss is the sign. Measure that gap without the penalty and with it.',
      steps: [
        `Click "Set up the page": the Overfit preset (a 32-32 network on 50 noisy points), L2 λ = 0, a budget of ${L2_EPOCHS} epochs.`,
        `Click Train and let it stop at epoch ${L2_EPOCHS}. Read the training and validation loss: the gap is their difference.`,
        'In the Regularization panel, set L2 λ to 0.01 and press Enter.',
        'Click "Start fresh with this setting": the same initial weights, now with the penalty.',
        `When it stops at epoch ${L2_EPOCHS}, compare the two gaps on the chart. Try λ = 0.1 too and see what too much does.`,
      ],
      question: 'A larger λ shrinks the gap even further, down to nothing. Why is that not better?',
      answer: 'A large enough λ makes every weight nearly zero: the network predicts the same for every point, and training and validation loss meet at what guessing gives (0.69). The gap is gone because the model learns nothing, not because it generalizes: that is underfitting. The right λ shrinks the gap while the training loss stays low.',
      checks: [
        `A run with L2 λ = 0 trained for ${L2_EPOCHS} epochs.`,
        `A run with L2 λ > 0, everything else the same, trained for ${L2_EPOCHS} epochs and still fits: training loss below ${L2_STILL_FITS}.`,
        `Its gap between validation and training loss is at most half the gap without L2.`,
      ],
    },
    zh: {
      title: '练习：L2 为 0 和 0.01 时的差距',
      idea: 'L2 惩罚在损失上加上 λ‖w‖₂²，大的权重要付出代价，网络画出的边界就保持平滑。过拟合的模型在训练点上远比在新数据上拟合得好：训练损失和验证损失之间的差距就是信号。分别测量不加惩罚和加惩罚时的这个差距。',
      steps: [
        `点击“布置页面”：过拟合示例（32-32 的网络，50 个带噪声的点），L2 λ = 0，训练 ${L2_EPOCHS} 轮。`,
        `点击“训练”，等它在第 ${L2_EPOCHS} 轮停下。读出训练损失和验证损失：两者之差就是差距。`,
        '在“正则化”面板里把 L2 λ 设为 0.01，按回车。',
        '点击“用此设置重新开始”：相同的初始权重，这次带上惩罚。',
        `等它在第 ${L2_EPOCHS} 轮停下，在图上比较两次的差距。也试试 λ = 0.1，看看惩罚太大会怎样。`,
      ],
      question: 'λ 更大时差距还会更小，直到消失。为什么这并不更好？',
      answer: 'λ 足够大时，所有权重都接近 0：网络对每个点的预测都一样，训练损失和验证损失都停在瞎猜的水平（0.69）。差距消失是因为模型什么都没学到，而不是因为它泛化得好：这就是欠拟合。合适的 λ 让差距缩小，同时训练损失仍然很低。',
      checks: [
        `一次 L2 λ = 0 的训练，训练了 ${L2_EPOCHS} 轮。`,
        `一次 L2 λ > 0、其余设置都相同的训练，训练了 ${L2_EPOCHS} 轮，并且仍能拟合：训练损失低于 ${L2_STILL_FITS}。`,
        '它的验证损失与训练损失之差，不超过不加 L2 时差距的一半。',
      ],
    },
  },
};
