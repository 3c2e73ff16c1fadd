import type { Strings } from '../../strings';
import type en from '../en/common';

const common: Strings<typeof en> = {
  app: {
    title: '神经网络调参实验场',
    tagline: '在浏览器里训练神经网络，亲眼看它拟合、过拟合或欠拟合。',
    skipToLive: '跳到实时视图',
    runRegion: '运行',
  },
  language: {
    label: '语言',
    en: 'English',
    zh: '中文',
  },
};
export default common;
