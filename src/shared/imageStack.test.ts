import { describe, expect, it } from 'vitest';
import { BIG_CNN, DENSE_BASELINE, SMALL_CNN, checkStack, formatStack, parseStack } from './imageStack';
import { applyPatch, configToHash, parseHash } from './schema';
import { DEFAULT_CONFIG } from './config';

describe('image layer stacks as text', () => {
  it('reads and writes every layer kind, defaults left out', () => {
    const text = 'conv:8:5:s2:valid:tanh,pool:3:s2,batchnorm,flatten,dropout:0.25,dense:16:sigmoid';
    const p = parseStack(text);
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.layers[0]).toEqual({ kind: 'conv', filters: 8, kernel: 5, stride: 2, padding: 'valid', activation: 'tanh' });
    expect(p.layers[1]).toEqual({ kind: 'pool', size: 3, stride: 2 });
    expect(formatStack(p.layers)).toBe(text);
    expect(formatStack((parseStack('conv:8:3:s1:same:relu,pool:2:s2,dense:4:relu') as Extract<ReturnType<typeof parseStack>, { ok: true }>).layers)).toBe('conv:8:3,pool:2,dense:4');
  });

  it('the presets fit 28 × 28 digits', () => {
    for (const s of [SMALL_CNN, DENSE_BASELINE, BIG_CNN]) expect(checkStack(s).ok).toBe(true);
    const small = checkStack(SMALL_CNN);
    if (small.ok) expect(small.summary.rows.map((r) => r.out)).toEqual([[28, 28, 8], [14, 14, 8], [14, 14, 16], [7, 7, 16], [784], [32], [10]]);
  });

  it('refuses a stack that does not fit, naming the layer and why', () => {
    const big = checkStack('conv:8:3,pool:2,pool:2,pool:2,conv:4:5:valid,flatten');
    expect(big).toMatchObject({ ok: false, index: 4 });
    if (!big.ok) expect(big.reason).toMatch(/layer 5 \(conv\).*larger than its 3 × 3 input/);
    expect(checkStack('conv:8:3')).toMatchObject({ ok: false });
    expect(checkStack('flatten,conv:8:3')).toMatchObject({ ok: false, index: 1 });
    expect(checkStack('conv:x:3')).toMatchObject({ ok: false, index: 0 });
    expect(checkStack('lstm:4')).toMatchObject({ ok: false, index: 0 });
    expect(checkStack('')).toMatchObject({ ok: false });
    expect(checkStack('flatten,dropout:1')).toMatchObject({ ok: false, index: 1 });
  });

  it('goes through the link and setConfig, and a bad stack is refused with the reason', () => {
    const c = applyPatch(DEFAULT_CONFIG, { dataset: 'digits', imageLayers: 'conv:4:3:s1, pool:2 ,flatten', imageAugment: 'rotate:10,flip', images: 500 });
    expect(c.imageLayers).toBe('conv:4:3,pool:2,flatten');
    expect(c.imageAugment).toEqual({ shift: 0, rotate: 10, zoom: 0, noise: 0, flip: true });
    const back = parseHash(configToHash(c));
    expect(back.config.imageLayers).toBe(c.imageLayers);
    expect(back.config.imageAugment).toEqual(c.imageAugment);
    expect(back.config.images).toBe(500);
    // The setting's name once, then the layer and the reason.
    expect(() => applyPatch(DEFAULT_CONFIG, { imageLayers: 'conv:8:30:valid,flatten' })).toThrow(/^imageLayers: layer 1 \(conv\): the kernel size must be a whole number from 1 to 11 \(got 30\)$/);
    expect(parseHash('#dataset=digits&imageLayers=dense:8').notices[0]).toMatch(/^imageLayers: layer 1 \(dense\): a dense layer needs a flat input/);
    expect(() => applyPatch(DEFAULT_CONFIG, { imageAugment: { flip: 'yes' } as never })).toThrow(/^imageAugment: flip must be true or false$/);
    expect(() => applyPatch(DEFAULT_CONFIG, { imageAugment: 'rotate:90' })).toThrow(/imageAugment/);
    expect(() => applyPatch(DEFAULT_CONFIG, { images: 9000 })).toThrow(/Training images/);
  });
});
