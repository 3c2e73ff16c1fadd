// The diagnosis in two languages: the same verdict renders in Chinese after a switch, with the
// source text's terms and every number of the English evidence, which itself stays English.
import { afterAll, describe, expect, it } from 'vitest';
import { i18n, switchLanguage } from '../i18n/i18n';
import { DEFAULT_CONFIG } from '../shared/config';
import { diagnose } from './diagnose';
import { renderMsg } from './message';
import { remediesFor } from './remedies';
import type { EpochMetrics } from '../shared/protocol';

const epochs = (n: number, train: (t: number) => number, val: (t: number) => number): EpochMetrics[] =>
  Array.from({ length: n }, (_, t) => ({ epoch: t, trainLoss: train(t), valLoss: val(t), trainAcc: null, valAcc: null }));

// Training falls steadily; validation falls to 0.3 at epoch 150 and climbs 40% by epoch 400.
const overfit = epochs(
  401,
  (t) => 0.02 + 0.67 * Math.exp(-t / 30),
  (t) => (t <= 150 ? 0.3 + 0.39 * ((150 - t) / 150) ** 2 : 0.3 * (1 + (0.4 * (t - 150)) / 250)),
);
const flat = epochs(300, () => 0.68, () => 0.68);

const numbers = (s: string) => (s.match(/\d+(\.\d+)?/g) ?? []).sort();

describe('the diagnosis in Chinese', () => {
  afterAll(() => switchLanguage('en'));

  it('renders every verdict in the language shown, the English evidence unchanged', async () => {
    const over = diagnose({ epochs: overfit, baselineLoss: 0.69 });
    const under = diagnose({ epochs: flat, baselineLoss: 0.69 });
    const short = diagnose({ epochs: overfit.slice(0, 5), baselineLoss: 0.69 });
    const nan = diagnose({ epochs: overfit.slice(0, 30), baselineLoss: 0.69, divergedAt: 12 });
    expect(over.regime).toBe('overfitting');
    expect(renderMsg(over.msg!)).toBe(over.evidence);
    // Epochs 0–4: four trained (epoch 0 is the model before its first step).
    expect(short.evidence).toBe('only 4 epochs so far; a verdict needs at least 20');

    await switchLanguage('zh');
    expect(i18n.language).toBe('zh');
    for (const d of [over, under, short, nan]) {
      const zh = renderMsg(d.msg!);
      expect(zh).toMatch(/[\u4e00-\u9fff]/);
      expect(zh).not.toMatch(/[a-z]{4,}/i);
      // The same numbers as the English sentence: nothing lost in translation.
      expect(numbers(zh)).toEqual(numbers(d.evidence));
    }
    expect(renderMsg(over.msg!)).toContain('验证损失');
    expect(renderMsg(short.msg!)).toBe('目前仅 4 轮；判断至少需要 20 轮');
    // Remedies in the source text's terms.
    const labels = remediesFor('overfitting', DEFAULT_CONFIG).map((r) => r.label);
    expect(labels.join(' ')).toContain('正则化');
    expect(labels.join(' ')).toContain('早停');
    // The English evidence a script reads does not follow the page's language.
    expect(diagnose({ epochs: overfit, baselineLoss: 0.69 }).evidence).toBe(over.evidence);

    await switchLanguage('en');
    expect(remediesFor('overfitting', DEFAULT_CONFIG)[0].label).toBe('Add L2 (λ = 0.01)');
  });
});
