import type { Transaction } from 'dexie';
import { v7 as uuidv7 } from 'uuid';
import type { AuditEvent } from '#shared/domain/audit';
import { formatRmaNumber, parseRmaNumber } from '#shared/domain/claim';
import type { IsoDateTime, RecordId, StationCode } from '#shared/domain/primitives';
import type { Hlc } from '#shared/sync/hybridLogicalClock';
import { encodeHlc, tickHlc } from '#shared/sync/hybridLogicalClock';
import type { SyncRow } from '#shared/sync/protocol';
import type {
  OutboxEntry,
  OutboxRowChange,
  SequenceRow,
  SettingsRow,
  StationOwnSettingsRow,
  StoredAuditEvent,
  StoredClaim,
} from '../records';
import { keepRmaSequencePast, rmaSequenceName } from '../repositories/claimRepository';
import { readStationClock } from '../repositories/repositoryWriter';

/**
 * A station restored from a backup counts its RMA numbers from where the backup stood, and learns
 * the numbers it gave out since only from its first pull after it pairs again. A claim it took in
 * before that pull may hold one of them: the center would refuse it (`rma-number-taken`, and the
 * claim with its customer and device would be undone at every station), and this station could
 * not even store the center's claim beside it (its RMA numbers are a unique index). So that pull
 * (the joining one, which comes before the first push) gives such a claim the station's next
 * free number before the page is written: its outbox changes carry the new number, so the
 * center only ever sees that one, and an audit event records the change on the claim's history,
 * for the clerk who printed the old number on a label or a receipt.
 */

/** A claim this station gave another number, as its history records it. */
export type RenumberedClaim = {
  readonly claimId: RecordId;
  readonly from: string;
  readonly to: string;
};

/**
 * Renumbers this station's claims not yet pushed whose RMA number a claim of `rows` (a page of
 * the joining pull) has under another id, in `transaction`, before the page is merged. A claim
 * the center already has keeps its number: only the center could change it. The transaction
 * must cover `claims`, `auditEvents`, `outbox`, `sequences` and `settings`.
 * @param nowMs the wall clock, in milliseconds since the epoch, for the audit events.
 * @param station this station's settings (read once for the whole page).
 */
export async function renumberClashingClaims(
  transaction: Transaction,
  rows: readonly SyncRow[],
  nowMs: number,
  station: StationOwnSettingsRow,
): Promise<RenumberedClaim[]> {
  // Only this station makes numbers with its code: other codes never clash with its claims.
  const holders = new Map<string, RecordId>();
  for (const row of rows) {
    const rmaNumber = row.table === 'claims' ? row.values.rmaNumber : undefined;
    if (typeof rmaNumber !== 'string') continue;
    if (parseRmaNumber(rmaNumber)?.stationCode !== station.stationCode) continue;
    holders.set(rmaNumber, row.id);
  }
  if (holders.size === 0) return [];
  const claims = transaction.table<StoredClaim, RecordId>('claims');
  const clashing = (
    await claims
      .where('rmaNumber')
      .anyOf([...holders.keys()])
      .toArray()
  ).filter((claim) => holders.get(claim.rmaNumber) !== claim.id);
  if (clashing.length === 0) return [];

  const outbox = transaction.table<OutboxEntry, number>('outbox');
  const entries = await outbox.orderBy('sequence').toArray();
  const numbering = (claimId: RecordId) =>
    entries.filter((entry) =>
      entry.rows.some(
        (change) =>
          change.table === 'claims' &&
          change.id === claimId &&
          Object.hasOwn(change.set, 'rmaNumber'),
      ),
    );
  // Past the numbers of the page too, so the new one is not the next clash.
  await keepRmaSequencePast(
    transaction,
    station.stationCode,
    rows.filter((row) => row.table === 'claims').map((row) => row.values),
  );
  const sequences = transaction.table<SequenceRow, string>('sequences');
  const sequenceName = rmaSequenceName(station.stationCode);
  const settings = transaction.table<SettingsRow, string>('settings');
  let clock = await readStationClock(transaction, station.stationCode);

  const renumbered: RenumberedClaim[] = [];
  const changedEntries = new Map<number, OutboxEntry>();
  for (const claim of clashing) {
    const own = numbering(claim.id);
    const first = own[0];
    if (first === undefined) continue;
    const sequence = ((await sequences.get(sequenceName))?.value ?? 0) + 1;
    await sequences.put({ name: sequenceName, value: sequence });
    const to = formatRmaNumber(station.stationCode, sequence);
    // The field keeps its stamp: the center receives the new number as the claim's first one.
    await claims.put({ ...claim, rmaNumber: to });
    clock = tickHlc(clock, nowMs);
    const stamp = encodeHlc(clock);
    const at = new Date(nowMs).toISOString();
    const audit = renumberingAudit(claim, to, first.actor, station.stationCode, stamp, at);
    await transaction.table<StoredAuditEvent, RecordId>('auditEvents').add(audit.stored);
    for (const entry of own) {
      const current = changedEntries.get(entry.sequence) ?? entry;
      const rowsOfEntry = current.rows.map((change) =>
        change.table === 'claims' &&
        change.id === claim.id &&
        Object.hasOwn(change.set, 'rmaNumber')
          ? { ...change, set: { ...change.set, rmaNumber: to } }
          : change,
      );
      // The audit event goes up with the change that numbers the claim.
      const withAudit = entry === first ? [...rowsOfEntry, audit.change] : rowsOfEntry;
      changedEntries.set(entry.sequence, { ...current, rows: withAudit });
    }
    renumbered.push({ claimId: claim.id, from: claim.rmaNumber, to });
  }
  if (renumbered.length === 0) return [];
  await outbox.bulkPut([...changedEntries.values()]);
  await settings.put({ key: 'clock', lastStamp: encodeHlc(clock) });
  return renumbered;
}

/** The audit event of a claim's new number, as stored and as its outbox change. */
function renumberingAudit(
  claim: StoredClaim,
  to: string,
  actor: RecordId,
  stationCode: StationCode,
  stamp: Hlc,
  at: IsoDateTime,
): { readonly stored: StoredAuditEvent; readonly change: OutboxRowChange } {
  const event: AuditEvent = {
    id: uuidv7(),
    entity: 'claims',
    entityId: claim.id,
    action: 'update',
    changes: { rmaNumber: { from: claim.rmaNumber, to } },
    actor,
    station: stationCode,
    at,
  };
  const fields = Object.keys(event);
  return {
    stored: {
      ...event,
      stamps: Object.fromEntries(fields.map((field) => [field, stamp])),
      updatedBy: actor,
    },
    change: {
      table: 'auditEvents',
      id: event.id,
      set: event,
      unset: [],
      stamp,
      base: Object.fromEntries(fields.map((field) => [field, null])),
    },
  };
}
