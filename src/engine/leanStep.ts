// The gradients of one mini-batch by hand: forward through fused matMul+bias, then backward with
// the closed forms of each output/loss pair, activation, dropout mask and weight penalty. For the
// tiny networks a playground trains, tfjs's per-operation overhead dominates, and the gradient
// tape of `optimizer.minimize` roughly doubles the operations per step; this path does not record
// a tape and computes nothing it does not need. Batch-normalized layers use the mini-batch's
// statistics (training mode) and back-propagate through them (see model.ts, BatchNormVars).
// `tapeGradients` below is the reference it is tested against. Call both inside tf.tidy.
import * as tf from '@tensorflow/tfjs-core';
import type { Activation, LossKey } from '../shared/config';
import { dataLoss } from './losses';
import { activate, BN_EPSILON, type Mlp, type OutputKind } from './model';
import { weightPenalty } from './penalties';

export interface StepOptions {
  loss: LossKey;
  kind: OutputKind;
  /** λ₁ and λ₂ per weight layer. */
  l1: readonly number[];
  l2: readonly number[];
  /** Training only: hidden layer i's units dropped at rates[i]. */
  dropout?: { rates: readonly number[]; seed: number };
  /**
   * Training steps: move the batch-normalized layers' running averages toward this batch's
   * statistics (on the device, no download), as PyTorch's forward pass in training mode does.
   * Off for gradients that only measure (layer health).
   */
  updateStats?: boolean;
}

export interface VariableGradient {
  name: string;
  tensor: tf.Tensor;
}

/** tfjs's own dropout multiplier (same random draws as tf.dropout), kept so backward can reuse it. */
function dropoutMultiplier(shape: number[], rate: number, seed: number): tf.Tensor2D {
  const keep = 1 - rate;
  return tf.div(tf.floor(tf.add(tf.randomUniform(shape, 0, 1, 'float32', seed), keep)), keep) as tf.Tensor2D;
}

/** The hidden layer's output from its pre-activation; relu and sigmoid fuse into the matMul. */
const FUSED: Partial<Record<Activation, 'relu' | 'sigmoid'>> = { relu: 'relu', sigmoid: 'sigmoid' };

/** d activation / d z, from the activation's output a. */
function activationSlope(a: tf.Tensor2D, act: Activation): tf.Tensor2D | null {
  switch (act) {
    case 'tanh':
      return tf.sub(1, tf.square(a)) as tf.Tensor2D;
    case 'sigmoid':
      return tf.mul(a, tf.sub(1, a)) as tf.Tensor2D;
    case 'relu':
      return tf.step(a);
    case 'linear':
      return null;
  }
}

/** d loss / d logits for the mean loss over a batch of `rows`. */
function outputDelta(loss: LossKey, kind: OutputKind, z: tf.Tensor2D, y: tf.Tensor2D, rows: number): tf.Tensor2D {
  const outputs = z.shape[1];
  if (loss === 'bce') return tf.mul(tf.sub(tf.sigmoid(z), y), 1 / (rows * outputs));
  if (loss === 'cce') return tf.mul(tf.sub(tf.softmax(z), y), 1 / rows);
  // MSE on the output activation: mean over rows × outputs of (out − y)².
  const out = kind === 'sigmoid' ? tf.sigmoid(z) : kind === 'softmax' ? tf.softmax(z) : z;
  const dOut = tf.mul(tf.sub(out, y), 2 / (rows * outputs)) as tf.Tensor2D;
  if (kind === 'linear') return dOut;
  if (kind === 'sigmoid') return tf.mul(dOut, tf.mul(out, tf.sub(1, out)));
  // Softmax Jacobian: dz = p ⊙ (dOut − Σⱼ dOutⱼ pⱼ).
  return tf.mul(out, tf.sub(dOut, tf.sum(tf.mul(dOut, out), 1, true)));
}

/**
 * Gradients of (mean data loss + penalty) for the model's trainable variables, as tfjs's
 * `optimizer.applyGradients` takes them. Layers below the lowest trainable one are not
 * back-propagated into.
 */
export function manualGradients(model: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, o: StepOptions): VariableGradient[] {
  const { kernels, biases, bn } = model;
  const last = kernels.length - 1;
  const acts = model.spec.activations;
  const rows = x.shape[0];
  // inputs[i]: what layer i multiplies; outs[i]: hidden layer i's activation (before dropout);
  // normed[i]: a batch-normalized layer's x̂ = (z − μ)/√(σ² + ε) and 1/√(σ² + ε), for backward.
  const inputs: tf.Tensor2D[] = [x];
  const outs: tf.Tensor2D[] = [];
  const masks: (tf.Tensor2D | null)[] = [];
  const normed: ({ xhat: tf.Tensor2D; inv: tf.Tensor1D } | null)[] = [];
  let h = x;
  for (let i = 0; i < last; i++) {
    const norm = bn[i];
    // Batch norm sits between the dense part and the activation, so the activation cannot fuse.
    const fused = norm ? undefined : FUSED[acts[i]];
    let z = tf.fused.matMul({ a: h, b: kernels[i], bias: biases[i], activation: fused ?? 'linear' }) as tf.Tensor2D;
    if (norm) {
      // tf.moments by hand, keeping z − μ for x̂ (each tfjs operation costs more than its arithmetic here).
      const mean = tf.mean(z, 0) as tf.Tensor1D;
      const centred = tf.sub(z, mean);
      const variance = tf.mean(tf.square(centred), 0) as tf.Tensor1D;
      if (o.updateStats) model.updateRunningStats(i, mean, variance, rows);
      const inv = tf.rsqrt(tf.add(variance, BN_EPSILON)) as tf.Tensor1D;
      const xhat = tf.mul(centred, inv) as tf.Tensor2D;
      normed.push({ xhat, inv });
      z = tf.add(tf.mul(xhat, norm.gamma), norm.beta) as tf.Tensor2D;
    } else normed.push(null);
    const a = fused ? z : norm ? activate(z, acts[i]) : acts[i] === 'tanh' ? (tf.tanh(z) as tf.Tensor2D) : z;
    outs.push(a);
    const rate = o.dropout?.rates[i] ?? 0;
    const mask = rate > 0 ? dropoutMultiplier(a.shape, rate, o.dropout!.seed + i) : null;
    masks.push(mask);
    h = mask ? tf.mul(a, mask) : a;
    inputs.push(h);
  }
  const z = tf.fused.matMul({ a: h, b: kernels[last], bias: biases[last] }) as tf.Tensor2D;
  let delta = outputDelta(o.loss, o.kind, z, y, rows);

  const lowest = kernels.findIndex((k, i) => k.trainable || biases[i].trainable);
  const grads: VariableGradient[] = [];
  for (let i = last; i >= Math.max(0, lowest); i--) {
    if (kernels[i].trainable) {
      let dW: tf.Tensor = tf.matMul(inputs[i], delta, true, false);
      // The slope of |w| is sign(w), 0 at exactly 0 (as in PyTorch; see penalties.ts).
      if (o.l1[i] > 0) dW = tf.add(dW, tf.mul(tf.sign(kernels[i]), o.l1[i]));
      if (o.l2[i] > 0) dW = tf.add(dW, tf.mul(kernels[i], 2 * o.l2[i]));
      grads.push({ name: kernels[i].name, tensor: dW });
    }
    // Before batch norm the bias shifts every row alike and the mean subtraction cancels it: its
    // gradient is exactly 0, so it gets none and the optimizer leaves it as it is (the tape's is
    // float noise, which Adam would blow up to full steps; a zero would cost an update of nothing).
    if (biases[i].trainable && !(i < last && normed[i])) grads.push({ name: biases[i].name, tensor: tf.sum(delta, 0) });
    if (i === 0 || i - 1 < lowest) break;
    let dh = tf.matMul(delta, kernels[i], false, true) as tf.Tensor2D;
    const mask = masks[i - 1];
    if (mask) dh = tf.mul(dh, mask);
    const slope = activationSlope(outs[i - 1], acts[i - 1]);
    delta = slope ? tf.mul(dh, slope) : dh;
    const norm = bn[i - 1];
    const nd = normed[i - 1];
    if (norm && nd) {
      // delta is d loss / d (x̂γ + β), so dβ = Σ delta and dγ = Σ delta ⊙ x̂ (over rows). Through the
      // batch's own mean and variance, with dx̂ = delta ⊙ γ and n rows,
      //   dz = (1/√(σ² + ε)) ⊙ (dx̂ − mean(dx̂) − x̂ ⊙ mean(dx̂ ⊙ x̂))
      //      = (γ/√(σ² + ε)) ⊙ (delta − (dβ + x̂ ⊙ dγ)/n),
      // the second form reusing the two sums (fewer operations).
      const dBeta = tf.sum(delta, 0);
      const dGamma = tf.sum(tf.mul(delta, nd.xhat), 0);
      if (norm.gamma.trainable) grads.push({ name: norm.gamma.name, tensor: dGamma });
      if (norm.beta.trainable) grads.push({ name: norm.beta.name, tensor: dBeta });
      const shared = tf.mul(tf.add(tf.mul(nd.xhat, dGamma), dBeta), 1 / rows);
      delta = tf.mul(tf.sub(delta, shared), tf.mul(norm.gamma, nd.inv)) as tf.Tensor2D;
    }
  }
  return grads;
}

/** The same gradients through tfjs's gradient tape, for tests. */
export function tapeGradients(model: Mlp, x: tf.Tensor2D, y: tf.Tensor2D, o: StepOptions): VariableGradient[] {
  const vars = model.variables.filter((v) => v.trainable);
  const penalize = [...o.l1, ...o.l2].some((l) => l > 0);
  const { grads } = tf.variableGrads(() => {
    // Training mode: batch-normalized layers use this batch's statistics (the running averages stay).
    const data = dataLoss(o.loss, model.logits(x, o.dropout, true), y, o.kind);
    return penalize ? tf.add(data, weightPenalty(model.kernels, o.l1, o.l2)) : data;
  }, vars);
  return vars.map((v) => ({ name: v.name, tensor: grads[v.name] }));
}
