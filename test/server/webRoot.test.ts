import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { describeEachDatabase } from './serverHarness';

// A stand-in for the web app's build output (out/web).
const webRoot = mkdtempSync(join(tmpdir(), 'fixline-web-'));
mkdirSync(join(webRoot, 'assets'));
writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Fixline</title>');
writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log("station")');

describeEachDatabase(
  'sync server: --web-root',
  (server) => {
    it('serves the web app at / with its files, and index.html for the app’s own routes', async () => {
      const get = (url: string) => server().app.inject({ method: 'GET', url });
      const index = await get('/');
      expect(index.statusCode).toBe(200);
      expect(index.body).toContain('<title>Fixline</title>');
      const script = await get('/assets/app.js');
      expect(script.headers['content-type']).toContain('javascript');
      const route = await get('/claims/42');
      expect(route.headers['content-type']).toContain('text/html');
      expect(route.body).toContain('<title>Fixline</title>');
      const api = await get('/sync/v1/nothing');
      expect(api.statusCode).toBe(404);
      expect(api.json()).toMatchObject({ error: { code: 'invalid-request' } });
    });
  },
  { webRoot },
);
