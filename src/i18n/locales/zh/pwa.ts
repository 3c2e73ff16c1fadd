import type { Strings } from '../../strings';
import type en from '../en/pwa';

const pwa: Strings<typeof en> = {
  region: '应用状态',
  offlineReady: '已可离线使用',
  offlineDetail: '应用、数据表和计算引擎已保存在本浏览器中：没有网络也能打开和训练。',
  updateReady: '新版本已就绪',
  updateDetail: '当前设置保存在链接中，重新加载后不会丢失。',
  reload: '重新加载',
  later: '稍后',
  dismiss: '关闭',
};
export default pwa;
