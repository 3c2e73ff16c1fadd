// Number formatting for everything the page and the workers show, in one place: Intl.NumberFormat instances made
// once (constructing one per call costs far more than formatting), a fixed 'en-US' locale so a
// readout looks the same on every machine and in the e2e specs, and '—' for anything not finite,
// so no readout ever says NaN or Infinity.
const DASH = '—';

const cache = new Map<string, Intl.NumberFormat>();
function nf(key: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', options);
    cache.set(key, f);
  }
  return f;
}

const finite = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A loss: four decimals (0.6931), or scientific with three significant digits below 0.001, where
 * four decimals would read 0.0000 (1.23e-4). No grouping, so e2e specs can read it with Number().
 */
export function formatLoss(v: number | null | undefined): string {
  if (!finite(v)) return DASH;
  if (v !== 0 && Math.abs(v) < 0.001) {
    return nf('sci', { notation: 'scientific', maximumFractionDigits: 2, minimumFractionDigits: 2 }).format(v).replace('E', 'e');
  }
  return nf('loss', { minimumFractionDigits: 4, maximumFractionDigits: 4, useGrouping: false }).format(v);
}

/** A fraction (0–1) as a percentage with `digits` decimals: 0.8125 → "81.3%". */
export function formatPercent(v: number | null | undefined, digits = 1): string {
  if (!finite(v)) return DASH;
  return nf(`pct${digits}`, { style: 'percent', minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/**
 * A number with `digits` significant digits and no trailing zeros: 0.030000 → "0.03", 1234.5 →
 * "1,230" ("1230" without grouping, for a value a script or spec reads back with Number()).
 */
export function formatSig(v: number | null | undefined, digits = 3, grouping = true): string {
  if (!finite(v)) return DASH;
  return nf(`sig${digits}${grouping}`, { maximumSignificantDigits: digits, useGrouping: grouping }).format(v);
}

/** A whole count with grouping: 12345 → "12,345". */
export function formatCount(v: number | null | undefined): string {
  if (!finite(v)) return DASH;
  return nf('count', { maximumFractionDigits: 0 }).format(v);
}

/** A fixed number of decimals: (1.25, 1) → "1.3". For values on a known scale, e.g. a rate. */
export function formatFixed(v: number | null | undefined, digits: number): string {
  if (!finite(v)) return DASH;
  return nf(`fix${digits}`, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
}

/** Milliseconds with two significant digits: 3.456 → "3.5 ms". */
export function formatMs(ms: number | null | undefined): string {
  if (!finite(ms)) return DASH;
  return `${formatSig(ms, 2)} ms`;
}

/** A duration given in milliseconds, in seconds with one decimal: 1234 → "1.2 s". */
export function formatSeconds(ms: number | null | undefined): string {
  if (!finite(ms)) return DASH;
  return `${formatFixed(ms / 1000, 1)} s`;
}

/** Epochs per second: one decimal under 10, whole numbers above (the digits that still move). */
export function formatRate(v: number | null | undefined): string {
  if (!finite(v)) return DASH;
  return formatFixed(v, v < 10 ? 1 : 0);
}
