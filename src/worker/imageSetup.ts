// The main run's setup for image sets: the digits loaded (once per worker) and split by the seed,
// the arrays the ImageTrainer trains on, the backend picked by timing this model (with 'auto'),
// and what the page previews of the set (counts, the first training images, the attribution).
import { baselineLoss } from '../data/baseline';
import { DIGIT_SIDE } from '../data/digits';
import { ImageTrainer, type ImageTrainerData } from '../engine/imageTrainer';
import type { ExperimentConfig } from '../shared/config';
import type { BackendInfo, ImageSetView, TimingProgress } from '../shared/protocol';
import { pickForImages } from './backends';
import { digitArrays, digitPixels, DIGITS_SOURCE, loadDigits, splitDigits } from './digitsSource';

/** How many training images the page previews (grid and augmentation preview). */
export const IMAGE_SAMPLE = 64;

export interface ImageSetup {
  trainer: ImageTrainer;
  view: ImageSetView;
  baselineLoss: number;
  picked: BackendInfo | null;
}

export async function setupImages(config: ExperimentConfig, run: number, progress?: (p: TimingProgress) => void): Promise<ImageSetup> {
  const digits = await loadDigits();
  const split = splitDigits(digits, config.images, config.seed);
  const data: ImageTrainerData = {
    side: DIGIT_SIDE,
    classes: 10,
    train: digitArrays(digits, split.train),
    val: digitArrays(digits, split.val),
    test: digitArrays(digits, split.test),
    valPixels: digitPixels(digits, split.val),
  };
  const picked = await pickForImages(data, config, progress);
  const trainer = new ImageTrainer(data, config, run);
  const first = split.train.slice(0, IMAGE_SAMPLE);
  const view: ImageSetView = {
    side: DIGIT_SIDE,
    classes: 10,
    counts: { train: split.train.length, val: split.val.length, test: split.test.length },
    sample: { n: first.length, pixels: digitPixels(digits, first), labels: Uint8Array.from(first, (i) => digits.labels[i]) },
    source: DIGITS_SOURCE,
  };
  return { trainer, view, baselineLoss: baselineLoss(data.train.y, data.val.y, 'classification', 10, 'cce'), picked };
}
