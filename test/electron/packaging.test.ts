import { execFile } from 'node:child_process';
import { chmod, mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { sumatraExecutable } from '../../electron/printing/windowsPrinting';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';

/**
 * The real build and the real packager, the way `npm run package` runs them, with a stand-in
 * for the Electron binary that cannot be downloaded here. One build, then one package of it,
 * in this order (a single file, so no other test rebuilds out/ meanwhile).
 */

const projectRoot = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

/** Runs a package's command-line entry with this Node, from the project root. */
async function runTool(script: string, args: string[]): Promise<void> {
  await execFileAsync(process.execPath, [join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1', FORCE_COLOR: '0' },
    maxBuffer: 64 * 1024 * 1024,
    timeout: 170_000,
  });
}

/** How a fuse wire stores a fuse: the ASCII digit 1 (on) or 0 (off). */
const fuseOn = '1'.charCodeAt(0);
const fuseOff = '0'.charCodeAt(0);

const packageJsonSchema = z.object({ main: z.string(), type: z.string().optional() });

/** "main" and "type" of a package.json's text. */
function mainOf(packageJsonText: string): z.infer<typeof packageJsonSchema> {
  return packageJsonSchema.parse(JSON.parse(packageJsonText));
}

/** The packages main loads at run time: bare specifiers other than Electron and Node's own. */
function runtimePackagesOf(mainSource: string): string[] {
  const specifiers = [...mainSource.matchAll(/(?:^|\n)import\s[^;]*?from\s*["']([^"']+)["']/g)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => !specifier.startsWith('node:') && !specifier.startsWith('.'));
  return [...new Set(specifiers.filter((specifier) => specifier !== 'electron'))];
}

describe('the desktop build', () => {
  beforeAll(async () => {
    await runTool('node_modules/electron-vite/bin/electron-vite.js', ['build']);
  }, 180_000);

  it('bundles the preload into a single file whose only require is of electron', async () => {
    expect(await readdir(join(projectRoot, 'out/preload'))).toEqual(['index.cjs']);
    const preload = await readFile(join(projectRoot, 'out/preload/index.cjs'), 'utf8');
    const required = [...preload.matchAll(/\brequire\(\s*([^)]*?)\s*\)/g)].map((match) => match[1]);
    expect(required).toEqual(['"electron"']);
    expect(preload).not.toMatch(/\bimport\(/);
  });

  it('writes main where package.json "main" points', async () => {
    const { main, type } = mainOf(await readFile(join(projectRoot, 'package.json'), 'utf8'));
    expect(main).toBe('out/main/index.js');
    // out/main/index.js is an ES module: Node loads it as one only under "type": "module".
    expect(type).toBe('module');
    expect((await stat(join(projectRoot, main))).isFile()).toBe(true);
  });

  it('writes the renderer page next to main and the preload', async () => {
    const html = await readFile(join(projectRoot, 'out/renderer/index.html'), 'utf8');
    expect(html).toMatch(/<script type="module"[^>]* src="\.\/assets\/[^"]+\.js"/);
  });

  describe('packaged by electron-builder', () => {
    let workspace: string | undefined;
    let entries: string[];
    let asarFile: string;
    let unpackedApp: string;

    beforeAll(async () => {
      workspace = await mkdtemp(join(tmpdir(), 'fixline-package-'));
      // electron-builder copies this folder as the app and renames `electron` to the product.
      const electronDist = join(workspace, 'electron-dist');
      await mkdir(electronDist);
      // The stand-in carries a fuse wire as Electron 45 ships it (sentinel, version 1, eight
      // fuses: run-as-node on, cookie encryption off, NODE_OPTIONS on, inspect on, ASAR
      // integrity off, only-ASAR off, browser snapshot off, file protocol privileges on), so
      // the packager flips the fuses here as it does in a real Electron binary.
      await writeFile(
        join(electronDist, 'electron'),
        '#!/bin/sh\nexit 0\n# dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX\u0001\u000810110001\n',
      );
      await chmod(join(electronDist, 'electron'), 0o755);

      const output = join(workspace, 'release');
      await runTool('node_modules/electron-builder/cli.js', [
        '--linux',
        'dir',
        '--config',
        'electron-builder.yml',
        '--publish',
        'never',
        `-c.electronDist=${electronDist}`,
        '-c.electronVersion=45.4.1',
        `-c.directories.output=${output}`,
      ]);
      unpackedApp = join(output, 'linux-unpacked');
      asarFile = join(unpackedApp, 'resources', 'app.asar');
      // Forward slashes without the leading one, whatever the platform.
      entries = listPackage(asarFile, { isPack: false }).map((entry) =>
        entry.replaceAll('\\', '/').replace(/^\//, ''),
      );
    }, 180_000);

    afterAll(async () => {
      if (workspace !== undefined) await rm(workspace, { recursive: true, force: true });
    });

    it('renames the Electron executable after the product', async () => {
      expect((await stat(join(unpackedApp, 'fixline'))).isFile()).toBe(true);
    });

    it('burns the fuses that stop the app being run as Node, injected or loaded from elsewhere', async () => {
      const wire = await getCurrentFuseWire(join(unpackedApp, 'fixline'));
      expect({
        runAsNode: wire[FuseV1Options.RunAsNode],
        nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
        inspectArguments: wire[FuseV1Options.EnableNodeCliInspectArguments],
        asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
        onlyFromAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
        cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      }).toEqual({
        runAsNode: fuseOff,
        nodeOptions: fuseOff,
        inspectArguments: fuseOff,
        asarIntegrity: fuseOn,
        onlyFromAsar: fuseOn,
        cookieEncryption: fuseOff,
      });
    });

    it('holds main, the preload, the renderer page and package.json', () => {
      expect(entries).toEqual(
        expect.arrayContaining([
          'out/main/index.js',
          'out/preload/index.cjs',
          'out/renderer/index.html',
          'package.json',
        ]),
      );
    });

    it('points "main" of the packaged package.json at the bundled main', async () => {
      const packaged = mainOf(extractFile(asarFile, 'package.json').toString('utf8'));
      expect(packaged.main).toBe('out/main/index.js');
      expect(entries).toContain(packaged.main);
    });

    it('holds every package main imports at run time', () => {
      const mainSource = extractFile(asarFile, 'out/main/index.js').toString('utf8');
      for (const specifier of runtimePackagesOf(mainSource)) {
        const name = specifier.startsWith('@')
          ? specifier.split('/').slice(0, 2).join('/')
          : (specifier.split('/')[0] ?? specifier);
        expect(entries).toContain(`node_modules/${name}/package.json`);
      }
    });

    // electron-builder leaves every .exe out of a build for another system than Windows, so
    // this Linux build cannot show the unpacked SumatraPDF; it checks what decides it instead.
    it('leaves SumatraPDF out of this build, and unpacks it from the archive on Windows', async () => {
      expect(entries.filter((entry) => entry.endsWith('.exe'))).toEqual([]);
      const config = await readFile(join(projectRoot, 'electron-builder.yml'), 'utf8');
      expect(config).toMatch(/^asarUnpack:\n\s+- node_modules\/pdf-to-printer\/dist\/\*\.exe$/m);
      expect(await readdir(join(projectRoot, 'node_modules/pdf-to-printer/dist'))).toContain(
        sumatraExecutable,
      );
    });

    it('holds no TypeScript, no tests and no source maps', () => {
      expect(entries.filter((entry) => /\.(?:ts|tsx|mts|cts)$/.test(entry))).toEqual([]);
      expect(
        entries.filter((entry) => /^(?:test|electron|renderer|shared)(?:\/|$)/.test(entry)),
      ).toEqual([]);
      expect(entries.filter((entry) => entry.endsWith('.map'))).toEqual([]);
    });

    it('holds no configuration or lock files of the project', () => {
      const topLevel = new Set(entries.map((entry) => entry.split('/')[0]));
      expect([...topLevel].sort()).toEqual(['node_modules', 'out', 'package.json']);
    });
  });
});
