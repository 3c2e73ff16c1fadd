// 图像数据集的文字（见 ../en/images.ts）。
import type { Strings } from '../../strings';
import type en from '../en/images';

const images: Strings<typeof en> = {
  api: {
    notImages: 'predictImage 和 getFeatureMaps 需要图像数据集：请先加载 "digits"',
    pixels: '一张图像必须是 {{n}} 个 0 到 1 之间的数（28 × 28，逐行）',
  },
};
export default images;
