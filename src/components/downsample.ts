// Thins a long series for drawing without changing its shape: the interior is cut into equal
// index ranges and each range keeps its lowest and highest point (in their original order), so
// a single spike or the true minimum is never dropped, as every-n-th-point thinning would. The
// first and last points are always kept. At most `max` points (at least 4 for a long series).

/**
 * `value` reads the number an item is judged by (the item itself for a series of numbers).
 * Items whose value is not finite are never chosen as a range's extreme; a range with no finite
 * value keeps its first item, so gaps stay visible.
 */
export function downsample<T>(items: readonly T[], max: number, value: (item: T) => number = (item) => item as unknown as number): T[] {
  const n = items.length;
  if (n <= max) return items.slice();
  const ranges = Math.max(1, Math.floor((max - 2) / 2));
  const inner = n - 2;
  const out: T[] = [items[0]];
  for (let r = 0; r < ranges; r++) {
    const lo = 1 + Math.floor((r * inner) / ranges);
    const hi = 1 + Math.floor(((r + 1) * inner) / ranges);
    if (hi <= lo) continue;
    let iMin = -1;
    let iMax = -1;
    for (let i = lo; i < hi; i++) {
      const v = value(items[i]);
      if (!Number.isFinite(v)) continue;
      if (iMin < 0 || v < value(items[iMin])) iMin = i;
      if (iMax < 0 || v > value(items[iMax])) iMax = i;
    }
    if (iMin < 0) out.push(items[lo]);
    else if (iMin === iMax) out.push(items[iMin]);
    else if (iMin < iMax) out.push(items[iMin], items[iMax]);
    else out.push(items[iMax], items[iMin]);
  }
  out.push(items[n - 1]);
  return out;
}
