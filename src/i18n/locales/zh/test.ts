// 保留的测试集面板。
import type { Strings } from '../../strings';
import type en from '../en/test';

const test: Strings<typeof en> = {
  title: '测试集',
  hint: '调参时测试集一直隐藏。只在最后用一次：按测试集得分挑选设置，会把它变成第二个验证集，估计就不再可信。',
  evaluate: '在测试集上评估',
  loss: '测试损失',
  accuracy: '准确率',
  on: '（共 {{n}} 个点）。',
  looked: '这次运行你已经看了测试集 {{count}} 次。',
};
export default test;
