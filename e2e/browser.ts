// Which Chromium the e2e tests (and their launch flags) use: CHROMIUM_PATH if set, else Debian's
// /usr/bin/chromium, else Playwright's own download, else an installed Google Chrome; with none of
// them it gets one (Playwright's download, else Debian's chromium through apt-get as root) or stops
// with one sentence on how to install one. See findBrowser.ts. Prints e.g.
// "e2e browser: /usr/bin/chromium (Debian chromium)".
import { resolveExecutablePath } from './findBrowserNode';

export const executablePath: string = await resolveExecutablePath();

/** Flags for a closed network and a machine without a GPU. */
export const baseArgs = ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

/** WebGL without a GPU: Chromium's software rasterizer (SwiftShader) through ANGLE. */
export const webglArgs = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader', '--ignore-gpu-blocklist'];
