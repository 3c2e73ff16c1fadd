import type { Strings } from '../../strings';
import type en from '../en/regularization';

const regularization: Strings<typeof en> = {
  title: '正则化',
  intro: '下面每一项都能对抗过拟合，并立即生效。验证损失从不包含惩罚项。',
  lambda: '{{name}} λ（{{norm}}）',
  perLayerLegend: '每层的 {{name}} λ（{{norm}}）',
  output: '输出层',
  hidden: '隐藏层 {{n}}',
  perLayer: '逐层设置惩罚',
  augmentTables: '数据增强（抖动、对称变换）只用于二维数据集：表格的各列没有共同的单位可供抖动。',
  augment: '数据增强（仅训练点）',
  jitter: '抖动 σ（图上单位）',
  jitterHint: '每一轮给每个训练点加上新的高斯噪声',
  symmetry: '对称变换：{{name}}',
  noSymmetry: '对称变换：这个数据集没有保持标签不变的对称性',
  symmetries: {
    circle: '随机旋转',
    xor: '随机旋转半圈或沿对角线镜像',
    gaussian: '随机沿对角线镜像',
    wave: '随机镜像 x₂ → −x₂',
  },
  showAugmented: '在图上显示增强后的点',
  early: '早停（依据验证损失）',
  patience: '耐心值（轮数，0 = 关闭）',
  minDelta: '最小改善量',
  restoreBest: '停止时恢复最佳轮次的权重',
};
export default regularization;
