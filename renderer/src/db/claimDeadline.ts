import type { Transaction } from 'dexie';
import type { Claim } from '#shared/domain/claim';
import type { IsoDate, IsoDateTime } from '#shared/domain/primitives';
import type { ClaimRecords } from '#shared/policy';
import { evaluateClaimAsOpened, type StationCalendar } from '#shared/policy/claimEvaluation';
import { nextDeadline } from '#shared/policy/nextDeadline';
import { stationTimeZone } from '#shared/domain/calendar';
import type {
  ClaimDeadlineFields,
  SettingsRow,
  StoredCustomer,
  StoredDevice,
  StoredEvidence,
  StoredInspection,
  StoredMisuseFinding,
} from './records';
import { isLive } from './records';

const dayMs = 24 * 60 * 60 * 1000;

// One wall-clock formatter per zone, made once: creating one costs far more than using it, and
// the deadline fields are derived on every claim write (61% of that time went to creating them).
const wallClockFormats = new Map<string, Intl.DateTimeFormat>();

function wallClockFormat(timeZone: string): Intl.DateTimeFormat {
  let format = wallClockFormats.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    wallClockFormats.set(timeZone, format);
  }
  return format;
}

/** The offset of `timeZone` from UTC at `instantMs`, in milliseconds (Jakarta: +7 h). */
function zoneOffsetMs(timeZone: string, instantMs: number): number {
  const parts = wallClockFormat(timeZone).formatToParts(instantMs);
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    Number(parts.find((candidate) => candidate.type === type)?.value ?? 0);
  const wallMs = Date.UTC(
    part('year'),
    part('month') - 1,
    part('day'),
    part('hour'),
    part('minute'),
    part('second'),
  );
  return wallMs - (instantMs - (instantMs % 1000));
}

/**
 * The instant the last day of a deadline is over in the center's time zone: midnight starting
 * the next day there. A deadline is missed from this instant on.
 */
export function deadlinePassesAt(lastDay: IsoDate, timeZone: string): IsoDateTime {
  const nextMidnightAsUtcMs = Date.parse(`${lastDay}T00:00:00Z`) + dayMs;
  // Two passes: the offset at the guess may differ from the offset at the answer across DST.
  let instantMs = nextMidnightAsUtcMs - zoneOffsetMs(timeZone, nextMidnightAsUtcMs);
  instantMs = nextMidnightAsUtcMs - zoneOffsetMs(timeZone, instantMs);
  return new Date(instantMs).toISOString();
}

/**
 * The queue's deadline fields of a claim (schema version 3): its next deadline (see
 * `nextDeadline`) as the policy pack judges its records, in the center's calendar. Empty when
 * nothing is due, or when the claim cannot be evaluated (an unknown pack, facts the engine refuses).
 */
export function claimDeadlineFields(
  records: ClaimRecords & { readonly claim: Claim },
  calendar: StationCalendar,
): ClaimDeadlineFields {
  const timeZone = stationTimeZone(calendar.timeZone);
  const evaluation = evaluateClaimAsOpened(records, calendar);
  if (evaluation === undefined || !evaluation.ok) return {};
  const next = nextDeadline(evaluation.value.deadlines, records.claim.status);
  if (next === undefined) return {};
  return {
    nextDeadlineAt: deadlinePassesAt(next.date, timeZone),
    nextDeadlineDate: next.date,
    nextDeadlineKind: next.kind,
  };
}

/**
 * {@link claimDeadlineFields} of `claim`, reading its customer, device, evidence, latest
 * inspection and the station's calendar in `transaction` (a repository write or an upgrade).
 */
export async function readClaimDeadlineFields(
  transaction: Transaction,
  claim: Claim,
): Promise<ClaimDeadlineFields> {
  const [settings, customer, device, evidence, inspections] = await Promise.all([
    transaction.table<SettingsRow, string>('settings').get('station'),
    transaction.table<StoredCustomer, string>('customers').get(claim.customerId),
    transaction.table<StoredDevice, string>('devices').get(claim.deviceId),
    transaction
      .table<StoredEvidence, string>('evidence')
      .where('claimId')
      .equals(claim.id)
      .filter(isLive)
      .toArray(),
    transaction
      .table<StoredInspection, string>('inspections')
      .where('claimId')
      .equals(claim.id)
      .filter(isLive)
      .toArray(),
  ]);
  if (customer === undefined || device === undefined) return {};
  const inspection = inspections.sort((a, b) => b.inspectedAt.localeCompare(a.inspectedAt))[0];
  const misuseFindings =
    inspection === undefined
      ? []
      : await transaction
          .table<StoredMisuseFinding, string>('misuseFindings')
          .where('inspectionId')
          .equals(inspection.id)
          .filter(isLive)
          .toArray();
  const calendar: StationCalendar = settings?.key === 'station' ? settings : {};
  return claimDeadlineFields(
    { claim, customer, device, evidence, inspection, misuseFindings },
    calendar,
  );
}
