import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import packageJson from './package.json' with { type: 'json' };

// The same renderer as the desktop app, served to a browser (`npm run web`).
const root = import.meta.dirname;

export default defineConfig({
  root: resolve(root, 'renderer'),
  plugins: [react()],
  define: { __FIXLINE_VERSION__: JSON.stringify(packageJson.version) },
  server: { host: '127.0.0.1', port: 5173, strictPort: false },
  preview: { host: '127.0.0.1', port: 4173 },
  build: { outDir: resolve(root, 'out/web'), emptyOutDir: true },
  // The workers' imports too, so every dependency is bundled when the server starts: one found
  // later makes Vite re-bundle and reload the page, which would drop a scan or a half-typed form.
  optimizeDeps: { entries: ['index.html', 'src/**/*Worker.ts'] },
});
