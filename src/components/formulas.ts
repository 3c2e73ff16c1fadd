// The loss and update formulas the training actually runs (tfjs's, which match PyTorch's),
// written out with the current values.
import type { ExperimentConfig, LossKey, OptimizerKey } from '../shared/config';
import { t } from '../i18n/i18n';

export const LOSS_FORMULAS: Record<LossKey, string> = {
  mse: 'L = 1/(n·K) Σᵢ Σₖ (yᵢₖ − ŷᵢₖ)²  (n examples, K outputs each; K = 1 for one target)',
  bce: 'L = −1/n Σ [ y log ŷ + (1 − y) log(1 − ŷ) ]',
  cce: 'L = −1/n Σᵢ Σₖ yₖ log ŷₖ',
};

/** A loss formula in the interface's language (only the words change; the maths stays). */
export function lossFormula(k: LossKey): string {
  return k === 'mse' ? `L = 1/(n·K) Σᵢ Σₖ (yᵢₖ − ŷᵢₖ)²  ${t('training:formula.mseWhere')}` : LOSS_FORMULAS[k];
}

/** How ε reads: "1e-7" rather than "1.0000000116860974e-7" (the backend's float32 value). */
function short(x: number): string {
  return Number(x.toPrecision(3)).toString();
}

/**
 * The update lines of `o` with the current values. `backendEpsilon` is the ε of the backend in
 * use (Adagrad takes it from there); undefined until the worker has started.
 */
export function optimizerFormula(o: OptimizerKey, c: Pick<ExperimentConfig, 'lr' | 'momentum' | 'beta1' | 'beta2' | 'epsilon'>, backendEpsilon?: number): string[] {
  const a = `α = ${c.lr}`;
  switch (o) {
    case 'sgd':
      return ['w ← w − α∇L', a];
    case 'momentum':
      return [
        'v ← βv + ∇L',
        'w ← w − αv',
        `${a}, β = ${c.momentum}`,
        t('training:formula.momentumNote'),
      ];
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
      return [
        's ← s + (∇L)²',
        'w ← w − α∇L / √(s + ε)',
        `${a}, s₀ = 0.1, ε = ${backendEpsilon === undefined ? t('training:formula.epsilonPending') : t('training:formula.epsilonOwn', { value: short(backendEpsilon) })}`,
      ];
  }
}
