import type { TestProject } from 'vitest/node';
import { startWebApp } from '../../tooling/webApp';

/**
 * Builds the web app once and serves it to every e2e file (each station is a browser context or
 * profile of its own, so stations never share a database).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const app = await startWebApp();
  project.provide('webAppUrl', app.url);
  project.provide('webAppDir', app.outDir);
  return app.stop;
}
