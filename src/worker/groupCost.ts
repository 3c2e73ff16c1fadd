// The batched engine's cost model: what a group of members costs per epoch, and how members
// are split into groups that train fastest on a backend.
import type { BatchMember, GroupShape } from '../engine/batchedMlp';

/**
 * What one extra tfjs operation per step costs, in multiply-adds of padded work, per backend.
 * Measured on the cpu backend in node (about 5 µs per operation against 9 ns per multiply-add
 * of a small batched matMul). For wasm, 2,000 to 20,000 trained the benchmark's grid equally fast
 * in node (2,000 kept); webgl's is a guess in the same direction (its operations cost far more
 * than its arithmetic). Used only to decide which members train apart.
 */
export const OP_COST: Record<string, number> = { cpu: 600, wasm: 2000, webgl: 50000 };

export interface CostInfo {
  batch: number;
  n: number;
  units: number[];
  /** Validation rows. */
  v: number;
}

/**
 * The most elements a group's biggest tensor (members × rows × widest layer) may hold, about
 * 4 MB of float32: a step keeps a dozen such tensors alive.
 */
const MAX_ELEMENTS = 1 << 20;

/** Elements of the group's biggest per-step (or validation) tensor. */
function groupElements(ms: readonly CostInfo[], inputs: number): number {
  const rows = Math.max(...ms.map((m) => Math.max(Math.min(m.batch, m.n), m.v)));
  const widest = Math.max(inputs, ...ms.flatMap((m) => m.units)) + 1;
  return ms.length * rows * widest;
}

/**
 * One group's work per epoch in two parts: `ops`, tfjs operations (steps × operations per step),
 * and `work`, padded multiply-adds (steps × padded rows × the padded network's multiply-adds per
 * row, forward and backward). A backend's time is about ops × its cost per operation + work ×
 * its cost per multiply-add.
 */
function groupParts(ms: readonly CostInfo[], shape: GroupShape): { ops: number; work: number } {
  const width = Math.max(...ms.map((m) => Math.min(m.batch, m.n)));
  const steps = Math.max(...ms.map((m) => Math.ceil(m.n / m.batch)));
  const hidden = ms[0].units.length;
  const widths = Array.from({ length: hidden }, (_, i) => Math.max(...ms.map((m) => m.units[i])) + 1);
  const sizes = [shape.inputs + 1, ...widths, shape.classes > 2 ? shape.classes : 1];
  let macs = 0;
  for (let i = 0; i + 1 < sizes.length; i++) macs += sizes[i] * sizes[i + 1];
  return { ops: steps * (6 + 8 * hidden), work: steps * 3 * macs * width * ms.length };
}

/** Estimated cost of one group per epoch, in multiply-adds, with one operation costing `opCost` of them. */
export function groupCost(ms: readonly CostInfo[], shape: GroupShape, opCost: number): number {
  const { ops, work } = groupParts(ms, shape);
  return ops * opCost + work;
}

/** A member's figures for the cost model. */
export function costInfo(member: BatchMember): CostInfo {
  return { batch: Math.max(1, member.settings.batch), n: member.data.train.length, units: member.settings.layers, v: member.data.val.length };
}

/**
 * Splits members that may share a group into groups that train fastest: sorted by batch size
 * (then units), each run of members is cut where keeping the next member apart costs less than
 * padding everyone to its batch size and width. Deterministic: the same members give the same
 * groups in the same order.
 */
export function partition<T extends { member: BatchMember }>(items: readonly T[], shape: GroupShape, opCost = OP_COST.cpu): T[][] {
  const info = (t: T): CostInfo => costInfo(t.member);
  const widest = (u: number[]) => Math.max(0, ...u);
  const sorted = [...items].sort((a, b) => {
    const x = info(a);
    const y = info(b);
    return x.batch - y.batch || widest(x.units) - widest(y.units);
  });
  const out: T[][] = [];
  for (const t of sorted) {
    const last = out.at(-1);
    if (last && groupElements([...last, t].map(info), shape.inputs) <= MAX_ELEMENTS) {
      const together = groupCost([...last, t].map(info), shape, opCost);
      const apart = groupCost(last.map(info), shape, opCost) + groupCost([info(t)], shape, opCost);
      if (together <= apart) {
        last.push(t);
        continue;
      }
    }
    out.push([t]);
  }
  return out;
}

