// The capacity detector: underfitting judged against what a larger reference network reaches on
// the same data, beside the existing input-ignoring baseline.
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../data/random';
import { diagnose, type Diagnosis } from './diagnose';
import { MetricsHistory } from './metricsHistory';
import type { EpochMetrics, ReferenceFit } from '../shared/protocol';

const BASE = 0.69;

function curves(n: number, train: (t: number) => number, val: (t: number) => number, noise: number, seed: number): EpochMetrics[] {
  const rand = mulberry32(seed);
  return Array.from({ length: n }, (_, t) => ({
    epoch: t,
    trainLoss: train(t) * (1 + noise * (2 * rand() - 1)),
    valLoss: val(t) * (1 + noise * (2 * rand() - 1)),
    trainAcc: null,
    valAcc: null,
  }));
}
const falling = (floor: number, tau: number) => (t: number) => floor + (BASE - floor) * Math.exp(-t / tau);

function reference(valLoss: number, trainLoss = valLoss / 10): ReferenceFit {
  return { units: [32, 32], epoch: 270, epochs: 300, trainLoss, valLoss, trainAcc: 1, valAcc: 1 };
}

// As 2 ReLU units on the default circle train (cpu, seed 1): training loss from 0.69 to a
// plateau near 0.38, validation near 0.44; the 2×32 reference reaches 0.003.
const twoRelu = () => curves(400, falling(0.38, 40), falling(0.44, 40), 0.01, 7);
// As 8-8 tanh: both losses fall towards the reference.
const eightEight = () => curves(400, falling(0.004, 40), falling(0.013, 40), 0.02, 8);
const CIRCLE_REF = reference(0.003, 0.0001);

describe('capacity', () => {
  it('without a reference, a plateau well below the baseline is a good fit, as before', () => {
    expect(diagnose({ epochs: twoRelu(), baselineLoss: BASE }).regime).toBe('good fit');
    expect(diagnose({ epochs: twoRelu(), baselineLoss: BASE, reference: null }).regime).toBe('good fit');
  });

  it('a plateau far above what the reference reaches is underfitting, with both numbers in the evidence', () => {
    const d = diagnose({ epochs: twoRelu(), baselineLoss: BASE, reference: CIRCLE_REF });
    expect(d.regime).toBe('underfitting');
    expect(d.evidence).toMatch(/training loss plateaued at 0\.3[78]/);
    expect(d.evidence).toContain('2×32 reference network reaches a validation loss of 0.003');
    expect(d.evidence).not.toMatch(/NaN|Infinity|undefined/);
    expect(d.sinceEpoch).not.toBeNull();
    expect(d.evidence).toContain(`flat since epoch ${d.sinceEpoch}`);
  });

  it('same verdict on the page’s bounded history', () => {
    const d = diagnose({ epochs: MetricsHistory.from(twoRelu()), baselineLoss: BASE, reference: CIRCLE_REF });
    expect(d.regime).toBe('underfitting');
  });

  it('a well fitted model is not called underfitting, even beside a reference that memorizes', () => {
    expect(diagnose({ epochs: eightEight(), baselineLoss: BASE, reference: CIRCLE_REF }).regime).toBe('good fit');
    // Both near zero: 0.05 against 0.003 is a large ratio but a negligible share of the baseline.
    expect(diagnose({ epochs: curves(400, falling(0.05, 40), falling(0.055, 40), 0.02, 3), baselineLoss: BASE, reference: CIRCLE_REF }).regime).toBe('good fit');
  });

  it('a training loss still falling is not a plateau, however far above the reference', () => {
    const slow = curves(300, falling(0.01, 200), falling(0.02, 200), 0.01, 9);
    expect(diagnose({ epochs: slow, baselineLoss: BASE, reference: CIRCLE_REF }).regime).not.toBe('underfitting');
  });

  it('a plateau close to what the reference reaches on unseen data is not underfitting', () => {
    // Noisy data: the reference's best validation loss is 0.3; training at 0.32 is as good as the task allows.
    const d = diagnose({ epochs: curves(400, falling(0.32, 40), falling(0.36, 40), 0.02, 10), baselineLoss: BASE, reference: reference(0.3, 0.05) });
    expect(d.regime).toBe('good fit');
  });

  it('overfitting and blow-ups keep their verdicts with a reference', () => {
    const over = curves(401, falling(0.02, 30), (t) => (t <= 150 ? 0.3 + 0.39 * ((150 - t) / 150) ** 2 : 0.3 * (1 + (0.4 * (t - 150)) / 250)), 0.01, 1);
    expect(diagnose({ epochs: over, baselineLoss: BASE, reference: reference(0.2) }).regime).toBe('overfitting');
    const flat = curves(300, () => 0.68, () => 0.68, 0.02, 2);
    const d = diagnose({ epochs: flat, baselineLoss: BASE, reference: CIRCLE_REF });
    // The input-ignoring comparison still names it first.
    expect(d.regime).toBe('underfitting');
    expect(d.evidence).toContain('ignores the inputs');
  });

  it('hysteresis: underfitting is kept at a ratio that would not enter it', () => {
    // Training at 0.3, reference 0.165: ratio 1.8 (< 2 to enter, ≥ 1.7 to stay); gap 0.135 ≥ 0.1 × baseline.
    const e = curves(400, falling(0.3, 40), falling(0.34, 40), 0.005, 11);
    const r = reference(0.165);
    expect(diagnose({ epochs: e, baselineLoss: BASE, reference: r }).regime).toBe('good fit');
    const prev: Diagnosis = { regime: 'underfitting', sinceEpoch: 100, evidence: 'x' };
    expect(diagnose({ epochs: e, baselineLoss: BASE, reference: r, previous: prev }).regime).toBe('underfitting');
  });
});

describe('capacity after entering underfitting', () => {
  it('a verdict entered by capacity keeps naming the reference, not only the baseline', () => {
    const prev: Diagnosis = { regime: 'underfitting', sinceEpoch: 100, evidence: 'x' };
    // 0.393 is 57% of the baseline: underfit's stay band (50%) would hold it too, with weaker evidence.
    const e = curves(300, falling(0.39, 40), falling(0.44, 40), 0.01, 12);
    const d = diagnose({ epochs: e, baselineLoss: BASE, reference: CIRCLE_REF, previous: prev });
    expect(d.regime).toBe('underfitting');
    expect(d.evidence).toContain('reference network');
  });
});
