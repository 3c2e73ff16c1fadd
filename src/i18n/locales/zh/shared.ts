import type { Strings } from '../../strings';
import type en from '../en/shared';

const shared: Strings<typeof en> = {
  page: {
    watch: '观察学习过程',
    loadingSavedRuns: '正在加载已保存的运行…',
  },
  panel: {
    failedLabel: '{{name}}（出错）',
    failedBefore: '“{{name}}”面板出错：',
    failedAfter: '。页面的其余部分和你的运行不受影响。',
    reload: '重新加载面板',
  },
  panels: {
    page: '页面',
    toolbar: '工具栏',
    messages: '消息',
    demonstrations: '演示',
    data: '数据',
    model: '模型',
    training: '训练',
    regularization: '正则化',
    runs: '运行记录',
    savedRuns: '已保存的运行',
    race: '优化器赛跑',
    lab: '学习率实验室',
    sweeps: '扫描实验',
    search: '超参数搜索',
    transfer: '迁移学习',
    testSet: '测试集',
    boundary: '决策边界',
    readouts: '读数',
    diagnosis: '诊断',
    lossChart: '损失曲线',
    lossTable: '损失表',
    evaluation: '评估',
    network: '网络视图',
  },
  presets: {
    label: '演示',
    try: '试试：',
    overfit: {
      label: '过拟合',
      watch: '训练损失持续下降，而验证损失在大约 100 轮后开始上升：一个 32-32 的网络记住了 50 个带噪声的点。',
    },
    underfit: {
      label: '欠拟合',
      watch: '线性模型画不出圆：两条损失都停在瞎猜的水平。',
    },
    'fix-l2': {
      label: '用 L2 正则化解决',
      watch: '在过拟合的设置上加 L2 惩罚 λ = 0.01：权重保持较小，决策边界变平滑，验证损失不再上升。',
    },
    'fix-dropout': {
      label: '… 用丢弃法 (Dropout)',
      watch: '每一步随机丢弃一半隐藏神经元：训练损失与验证损失之间的差距缩小。',
    },
    'fix-early-stopping': {
      label: '… 用早停',
      watch: '验证损失停止改善 30 轮后训练停止，并回到最佳权重；图上标出这两个轮次。',
    },
    'fix-more-data': {
      label: '… 用更多数据',
      watch: '数据点增加到十倍（批大小 ×5，每轮的步数不变）：多到无法死记，验证损失跟着训练损失走。',
    },
    vanishing: {
      label: '梯度消失：6 层 sigmoid',
      watch: '层健康度：到达第 1 个隐藏层的梯度比输出层的小一千到一百万倍，所以前几层几乎不动，损失停在瞎猜的水平。',
    },
    'vanishing-fixed': {
      label: '用 ReLU 和 He 初始化解决',
      watch: '同样的六层，改用 ReLU 和 He 初始化：各层的梯度范数相差不超过约十倍，网络在 50 轮内学会圆形数据。',
    },
    'digits-dense': {
      label: '手写数字：全连接基线',
      watch: '把 784 个像素展平，接一个 64 单元的隐藏层：约 51,000 个权重，每个只对应一个像素，所以数字平移几个像素，对它来说就像一张新图。',
    },
    'digits-cnn': {
      label: '手写数字：小型 CNN',
      watch: '两个卷积 + 池化块：权重只有全连接基线的一半左右，每个滤波器在整张图上共享；在同样的 2,000 张图上验证准确率更高。',
    },
    'digits-big-cnn': {
      label: '500 张图上的超大 CNN',
      watch: '四个卷积层加 256 个全连接单元（约 870,000 个权重），只用 500 张图训练：训练准确率升到 100%，验证准确率却远远落后，验证损失还在上升。',
    },
  },
};
export default shared;
