import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { applyPatch, parseHash } from '../shared/schema';
import { MetricsHistory, RECENT, CHUNK } from '../diagnosis/metricsHistory';
import type { EpochMetrics, NetworkWeights, PointsView } from '../shared/protocol';
import { configJson, configLink } from './configJson';
import { metricsCsv } from './metricsCsv';
import { boundarySvg, heatmapPixels, shownPoints } from './boundarySvg';
import { modelFiles, weightSpecs } from './modelFiles';

function epochs(n: number, penalty = false): EpochMetrics[] {
  return Array.from({ length: n }, (_, i) => ({
    epoch: i,
    trainLoss: 1 / (i + 1),
    valLoss: 1.5 / (i + 1),
    trainAcc: Math.min(1, i / n),
    valAcc: null,
    ...(penalty ? { penalty: 0.01 * i } : {}),
  }));
}

function parseCsv(text: string): string[][] {
  return text.trimEnd().split('\n').map((l) => l.split(','));
}

describe('configJson', () => {
  it('round-trips through applyPatch to the same config', () => {
    const config = applyPatch(DEFAULT_CONFIG, { lr: 0.05, layers: [5, 3], activation: 'relu', l2: 0.001 });
    const text = configJson(config);
    expect(applyPatch(DEFAULT_CONFIG, JSON.parse(text))).toEqual(config);
    expect(JSON.parse(text)).toEqual(config);
  });

  it('makes a link whose hash parses back to the config, replacing any old hash', () => {
    const config = applyPatch(DEFAULT_CONFIG, { lr: 0.2, batch: 16 });
    const link = configLink(config, 'http://host/app/?x=1#old=1');
    expect(link.startsWith('http://host/app/?x=1#')).toBe(true);
    expect(link).not.toContain('old=1');
    const { config: back, notices } = parseHash(link.slice(link.indexOf('#')));
    expect(notices).toEqual([]);
    expect(back).toEqual(config);
  });
});

describe('metricsCsv', () => {
  it('has one row per epoch equal to the metrics', () => {
    const es = epochs(30);
    const rows = parseCsv(metricsCsv(MetricsHistory.from(es)));
    expect(rows[0]).toEqual(['epoch', 'first_epoch', 'epochs', 'train_loss', 'val_loss', 'train_acc', 'val_acc']);
    expect(rows).toHaveLength(31);
    rows.slice(1).forEach((r, i) => {
      expect(Number(r[0])).toBe(es[i].epoch);
      expect(Number(r[1])).toBe(es[i].epoch);
      expect(Number(r[2])).toBe(1);
      expect(Number(r[3])).toBe(es[i].trainLoss);
      expect(Number(r[4])).toBe(es[i].valLoss);
      expect(Number(r[5])).toBe(es[i].trainAcc);
      expect(r[6]).toBe('');
    });
  });

  it('adds a penalty column only when the run had one', () => {
    const rows = parseCsv(metricsCsv(MetricsHistory.from(epochs(5, true))));
    expect(rows[0].at(-1)).toBe('penalty');
    expect(Number(rows[3].at(-1))).toBeCloseTo(0.02);
  });

  it('writes summarized buckets with their first epoch and count, covering every epoch once', () => {
    const n = RECENT + 3 * CHUNK;
    const h = MetricsHistory.from(epochs(n));
    expect(h.summarized).toBeGreaterThan(0);
    const rows = parseCsv(metricsCsv(h)).slice(1);
    expect(rows).toHaveLength(h.length);
    let next = 0;
    for (const r of rows) {
      expect(Number(r[1])).toBe(next);
      expect(Number(r[0])).toBe(Number(r[1]) + Number(r[2]) - 1);
      next = Number(r[0]) + 1;
    }
    expect(next).toBe(n);
  });
});

describe('boundarySvg', () => {
  const points: PointsView = {
    n: 5,
    x: new Float32Array([0, 0, -6, 6, 1, 1, 6, -6, 2, 2]),
    y: new Float32Array([0, 1, 0, 1, 2]),
    role: new Uint8Array([0, 1, 2, 0, 1]),
  };

  it('is well-formed with one circle per shown point', () => {
    const svg = boundarySvg({ size: 320, heatmap: 'data:image/png;base64,AAAA', points, regression: false, showTest: false });
    expect(svg).toMatch(/^<\?xml[^>]*\?>\n<svg /);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg.match(/<circle /g)).toHaveLength(4);
    expect(svg.match(/<image /g)).toHaveLength(1);
    // Every element closes: self-closing or a matching end tag.
    const open = (svg.match(/<(svg|g)[ >]/g) ?? []).length;
    const close = (svg.match(/<\/(svg|g)>/g) ?? []).length;
    expect(open).toBe(close);
    // Corners map to the canvas's corners (x -6 → 0, y 6 → top).
    expect(svg).toContain('cx="0" cy="0"');
    expect(svg).toContain('cx="320" cy="320"');
  });

  it('draws test points only when shown', () => {
    expect(shownPoints(points, true)).toEqual([0, 3, 1, 4, 2]);
    const svg = boundarySvg({ size: 100, heatmap: null, points, regression: false, showTest: true });
    expect(svg.match(/<circle /g)).toHaveLength(5);
    expect(svg).not.toContain('<image');
  });

  it('paints the heatmap with the canvas colours', () => {
    const px = heatmapPixels({ resolution: 2, channels: 1, values: new Float32Array([0, 0.5, 1, 0]) } as never, false);
    expect(px).toHaveLength(16);
    expect([...px.slice(0, 4)]).toEqual([245, 147, 34, 255]);
    expect([...px.slice(8, 12)]).toEqual([8, 119, 189, 255]);
  });
});

describe('modelFiles', () => {
  const net: NetworkWeights = {
    layers: [
      { units: 3, activation: 'tanh', weights: [[1, 2, 3], [4, 5, 6]], biases: [0.1, 0.2, 0.3] },
      { units: 1, activation: 'sigmoid', weights: [[7], [8], [9]], biases: [0.5] },
    ],
  };

  it('has the right weight specs and byte length', () => {
    const files = modelFiles(net, 'run-3-model', DEFAULT_CONFIG);
    const json = JSON.parse(files.json);
    expect(json.format).toBe('layers-model');
    expect(json.weightsManifest[0].paths).toEqual(['./run-3-model.weights.bin']);
    expect(json.weightsManifest[0].weights).toEqual([
      { name: 'dense_1/kernel', shape: [2, 3], dtype: 'float32' },
      { name: 'dense_1/bias', shape: [3], dtype: 'float32' },
      { name: 'dense_2/kernel', shape: [3, 1], dtype: 'float32' },
      { name: 'dense_2/bias', shape: [1], dtype: 'float32' },
    ]);
    expect(json.modelTopology.config.layers.map((l: { config: { activation: string } }) => l.config.activation)).toEqual(['tanh', 'sigmoid']);
    expect(json.modelTopology.config.layers[0].config.batch_input_shape).toEqual([null, 2]);
    expect(files.weights.byteLength).toBe(4 * (6 + 3 + 3 + 1));
    const floats = new Float32Array(files.weights.buffer, files.weights.byteOffset, files.weights.byteLength / 4);
    expect([...floats]).toEqual([1, 2, 3, 4, 5, 6, 0.1, 0.2, 0.3, 7, 8, 9, 0.5].map(Math.fround));
    expect(files.jsonName).toBe('run-3-model.json');
    expect(json.userDefinedMetadata.playgroundConfig).toEqual(DEFAULT_CONFIG);
    expect(weightSpecs(net)).toEqual(json.weightsManifest[0].weights);
  });

  it('refuses shapes that do not chain', () => {
    const bad: NetworkWeights = { layers: [net.layers[0], { ...net.layers[1], weights: [[7], [8]] }] };
    expect(() => modelFiles(bad, 'x')).toThrow(/inputs/);
  });
});
