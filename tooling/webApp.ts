import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, preview } from 'vite';

const projectRoot = join(import.meta.dirname, '..');
const webConfig = join(projectRoot, 'vite.web.config.ts');

/**
 * The renderer as a user's browser gets it: a production build (`vite build`, minified, React's
 * production build) served as static files on 127.0.0.1 and a free port. The build carries the test
 * hook (`window.__fixlineTest`, see renderer/src/core/testHook.ts), which a user's build leaves out.
 * Built once per run: a few seconds, where each dev server took tens of seconds to bundle.
 */
export async function startWebApp(options: { readonly minify?: boolean } = {}): Promise<{
  url: string;
  /** The built files, for a server that serves them itself (the sync server's --web-root). */
  outDir: string;
  stop: () => Promise<void>;
}> {
  const outDir = await mkdtemp(join(tmpdir(), 'fixline-web-'));
  // Vite builds for NODE_ENV when it is set, before the build's mode, and Vitest sets it to `test`:
  // the e2e tests then drove React's development build (JSX checked; opening the app took 1.6×
  // the main thread's time), not what a user's browser runs. Production for the build, and the
  // caller's value back after it.
  const callersNodeEnv = process.env['NODE_ENV'];
  process.env['NODE_ENV'] = 'production';
  try {
    await build({
      configFile: webConfig,
      logLevel: 'warn',
      // What `VITE_FIXLINE_TEST_HOOK=1 vite build` sets, as a define rather than an environment.
      define: { 'import.meta.env.VITE_FIXLINE_TEST_HOOK': JSON.stringify('1') },
      build: {
        outDir,
        emptyOutDir: true,
        chunkSizeWarningLimit: 4096,
        // Unminified for a CPU profile, which then names the functions it samples.
        ...(options.minify === false ? { minify: false } : {}),
      },
    });
  } finally {
    if (callersNodeEnv === undefined) delete process.env['NODE_ENV'];
    else process.env['NODE_ENV'] = callersNodeEnv;
  }
  const server = await preview({
    configFile: webConfig,
    logLevel: 'error',
    build: { outDir },
    preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false },
  });
  const address = server.httpServer.address();
  if (typeof address !== 'object' || address === null)
    throw new Error('the web server has no port');
  return {
    url: `http://127.0.0.1:${address.port}/`,
    outDir,
    stop: async () => {
      await server.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
