// The loss and update formulas of the source text, written out with the current values.
import type { ExperimentConfig, LossKey, OptimizerKey } from '../shared/config';

export const LOSS_FORMULAS: Record<LossKey, string> = {
  mse: 'L = 1/n Σ (y − ŷ)²',
  bce: 'L = −1/n Σ [ y log ŷ + (1 − y) log(1 − ŷ) ]',
  cce: 'L = −1/n Σᵢ Σₖ yₖ log ŷₖ',
};

export function optimizerFormula(o: OptimizerKey, c: Pick<ExperimentConfig, 'lr' | 'momentum' | 'beta1' | 'beta2' | 'epsilon'>): string[] {
  const a = `α = ${c.lr}`;
  switch (o) {
    case 'sgd':
      return ['w ← w − α∇L', a];
    case 'momentum':
      return ['v ← βv + α∇L', 'w ← w − v', `${a}, β = ${c.momentum}`];
    case 'adam':
      return [
        'm ← β₁m + (1 − β₁)∇L',
        'v ← β₂v + (1 − β₂)(∇L)²',
        'w ← w − α m̂ / (√v̂ + ε),  m̂ = m/(1 − β₁ᵗ), v̂ = v/(1 − β₂ᵗ)',
        `${a}, β₁ = ${c.beta1}, β₂ = ${c.beta2}, ε = ${c.epsilon}`,
      ];
    case 'rmsprop':
      return ['s ← ρs + (1 − ρ)(∇L)²', 'w ← w − α∇L / √(s + ε)', `${a}, ρ = 0.9, ε = ${c.epsilon}`];
    case 'adagrad':
      return ['s ← s + (∇L)²', 'w ← w − α∇L / √(s + ε)', `${a}, s₀ = 0.1`];
  }
}
