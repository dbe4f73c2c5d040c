import Dexie, { type Transaction } from 'dexie';
import type { Sha256 } from '#shared/domain/primitives';
import type { SyncRow } from '#shared/sync/protocol';
import type { FixlineDatabase } from '../database';
import type {
  AttachmentNamedRow,
  AttachmentToMoveRow,
  SequenceRow,
  SyncEnrollment,
  SyncStateRow,
} from '../records';
import { runGuardedWrite } from '../writeGuard';
import { readSyncState, updateEnrollment } from './syncState';

/**
 * What the attachment queue is to look at (schema v14): the files pulls named
 * (`attachmentsNamed`, written in each pull's own transaction) and those a pass found still to
 * move (`attachmentsToMove`). Once the enrollment is `attachmentsCompared`, a pass reads these
 * instead of every record and file of the station, after a restart too: 3.5 s at 30,000 photos
 * and their thumbnails, against a few milliseconds.
 */

/** The server and center a pass moves files to and from. */
type Destination = { readonly serverUrl: string; readonly centerId: string };

/** The files a synced row names: an evidence record's original and thumbnail. */
function filesNamedBy(table: string, values: Readonly<Record<string, unknown>>): Sha256[] {
  if (table !== 'evidence') return [];
  return [values['sha256'], values['thumbnailSha256']].filter(
    (value): value is Sha256 => typeof value === 'string',
  );
}

/** The counter in `sequences` numbering the notes: never back, even once all are forgotten. */
const notesSequenceName = 'attachmentNotes';

/**
 * Notes the files `rows` name, in the pull's `transaction` (which covers `attachmentsNamed` and
 * `sequences`): every pulled evidence record's, this station's own too (a pushed record comes back
 * in a pull, and then its bytes are to send). Numbered after every note before, so a pass forgets
 * only the notes it read.
 */
export async function noteFilesPulled(
  transaction: Transaction,
  rows: readonly SyncRow[],
): Promise<void> {
  const named = rows.flatMap((row) => filesNamedBy(row.table, row.values));
  if (named.length === 0) return;
  const sequences = transaction.table<SequenceRow, string>('sequences');
  const noted = ((await sequences.get(notesSequenceName))?.value ?? 0) + 1;
  await Promise.all([
    sequences.put({ name: notesSequenceName, value: noted }),
    transaction
      .table<AttachmentNamedRow, [number, Sha256]>('attachmentsNamed')
      .bulkPut(named.map((sha256) => ({ noted, sha256 }))),
  ]);
}

/** What a pass starts from. */
export type FilesToCheck = {
  /** The files pulls named (read only once `compared`) and those still to move, each once. */
  readonly names: ReadonlySet<Sha256>;
  /** The files a pass found still to move, as kept. */
  readonly toMove: ReadonlySet<Sha256>;
  /** The last note read: the pass settles the notes up to it, and no later one. */
  readonly notedUpTo: number;
  /**
   * Every record and file of the station was compared for this server and center: `names` are
   * all there is to look at. False for a new enrollment, or before the first pass since v14.
   */
  readonly compared: boolean;
};

/**
 * What a pass moving files to and from `destination` is to look at. Until everything is compared,
 * the notes' names are not read (a first pull notes every file of the center): that pass compares
 * everything, and settles the notes up to the last one.
 */
export async function readFilesToCheck(
  db: FixlineDatabase,
  destination: Destination,
): Promise<FilesToCheck> {
  const [lastNote, toMove, state] = await Promise.all([
    db.attachmentsNamed.orderBy(':id').reverse().limit(1).primaryKeys(),
    db.attachmentsToMove.orderBy(':id').primaryKeys(),
    readSyncState(db),
  ]);
  const compared = isComparedFor(state, destination);
  // Read up to the last note seen above: one written since waits for the next pass, which the
  // pull that wrote it wakes.
  const notedUpTo = lastNote[0]?.[0] ?? 0;
  const named = compared
    ? await db.attachmentsNamed.where(':id').belowOrEqual([notedUpTo, Dexie.maxKey]).primaryKeys()
    : [];
  return {
    names: new Set([...named.map(([, sha256]) => sha256), ...toMove]),
    toMove: new Set(toMove),
    notedUpTo,
    compared,
  };
}

function isComparedFor(state: SyncStateRow | undefined, destination: Destination): boolean {
  const enrollment = state?.enrollment;
  return isEnrolledWith(enrollment, destination) && enrollment.attachmentsCompared === true;
}

/** Whether `enrollment` is with the server and center of `destination`. */
function isEnrolledWith(
  enrollment: SyncEnrollment | undefined,
  destination: Destination,
): enrollment is SyncEnrollment {
  return (
    enrollment !== undefined &&
    enrollment.serverUrl === destination.serverUrl &&
    enrollment.centerId === destination.centerId
  );
}

/**
 * After a pass looked at `checked` and found `stillToMove`, in one transaction: the notes it read
 * are forgotten (one range: a note written meanwhile is after it, and stays for the next pass), the
 * files still to move are kept for the next pass, after a restart too, and the others dropped.
 * `comparedFor`: the pass compared every record and file for this destination, which the
 * enrollment keeps if it is still the same.
 */
export async function settleFilesChecked(
  db: FixlineDatabase,
  checked: FilesToCheck,
  stillToMove: readonly Sha256[],
  comparedFor?: Destination,
): Promise<void> {
  const keep = new Set(stillToMove);
  await runGuardedWrite(
    db,
    ['attachmentsNamed', 'attachmentsToMove', 'syncState'],
    async (transaction) => {
      const toMove = transaction.table<AttachmentToMoveRow, Sha256>('attachmentsToMove');
      await Promise.all([
        transaction
          .table<AttachmentNamedRow, [number, Sha256]>('attachmentsNamed')
          .where(':id')
          .belowOrEqual([checked.notedUpTo, Dexie.maxKey])
          .delete(),
        toMove.bulkDelete([...checked.toMove].filter((sha256) => !keep.has(sha256))),
        toMove.bulkPut(
          stillToMove.filter((sha256) => !checked.toMove.has(sha256)).map((sha256) => ({ sha256 })),
        ),
      ]);
      if (comparedFor === undefined) return;
      // Kept only for the enrollment the pass compared for: the station may have left it since.
      const state = await transaction.table<SyncStateRow, string>('syncState').get('state');
      const enrollment = state?.enrollment;
      if (!isEnrolledWith(enrollment, comparedFor) || enrollment.attachmentsCompared === true)
        return;
      await updateEnrollment(transaction, (current) => ({ ...current, attachmentsCompared: true }));
    },
  );
}

/** Forgets a file moved (sent to the server, or stored here whole): nothing more to do for it. */
export async function forgetFileMoved(db: FixlineDatabase, sha256: Sha256): Promise<void> {
  await runGuardedWrite(db, ['attachmentsToMove'], (transaction) =>
    transaction.table<AttachmentToMoveRow, Sha256>('attachmentsToMove').delete(sha256),
  );
}
