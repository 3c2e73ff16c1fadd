// What ↑/↓ do in a number field: whole-number settings move by 1 (Shift: 10); the others by one
// unit of their leading digit (0.03 → 0.04, 0.3 → 0.4; down from 0.1 → 0.09), Shift ten times
// that, so a learning rate or λ can be walked through its decades; always inside the range.
import { RANGES, type RangeKey } from '../shared/config';

/** Rounds away float noise (0.1 + 0.2); the result is a value, not text on screen. */
const clean = (x: number) => Number.parseFloat(x.toPrecision(12));

export function stepValue(range: RangeKey, value: number, dir: 1 | -1, big = false): number {
  const r = RANGES[range];
  let step: number;
  if (r.int) step = big ? 10 : 1;
  else if (value === 0) step = 10 ** Math.floor(Math.log10(r.max)) / 100;
  else {
    let e = Math.floor(Math.log10(Math.abs(value)));
    // Going down from an exact power of ten, step in the decade below (0.1 → 0.09, not 0).
    if (dir < 0 && clean(Math.abs(value) / 10 ** e) === 1) e -= 1;
    step = 10 ** e * (big ? 10 : 1);
  }
  return Math.min(r.max, Math.max(r.min, clean(value + dir * step)));
}
