import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The layering of design.md is enforced by lint, not by review: each case imports what its
 * layer may not, into a real file of that layer, and expects the rule's message.
 */
const projectRoot = join(import.meta.dirname, '../..');
// Only the layering rules, without type information: building a typed program for each case
// made this file most of the fast tier's time.
const layeringRules = new Set(['no-restricted-imports', 'no-restricted-syntax']);
const eslint = new ESLint({
  cwd: projectRoot,
  ruleFilter: ({ ruleId }) => layeringRules.has(ruleId),
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
});

async function layeringErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, file) });
  return (result?.messages ?? [])
    .filter((message) => message.ruleId === 'no-restricted-imports')
    .map((message) => message.message);
}

describe('layering rules', () => {
  it.each([
    { file: 'shared/domain/note.ts', module: 'node:fs', why: 'shared/ is the pure layer' },
    { file: 'shared/policy/calendar.ts', module: 'react', why: 'shared/ is the pure layer' },
    { file: 'shared/domain/note.ts', module: 'dexie', why: 'shared/ is the pure layer' },
    {
      file: 'shared/domain/note.ts',
      module: '../../renderer/src/App',
      why: 'shared/ is the pure layer',
    },
    { file: 'shared/documents/rmaSlip.ts', module: 'pdfkit', why: 'only shared/documents/pdf/' },
    {
      file: 'shared/documents/rmaSlip.ts',
      module: 'bwip-js/generic',
      why: 'only shared/documents/pdf/',
    },
    {
      file: 'shared/documents/pdf/drawLayouts.ts',
      module: 'pdfkit',
      why: 'take pdfkit as a PdfCanvas',
    },
    {
      file: 'shared/documents/pdf/barcodes.ts',
      module: 'bwip-js/node',
      why: 'import bwip-js/generic only',
    },
    {
      file: 'shared/documents/pdf/barcodes.ts',
      module: 'node:zlib',
      why: 'shared/ is the pure layer',
    },
    {
      file: 'shared/domain/note.ts',
      module: 'left-pad',
      why: 'the packages on its allow-list',
    },
    {
      file: 'shared/documents/pdf/barcodes.ts',
      module: 'lodash/merge',
      why: 'the packages on its allow-list',
    },
    {
      file: 'electron/preload/index.ts',
      module: '#shared/domain/claim',
      why: 'the preload imports only electron and the IPC contract',
    },
    {
      file: 'electron/preload/index.ts',
      module: 'node:fs',
      why: 'the preload imports only electron and the IPC contract',
    },
    { file: 'renderer/src/App.tsx', module: 'electron', why: 'renderer/ runs in a sandboxed page' },
    { file: 'renderer/src/App.tsx', module: 'node:fs', why: 'renderer/ runs in a sandboxed page' },
    {
      file: 'electron/main/windowOptions.ts',
      module: '../../renderer/src/App',
      why: 'electron/ is the main process',
    },
    {
      file: 'server/src/app.ts',
      module: '../../renderer/src/db/records',
      why: 'server/ is the sync server',
    },
    {
      file: 'server/src/sync/push.ts',
      module: '../../../electron/main/ipc',
      why: 'server/ is the sync server',
    },
    { file: 'server/src/app.ts', module: 'dexie', why: 'server/ is the sync server' },
    {
      file: 'renderer/src/App.tsx',
      module: '../../server/src/app',
      why: 'renderer/ runs in a sandboxed page',
    },
    {
      file: 'bench/app/station.ts',
      module: '../../test/support/webApp.ts',
      why: 'test/ and bench/ do not import each other',
    },
    {
      file: 'test/e2e/globalSetup.ts',
      module: '../../bench/app/station.ts',
      why: 'test/ and bench/ do not import each other',
    },
    {
      file: 'tooling/webApp.ts',
      module: '../test/support/webApp',
      why: 'what both need (finding Chromium, building and serving the web app) lives in tooling/',
    },
  ])('$file may not import $module', async ({ file, module, why }) => {
    const errors = await layeringErrors(
      file,
      `import * as forbidden from '${module}';\nexport { forbidden };\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain(why);
  });

  it.each([
    { file: 'renderer/src/claim/NotesCard.tsx', module: '../db/appDatabase' },
    { file: 'renderer/src/claim/NotesCard.tsx', module: '../db/records' },
    { file: 'renderer/src/App.tsx', module: './db/appDatabase' },
    { file: 'renderer/src/claim/quote/QuoteCard.tsx', module: '../../db/repositories' },
    { file: 'renderer/src/parts/PartsScreen.tsx', module: 'dexie' },
    { file: 'renderer/src/hooks/useStation.ts', module: 'dexie-react-hooks' },
    { file: 'renderer/src/settings/PeoplePanel.tsx', module: 'dexie-export-import' },
  ])('$file may not reach the database through $module', async ({ file, module }) => {
    const errors = await layeringErrors(
      file,
      `import * as forbidden from '${module}';\nexport { forbidden };\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('only renderer/src/core/ and db/ reach the database');
  });

  it.each([
    { file: 'renderer/src/core/stationCore.ts', module: '../warehouse/usePrintQueue' },
    { file: 'renderer/src/core/stationCore.ts', module: '../hooks/useClaimDocuments' },
    { file: 'renderer/src/core/claimBundle.ts', module: '../claim/MissingForDocumentsText' },
    { file: 'renderer/src/core/printQueue/printQueueModel.ts', module: '../../intake/saveIntake' },
    { file: 'renderer/src/core/sync/syncEngine.ts', module: '../../settings/SyncPanel' },
  ])('$file may not reach up into the screens through $module', async ({ file, module }) => {
    const errors = await layeringErrors(
      file,
      `import * as forbidden from '${module}';\nexport { forbidden };\n`,
    );
    expect(errors).toHaveLength(1);
    expect(errors[0]).toContain('renderer/src/core/ sits under the screens');
  });

  it('keeps the sandbox rule in the station core', async () => {
    const errors = await layeringErrors(
      'renderer/src/core/stationCore.ts',
      "import { readFile } from 'node:fs';\nexport { readFile };\n",
    );
    expect(errors).toEqual([expect.stringContaining('renderer/ runs in a sandboxed page')]);
  });

  it('lets the core import shared/ and its own modules whose names start like a screen', async () => {
    const code =
      "import { parseRmaNumber } from '#shared/domain/claim';\nimport { claimDocumentsFor } from '../claimDocumentRecords';\nimport { loadClaimRecords } from '../claimDetails';\nexport const all = [parseRmaNumber, claimDocumentsFor, loadClaimRecords];\n";
    expect(
      await layeringErrors('renderer/src/core/printQueue/printQueueController.ts', code),
    ).toEqual([]);
  });

  it('keeps the sandbox rule in the files the database rule covers', async () => {
    const errors = await layeringErrors(
      'renderer/src/claim/NotesCard.tsx',
      "import { ipcRenderer } from 'electron';\nexport { ipcRenderer };\n",
    );
    expect(errors).toEqual([expect.stringContaining('renderer/ runs in a sandboxed page')]);
  });

  it('lets the station core import the database and Dexie', async () => {
    const code =
      "import Dexie from 'dexie';\nimport { useLiveQuery } from 'dexie-react-hooks';\nimport { FixlineDatabase } from '../db/database';\nexport const all = [Dexie, useLiveQuery, FixlineDatabase];\n";
    expect(await layeringErrors('renderer/src/core/stationCore.ts', code)).toEqual([]);
  });

  it('lets screens import the core', async () => {
    const code =
      "import type { StoredClaim } from '../core';\nimport { useStationCore } from '../core';\nexport type Claim = StoredClaim;\nexport const hook = useStationCore;\n";
    expect(await layeringErrors('renderer/src/claim/NotesCard.tsx', code)).toEqual([]);
  });

  it('lets shared/ import zod and its own modules', async () => {
    const code =
      "import { z } from 'zod';\nimport { plusDays } from '../policy/calendar';\nexport const both = [z, plusDays];\n";
    expect(await layeringErrors('shared/domain/note.ts', code)).toEqual([]);
  });

  it('lets shared/ import date-fns, a package on its allow-list', async () => {
    const code = "import { addDays } from 'date-fns';\nexport const later = addDays;\n";
    expect(await layeringErrors('shared/policy/calendar.ts', code)).toEqual([]);
  });

  it('lets the server import shared/, Node and its own packages', async () => {
    const code =
      "import { createHash } from 'node:crypto';\nimport Fastify from 'fastify';\nimport { syncRoutes } from '#shared/sync/protocol';\nexport const all = [createHash, Fastify, syncRoutes];\n";
    expect(await layeringErrors('server/src/app.ts', code)).toEqual([]);
  });

  it('lets the preload import electron and the IPC contract', async () => {
    const code =
      "import { contextBridge } from 'electron';\nimport { isIpcEventName } from '#shared/ipc/eventNames';\nexport const both = [contextBridge, isIpcEventName];\n";
    expect(await layeringErrors('electron/preload/index.ts', code)).toEqual([]);
  });

  it('lets bench/ and test/ import what both need from tooling/', async () => {
    const code =
      "import { findChromium } from '../../tooling/chromium.ts';\nexport const find = findChromium;\n";
    expect(await layeringErrors('bench/app/station.ts', code)).toEqual([]);
    expect(await layeringErrors('test/support/webApp.ts', code)).toEqual([]);
  });

  it('lets shared/documents/pdf/ import the generic build of bwip-js', async () => {
    const code = "import bwipjs from 'bwip-js/generic';\nexport const encoder = bwipjs;\n";
    expect(await layeringErrors('shared/documents/pdf/barcodes.ts', code)).toEqual([]);
  });

  it('refuses an IPC handler registered outside the checked wrapper', async () => {
    const [result] = await eslint.lintText(
      "import { ipcMain } from 'electron';\nipcMain.handle('fixline:app:info', () => null);\n",
      { filePath: join(projectRoot, 'electron/main/windowOptions.ts') },
    );
    const messages = (result?.messages ?? []).filter(
      (message) => message.ruleId === 'no-restricted-syntax',
    );
    expect(messages.map((message) => message.message)).toEqual([
      expect.stringContaining('Register IPC handlers only through createIpcRegistry'),
    ]);
  });
});
