// A standalone PyTorch script that replays one run of the page: the exact rows of each split, the
// initial weights, each epoch's batch order and the same loss, gradients, penalties and optimizer
// update formulas as tfjs's (written out by hand, since torch.optim's Adam, RMSprop and Adagrad
// differ from tfjs's in where ε goes and how state starts). Pure: the script is a string.
import type { RunExport } from './runExport';
import { outputKindFor } from '../engine/trainer';
import { CONSTANT, formatSchedule, isConstant, parseSchedule } from '../shared/schedule';

/** The shortest decimal that reads back as the same float32 (at most 9 significant digits). */
export function f32(v: number): string {
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  const x = Math.fround(v);
  for (let p = 1; p < 9; p++) {
    const s = x.toPrecision(p);
    if (Math.fround(Number(s)) === x) return tidyNumber(s);
  }
  return tidyNumber(x.toPrecision(9));
}

/** "1.50000e-7" → "1.5e-7", "2.500" → "2.5". */
function tidyNumber(s: string): string {
  const [mantissa, exponent] = s.split('e');
  const m = mantissa.includes('.') ? mantissa.replace(/0+$/, '').replace(/\.$/, '') : mantissa;
  return exponent === undefined ? m : `${m}e${exponent}`;
}

/** A Python list literal, wrapped every `perLine` values. */
function pyList(values: ArrayLike<number>, format: (v: number) => string = f32, perLine = 16): string {
  if (values.length === 0) return '[]';
  const lines: string[] = [];
  for (let i = 0; i < values.length; i += perLine) {
    lines.push(Array.from({ length: Math.min(perLine, values.length - i) }, (_, k) => format(values[i + k])).join(', '));
  }
  return lines.length === 1 ? `[${lines[0]}]` : `[\n    ${lines.join(',\n    ')},\n]`;
}

const int = (v: number) => String(v);

/** A Python literal for a JSON-like value (numbers, strings, booleans, null, lists, dicts). */
function pyValue(v: unknown): string {
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : `float('${v > 0 ? 'inf' : v < 0 ? '-inf' : 'nan'}')`;
  if (typeof v === 'string') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(pyValue).join(', ')}]`;
  return `{${Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${JSON.stringify(k)}: ${pyValue(x)}`)
    .join(', ')}}`;
}

/** The PyTorch script that reproduces the exported run, printing one line per epoch. */
export function pytorchScript(r: RunExport): string {
  const s = r.settings;
  const kind = outputKindFor(r.classes);
  const epochs = r.batchOrders.length;
  const dropping = s.dropout.some((d) => d > 0);
  // The schedule as the page reads it (an unreadable text trains at the constant rate, as rateAt does).
  const parsed = parseSchedule(s.schedule ?? 'constant');
  const schedule = parsed.ok ? parsed.value : CONSTANT;
  const scheduled = !isConstant(formatSchedule(schedule));
  const clip = s.clip > 0 ? s.clip : 0;
  const settings = {
    dataset: s.dataset,
    features: s.features,
    seed: s.seed,
    run: r.run,
    inputs: r.inputs,
    classes: r.classes,
    output: kind,
    layers: s.layers,
    activations: s.activations,
    init: s.init,
    loss: s.loss,
    optimizer: s.optimizer,
    lr: s.lr,
    batch: s.batch,
    momentum: s.momentum,
    beta1: s.beta1,
    beta2: s.beta2,
    epsilon: s.epsilon,
    adagrad_epsilon: r.adagradEpsilon,
    l1: r.l1,
    l2: r.l2,
    dropout: s.dropout,
    patience: s.patience,
    min_delta: s.minDelta,
    restore_best: s.restoreBest,
    schedule: { text: formatSchedule(schedule), warmup: schedule.warmup, kind: schedule.kind, every: schedule.every, factor: schedule.factor },
    clip,
    epochs,
  };
  // Whole rows per line: as many as fit in about 16 numbers.
  const perRow = r.inputs * Math.max(1, Math.floor(16 / r.inputs));
  const split = (name: string, d: RunExport['train']) =>
    `${name}_X = ${pyList(d.x, f32, perRow)}\n${name}_Y = ${pyList(d.y)}\n${name}_N = ${d.n}\n`;
  const weights = r.weights
    .map((w, i) => `    # layer ${i + 1}: kernel ${w.kernel.length / w.bias.length} x ${w.bias.length} (row-major), bias ${w.bias.length}\n    (${pyList(w.kernel)}, ${pyList(w.bias)}),`)
    .join('\n');
  const reference = r.reference?.length
    ? `[\n${r.reference.map((m) => `    (${m.epoch}, ${f32(m.trainLoss)}, ${f32(m.valLoss)}),`).join('\n')}\n]`
    : 'None';

  return `#!/usr/bin/env python3
"""Replays one Tuning Playground run in PyTorch and prints its per-epoch losses.

Data set ${s.dataset} (seed ${s.seed}, run ${r.run}), ${r.train.n} training / ${r.val.n} validation / ${r.test.n} test rows,
layers ${JSON.stringify(s.layers)} ${JSON.stringify(s.activations)} with a ${kind} output, loss ${s.loss},
optimizer ${s.optimizer} (lr ${s.lr}${scheduled ? `, schedule ${formatSchedule(schedule)}` : ''}${clip ? `, gradients clipped to norm ${clip}` : ''}), batch ${s.batch}, ${epochs} epochs.

Everything the run depends on is in this file: the exact rows of each split (already featurized),
the initial weights, the order of the training rows in every epoch (mini-batches are cut from it
in order, the last one smaller), the L1/L2 penalties (kernels only, not biases) and early stopping.

The gradients are the closed forms the page uses (the same as autograd's, also at ties such as
a logit of exactly 0), and the optimizer updates are tfjs's own formulas, written out by hand:
  sgd       w -= lr * g
  momentum  a = m * a + g;  w -= lr * a                     (not Nesterov)
  adam      m = b1 m + (1-b1) g;  v = b2 v + (1-b2) g^2;  w -= lr * (m / (1-b1^t)) / (sqrt(v / (1-b2^t)) + eps)
  rmsprop   s = 0.9 s + 0.1 g^2;  w -= lr * g / sqrt(s + eps)   (not centered, no momentum)
  adagrad   s starts at 0.1;  s += g^2;  w -= lr * g / sqrt(s + eps)
torch.optim's Adam is the same rule arranged differently, but its RMSprop puts eps outside the
square root (and decays by 0.99) and its Adagrad starts the sum at 0 with eps outside, so every
update is written out here in tfjs's order of operations.

The learning rate of each epoch is the base rate times the schedule's factor (rate_at below, the
page's own formulas): step:E:F multiplies by F every E epochs, exp:G by G each epoch, cosine:T
follows half a cosine down to 0 over T epochs, and warmup:W+... first ramps up linearly over W
epochs (epoch e of the warm-up uses (e+1)/W of the rate). With a clip norm above 0, each step's
gradients (penalty included) are clipped by their global norm with torch.nn.utils.clip_grad_norm_,
which is what the page computes: scaled by clip / (norm + 1e-6) when the norm exceeds the clip.

Dropout${dropping ? ' is on' : ' (off in this run)'}: the masks are the page's own. tfjs draws them with seedrandom's Alea
generator from a seed per mini-batch and hidden layer; that generator is ported below (alea), and
the seeds are in DROPOUT_SEEDS, so the same units are dropped at every step (inverted dropout:
kept units are scaled by 1/(1-rate), as in tfjs). Run with --torch-dropout to draw the masks with
torch.rand instead: the curves then agree in distribution only.

Printed per epoch (epoch 0 is before any step): the mean data loss (no penalty) on the training
rows the page measures (all of them up to 256, else the same fixed sample of 256 every epoch),
on every validation row, the weight penalty, and for classification the accuracies; with a
schedule the epoch's learning rate (lr), with clipping the share of its steps clipped (clipped).

Needs Python 3 and PyTorch (e.g. Debian's python3-torch); runs on the CPU in float32.
"""
import math
import sys

import torch

torch.set_num_threads(1)
F32 = torch.float32

SETTINGS = ${pyValue(settings)}

${split('TRAIN', r.train)}
${split('VAL', r.val)}
${split('TEST', r.test)}
# The training rows of the per-epoch training metrics (None: all of them).
METRIC_ROWS = ${r.metricRows ? pyList(r.metricRows, int, 32) : 'None'}

# Initial weights, input side first.
WEIGHTS = [
${weights}
]

# The order of the training rows in epoch 1, 2, ...
BATCH_ORDERS = [
${r.batchOrders.map((o) => `    ${pyList(o, int, 32)},`).join('\n')}
]

# Per epoch, per mini-batch: the seed of tfjs's dropout draws (hidden layer i adds i); None: dropout off.
DROPOUT_SEEDS = ${r.dropoutSeeds ? `[\n${r.dropoutSeeds.map((e) => `    ${pyList(e, int, 8)},`).join('\n')}\n]` : 'None'}

# The page's own (epoch, training loss, validation loss), for comparison; None if not exported.
BROWSER = ${reference}

KIND = SETTINGS["output"]
LOSS = SETTINGS["loss"]
ACTS = SETTINGS["activations"]


def _u32(x):
    return int(x) % 4294967296


def alea(seed):
    """seedrandom's Alea generator (what tfjs's randomUniform draws from), in float64 like JavaScript."""
    state = {"n": 4022871197.0}

    def mash(data):
        n = state["n"]
        for ch in data:
            n += ord(ch)
            h = 0.02519603282416938 * n
            n = float(_u32(h))
            h -= n
            h *= n
            n = float(_u32(h))
            h -= n
            n += h * 4294967296.0
        state["n"] = n
        return _u32(n) * 2.3283064365386963e-10

    s = [mash(" "), mash(" "), mash(" ")]
    for i in range(3):
        s[i] -= mash(seed)
        if s[i] < 0:
            s[i] += 1
    s0, s1, s2 = s
    c = 1

    def next_value():
        nonlocal s0, s1, s2, c
        t = 2091639 * s0 + c * 2.3283064365386963e-10
        s0, s1 = s1, s2
        c = int(t)
        s2 = t - c
        return s2

    return next_value


def tfjs_dropout_mask(rows_, units, rate, seed):
    """tfjs's inverted-dropout multiplier: floor(u + keep) / keep, u ~ randomUniform(seed), in float32."""
    draw = alea(str(seed))
    u = torch.tensor([draw() for _ in range(rows_ * units)], dtype=F32).reshape(rows_, units)
    keep = torch.tensor(1 - rate, dtype=F32)
    return torch.floor(u + keep) / keep


def rows(x, y, n):
    xs = torch.tensor(x, dtype=F32).reshape(n, SETTINGS["inputs"])
    if KIND == "softmax":
        ys = torch.nn.functional.one_hot(torch.tensor(y, dtype=torch.long), SETTINGS["classes"]).to(F32)
    else:
        ys = torch.tensor(y, dtype=F32).reshape(n, 1)
    return xs, ys


def activate(z, act):
    if act == "relu":
        return torch.relu(z)
    if act == "tanh":
        return torch.tanh(z)
    if act == "sigmoid":
        return torch.sigmoid(z)
    return z


def slope(a, act):
    """d activation / d z, from the activation's output a."""
    if act == "tanh":
        return 1 - a * a
    if act == "sigmoid":
        return a * (1 - a)
    if act == "relu":
        return (a > 0).to(F32)
    return None


def output_of(z):
    if KIND == "sigmoid":
        return torch.sigmoid(z)
    if KIND == "softmax":
        return torch.softmax(z, 1)
    return z


def logits(x, kernels, biases):
    h = x
    for i in range(len(kernels)):
        z = h @ kernels[i] + biases[i]
        h = z if i == len(kernels) - 1 else activate(z, ACTS[i])
    return h


def data_loss(z, y):
    """Mean loss over the rows, without the penalty."""
    if LOSS == "bce":
        # max(z,0) - z*y + log(1 + e^-|z|): binary cross-entropy on the logit, without overflow.
        return (torch.relu(z) - z * y + torch.log1p(torch.exp(-z.abs()))).mean()
    if LOSS == "cce":
        return (-(y * torch.log_softmax(z, 1)).sum(1)).mean()
    return ((output_of(z) - y) ** 2).mean()


def accuracy(z, y):
    if KIND == "softmax":
        return (z.argmax(1) == y.argmax(1)).to(F32).mean()
    return ((z > 0).to(F32) == y).to(F32).mean()


def penalty(kernels):
    total = torch.zeros((), dtype=F32)
    for i, w in enumerate(kernels):
        if SETTINGS["l1"][i] > 0:
            total = total + SETTINGS["l1"][i] * w.abs().sum()
        if SETTINGS["l2"][i] > 0:
            total = total + SETTINGS["l2"][i] * (w * w).sum()
    return total


def output_delta(z, y):
    """d mean-loss / d logits over a batch."""
    n, outputs = z.shape
    if LOSS == "bce":
        return (torch.sigmoid(z) - y) * (1.0 / (n * outputs))
    if LOSS == "cce":
        return (torch.softmax(z, 1) - y) * (1.0 / n)
    out = output_of(z)
    d_out = (out - y) * (2.0 / (n * outputs))
    if KIND == "linear":
        return d_out
    if KIND == "sigmoid":
        return d_out * (out * (1 - out))
    return out * (d_out - (d_out * out).sum(1, keepdim=True))


def gradients(x, y, kernels, biases, masks):
    """Gradients of mean data loss + penalty for every kernel and bias (as the page computes them)."""
    last = len(kernels) - 1
    inputs, outs = [x], []
    h = x
    for i in range(last):
        a = activate(h @ kernels[i] + biases[i], ACTS[i])
        outs.append(a)
        h = a * masks[i] if masks[i] is not None else a
        inputs.append(h)
    delta = output_delta(h @ kernels[last] + biases[last], y)
    dk, db = [None] * len(kernels), [None] * len(kernels)
    for i in range(last, -1, -1):
        g = inputs[i].t() @ delta
        if SETTINGS["l1"][i] > 0:
            g = g + torch.sign(kernels[i]) * SETTINGS["l1"][i]  # slope of |w|: sign(w), 0 at 0
        if SETTINGS["l2"][i] > 0:
            g = g + kernels[i] * (2 * SETTINGS["l2"][i])
        dk[i], db[i] = g, delta.sum(0)
        if i == 0:
            break
        dh = delta @ kernels[i].t()
        if masks[i - 1] is not None:
            dh = dh * masks[i - 1]
        sl = slope(outs[i - 1], ACTS[i - 1])
        delta = dh * sl if sl is not None else dh
    return dk, db


class Optimizer:
    """tfjs's update rules (see the header), one state per variable."""

    def __init__(self, params):
        o = SETTINGS["optimizer"]
        self.kind = o
        self.a = [torch.zeros_like(p) for p in params]
        self.b = [torch.zeros_like(p) for p in params]
        if o == "adagrad":
            self.a = [torch.full_like(p, 0.1) for p in params]
        self.acc_beta1 = torch.tensor(SETTINGS["beta1"], dtype=F32)
        self.acc_beta2 = torch.tensor(SETTINGS["beta2"], dtype=F32)

    def step(self, params, grads, lr):
        o = self.kind
        for i, (p, g) in enumerate(zip(params, grads)):
            if o == "sgd":
                p.copy_(p + (-lr) * g)
            elif o == "momentum":
                self.a[i] = SETTINGS["momentum"] * self.a[i] + g
                p.copy_(p + (-lr) * self.a[i])
            elif o == "adam":
                b1, b2 = SETTINGS["beta1"], SETTINGS["beta2"]
                self.a[i] = self.a[i] * b1 + g * (1 - b1)
                self.b[i] = self.b[i] * b2 + (g * g) * (1 - b2)
                m_hat = self.a[i] / (1 - self.acc_beta1)
                v_hat = self.b[i] / (1 - self.acc_beta2)
                p.copy_(m_hat / (torch.sqrt(v_hat) + SETTINGS["epsilon"]) * (-lr) + p)
            elif o == "rmsprop":
                self.a[i] = self.a[i] * 0.9 + (g * g) * (1 - 0.9)
                self.b[i] = self.b[i] * 0.0 + (g * lr) / torch.sqrt(self.a[i] + SETTINGS["epsilon"])
                p.copy_(p - self.b[i])
            elif o == "adagrad":
                self.a[i] = self.a[i] + g * g
                p.copy_(g / torch.sqrt(self.a[i] + SETTINGS["adagrad_epsilon"]) * (-lr) + p)
            else:
                raise ValueError("unknown optimizer " + o)
        if o == "adam":
            self.acc_beta1 = self.acc_beta1 * SETTINGS["beta1"]
            self.acc_beta2 = self.acc_beta2 * SETTINGS["beta2"]


def rate_at(epoch):
    """The learning rate of training epoch number epoch (0 first): the base rate times the schedule's factor."""
    s = SETTINGS["schedule"]
    e = max(0, epoch)
    if e < s["warmup"]:
        factor = (e + 1) / s["warmup"]
    else:
        t = e - s["warmup"]
        if s["kind"] == "step":
            factor = s["factor"] ** (t // s["every"])
        elif s["kind"] == "exp":
            factor = s["factor"] ** t
        elif s["kind"] == "cosine":
            factor = 0.0 if t >= s["every"] else 0.5 * (1 + math.cos((math.pi * t) / s["every"]))
        else:
            factor = 1.0
    return SETTINGS["lr"] * factor


def clip_gradients(params, grads):
    """Clips the step's gradients by their global norm with torch's own clip_grad_norm_; True when clipped."""
    for p, g in zip(params, grads):
        p.grad = g
    norm = torch.nn.utils.clip_grad_norm_(params, SETTINGS["clip"])
    clipped = [p.grad for p in params]
    for p in params:
        p.grad = None
    grads[:] = clipped
    return bool(norm > SETTINGS["clip"])


def main():
    train_x, train_y = rows(TRAIN_X, TRAIN_Y, TRAIN_N)
    val_x, val_y = rows(VAL_X, VAL_Y, VAL_N)
    test_x, test_y = rows(TEST_X, TEST_Y, TEST_N)
    if METRIC_ROWS is None:
        metric_x, metric_y = train_x, train_y
    else:
        picked = torch.tensor(METRIC_ROWS, dtype=torch.long)
        metric_x, metric_y = train_x[picked], train_y[picked]
    sizes = [SETTINGS["inputs"]] + SETTINGS["layers"] + [SETTINGS["classes"] if KIND == "softmax" else 1]
    kernels = [torch.tensor(k, dtype=F32).reshape(sizes[i], sizes[i + 1]) for i, (k, _) in enumerate(WEIGHTS)]
    biases = [torch.tensor(b, dtype=F32) for _, b in WEIGHTS]
    params = kernels + biases
    opt = Optimizer(params)
    classify = KIND != "linear"
    # Dropout masks: the page's (tfjs's Alea draws), or with --torch-dropout PyTorch's own, seeded for repeatability.
    torch_dropout = "--torch-dropout" in sys.argv
    gen = torch.Generator().manual_seed(SETTINGS["seed"] * 1000 + SETTINGS["run"])
    rates = SETTINGS["dropout"]

    scheduled = SETTINGS["schedule"]["text"] != "constant"

    def measure(epoch, lr, clipped):
        lt, lv = logits(metric_x, kernels, biases), logits(val_x, kernels, biases)
        m = {"epoch": epoch, "train_loss": data_loss(lt, metric_y).item(), "val_loss": data_loss(lv, val_y).item(), "penalty": penalty(kernels).item()}
        if classify:
            m["train_acc"] = accuracy(lt, metric_y).item()
            m["val_acc"] = accuracy(lv, val_y).item()
        if epoch > 0 and scheduled:
            m["lr"] = lr
        if epoch > 0 and SETTINGS["clip"] > 0:
            m["clipped"] = clipped
        print(" ".join(["epoch %d" % epoch] + ["%s %.8g" % (k, v) for k, v in m.items() if k != "epoch"]), flush=True)
        return m

    # Early stopping on validation loss, as the page judges it (epoch 0 included).
    best, best_epoch, best_weights = math.inf, 0, None
    history = []
    stop = None
    with torch.no_grad():
        for epoch in range(0, SETTINGS["epochs"] + 1):
            lr, clipped, steps = SETTINGS["lr"], 0, 0
            if epoch > 0:
                lr = rate_at(epoch - 1)
                order = torch.tensor(BATCH_ORDERS[epoch - 1], dtype=torch.long)
                for b, start in enumerate(range(0, TRAIN_N, SETTINGS["batch"])):
                    idx = order[start:start + SETTINGS["batch"]]
                    xb, yb = train_x[idx], train_y[idx]
                    masks = []
                    for i in range(len(SETTINGS["layers"])):
                        rate = rates[i] if i < len(rates) else 0
                        if rate <= 0:
                            masks.append(None)
                        elif torch_dropout:
                            keep = 1 - rate
                            masks.append((torch.rand((xb.shape[0], SETTINGS["layers"][i]), generator=gen) < keep).to(F32) / keep)
                        else:
                            masks.append(tfjs_dropout_mask(xb.shape[0], SETTINGS["layers"][i], rate, DROPOUT_SEEDS[epoch - 1][b] + i))
                    dk, db = gradients(xb, yb, kernels, biases, masks)
                    grads = dk + db
                    if SETTINGS["clip"] > 0 and clip_gradients(params, grads):
                        clipped += 1
                    steps += 1
                    opt.step(params, grads, lr)
            m = measure(epoch, lr, clipped / steps if steps else 0)
            history.append(m)
            if SETTINGS["patience"] > 0:
                if m["val_loss"] < best - SETTINGS["min_delta"]:
                    best, best_epoch = m["val_loss"], epoch
                    best_weights = [p.clone() for p in params]
                if epoch - best_epoch >= SETTINGS["patience"]:
                    restored = SETTINGS["restore_best"] and best_weights is not None
                    if restored:
                        for p, w in zip(params, best_weights):
                            p.copy_(w)
                    stop = (epoch, best_epoch, restored)
                    break
        if stop:
            print("early_stop epoch %d best_epoch %d best_val_loss %.8g restored %d" % (stop[0], stop[1], best, int(stop[2])))
        zt = logits(test_x, kernels, biases)
        line = "test_loss %.8g" % data_loss(zt, test_y).item()
        if classify:
            line += " test_acc %.8g" % accuracy(zt, test_y).item()
        print(line)

    if BROWSER:
        ours = {m["epoch"]: m for m in history}
        common = [b for b in BROWSER if b[0] in ours]
        if common:
            dt = max(abs(ours[e]["train_loss"] - t) for e, t, _ in common)
            dv = max(abs(ours[e]["val_loss"] - v) for e, _, v in common)
            e, _, v = common[-1]
            rel = abs(ours[e]["val_loss"] - v) / max(abs(v), 1e-12)
            print("browser max_train_diff %.3g max_val_diff %.3g final_val_rel_diff %.3g over %d epochs" % (dt, dv, rel, len(common)))


if __name__ == "__main__":
    main()
`;
}
