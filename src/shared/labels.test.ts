// The page's translated labels and messages: English through i18next reads exactly as the English
// tables (config.ts, datasets.ts, presets.ts, the schema's own English), and Chinese differs.
import { afterAll, describe, expect, it } from 'vitest';
import { switchLanguage } from '../i18n/i18n';
import { INITIALIZERS, INITIALIZER_LABELS, LOSSES, LOSS_LABELS, OPTIMIZERS, OPTIMIZER_LABELS, RANGES, type RangeKey } from './config';
import { DATASET_KEYS, POINTS_KEYS, datasetInfo } from './datasets';
import { PRESETS } from './presets';
import { SYMMETRIES } from '../data/augment';
import { datasetHint, datasetLabel, initializerLabel, lossLabel, optimizerLabel, presetLabel, presetWatch, rangeLabel, symmetryLabel } from './labels';
import { coerceNumber, parseHash } from './schema';
import { checkStack } from './imageStack';
import { toggleFeature } from '../components/modelEdits';

const upload = { label: 'my.csv', problem: 'regression' as const, classes: 1 };

describe('labels in English', () => {
  it('match the English tables other code uses', () => {
    for (const k of LOSSES) expect(lossLabel(k)).toBe(LOSS_LABELS[k]);
    for (const k of OPTIMIZERS) expect(optimizerLabel(k)).toBe(OPTIMIZER_LABELS[k]);
    for (const k of INITIALIZERS) expect(initializerLabel(k)).toBe(INITIALIZER_LABELS[k]);
    for (const k of Object.keys(RANGES) as RangeKey[]) expect(rangeLabel(k)).toBe(RANGES[k].label);
    for (const k of DATASET_KEYS) {
      expect(datasetLabel(k)).toBe(datasetInfo(k).label);
      expect(datasetHint(k)).toBe(datasetInfo(k).hint);
    }
    expect(datasetLabel('upload', upload)).toBe('my.csv');
    expect(datasetHint('upload', upload)).toBe(datasetInfo('upload', upload).hint);
    for (const p of PRESETS) {
      expect(presetLabel(p)).toBe(p.label);
      expect(presetWatch(p)).toBe(p.watch);
    }
    for (const k of POINTS_KEYS) if (SYMMETRIES[k]) expect(symmetryLabel(k, 'x')).toBe(SYMMETRIES[k]!.label);
  });

  it("schema messages through i18next read exactly as the schema's own English", () => {
    const inputs: [RangeKey, string][] = [['lr', 'abc'], ['samples', '1e3'], ['lr', '1e999'], ['lr', '1e-400'], ['batch', '2.5'], ['lr', '20']];
    const viaI18n = inputs.map(([k, v]) => coerceNumber(k, v));
    const viaPage = parseHash('#lr=abc&zz=1&problem=regression&dataset=circle').notices;
    // labels.ts handed the schema i18next's t: the texts are those the schema writes in the workers.
    expect(viaI18n.map((c) => (c.ok ? '' : c.error))).toEqual([
      'Learning rate must be a number written in decimal digits',
      'Points must be a whole number written in digits',
      'Learning rate is too large to be a number here',
      'Learning rate is too small to be told apart from 0 (write 0 for zero)',
      'Batch size must be a whole number',
      'Learning rate must be between 0.00001 and 10',
    ]);
    expect(viaPage).toEqual(['lr: Learning rate must be a number written in decimal digits (got "abc"); using the default', 'ignored unknown setting "zz"', 'problem "regression" does not fit data set "circle"; using classification']);
  });
});

describe('labels in Chinese', () => {
  afterAll(() => switchLanguage('en'));

  it('use the source text’s terms and keep the maths', async () => {
    await switchLanguage('zh');
    expect(lossLabel('mse')).toContain('均方误差');
    expect(lossLabel('cce')).toContain('交叉熵');
    expect(presetLabel(PRESETS[0])).toBe('过拟合');
    expect(datasetLabel('iris')).toBe('鸢尾花（表格）');
    expect(datasetLabel('upload', upload)).toBe('my.csv');
    expect(toggleFeature(['x1'], 'x1', false)).toEqual({ error: '至少保留一个输入特征。' });
    expect(coerceNumber('lr', '20')).toEqual({ ok: false, error: '学习率必须在 0.00001 到 10 之间' });
  });

  it('refuse a layer stack in Chinese, naming the layer, and in English again after switching back', async () => {
    await switchLanguage('zh');
    expect(checkStack('conv:8:3,pool:2,pool:2,pool:2,conv:8:5:valid,flatten')).toMatchObject({ ok: false, index: 4, reason: '第 5 层（conv）：5 × 5 的卷积核大于它 3 × 3 的输入（改用 "same" 填充或更小的卷积核）' });
    expect(checkStack('conv:8,flatten')).toMatchObject({ ok: false, reason: '第 1 层："conv" 需要滤波器个数和卷积核大小，例如 conv:8:3' });
    expect(parseHash('#dataset=digits&imageLayers=dense:8').notices[0]).toContain('全连接层需要扁平输入');
    await switchLanguage('en');
    expect(checkStack('conv:8,flatten')).toMatchObject({ ok: false, reason: 'layer 1: "conv" needs its filters and kernel size, e.g. conv:8:3' });
  });
});
