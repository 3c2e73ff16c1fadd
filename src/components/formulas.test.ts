import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../shared/config';
import { LOSS_FORMULAS, optimizerFormula } from './formulas';

describe('formulas shown beside the controls', () => {
  it('momentum shows the form that runs (α applied to the velocity) and how it relates to the other form', () => {
    const lines = optimizerFormula('momentum', { ...DEFAULT_CONFIG, lr: 0.05, momentum: 0.7 });
    expect(lines.slice(0, 3)).toEqual(['v ← βv + ∇L', 'w ← w − αv', 'α = 0.05, β = 0.7']);
    expect(lines[3]).toContain('v ← βv + α∇L');
  });

  it("Adagrad shows the backend's ε once it is known", () => {
    expect(optimizerFormula('adagrad', DEFAULT_CONFIG, 1.0000000116860974e-7).at(-1)).toContain('ε = 1e-7');
    expect(optimizerFormula('adagrad', DEFAULT_CONFIG, 1e-4).at(-1)).toContain('ε = 0.0001');
    expect(optimizerFormula('adagrad', DEFAULT_CONFIG).at(-1)).toContain("ε = the backend's");
  });

  it('MSE says it divides by n × K', () => {
    expect(LOSS_FORMULAS.mse).toContain('1/(n·K)');
  });
});
