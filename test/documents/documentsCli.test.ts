import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentKinds } from '#shared/documents';
import { expectRefused, runCommandLine } from '../support/commandLine';
import { normalizeSpace, pdfInfo, pdfText, scratchFolder } from './pdfTools';

/** The CLI runs as a real process, the way a person or a script calls it. */
const projectRoot = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

const runDocuments = (args: string[]) => runCommandLine('electron/cli/documentsCli.ts', args);

let folder: { path: string; remove: () => Promise<void> };
beforeAll(async () => {
  folder = await scratchFolder('documents-cli');
});
afterAll(async () => {
  await folder.remove();
});

describe('npm run documents -- sample', () => {
  it('writes the five sample documents through the documented npm command', async () => {
    const out = join(folder.path, 'sample');
    const { stdout, stderr } = await execFileAsync(
      'npm',
      ['run', '--silent', 'documents', '--', 'sample', '--out', out],
      { cwd: projectRoot },
    );
    expect(stderr.replace(/^npm warn.*\n?/gm, '')).toBe('');
    const files = documentKinds.map((kind) => join(out, `${kind}.pdf`));
    expect(stdout.trim().split('\n')).toEqual(files);
    expect((await readdir(out)).sort()).toEqual(documentKinds.map((kind) => `${kind}.pdf`).sort());
    for (const file of files) {
      expect((await pdfInfo(file)).pages).toBeGreaterThan(0);
      expect(await pdfText(file)).toContain('RMA-JKT1-000042');
    }
  });

  it('prints on Letter paper and in English when asked', async () => {
    const out = join(folder.path, 'letter');
    const result = await runDocuments([
      'sample',
      '--out',
      out,
      '--paper',
      'Letter',
      '--language',
      'en',
    ]);
    expect(result.code).toBe(0);
    const slip = join(out, 'rma-slip.pdf');
    expect(await pdfInfo(slip)).toMatchObject({ width: 612, height: 792 });
    expect(normalizeSpace(await pdfText(slip))).toContain('Return authorization (RMA)');
  });

  it.each([
    [[], 'usage: documents sample|images --out DIR'],
    [['print'], 'unknown command "print"'],
    [['sample'], '--out DIR is required'],
    [['sample', '--out'], '--out needs a value'],
    [['sample', '--out', 'x', '--paper', 'A5'], '--paper must be A4 or Letter, got "A5"'],
    [['sample', '--out', 'x', '--language', 'fr'], '--language must be en or id, got "fr"'],
    [['sample', '--out', 'x', '--colour', 'red'], 'unknown option "--colour"'],
  ])('refuses %j with one line on stderr and exit 2', async (args, mentions) => {
    expectRefused(await runDocuments(args), mentions);
  });
});

/** The width and height in pixels of a PNG file, from its header. */
async function pngSize(path: string): Promise<{ width: number; height: number }> {
  const bytes = await readFile(path);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('npm run documents -- images', () => {
  it('draws the first page of each sample document as a PNG, the tag at twice the resolution', async () => {
    const out = join(folder.path, 'images');
    const result = await runDocuments(['images', '--out', out, '--language', 'en']);
    expect(result.code).toBe(0);
    expect((await readdir(out)).sort()).toEqual(documentKinds.map((kind) => `${kind}.png`).sort());
    // A4 at 90 dpi; 4×6 in at 90 dpi; 2.25×1.25 in at 180 dpi.
    expect(await pngSize(join(out, 'rma-slip.png'))).toEqual({ width: 745, height: 1053 });
    expect(await pngSize(join(out, 'return-label.png'))).toEqual({ width: 360, height: 540 });
    expect(await pngSize(join(out, 'device-tag.png'))).toEqual({ width: 405, height: 225 });
  });
});
