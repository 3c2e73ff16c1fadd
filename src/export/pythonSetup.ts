// Vitest's global setup (vite.config.ts): before any test file runs, find the Python with torch
// and optuna that the exported-script checks need, installing Debian's python3-torch and
// python3-optuna with apt-get when running as root and they are missing (as `npm test` gets its
// browser), and say which Python it is or why those checks will be skipped. Runs once per test
// run, so parallel test files never run apt-get side by side.
import { describePython, findPython } from './findPython';
import { nodePySystem } from './findPythonNode';

export default async function setup(): Promise<void> {
  const found = await findPython(nodePySystem(), true);
  console.log(describePython(found));
}
