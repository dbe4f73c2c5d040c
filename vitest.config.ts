import { availableParallelism } from 'node:os';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { chromiumArgs, findChromium } from './tooling/chromium.ts';

/**
 * Tests that start whole programs (the CLIs through tsx, an electron-vite build for the package
 * check, CUPS): seconds each, so the edit loop's `npm run test:unit` leaves them to `npm test`.
 */
const programTests = [
  'test/cli/**',
  'test/documents/documentsCli.test.ts',
  'test/documents/cups.test.ts',
  'test/electron/packaging.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    reporters: ['default', './tooling/retriedTestsReporter.ts'],
    // Vitest's default (one fewer than the cores) runs files one at a time on CI's 2 cores, while
    // an end-to-end file spends most of its time waiting on Chromium: two at a time at least.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/browser/**', 'test/e2e/**', 'test/server/**', ...programTests],
          environment: 'node',
          testTimeout: 30_000,
          // The files share one module graph per worker: importing the domain, the policy packs
          // and Dexie again for each of ~100 files was two thirds of the tier's time (75 s → 27 s).
          // They keep no state between files (each opens its own database); shuffled orders pass.
          isolate: false,
        },
      },
      {
        test: {
          name: 'programs',
          include: programTests,
          environment: 'node',
          testTimeout: 30_000,
        },
      },
      {
        // The sync server against PGlite, and PostgreSQL when FIXLINE_TEST_DATABASE_URL names
        // one (.ci/run starts it). PGlite takes seconds to start, so the edit loop leaves it out.
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // The real UI in Chromium, served by Vite: slow, so the edit loop leaves it to `npm test`.
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // One production build of the web app, served to every file.
          globalSetup: ['test/e2e/globalSetup.ts'],
          environment: 'node',
          // A test's time includes its station: a Chromium launched, the app loaded and seeded,
          // which alone took 10 s and more on CI's two cores while another file ran beside it.
          testTimeout: 60_000,
          // On CI, a test that failed runs once more before the run fails: a whole browser on two
          // shared cores now and then stalls past a wait. The run's end names every test that
          // needed it (tooling/retriedTestsReporter.ts), so it is looked into, not hidden.
          retry: process.env['CI'] ? 1 : 0,
        },
      },
      {
        // Renderer code that needs a real browser: IndexedDB, canvas, Blob streams, components.
        // Pre-bundled up front, or Vite re-optimises mid-run and reloads a test.
        optimizeDeps: {
          include: [
            '@zip.js/zip.js',
            'dexie',
            'dexie-export-import',
            'hash-wasm',
            'uuid',
            'zod',
            // The screens' own, for the component tests.
            '@mantine/core',
            '@mantine/dropzone',
            '@mantine/form',
            '@mantine/hooks',
            '@mantine/notifications',
            '@tanstack/react-virtual',
            'axe-core',
            'date-fns',
            'date-fns/locale',
            'dexie-react-hooks',
            'i18next',
            'react',
            'react/jsx-dev-runtime',
            'react-dom/client',
            'react-i18next',
            'react-router',
          ],
        },
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts', 'test/browser/**/*.test.tsx'],
          testTimeout: 60_000,
          // A screen's element awaited for up to 5 s, not Vitest's 1 s: on CI's two busy cores a
          // live query's answer can take longer than that without anything being wrong.
          expect: { poll: { timeout: 5_000 } },
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: findChromium(), args: chromiumArgs },
            }),
            instances: [{ browser: 'chromium' }],
          },
        },
      },
    ],
  },
});
