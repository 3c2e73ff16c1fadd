// Unit test for findBrowser.ts on faked paths and faked commands: nothing is downloaded or installed.
// (Named .unit.ts so that Playwright, which runs *.spec.ts and *.test.ts under e2e/, leaves it to vitest.)
import { describe, expect, it } from 'vitest';
import { APT_GET, DEBIAN_CHROMIUM, describeBrowser, findBrowser, findInstalled, HOW_TO_INSTALL, NoBrowserError, type RunOptions, type RunResult, type System } from './findBrowser';

const PLAYWRIGHT = '/home/u/.cache/ms-playwright/chromium-1255/chrome-linux64/chrome';
const CHROME = '/usr/bin/google-chrome-stable';

interface Call {
  command: string;
  args: string[];
  options: RunOptions;
}

/**
 * A machine with the given files. `commands` answers each command line ("apt-get install -y -q chromium")
 * by its first matching prefix; a command may add files (an install) and must be listed, or the test fails.
 */
function fakeSystem(setup: { files?: string[]; env?: Record<string, string>; isRoot?: boolean; platform?: string; commands?: [string, (files: Set<string>) => Partial<RunResult>][] }) {
  const files = new Set(setup.files ?? []);
  const calls: Call[] = [];
  const lines: string[] = [];
  const sys: System = {
    env: setup.env ?? {},
    exists: (path) => files.has(path),
    run: async (command, args, options = {}) => {
      calls.push({ command, args, options });
      const line = [command, ...args].join(' ');
      const answer = (setup.commands ?? []).find(([prefix]) => line.startsWith(prefix));
      if (!answer) throw new Error(`unexpected command: ${line}`);
      return { code: 0, timedOut: false, output: '', ...answer[1](files) };
    },
    log: (line) => lines.push(line),
    isRoot: setup.isRoot ?? false,
    platform: setup.platform ?? 'linux',
    playwrightChromium: PLAYWRIGHT,
    playwrightCli: ['node', 'cli.js'],
  };
  const commandLines = () => calls.map((call) => [call.command, ...call.args].join(' '));
  return { sys, files, calls, lines, commandLines };
}

const downloadFails = ['node cli.js install --no-shell chromium', () => ({ code: 1 })] as [string, () => Partial<RunResult>];
const downloadHangs = ['node cli.js install --no-shell chromium', () => ({ code: null, timedOut: true })] as [string, () => Partial<RunResult>];
const downloads = ['node cli.js install --no-shell chromium', (files: Set<string>) => (files.add(PLAYWRIGHT), {})] as [string, (files: Set<string>) => Partial<RunResult>];
const starts = [`${PLAYWRIGHT} --version`, () => ({ code: 0, output: 'Chromium 159' })] as [string, () => Partial<RunResult>];
const aptKnows = ['apt-cache show chromium', () => ({ code: 0 })] as [string, () => Partial<RunResult>];
const aptInstalls = ['apt-get install -y -q chromium', (files: Set<string>) => (files.add(DEBIAN_CHROMIUM), {})] as [string, (files: Set<string>) => Partial<RunResult>];

describe('findInstalled', () => {
  it('takes CHROMIUM_PATH first, then Debian, then Playwright, then Google Chrome', () => {
    const all = [DEBIAN_CHROMIUM, PLAYWRIGHT, CHROME, '/opt/my/chrome'];
    expect(findInstalled(fakeSystem({ files: all, env: { CHROMIUM_PATH: '/opt/my/chrome' } }).sys)).toEqual({ path: '/opt/my/chrome', label: 'CHROMIUM_PATH' });
    expect(findInstalled(fakeSystem({ files: all }).sys)).toEqual({ path: DEBIAN_CHROMIUM, label: 'Debian chromium' });
    expect(findInstalled(fakeSystem({ files: [PLAYWRIGHT, CHROME] }).sys)).toEqual({ path: PLAYWRIGHT, label: "Playwright's Chromium" });
    expect(findInstalled(fakeSystem({ files: [CHROME] }).sys)).toEqual({ path: CHROME, label: 'Google Chrome' });
    expect(findInstalled(fakeSystem({ files: ['/opt/google/chrome/chrome'] }).sys)?.path).toBe('/opt/google/chrome/chrome');
    expect(findInstalled(fakeSystem({ files: [APT_GET] }).sys)).toBeUndefined();
  });

  it('refuses a CHROMIUM_PATH that does not exist instead of silently taking another browser', () => {
    const { sys } = fakeSystem({ files: [DEBIAN_CHROMIUM], env: { CHROMIUM_PATH: '/nowhere/chrome' } });
    expect(() => findInstalled(sys)).toThrow(NoBrowserError);
    expect(() => findInstalled(sys)).toThrow(/CHROMIUM_PATH is set to \/nowhere\/chrome, which does not exist/);
  });

  it('prints one line naming the browser and where it came from', () => {
    expect(describeBrowser({ path: DEBIAN_CHROMIUM, label: 'Debian chromium' })).toBe('e2e browser: /usr/bin/chromium (Debian chromium)');
  });
});

describe('findBrowser', () => {
  it('installs nothing when a browser is there', async () => {
    const { sys, calls } = fakeSystem({ files: [CHROME], isRoot: true });
    expect(await findBrowser(sys)).toEqual({ path: CHROME, label: 'Google Chrome' });
    expect(calls).toEqual([]);
  });

  it("downloads Playwright's Chromium first, bounded in time, and checks that it starts", async () => {
    const { sys, calls, commandLines } = fakeSystem({ isRoot: true, files: [APT_GET], commands: [downloads, starts] });
    expect(await findBrowser(sys)).toEqual({ path: PLAYWRIGHT, label: "Playwright's Chromium, just downloaded" });
    expect(commandLines()).toEqual(['node cli.js install --no-shell chromium', `${PLAYWRIGHT} --version`]);
    expect(calls[0].options.timeoutMs).toBe(90_000);
  });

  it('takes the download bound from E2E_BROWSER_DOWNLOAD_TIMEOUT (seconds)', async () => {
    const { sys, calls, lines } = fakeSystem({ env: { E2E_BROWSER_DOWNLOAD_TIMEOUT: '20' }, commands: [downloadHangs] });
    await expect(findBrowser(sys)).rejects.toThrow(NoBrowserError);
    expect(calls[0].options.timeoutMs).toBe(20_000);
    expect(lines).toContain("e2e browser: Playwright's download failed (gave up after 20 s)");
  });

  it("installs the downloaded browser's system libraries when it does not start (root with apt)", async () => {
    let libraries = false;
    const { sys, commandLines } = fakeSystem({
      isRoot: true,
      files: [APT_GET],
      commands: [
        downloads,
        ['node cli.js install-deps chromium', () => ((libraries = true), {})],
        [`${PLAYWRIGHT} --version`, () => ({ code: libraries ? 0 : 127 })],
      ],
    });
    expect((await findBrowser(sys)).path).toBe(PLAYWRIGHT);
    expect(commandLines()).toEqual(['node cli.js install --no-shell chromium', `${PLAYWRIGHT} --version`, 'node cli.js install-deps chromium', `${PLAYWRIGHT} --version`]);
  });

  it("falls back to Debian's chromium through apt-get when the download fails (root with apt)", async () => {
    const { sys, calls, commandLines } = fakeSystem({ isRoot: true, files: [APT_GET], commands: [downloadFails, aptKnows, aptInstalls] });
    expect(await findBrowser(sys)).toEqual({ path: DEBIAN_CHROMIUM, label: 'Debian chromium, just installed' });
    expect(commandLines()).toEqual(['node cli.js install --no-shell chromium', 'apt-cache show chromium', 'apt-get install -y -q chromium']);
    expect(calls[2].options.env).toEqual({ DEBIAN_FRONTEND: 'noninteractive' });
  });

  it('reads the package lists first where apt does not know chromium yet (a fresh image)', async () => {
    const { sys, commandLines } = fakeSystem({
      isRoot: true,
      files: [APT_GET],
      commands: [downloadHangs, ['apt-cache show chromium', () => ({ code: 100 })], ['apt-get update -q', () => ({})], aptInstalls],
    });
    expect((await findBrowser(sys)).path).toBe(DEBIAN_CHROMIUM);
    expect(commandLines()).toEqual(['node cli.js install --no-shell chromium', 'apt-cache show chromium', 'apt-get update -q', 'apt-get install -y -q chromium']);
  });

  it('refreshes stale package lists and tries once more when apt-get install fails', async () => {
    let updated = false;
    const { sys, commandLines } = fakeSystem({
      isRoot: true,
      files: [APT_GET],
      commands: [downloadFails, aptKnows, ['apt-get update -q', () => ((updated = true), {})], ['apt-get install -y -q chromium', (files) => (updated ? (files.add(DEBIAN_CHROMIUM), {}) : { code: 100 })]],
    });
    expect((await findBrowser(sys)).path).toBe(DEBIAN_CHROMIUM);
    expect(commandLines()).toEqual(['node cli.js install --no-shell chromium', 'apt-cache show chromium', 'apt-get install -y -q chromium', 'apt-get update -q', 'apt-get install -y -q chromium']);
  });

  it('stops with one sentence naming both ways when nothing is found and nothing can be installed', async () => {
    for (const setup of [{ isRoot: false, files: [APT_GET] }, { isRoot: true, files: [] }, { isRoot: true, files: [APT_GET], platform: 'darwin' }]) {
      const { sys, commandLines, lines } = fakeSystem({ ...setup, commands: [downloadFails] });
      const error = await findBrowser(sys).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(NoBrowserError);
      expect((error as Error).message).toBe(HOW_TO_INSTALL);
      expect(commandLines()).toEqual(['node cli.js install --no-shell chromium']);
      expect(lines.at(-1)).toMatch(/^e2e browser: not installing Debian's chromium \((not running as root|no apt-get here|not Linux)\)$/);
    }
    expect(HOW_TO_INSTALL).toContain('npx playwright install --with-deps chromium');
    expect(HOW_TO_INSTALL).toContain('apt-get install chromium');
    expect(HOW_TO_INSTALL.split(/[.:;] [A-Z]/)).toHaveLength(1);
  });

  it('stops when apt-get cannot install chromium either', async () => {
    const { sys, lines } = fakeSystem({ isRoot: true, files: [APT_GET], commands: [downloadFails, aptKnows, ['apt-get update', () => ({})], ['apt-get install', () => ({ code: 100 })]] });
    await expect(findBrowser(sys)).rejects.toThrow(HOW_TO_INSTALL);
    expect(lines.at(-1)).toBe('e2e browser: apt-get install chromium failed (exit code 100)');
  });

  it('installs nothing with E2E_BROWSER_INSTALL=0', async () => {
    const { sys, calls } = fakeSystem({ isRoot: true, files: [APT_GET], env: { E2E_BROWSER_INSTALL: '0' } });
    await expect(findBrowser(sys)).rejects.toThrow(HOW_TO_INSTALL);
    expect(calls).toEqual([]);
  });
});
