import { describe, expect, it } from 'vitest';
import { channelOf, divergingToRgba, filterOf, greyToRgba, imageAt } from './imagePixels';

describe('drawing images and maps', () => {
  it('greyscale: no ink is white, full ink black, opaque', () => {
    const px = greyToRgba([0, 0.5, 1], 1);
    expect(Array.from(px.slice(0, 4))).toEqual([255, 255, 255, 255]);
    expect(px[4]).toBe(127);
    expect(Array.from(px.slice(8, 12))).toEqual([0, 0, 0, 255]);
  });
  it('signed weights: the largest positive is red, the largest negative blue, zero white', () => {
    const px = divergingToRgba([2, -2, 0]);
    expect(Array.from(px.slice(0, 3))).toEqual([255, 0, 0]);
    expect(Array.from(px.slice(4, 7))).toEqual([0, 0, 255]);
    expect(Array.from(px.slice(8, 11))).toEqual([255, 255, 255]);
  });
  it('takes one channel of a channels-last map and one filter of a tfjs kernel', () => {
    // 1 × 2 map, 3 channels: pixel 0 = (0, 1, 2), pixel 1 = (3, 4, 5).
    expect(Array.from(channelOf([0, 1, 2, 3, 4, 5], 1, 2, 3, 1))).toEqual([1, 4]);
    // 1 × 2 kernel, 1 input channel, 2 filters: [y][x][ci][f].
    expect(Array.from(filterOf([10, 20, 30, 40], [1, 2, 1, 2], 1))).toEqual([20, 40]);
  });
  it('reads image i of a byte array as values 0–1', () => {
    const im = imageAt(new Uint8Array([0, 255, 51, 255]), 1, 2);
    expect(im).toHaveLength(2);
    expect(im[0]).toBeCloseTo(0.2, 6);
    expect(im[1]).toBe(1);
  });
});
