import { describe, expect, it } from 'vitest';
import { addLayer, moveLayer, removeLayer, setLayer, shapeText } from './stackEdits';
import { checkStack, formatStack, parseStack, SMALL_CNN } from '../shared/imageStack';

const small = () => {
  const p = parseStack(SMALL_CNN);
  if (!p.ok) throw new Error(p.reason);
  return p.layers;
};

describe('editing a layer stack', () => {
  it('adds a conv or pool layer before the flatten, other layers at the end, and the result fits', () => {
    const conv = addLayer(small(), 'conv');
    expect(formatStack(conv)).toBe('conv:8:3,pool:2,conv:16:3,pool:2,conv:8:3,flatten,dense:32');
    expect(checkStack(formatStack(conv)).ok).toBe(true);
    expect(formatStack(addLayer(small(), 'dropout'))).toBe(SMALL_CNN + ',dropout:0.25');
    expect(formatStack(addLayer([], 'pool'))).toBe('pool:2');
  });
  it('removes and moves layers; a move past either end changes nothing', () => {
    expect(formatStack(removeLayer(small(), 0))).toBe('pool:2,conv:16:3,pool:2,flatten,dense:32');
    expect(formatStack(moveLayer(small(), 0, 1))).toBe('pool:2,conv:8:3,conv:16:3,pool:2,flatten,dense:32');
    expect(formatStack(moveLayer(small(), 0, -1))).toBe(SMALL_CNN);
    expect(formatStack(moveLayer(small(), 5, 1))).toBe(SMALL_CNN);
  });
  it('changes a layer in place; a new kind starts from its defaults', () => {
    expect(formatStack(setLayer(small(), 0, { kernel: 5, padding: 'valid' }))).toBe('conv:8:5:valid,pool:2,conv:16:3,pool:2,flatten,dense:32');
    expect(formatStack(setLayer(small(), 5, { kind: 'dropout' }))).toBe('conv:8:3,pool:2,conv:16:3,pool:2,flatten,dropout:0.25');
  });
  it('a moved flatten makes a stack the check refuses, with the layer named', () => {
    const bad = checkStack(formatStack(moveLayer(small(), 4, -1)));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.reason).toMatch(/^layer 5 \(pool\)/);
  });
  it('writes shapes with times signs', () => {
    expect(shapeText([28, 28, 8])).toBe('28 × 28 × 8');
    expect(shapeText([32])).toBe('32');
  });
});
