import { documentRequestSchema } from '#shared/documents';
import { appDatabase } from './appDatabase';
import { FixlineDatabase } from '../db/database';
import { createRepositories } from '../db/repositories';
import { storeAttachment } from '../db/attachments';
import { runRestore } from '../db/writeGuard';
import { saveIntake } from '../intake/saveIntake';
import { hashPin } from '../station/personPin';
import { exportBackup, restoreBackup } from '../db/backup';
import * as benchBaselines from './testing/benchBaselines';
import * as benchStopwatch from './testing/benchStopwatch';
import { bulkWritePath, writeInBulk } from './testing/bulkWrite';
import { generatedParts, importParts } from './testing/partsImport';
import {
  generatedClaim,
  longTrailEvery,
  restoreQueueStation,
  setUpGeneratedStation,
} from './testing/queueStation';

/**
 * What end-to-end tests and benchmarks reach inside the page: the station's database and the
 * writers the screens use, to seed volume and read back what a screen saved. Only a build made
 * with `VITE_FIXLINE_TEST_HOOK=1` contains this module (see main.tsx); a user's build has none of it.
 */
export const testHook = {
  appDatabase,
  createRepositories,
  FixlineDatabase,
  storeAttachment,
  runRestore,
  saveIntake,
  hashPin,
  documentRequestSchema,
  restoreQueueStation,
  generatedClaim,
  // The UI benchmark's: its stopwatches, raw baselines, bulk paths and backups.
  longTrailEvery,
  setUpGeneratedStation,
  exportBackup,
  restoreBackup,
  writeInBulk,
  bulkWritePath,
  generatedParts,
  importParts,
  benchStopwatch,
  benchBaselines,
};

export type TestHook = typeof testHook;

declare global {
  interface Window {
    /** Set only in a test build: resolves to the hook once its chunk has loaded. */
    __fixlineTest?: Promise<TestHook>;
  }
}
