import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import packageJson from './package.json' with { type: 'json' };

// The same renderer as the desktop app, served to a browser (`npm run web`).
const root = import.meta.dirname;

export default defineConfig({
  root: resolve(root, 'renderer'),
  plugins: [
    react(),
    // A browser station keeps working when the server that served it is gone: a service worker
    // keeps every file of the build (each screen's code, the workers, the fonts), so a screen
    // never opened before still opens offline. Sync requests are never answered from it.
    VitePWA({
      injectRegister: 'script-defer',
      registerType: 'autoUpdate',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,png,svg,woff,woff2,wasm}'],
        // Fonts for the documents and the PDF and barcode code are a few MB; all of it is needed offline.
        maximumFileSizeToCacheInBytes: 16 * 1024 * 1024,
        navigateFallback: 'index.html',
        navigateFallbackDenylist: [/^\/sync\//],
        cleanupOutdatedCaches: true,
        // The page that installed it is served by it at once, not only after a reload.
        clientsClaim: true,
        skipWaiting: true,
      },
    }),
  ],
  define: { __FIXLINE_VERSION__: JSON.stringify(packageJson.version) },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: resolve(root, 'out/web'), emptyOutDir: true },
  // The workers' imports too, so every dependency is bundled when the server starts: one found
  // later makes Vite re-bundle and reload the page, which would drop a scan or a half-typed form.
  optimizeDeps: { entries: ['index.html', 'src/**/*Worker.ts'] },
});
