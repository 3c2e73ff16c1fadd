import { fileURLToPath } from 'node:url';
import { defineConfig, devices } from '@playwright/test';
import { baseArgs, executablePath, webglArgs } from './browser';

// E2E_PORT and E2E_DIST let two checkouts' suites run side by side (each its own build and server).
const PORT = Number(process.env.E2E_PORT || 4173);
const DIST = process.env.E2E_DIST || 'dist';
const ROOT = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  testDir: '.',
  outputDir: '../test-results',
  timeout: 90_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}/`,
    viewport: { width: 1280, height: 800 },
    trace: 'off',
    // The built app registers a caching service worker; page.route does not see the requests it
    // answers, and specs inject faults with page.route. Only e2e/offline.spec.ts allows it.
    serviceWorkers: 'block',
    launchOptions: {
      executablePath,
      args: [...baseArgs, ...webglArgs],
    },
  },
  projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } } }],
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort --outDir ${DIST}`,
    url: `http://127.0.0.1:${PORT}/`,
    cwd: ROOT,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
