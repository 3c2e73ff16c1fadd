// Seeded train/validation/test split. Stratified for classification, so a small validation set
// still sees every class in proportion and its loss is comparable with the training loss.
import type { Problem } from '../shared/datasets';
import { hashSeed, mulberry32, shuffleInPlace } from './random';

/** Indices into the points, each set sorted ascending (training reshuffles per epoch anyway). */
export interface Split {
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
}

export interface SplitOptions {
  problem: Problem;
  trainPct: number;
  valPct: number;
  seed: number;
  /** Number of classes; ignored for regression. */
  classes: number;
}

interface Choice {
  score: number;
  /** Per class so far: 0..3, bit 0 = train rounded up, bit 1 = validation rounded up. */
  picks: number[];
}

/**
 * Per-class train and validation counts: each the floor or ceil of its ideal share, each class's
 * test count within 1 of its share, totals as close as possible to the targets (exact whenever
 * test keeps a share). Rounding train and validation independently could leave a test count 2
 * off; a DP over "how many classes rounded up so far" ((K+1)² states) avoids that.
 */
function stratify(counts: number[], trainPct: number, valPct: number, nTrain: number, nVal: number) {
  const ideal = counts.map((c) => ({ t: (c * trainPct) / 100, v: (c * valPct) / 100, s: (c * (100 - trainPct - valPct)) / 100 }));
  const floorT = ideal.map((d) => Math.floor(d.t));
  const floorV = ideal.map((d) => Math.floor(d.v));
  let states = new Map<number, Choice>([[0, { score: 0, picks: [] }]]);
  const stride = counts.length + 1;
  counts.forEach((c, k) => {
    const { t, v, s } = ideal[k];
    const next = new Map<number, Choice>();
    for (const [key, prev] of states) {
      for (let pick = 0; pick < 4; pick++) {
        const dt = pick & 1;
        const dv = pick >> 1;
        if (floorT[k] + dt > Math.ceil(t) || floorV[k] + dv > Math.ceil(v)) continue;
        const test = c - floorT[k] - dt - floorV[k] - dv;
        if (Math.abs(test - s) > 1) continue;
        // Prefer rounding up the shares with the largest fractional parts.
        const score = prev.score + dt * (t - floorT[k]) + dv * (v - floorV[k]);
        const nextKey = key + dt + dv * stride;
        const seen = next.get(nextKey);
        if (!seen || score > seen.score) next.set(nextKey, { score, picks: [...prev.picks, pick] });
      }
    }
    states = next;
  });
  const wantT = nTrain - floorT.reduce((a, b) => a + b, 0);
  const wantV = nVal - floorV.reduce((a, b) => a + b, 0);
  let best: Choice | undefined;
  let bestMiss = Infinity;
  for (const [key, choice] of states) {
    const miss = Math.abs((key % stride) - wantT) + Math.abs(Math.floor(key / stride) - wantV);
    if (miss < bestMiss || (miss === bestMiss && best && choice.score > best.score)) {
      best = choice;
      bestMiss = miss;
    }
  }
  const picks = best?.picks ?? [];
  return { train: floorT.map((f, k) => f + ((picks[k] ?? 0) & 1)), val: floorV.map((f, k) => f + ((picks[k] ?? 0) >> 1)) };
}

export function splitDataset(y: Float32Array, opts: SplitOptions): Split {
  const { trainPct, valPct } = opts;
  if (!(trainPct >= 0 && valPct >= 0 && trainPct + valPct <= 100)) {
    throw new RangeError(`train ${trainPct}% + validation ${valPct}% must lie within 0..100%`);
  }
  const n = y.length;
  const nTrain = Math.min(n, Math.max(0, Math.round((n * opts.trainPct) / 100)));
  const nVal = Math.min(n - nTrain, Math.max(0, Math.round((n * opts.valPct) / 100)));
  const order = Int32Array.from({ length: n }, (_, i) => i);
  shuffleInPlace(order, mulberry32(hashSeed(opts.seed, 'split')));

  if (opts.problem === 'regression') {
    return {
      train: order.slice(0, nTrain).sort(),
      val: order.slice(nTrain, nTrain + nVal).sort(),
      test: order.slice(nTrain + nVal).sort(),
    };
  }

  const k = opts.classes;
  const byClass: number[][] = Array.from({ length: k }, () => []);
  for (const i of order) {
    const c = y[i];
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new RangeError(`label ${c} at ${i} is not a class in 0..${k - 1}`);
    byClass[c].push(i);
  }
  const counts = byClass.map((b) => b.length);
  const { train: trainC, val: valC } = stratify(counts, opts.trainPct, opts.valPct, nTrain, nVal);

  const train: number[] = [];
  const val: number[] = [];
  const test: number[] = [];
  byClass.forEach((members, c) => {
    train.push(...members.slice(0, trainC[c]));
    val.push(...members.slice(trainC[c], trainC[c] + valC[c]));
    test.push(...members.slice(trainC[c] + valC[c]));
  });
  return { train: Int32Array.from(train).sort(), val: Int32Array.from(val).sort(), test: Int32Array.from(test).sort() };
}
