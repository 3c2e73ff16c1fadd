// The one text of a thrown value for messages, on the page and in the workers: an Error's
// message, or the value itself as a string.
export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
