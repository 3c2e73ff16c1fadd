import type { Strings } from '../../strings';
import type en from '../en/tpe';

const tpe: Strings<typeof en> = {
  title: 'TPE',
  conditional: {
    momentum: '只用于优化器为带动量的 SGD 的试验',
    filters: '只用于图像模型：后面的卷积层按比例随它缩放；此时“每个隐藏层的神经元数”决定全连接层',
    units2: '只用于有 2 个或更多隐藏层的试验；此时“每个隐藏层的神经元数”只决定第 1 层',
  },
};
export default tpe;
