import type { Strings } from '../../strings';
import type en from '../en/sweeps';

const sweeps: Strings<typeof en> = {
  title: '学习曲线与模型容量',
  intro: '在后台把当前设置训练多次，并画出最终的损失。',
  images: '学习曲线和容量扫描只训练二维数据集和表格数据集的全连接网络，不扫描图像模型。在手写数字上，请改变训练图像数或层堆栈，再在运行历史中比较各次运行。',
  epochs: '每个模型的训练轮数',
  learningCurve: '学习曲线',
  capacity: '容量扫描',
  cancel: '取消',
  progress: '扫描进度',
  cancelling: '正在取消…',
  cancelled: '已取消；完成了 {{count}} 个模型',
  done: '完成：{{count}} 个模型',
  failed: '失败：{{error}}',
  kinds: {
    size: { x: '训练样本数', what: '更多数据：随着训练集变大，验证损失向训练损失靠拢。' },
    width: { x: '每个隐藏层的神经元数', what: '模型容量：神经元太少会欠拟合（两条都高），太多会过拟合（差距拉大）。' },
  },
  finalTrain: '最终训练损失',
  finalVal: '最终验证损失',
};
export default sweeps;
