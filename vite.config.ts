import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { digitsAsset } from './src/build/digitsAsset.ts';

// Relative base so the built site works from any static file server or sub-folder.
export default defineConfig({
  base: './',
  plugins: [
    react(),
    // The handwritten digits, built from the mnist package into one binary file (src/data/digits.ts).
    digitsAsset(),
    // Offline after the first visit, and installable: a generated service worker precaches every
    // file of the build (all chunks, the workers' own chunks included, the tfjs .wasm files, the
    // built-in tables' chunks, the Chinese strings, icons). 'prompt': a new version waits until the
    // page says Reload (src/components/PwaPrompt.tsx), so it never changes under a running lesson.
    VitePWA({
      registerType: 'prompt',
      // Registered by src/client/pwaRegister.ts, loaded lazily: nothing injected into index.html.
      injectRegister: false,
      // No caching worker in `npm start`: the dev server's code would go stale behind it.
      devOptions: { enabled: false },
      // The icons are precached by the glob below already.
      includeManifestIcons: false,
      manifest: {
        name: 'Tuning Playground',
        short_name: 'Tuning',
        description: 'Train neural networks in your browser and watch overfitting, underfitting and optimizers live.',
        theme_color: '#1e3a5f',
        background_color: '#f6f7f9',
        display: 'standalone',
        start_url: './',
        scope: './',
        icons: [
          { src: 'pwa-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
          { src: 'pwa-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
          { src: 'pwa-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      workbox: {
        // Everything the app can ask for (the plugin adds manifest.webmanifest); the README's
        // screenshot is not part of the app.
        globPatterns: ['**/*.{js,css,html,wasm,json,svg,png,ico,woff,woff2,dgz}'],
        globIgnores: ['screenshot.png'],
        // The largest files are the workers (about 0.5 MB each) and the wasm binaries (0.4 MB).
        maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // The first install takes charge of the open page at once (nothing controlled it before), so
        // what it loads later comes from the cache too. A new version still waits for Reload: no
        // skipWaiting.
        clientsClaim: true,
        // Hashed file names: a changed file has a new name, so no revision query is needed.
        dontCacheBustURLsMatching: /[.-][A-Za-z0-9_-]{8}\.\w+$/,
      },
    }),
  ],
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
