// How validation messages are written, for the schema and everything it checks with (the image
// stack's parser and summary): English here and in the workers; the page hands in i18next's `t`
// for the schema namespace (src/shared/labels.ts), so they follow the interface's language.
import schemaEn from '../i18n/locales/en/schema';

export type TextParams = Record<string, string | number>;

/** The English message `key` (a path in the schema namespace) with its {{placeholders}} filled. */
function english(key: string, params: TextParams = {}): string {
  const s = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], schemaEn);
  return String(s).replace(/\{\{(\w+)\}\}/g, (_, n: string) => String(params[n] ?? ''));
}

let write: (key: string, params?: TextParams) => string = english;

/** A message of the schema namespace, in the interface's language. */
export function msg(key: string, params?: TextParams): string {
  return write(key, params);
}

export function setSchemaText(fn: (key: string, params?: TextParams) => string): void {
  write = fn;
}
