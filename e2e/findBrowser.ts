// Finds the Chromium that the end-to-end tests drive, and gets one when none is installed, so that
// `npm test` works on a fresh machine. Pure logic: the file system, child processes and the log
// come in through `System`, so the unit test (findBrowser.unit.ts) runs it on faked paths.
//
// Order: CHROMIUM_PATH; Debian's /usr/bin/chromium; Playwright's own download; an installed Google
// Chrome. With none of them: Playwright's download (bounded in time, its host may be unreachable),
// else Debian's `chromium` through apt-get (as root, where apt is), else stop with one sentence.

export interface RunOptions {
  /** Kill the command (and everything it started) after this long. */
  timeoutMs?: number;
  /** Collect stdout and stderr instead of passing them through. */
  capture?: boolean;
  /** Added to the environment. */
  env?: Record<string, string>;
}

export interface RunResult {
  /** Exit code; null when killed or when the command could not start. */
  code: number | null;
  timedOut: boolean;
  /** stdout and stderr, when captured. */
  output: string;
  /** Why the command could not start (e.g. ENOENT). */
  error?: string;
}

export type Run = (command: string, args: string[], options?: RunOptions) => Promise<RunResult>;

export interface System {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  run: Run;
  log: (line: string) => void;
  /** Running as root (uid 0): apt-get may install packages. */
  isRoot: boolean;
  platform: string;
  /** Where Playwright's downloaded Chromium is (or would be): `chromium.executablePath()`. */
  playwrightChromium: string;
  /** The command that runs Playwright's CLI, e.g. [node, .../@playwright/test/cli.js]. */
  playwrightCli: string[];
}

export interface Browser {
  path: string;
  /** Where it came from, e.g. "Debian chromium". */
  label: string;
}

/** No browser, and none could be installed: its message is the one sentence to show. */
export class NoBrowserError extends Error {
  override name = 'NoBrowserError';
}

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';
export const GOOGLE_CHROME = ['/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/opt/google/chrome/chrome', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'];
export const APT_GET = '/usr/bin/apt-get';
/** Default bound on Playwright's download; E2E_BROWSER_DOWNLOAD_TIMEOUT (seconds) changes it. */
export const DOWNLOAD_TIMEOUT_S = 90;

export const HOW_TO_INSTALL =
  'No Chromium for the end-to-end tests and none could be installed: install Playwright\'s with `npx playwright install --with-deps chromium` (needs its download host), or Debian\'s with `sudo apt-get install chromium`, or set CHROMIUM_PATH to a Chromium or Chrome binary.';

const PREFIX = 'e2e browser: ';

/** The first installed browser in the order above, or undefined. Throws when CHROMIUM_PATH names nothing. */
export function findInstalled(sys: System): Browser | undefined {
  const fromEnv = sys.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (!sys.exists(fromEnv)) throw new NoBrowserError(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist: point it at a Chromium or Chrome binary, or unset it to let the tests find or install one.`);
    return { path: fromEnv, label: 'CHROMIUM_PATH' };
  }
  if (sys.exists(DEBIAN_CHROMIUM)) return { path: DEBIAN_CHROMIUM, label: 'Debian chromium' };
  if (sys.playwrightChromium && sys.exists(sys.playwrightChromium)) return { path: sys.playwrightChromium, label: "Playwright's Chromium" };
  const chrome = GOOGLE_CHROME.find((path) => sys.exists(path));
  if (chrome) return { path: chrome, label: 'Google Chrome' };
  return undefined;
}

/** An installed browser, else one it installs; throws NoBrowserError when it cannot get one. */
export async function findBrowser(sys: System): Promise<Browser> {
  const found = findInstalled(sys);
  if (found) return found;
  if (/^(0|false|no)$/i.test(sys.env.E2E_BROWSER_INSTALL ?? '')) {
    sys.log(`${PREFIX}none found, and E2E_BROWSER_INSTALL=${sys.env.E2E_BROWSER_INSTALL} forbids installing one`);
    throw new NoBrowserError(HOW_TO_INSTALL);
  }
  const downloaded = await downloadPlaywrightChromium(sys);
  if (downloaded) return downloaded;
  const debian = await installDebianChromium(sys);
  if (debian) return debian;
  throw new NoBrowserError(HOW_TO_INSTALL);
}

function describe(result: RunResult, timeoutS?: number): string {
  if (result.timedOut) return `gave up after ${timeoutS} s`;
  if (result.error) return result.error;
  return `exit code ${result.code}`;
}

/** Whether the binary starts at all (a downloaded Chromium may lack system libraries). */
async function starts(sys: System, path: string): Promise<boolean> {
  const result = await sys.run(path, ['--version'], { capture: true, timeoutMs: 30_000 });
  return result.code === 0;
}

function canUseApt(sys: System): boolean {
  return sys.platform === 'linux' && sys.isRoot && sys.exists(APT_GET);
}

async function downloadPlaywrightChromium(sys: System): Promise<Browser | undefined> {
  const seconds = Number(sys.env.E2E_BROWSER_DOWNLOAD_TIMEOUT) > 0 ? Number(sys.env.E2E_BROWSER_DOWNLOAD_TIMEOUT) : DOWNLOAD_TIMEOUT_S;
  const [command, ...cli] = sys.playwrightCli;
  sys.log(`${PREFIX}none installed; downloading Playwright's Chromium (giving up after ${seconds} s)`);
  const result = await sys.run(command, [...cli, 'install', '--no-shell', 'chromium'], { timeoutMs: seconds * 1000 });
  if (result.code !== 0 || !sys.exists(sys.playwrightChromium)) {
    sys.log(`${PREFIX}Playwright's download failed (${describe(result, seconds)})`);
    return undefined;
  }
  const browser = { path: sys.playwrightChromium, label: "Playwright's Chromium, just downloaded" };
  if (await starts(sys, browser.path)) return browser;
  if (!canUseApt(sys)) {
    sys.log(`${PREFIX}Playwright's Chromium does not start (missing system libraries? \`sudo npx playwright install-deps chromium\` installs them)`);
    return undefined;
  }
  sys.log(`${PREFIX}Playwright's Chromium does not start; installing its system libraries with apt-get`);
  await sys.run(command, [...cli, 'install-deps', 'chromium'], { env: { DEBIAN_FRONTEND: 'noninteractive' } });
  if (await starts(sys, browser.path)) return browser;
  sys.log(`${PREFIX}Playwright's Chromium still does not start`);
  return undefined;
}

async function installDebianChromium(sys: System): Promise<Browser | undefined> {
  if (!canUseApt(sys)) {
    const why = sys.platform !== 'linux' ? 'not Linux' : !sys.exists(APT_GET) ? 'no apt-get here' : 'not running as root';
    sys.log(`${PREFIX}not installing Debian's chromium (${why})`);
    return undefined;
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  const update = async () => {
    sys.log(`${PREFIX}apt-get update`);
    return sys.run('apt-get', ['update', '-q'], { env });
  };
  let updated = false;
  // Where the package lists do not know `chromium` yet (a fresh image has none), read them first.
  const known = await sys.run('apt-cache', ['show', 'chromium'], { capture: true, env });
  if (known.code !== 0) {
    await update();
    updated = true;
  }
  sys.log(`${PREFIX}installing Debian's chromium with apt-get`);
  let install = await sys.run('apt-get', ['install', '-y', '-q', 'chromium'], { env });
  if (install.code !== 0 && !updated) {
    // Stale package lists name files the mirror no longer has: refresh them and try once more.
    await update();
    install = await sys.run('apt-get', ['install', '-y', '-q', 'chromium'], { env });
  }
  if (install.code !== 0 || !sys.exists(DEBIAN_CHROMIUM)) {
    sys.log(`${PREFIX}apt-get install chromium failed (${describe(install)})`);
    return undefined;
  }
  return { path: DEBIAN_CHROMIUM, label: 'Debian chromium, just installed' };
}

/** The line `npm test` prints, e.g. "e2e browser: /usr/bin/chromium (Debian chromium)". */
export function describeBrowser(browser: Browser): string {
  return `${PREFIX}${browser.path} (${browser.label})`;
}
