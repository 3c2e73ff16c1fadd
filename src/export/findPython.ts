// Finds the Python that runs the exported PyTorch scripts (and the Optuna search script) in the
// tests, and gets Debian's packages when none has them, the way e2e/findBrowser.ts gets the
// browser. Pure logic: processes, files and the log come in through `PySystem`, so the unit test
// (findPython.test.ts) runs it on a faked machine.
//
// Order: TORCH_PYTHON (must have them); Debian's /usr/bin/python3 (python3-torch works with the
// system interpreter only); `python3` on PATH. With none of them and `install`: Debian's
// python3-torch and python3-optuna through apt-get, as root where apt is. Else: a reason to skip.

export interface PyRunResult {
  /** Exit code; null when it could not start or was killed. */
  code: number | null;
  output: string;
}

export interface PySystem {
  env: Record<string, string | undefined>;
  exists: (path: string) => boolean;
  run: (command: string, args: string[], options?: { timeoutMs?: number; env?: Record<string, string> }) => Promise<PyRunResult>;
  log: (line: string) => void;
  isRoot: boolean;
  platform: string;
}

export interface FoundPython {
  /** The interpreter, or null when none has torch and optuna. */
  path: string | null;
  /** Where it came from, or why there is none (the sentence a skipped test shows). */
  reason: string;
}

export const SYSTEM_PYTHON = '/usr/bin/python3';
export const APT_GET = '/usr/bin/apt-get';
export const PACKAGES = ['python3-torch', 'python3-optuna'];
const PREFIX = 'python checks: ';

export const HOW_TO_INSTALL =
  'no Python with torch and optuna: install Debian\'s with `sudo apt-get install python3-torch python3-optuna` (they work with /usr/bin/python3), or set TORCH_PYTHON to a Python that has both';

/** Finds the modules without importing them (importing torch takes seconds). */
const PROBE = "import importlib.util as u, sys; sys.exit(0 if u.find_spec('torch') and u.find_spec('optuna') else 1)";

async function hasModules(sys: PySystem, python: string): Promise<boolean> {
  const r = await sys.run(python, ['-c', PROBE], { timeoutMs: 30_000 });
  return r.code === 0;
}

/** An installed Python with torch and optuna, in the order above. */
export async function findInstalledPython(sys: PySystem): Promise<FoundPython> {
  const fromEnv = sys.env.TORCH_PYTHON;
  if (fromEnv) {
    if (await hasModules(sys, fromEnv)) return { path: fromEnv, reason: 'TORCH_PYTHON' };
    return { path: null, reason: `TORCH_PYTHON is set to ${fromEnv}, which does not run or lacks torch or optuna` };
  }
  if (sys.exists(SYSTEM_PYTHON) && (await hasModules(sys, SYSTEM_PYTHON))) return { path: SYSTEM_PYTHON, reason: 'the system Python' };
  if (await hasModules(sys, 'python3')) return { path: 'python3', reason: 'python3 on PATH' };
  return { path: null, reason: HOW_TO_INSTALL };
}

function canUseApt(sys: PySystem): boolean {
  return sys.platform === 'linux' && sys.isRoot && sys.exists(APT_GET);
}

/**
 * An installed Python with torch and optuna; when there is none, installs Debian's packages as
 * root where apt is (PYTHON_TORCH_INSTALL=0 forbids it). Never throws: with none, `path` is null
 * and `reason` says why.
 */
export async function findPython(sys: PySystem, install = true): Promise<FoundPython> {
  const found = await findInstalledPython(sys);
  if (found.path || !install || sys.env.TORCH_PYTHON) return found;
  if (/^(0|false|no)$/i.test(sys.env.PYTHON_TORCH_INSTALL ?? '')) {
    return { path: null, reason: `${HOW_TO_INSTALL} (PYTHON_TORCH_INSTALL=${sys.env.PYTHON_TORCH_INSTALL} forbids installing them)` };
  }
  if (!canUseApt(sys)) {
    const why = sys.platform !== 'linux' ? 'not Linux' : !sys.exists(APT_GET) ? 'no apt-get here' : 'not running as root';
    return { path: null, reason: `${HOW_TO_INSTALL} (not installing them: ${why})` };
  }
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  let updated = false;
  const update = async () => {
    sys.log(`${PREFIX}apt-get update`);
    updated = true;
    return sys.run('apt-get', ['update', '-q'], { env });
  };
  // A fresh image's package lists do not know the packages yet: read them first.
  const known = await sys.run('apt-cache', ['show', ...PACKAGES], { env });
  if (known.code !== 0) await update();
  sys.log(`${PREFIX}installing Debian's ${PACKAGES.join(' and ')} with apt-get`);
  let result = await sys.run('apt-get', ['install', '-y', '-q', ...PACKAGES], { env });
  if (result.code !== 0 && !updated) {
    // Stale lists name files the mirror no longer has: refresh them and try once more.
    await update();
    result = await sys.run('apt-get', ['install', '-y', '-q', ...PACKAGES], { env });
  }
  if (result.code !== 0) return { path: null, reason: `${HOW_TO_INSTALL} (apt-get install failed with exit code ${result.code})` };
  const after = await findInstalledPython(sys);
  return after.path ? { path: after.path, reason: `${after.reason}, with ${PACKAGES.join(' and ')} just installed` } : after;
}

/** The line the test run prints, e.g. "python checks: /usr/bin/python3 (the system Python)". */
export function describePython(p: FoundPython): string {
  return p.path ? `${PREFIX}${p.path} (${p.reason})` : `${PREFIX}SKIPPED: ${p.reason}`;
}
