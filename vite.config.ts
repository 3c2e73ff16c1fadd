import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Relative base so the built site works from any static file server or sub-folder.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  // Pre-bundled up front so the dev server does not reload the page when the worker first asks for them.
  optimizeDeps: {
    include: ['comlink', '@tensorflow/tfjs-core', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-core/dist/register_all_gradients'],
  },
  build: { target: 'es2022', chunkSizeWarningLimit: 4000 },
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.unit.ts'],
    environment: 'node',
    testTimeout: 30000,
    // Finds (as root, installs) the Python with torch and optuna the exported-script checks run.
    globalSetup: ['src/export/pythonSetup.ts'],
  },
});
