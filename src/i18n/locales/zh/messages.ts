import type { Strings } from '../../strings';
import type en from '../en/messages';

const messages: Strings<typeof en> = {
  trainingError: '训练因错误停止：{{error}}。请按“重置”重新开始。',
  backendNote: '正在使用 {{backend}} 后端：{{note}}。',
  slice: '切片 {{slice}}：{{name}} 有 {{n}} 个数值输入（位置 0–{{last}}）；显示 {{shown}}。',
  earlyStop: '早停：验证损失自第 {{best}} 轮起已有 {{n}} 轮没有改进，所以训练在第 {{stop}} 轮停止。',
  earlyStopRestored: '早停：验证损失自第 {{best}} 轮起已有 {{n}} 轮没有改进，所以训练在第 {{stop}} 轮停止，并回到第 {{best}} 轮的权重。',
  diverged: '训练在第 {{epoch}} 轮发散：损失变成了无穷大或 NaN。请降低学习率（当前为 {{lr}}）并按“重置”。',
  budget: '已达到训练轮数上限（{{epochs}} 轮）：调高“在第几轮停止”可继续训练，设为 0 则不设上限。',
  contextLostRestarting: 'WebGL 上下文在第 {{epoch}} 轮丢失：正在启动新的 worker，从第 {{from}} 轮的权重继续……',
  contextLost: 'WebGL 上下文在第 {{epoch}} 轮丢失：训练在 {{backend}} 上的新 worker 中继续，从第 {{from}} 轮的权重开始。优化器的状态（动量、Adam 的均值）重新开始。',
  linkInvalid: '链接中有些设置无效：{{notices}}。',
  linkFailed: '无法应用链接：{{error}}。',
  setConfig: 'setConfig：{{error}}',
  unknownDataset: '未知的数据集 "{{name}}"：请从 {{names}} 中选择（或加载一个 CSV 文件）。',
  loaded: '已加载 {{name}}：{{rows}} 行；预测 "{{target}}"（{{problem}}）。',
};
export default messages;
