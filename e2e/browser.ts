// Which Chromium the e2e tests (and their launch flags) use: CHROMIUM_PATH if set, else Debian's
// /usr/bin/chromium, else Playwright's own build (undefined lets Playwright choose).
import { existsSync } from 'node:fs';

export const executablePath = process.env.CHROMIUM_PATH || (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);

/** Flags for a closed network and a machine without a GPU. */
export const baseArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** WebGL without a GPU: Chromium's software rasterizer (SwiftShader) through ANGLE. */
export const webglArgs = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
