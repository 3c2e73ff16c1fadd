import { describe, expect, it } from 'vitest';
import { APT_GET, SYSTEM_PYTHON, describePython, findPython, type PySystem } from './findPython';

/** A faked machine: `withModules` are the interpreters that have torch and optuna; apt-get installing adds the system one. */
function fake(over: { env?: Record<string, string>; root?: boolean; apt?: boolean; withModules?: string[]; aptFails?: boolean; known?: boolean } = {}) {
  const calls: string[] = [];
  const logs: string[] = [];
  const have = new Set(over.withModules ?? []);
  const sys: PySystem = {
    env: over.env ?? {},
    exists: (p) => p === SYSTEM_PYTHON || (p === APT_GET && over.apt !== false),
    run: async (command, args) => {
      calls.push([command, ...args].join(' '));
      if (args[0] === '-c') return { code: have.has(command) ? 0 : 1, output: '' };
      if (command === 'apt-cache') return { code: over.known === false ? 100 : 0, output: '' };
      if (command === 'apt-get' && args[0] === 'install') {
        if (over.aptFails) return { code: 100, output: '' };
        have.add(SYSTEM_PYTHON);
      }
      return { code: 0, output: '' };
    },
    log: (line) => logs.push(line),
    isRoot: over.root ?? false,
    platform: 'linux',
  };
  return { sys, calls, logs };
}

const installs = (calls: string[]) => calls.filter((c) => c.startsWith('apt-get install'));

describe('findPython', () => {
  it('takes TORCH_PYTHON when it has the modules, and says so when it has not (without installing)', async () => {
    let m = fake({ env: { TORCH_PYTHON: '/opt/py' }, withModules: ['/opt/py'], root: true });
    expect(await findPython(m.sys)).toEqual({ path: '/opt/py', reason: 'TORCH_PYTHON' });
    m = fake({ env: { TORCH_PYTHON: '/opt/py' }, withModules: [SYSTEM_PYTHON], root: true });
    const found = await findPython(m.sys);
    expect(found.path).toBeNull();
    expect(found.reason).toMatch(/TORCH_PYTHON is set to \/opt\/py/);
    expect(installs(m.calls)).toEqual([]);
  });

  it("prefers Debian's system Python, then python3 on PATH", async () => {
    expect((await findPython(fake({ withModules: [SYSTEM_PYTHON, 'python3'] }).sys)).path).toBe(SYSTEM_PYTHON);
    expect((await findPython(fake({ withModules: ['python3'] }).sys)).path).toBe('python3');
  });

  it('installs python3-torch and python3-optuna with apt-get as root when none has them', async () => {
    const m = fake({ root: true });
    const found = await findPython(m.sys);
    expect(found.path).toBe(SYSTEM_PYTHON);
    expect(found.reason).toMatch(/just installed/);
    expect(installs(m.calls)).toEqual(['apt-get install -y -q python3-torch python3-optuna']);
    expect(m.calls).not.toContain('apt-get update -q');
  });

  it('reads the package lists first where they do not know the packages, and retries a failed install after reading them', async () => {
    let m = fake({ root: true, known: false });
    await findPython(m.sys);
    expect(m.calls.indexOf('apt-get update -q')).toBeLessThan(m.calls.indexOf('apt-get install -y -q python3-torch python3-optuna'));
    m = fake({ root: true, aptFails: true });
    const found = await findPython(m.sys);
    expect(installs(m.calls)).toHaveLength(2);
    expect(found.path).toBeNull();
    expect(describePython(found)).toMatch(/^python checks: SKIPPED: no Python with torch and optuna.*apt-get install failed/);
  });

  it('does not install when not root, without apt, when told not to, or when only looking', async () => {
    for (const [m, why] of [
      [fake({ root: false }), /not running as root/],
      [fake({ root: true, apt: false }), /no apt-get here/],
      [fake({ root: true, env: { PYTHON_TORCH_INSTALL: '0' } }), /PYTHON_TORCH_INSTALL=0 forbids/],
    ] as const) {
      const found = await findPython(m.sys);
      expect(found.path).toBeNull();
      expect(found.reason).toMatch(why);
      expect(installs(m.calls)).toEqual([]);
    }
    const look = fake({ root: true });
    expect((await findPython(look.sys, false)).path).toBeNull();
    expect(installs(look.calls)).toEqual([]);
  });
});
