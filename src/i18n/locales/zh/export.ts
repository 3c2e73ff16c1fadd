import type { Strings } from '../../strings';
import type en from '../en/export';

const exportNs: Strings<typeof en> = {
  button: '导出',
  titleCurrent: '保存当前运行：配置、指标、图片、模型、PyTorch 脚本',
  titleKept: '保存保留的第 {{id}} 次运行：配置、指标、PyTorch 脚本',
  menuLabel: '导出第 {{id}} 次运行',
  items: {
    json: '配置（JSON）',
    link: '配置链接（复制）',
    csv: '指标（CSV）',
    'chart-png': '损失曲线（PNG）',
    'chart-svg': '损失曲线（SVG）',
    'boundary-png': '决策边界（PNG）',
    'boundary-svg': '决策边界（SVG）',
    tfjs: '模型（tfjs .json + .weights.bin）',
    pytorch: 'PyTorch 脚本（.py）',
  },
  copied: '已复制第 {{id}} 次运行的配置链接。',
  noClipboard: '剪贴板不可用；第 {{id}} 次运行的链接：{{link}}',
  failed: '导出失败：{{error}}',
  weightsByHand: '手动设置了权重',
  settingsChanged: '改动了设置',
  liveEdits: '第 {{id}} 次运行在训练中{{what}}（从第 {{epoch}} 轮起）：脚本只能从头重放一份配置；请用“用这个设置重新开始”，再导出那次运行',
  images: '运行 {{id}} 训练的是图像模型，而{{what}}只描述二维数据集和表格数据集的全连接网络；请改为导出它的配置（json、链接）、指标（csv）或损失曲线图',
  batchnorm: '第 {{id}} 次运行使用了批归一化，PyTorch 脚本无法精确重放它（训练时的批统计量、滑动平均以及被抵消的全连接偏置）；请导出包含批归一化的模型文件（tfjs），或关闭批归一化后导出那次运行',
  keptRun: '第 {{id}} 次运行是保留的运行：只能导出它的配置（json、链接）、指标（csv）和 PyTorch 脚本（pytorch）；{{what}} 只属于当前运行（{{current}}）',
  noRun: '没有第 {{id}} 次运行：现有的运行是 {{ids}}（当前为 {{current}}）',
  noChart: '损失曲线不在屏幕上，无法导出',
  noBoundary: '屏幕上没有决策边界（这个表格没有可画的平面）',
  searchRunning: '搜索仍在运行：请等它结束后再导出',
  noSearch: '还没有运行过搜索',
  searchImages: 'PyTorch + Optuna 脚本只描述二维数据集和表格数据集的全连接网络，不包含图像模型：无法导出手写数字上的搜索',
  searchBatchnorm: '已开启批归一化，而 PyTorch + Optuna 脚本不包含它；请关闭批归一化后再导出搜索脚本',
};
export default exportNs;
