// The main run's trainer for image sets: an ImageModel (src/engine/imageModel.ts) trained epoch by
// epoch with the run's optimizer, learning-rate schedule, L1/L2 penalties, gradient clipping,
// dropout, early stopping and image augmentation (fresh every epoch, seeded by seed and epoch).
// The same surface as Trainer where the worker's run loop uses it (src/worker/trainingApi.ts):
// metrics stay on the device and are read in one download by flush(), a few times a second.
//
// CONTRACT (issue 19): the signatures below are fixed; the bodies are being built.
import type { ExperimentConfig } from '../shared/config';
import type { EarlyStop, EpochMetrics, EvaluationView, FeatureMap, ImageViews, LayerStatsSample } from '../shared/protocol';

/** One split of an image set: n × side² inputs in 0–1, labels 0 … classes−1 as floats. */
export interface ImageSplit {
  x: Float32Array;
  y: Float32Array;
  n: number;
}

export interface ImageTrainerData {
  side: number;
  classes: number;
  train: ImageSplit;
  val: ImageSplit;
  test: ImageSplit;
  /** The validation images' raw pixels (0–255), for the misclassified gallery. */
  valPixels: Uint8Array;
}

const notYet = (): never => {
  throw new Error('ImageTrainer is not built yet');
};

export class ImageTrainer {
  /** Epochs trained so far (0 before the first). */
  epoch = 0;

  /** `run` numbers the resets of one config: each draws new seeded weights (as Trainer's). */
  constructor(data: ImageTrainerData, config: ExperimentConfig, run: number) {
    void data;
    void config;
    void run;
  }

  /** Epochs trained whose metrics are not read yet. */
  get pendingCount(): number {
    return 0;
  }

  get testSize(): number {
    return 0;
  }

  /** A change of settings: 'applied' to the running model when every changed setting is live (liveSettings.ts), else nothing changes. */
  update(config: ExperimentConfig): 'applied' | 'needs a new run' {
    void config;
    return notYet();
  }

  /** One epoch over the (augmented) training images, awaiting `between()` after a step whenever it returns a promise; false when disposed meanwhile. */
  async trainEpochPaced(between: () => Promise<void> | null, stats = false): Promise<boolean> {
    void between;
    void stats;
    return notYet();
  }

  /** As trainEpochPaced, without waits. */
  trainEpoch(): void {
    notYet();
  }

  /** Waits until the device has run every step so far. */
  async sync(): Promise<void> {}

  /** Reads the pending epochs' metrics (train loss/acc on a fixed sample of training images, validation on all) in one download. */
  async flush(): Promise<EpochMetrics[]> {
    return notYet();
  }

  /** Where early stopping ended the run, once (then null). */
  takeStop(): EarlyStop | null {
    return null;
  }

  /** Layer health is not sampled for image models: always empty. */
  takeStats(): LayerStatsSample[] {
    return [];
  }

  sampleStats(again = true): void {
    void again;
  }

  /** Loss and accuracy on a split, without dropout or augmentation. */
  async evaluate(split: 'train' | 'val' | 'test' = 'test'): Promise<{ loss: number; accuracy: number | null }> {
    void split;
    return notYet();
  }

  /** The validation confusion matrix (classNames '0'…'9') and the image views, in one download. */
  async views(): Promise<{ evaluation: EvaluationView; images: ImageViews }> {
    return notYet();
  }

  /** The model's prediction for one image (side² values 0–1). */
  async predict(pixels: Float32Array): Promise<{ label: number; probs: number[] }> {
    void pixels;
    return notYet();
  }

  /** Each conv layer's maps for one image. */
  async featureMaps(pixels: Float32Array): Promise<FeatureMap[]> {
    void pixels;
    return notYet();
  }

  /** The weights and epoch, to continue elsewhere (a lost WebGL context). */
  async exportState(): Promise<{ epoch: number; weights: Float32Array[] }> {
    return notYet();
  }

  importState(state: { epoch: number; weights: readonly Float32Array[] }): void {
    void state;
    notYet();
  }

  dispose(): void {}
}
