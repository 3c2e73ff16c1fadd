// The real PySystem for findPython.ts (processes, files, console), and the entries the tests use.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { findPython, type FoundPython, type PySystem } from './findPython';

const run: PySystem['run'] = (command, args, options = {}) =>
  new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...options.env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    let settled = false;
    const finish = (code: number | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ code, output });
    };
    child.on('error', (error) => ((output += error.message), finish(null)));
    child.on('close', (code) => finish(code));
  });

export function nodePySystem(): PySystem {
  return {
    env: process.env,
    exists: existsSync,
    run,
    log: (line) => console.log(line),
    isRoot: process.getuid?.() === 0,
    platform: process.platform,
  };
}

/**
 * The Python with torch and optuna for the tests that run exported scripts, looked up only (the
 * test run's global setup, pythonSetup.ts, installs them first where it may).
 */
export function findTorchPython(): Promise<FoundPython> {
  return findPython(nodePySystem(), false);
}
