// The image presets: valid configs on the digits whose stacks fit, with the weight counts their
// texts promise (the CNN has fewer weights than the dense baseline, the over-sized one far more),
// and a text in both languages.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from './config';
import { checkStack } from './imageStack';
import { PRESETS } from './presets';
import { applyPatch } from './schema';
import en from '../i18n/locales/en/shared';
import zh from '../i18n/locales/zh/shared';

const KEYS = ['digits-dense', 'digits-cnn', 'digits-big-cnn'] as const;
const config = (key: string) => applyPatch({ ...DEFAULT_CONFIG }, PRESETS.find((p) => p.key === key)!.config);
const params = (key: string) => {
  const c = checkStack(config(key).imageLayers);
  if (!c.ok) throw new Error(c.reason);
  return c.summary.params;
};

describe('image presets', () => {
  it('are valid configs on the digits with stacks that fit', () => {
    for (const key of KEYS) {
      const c = config(key);
      expect(c.dataset).toBe('digits');
      expect(c.loss).toBe('cce');
      expect(checkStack(c.imageLayers).ok, key).toBe(true);
      expect(c.epochs).toBeGreaterThan(0);
    }
  });

  it('differ only in the stack, except the over-sized CNN’s 500 images and longer run', () => {
    const [dense, cnn, big] = KEYS.map(config);
    expect({ ...dense, imageLayers: '' }).toEqual({ ...cnn, imageLayers: '' });
    expect(big.images).toBe(500);
    expect(cnn.images).toBeGreaterThan(big.images);
    expect(big.epochs).toBeGreaterThan(cnn.epochs);
  });

  it('have the weight counts their texts promise', () => {
    const [dense, cnn, big] = KEYS.map(params);
    // "about 51,000", "about half the dense baseline's", "about 870,000"
    expect(Math.round(dense / 1000)).toBe(51);
    expect(cnn / dense).toBeGreaterThan(0.4);
    expect(cnn / dense).toBeLessThan(0.6);
    expect(Math.round(big / 10_000)).toBe(87);
    // Far more weights than images: the over-sized CNN can memorize them.
    expect(big / config('digits-big-cnn').images).toBeGreaterThan(1000);
  });

  it('have a label and a text in English and Chinese', () => {
    for (const key of KEYS) {
      expect(en.presets[key].label).toBe(PRESETS.find((p) => p.key === key)!.label);
      expect(en.presets[key].watch).toBe(PRESETS.find((p) => p.key === key)!.watch);
      expect(zh.presets[key].watch).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});
