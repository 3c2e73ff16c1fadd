// The real System for findBrowser.ts (file system, child processes, console), and the entry that
// the Playwright config awaits through e2e/browser.ts.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from '@playwright/test';
import { describeBrowser, findBrowser, NoBrowserError, type Run, type System } from './findBrowser';

/**
 * Runs a command. With a timeout it runs in its own process group, and the whole group is killed
 * when time is up (Playwright's installer downloads in a child process of its own).
 */
export const run: Run = (command, args, options = {}) =>
  new Promise((resolve) => {
    const { timeoutMs, capture = false, env } = options;
    const ownGroup = timeoutMs !== undefined && process.platform !== 'win32';
    const child = spawn(command, args, {
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
      detached: ownGroup,
    });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let timedOut = false;
    const kill = () => {
      try {
        if (ownGroup && child.pid) process.kill(-child.pid, 'SIGKILL');
        else child.kill('SIGKILL');
      } catch {
        // already gone
      }
    };
    const timer = timeoutMs === undefined ? undefined : setTimeout(() => ((timedOut = true), kill()), timeoutMs);
    // Its own group does not get the terminal's Ctrl-C: pass an interrupt on, then die of it as before.
    const onSignal = (signal: NodeJS.Signals) => {
      kill();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    if (ownGroup) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, onSignal);
    let settled = false;
    const finish = (code: number | null, error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (ownGroup) for (const signal of ['SIGINT', 'SIGTERM'] as const) process.off(signal, onSignal);
      resolve({ code, timedOut, output, error });
    };
    child.on('error', (error) => finish(null, error.message));
    child.on('close', (code) => finish(timedOut ? null : code));
  });

export function nodeSystem(): System {
  const cli = createRequire(import.meta.url).resolve('@playwright/test/cli');
  return {
    env: process.env,
    exists: existsSync,
    run,
    log: (line) => console.log(line),
    isRoot: process.getuid?.() === 0,
    platform: process.platform,
    playwrightChromium: chromium.executablePath(),
    playwrightCli: [process.execPath, cli],
  };
}

/**
 * The Chromium for the tests. Playwright loads its config in the runner and again in each worker:
 * the runner finds (or installs) the browser, says which, and hands it to the workers through
 * CHROMIUM_PATH. When there is none it prints one sentence and exits.
 */
export async function resolveExecutablePath(): Promise<string> {
  const inWorker = process.env.TEST_WORKER_INDEX !== undefined;
  try {
    const browser = await findBrowser(nodeSystem());
    if (!inWorker) {
      console.log(describeBrowser(browser));
      process.env.CHROMIUM_PATH = browser.path;
    }
    return browser.path;
  } catch (error) {
    if (!(error instanceof NoBrowserError) || inWorker) throw error;
    console.error(`e2e browser: ${error.message}`);
    process.exit(1);
  }
}
