// What the weight and bias editor accepts: a finite number of sensible size.

/** Beyond this a single weight only saturates or blows up the model: refused as a likely typo. */
export const MAX_EDIT = 1000;

/** The number typed, or why it is refused. */
export function parseEdit(text: string): { value: number } | { error: string } {
  const t = text.trim().replace(/^−/, '-');
  const v = t === '' ? NaN : Number(t);
  if (!Number.isFinite(v)) return { error: 'Enter a number, for example -0.5 or 1.2.' };
  if (Math.abs(v) > MAX_EDIT) return { error: `Enter a number between −${MAX_EDIT} and ${MAX_EDIT}.` };
  return { value: v };
}
