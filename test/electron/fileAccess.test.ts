import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFileAccess, isExecutable, isInsideFolder } from '../../electron/main/fileAccess';

let workspace: string;
let dataFolder: string;
let elsewhere: string;

beforeEach(async () => {
  workspace = await mkdtemp(join(tmpdir(), 'fixline-files-'));
  dataFolder = join(workspace, 'station');
  elsewhere = join(workspace, 'elsewhere');
  await mkdir(join(dataFolder, 'slips'), { recursive: true });
  await mkdir(elsewhere);
});

afterEach(async () => {
  await rm(workspace, { recursive: true, force: true });
});

/** Writes `content` at `file` and returns the path. */
async function fileAt(file: string, content = 'x'): Promise<string> {
  await writeFile(file, content);
  return file;
}

describe('createFileAccess', () => {
  it('allows a file inside the data folder', async () => {
    const slip = await fileAt(join(dataFolder, 'slips', 'RMA-7.pdf'));
    expect(await createFileAccess(dataFolder).decideOpen(slip)).toMatchObject({ allowed: true });
  });

  it('refuses a file outside the data folder', async () => {
    const other = await fileAt(join(elsewhere, 'notes.pdf'));
    expect(await createFileAccess(dataFolder).decideOpen(other)).toMatchObject({
      allowed: false,
      reason: 'not-allowed',
    });
  });

  it('refuses a path that climbs out of the data folder with ..', async () => {
    await fileAt(join(elsewhere, 'notes.pdf'));
    const climbing = join(dataFolder, 'slips', '..', '..', 'elsewhere', 'notes.pdf');
    expect(await createFileAccess(dataFolder).decideOpen(climbing)).toMatchObject({
      allowed: false,
      reason: 'not-allowed',
    });
  });

  it('refuses a symbolic link in the data folder that points outside it', async () => {
    const target = await fileAt(join(elsewhere, 'private.pdf'));
    const link = join(dataFolder, 'innocent.pdf');
    await symlink(target, link);
    expect(await createFileAccess(dataFolder).decideOpen(link)).toMatchObject({ allowed: false });
  });

  it('allows a file outside the data folder once the user picked it in a dialog', async () => {
    const access = createFileAccess(dataFolder);
    const saved = await fileAt(join(elsewhere, 'quote.pdf'));
    await access.rememberPicked(saved);
    expect(await access.decideOpen(saved)).toMatchObject({ allowed: true });
  });

  it.each(['setup.exe', 'run.BAT', 'tool.sh', 'Fixline.AppImage', 'payload.desktop', 'x.lnk'])(
    'refuses the program %s even inside the data folder',
    async (name) => {
      const program = await fileAt(join(dataFolder, name));
      expect(await createFileAccess(dataFolder).decideOpen(program)).toMatchObject({
        allowed: false,
        reason: 'not-allowed',
      });
    },
  );

  it('refuses a picked file that is a program', async () => {
    const access = createFileAccess(dataFolder);
    const program = await fileAt(join(elsewhere, 'invoice.pdf.exe'));
    await access.rememberPicked(program);
    expect(await access.decideOpen(program)).toMatchObject({ allowed: false });
  });

  // Windows has no executable bit: there only the extension marks a program.
  it('refuses an extensionless file marked executable where the system has an executable bit', async () => {
    const program = await fileAt(join(dataFolder, 'README'), '#!/bin/sh\n');
    await chmod(program, 0o755);
    expect(await createFileAccess(dataFolder).decideOpen(program)).toMatchObject({
      allowed: process.platform === 'win32',
    });
  });

  it('refuses a relative path', async () => {
    expect(await createFileAccess(dataFolder).decideOpen('slips/RMA-7.pdf')).toMatchObject({
      allowed: false,
      reason: 'not-allowed',
    });
  });

  it('reports a missing file as not found', async () => {
    expect(
      await createFileAccess(dataFolder).decideOpen(join(dataFolder, 'missing.pdf')),
    ).toMatchObject({ allowed: false, reason: 'not-found' });
  });
});

describe('isExecutable', () => {
  it.each(['a.exe', 'a.MSI', 'a.ps1', 'a.command', 'a.app', 'a.jar'])(
    'calls %s a program',
    (name) => {
      expect(isExecutable(name)).toBe(true);
    },
  );

  it.each(['a.pdf', 'a.png', 'a.csv', 'a.zpl', 'a.json', 'README'])(
    'calls %s a document',
    (name) => {
      expect(isExecutable(name)).toBe(false);
    },
  );
});

describe('isInsideFolder', () => {
  it('does not count the folder itself, a sibling with the same prefix or the parent', () => {
    expect(isInsideFolder('/data/station', '/data/station')).toBe(false);
    expect(isInsideFolder('/data/station', '/data/station-old/a.pdf')).toBe(false);
    expect(isInsideFolder('/data/station', '/data')).toBe(false);
    expect(isInsideFolder('/data/station', '/data/station/a/b.pdf')).toBe(true);
  });
});
