import type { Strings } from '../../strings';
import type en from '../en/model';

const model: Strings<typeof en> = {
  title: '模型',
  inputs_one: '{{count}} 个输入',
  inputs_other: '{{count}} 个输入',
  outputs_one: '{{count}} 个输出',
  outputs_other: '{{count}} 个输出',
  params: '{{count}} 个权重和偏置',
  linear: '没有隐藏层：这是一个线性模型。',
  hidden: '隐藏层 {{n}}',
  units: '神经元数',
  activation: '激活函数',
  dropout: '丢弃率',
  batchnorm: '批归一化',
  batchnormLabel: '隐藏层 {{n}} 的批归一化',
  batchnormTitle: '在激活函数之前，把每个单元在小批量上归一化（再乘以学到的 γ、加上学到的 β）；评估时使用批统计量的滑动平均。更改它会开始新的一次训练。',
  remove: '删除隐藏层 {{n}}',
  add: '添加一层',
  init: '权重初始化',
  activations: {
    relu: 'ReLU',
    tanh: 'tanh',
    sigmoid: 'sigmoid',
    linear: '线性',
    softmax: 'softmax',
  },
  initializers: {
    glorotUniform: 'Glorot 均匀分布',
    glorotNormal: 'Glorot 正态分布',
    heNormal: 'He 正态分布',
    heUniform: 'He 均匀分布',
    zeros: '全零（对称）',
  },
  errors: {
    unknownFeature: '未知的特征 {{feature}}。',
    oneFeature: '至少保留一个输入特征。',
  },
};
export default model;
