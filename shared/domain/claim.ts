import { z } from 'zod';
import { boundedText, isoDateTimeSchema, recordIdSchema, stationCodeSchema } from './primitives';
import type { IsoDate, IsoDateTime, StationCode } from './primitives';
import { claimStatusSchema } from './claimWorkflow';
import { purchaseDateProblems, purchaseSchema } from './purchase';
import { claimReasonSchema, remedySchema, symptomSchema } from './vocabulary';

/**
 * The shape of an RMA number: `RMA-`, the station code (2 to 8 upper-case letters or digits),
 * `-`, and a sequence of at least 6 digits, e.g. `RMA-JKT1-000042`. Groups: 1 station, 2 sequence.
 */
export const rmaNumberPattern = /^RMA-([A-Z0-9]{2,8})-([0-9]{6,})$/;

/**
 * An RMA number. It is made offline by the station that opened the claim (station code plus that
 * station's sequence, so two stations never collide) and never changes.
 */
export const rmaNumberSchema = z.string().regex(rmaNumberPattern, {
  error: 'expected an RMA number such as "RMA-JKT1-000042"',
});
export type RmaNumber = z.infer<typeof rmaNumberSchema>;

/**
 * Formats the RMA number for a station's `sequence`-th claim, zero-padded to 6 digits
 * (`formatRmaNumber('JKT1', 42)` is `RMA-JKT1-000042`; sequences past 999999 simply grow).
 * @throws RangeError when the station code is malformed or the sequence is not a whole number ≥ 1:
 * both come from the station's own configuration and counter, so either is a programming error.
 */
export function formatRmaNumber(stationCode: StationCode, sequence: number): RmaNumber {
  if (!stationCodeSchema.safeParse(stationCode).success) {
    throw new RangeError(
      `station code must be 2 to 8 upper-case letters or digits, got "${stationCode}"`,
    );
  }
  if (!Number.isSafeInteger(sequence) || sequence < 1) {
    throw new RangeError(`RMA sequence must be a whole number of 1 or more, got ${sequence}`);
  }
  return `RMA-${stationCode}-${String(sequence).padStart(6, '0')}`;
}

/** Splits an RMA number (typed or scanned) into its station code and sequence; undefined if malformed. */
export function parseRmaNumber(
  value: string,
): { stationCode: StationCode; sequence: number } | undefined {
  const match = rmaNumberPattern.exec(value);
  const stationCode = match?.[1];
  const sequenceDigits = match?.[2];
  if (stationCode === undefined || sequenceDigits === undefined) return undefined;
  const sequence = Number(sequenceDigits);
  return Number.isSafeInteger(sequence) ? { stationCode, sequence } : undefined;
}

/** The id of a policy pack, a lower-case slug such as `kospet-warranty-refund`. */
export const policyPackIdSchema = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, {
  error: 'expected a policy pack id such as "kospet-warranty-refund"',
});

/**
 * The customer's account of the defect (A6, B21): what is wrong, how it arose, and since when,
 * in the customer's words. Only `what` is required, so an incomplete account can be saved at
 * intake; the policy engine lists the rest as missing.
 */
export const defectDescriptionSchema = z.object({
  what: boundedText('description', { multiline: true }),
  howItArose: boundedText('description', { multiline: true }).optional(),
  /** When it started, as the customer says it ("since the update", "2026-05-01"). */
  since: boundedText('line').optional(),
});
export type DefectDescription = z.infer<typeof defectDescriptionSchema>;

/**
 * The state of the parcel when the center received it (B8: unopened, unused, original packaging).
 * `accessoriesReceived` lists what came with the device ("charging cable", "strap"), written once
 * by the person who unpacks it.
 */
export const arrivalConditionSchema = z.object({
  unopened: z.boolean(),
  unused: z.boolean(),
  originalPackaging: z.boolean(),
  accessoriesReceived: z.array(boundedText('name')),
});
export type ArrivalCondition = z.infer<typeof arrivalConditionSchema>;

/**
 * The customer confirms the device was prepared before shipping (C14). All false until the
 * customer says otherwise.
 */
export const customerAcknowledgementSchema = z.object({
  dataBackedUp: z.boolean(),
  simRemoved: z.boolean(),
  factoryReset: z.boolean(),
});
export type CustomerAcknowledgement = z.infer<typeof customerAcknowledgementSchema>;

/**
 * A warranty claim (an RMA). Lists that several people edit (notes, evidence, quotes and their
 * lines, shipment legs, misuse findings, the audit trail) are rows of their own that point at the
 * claim, never arrays in it, so concurrent edits at different stations do not overwrite each other.
 *
 * `status` moves only through {@link transitionClaim}. `defect` is absent when there is no defect
 * to describe (change of mind). `conditionOnArrival` is absent until the device is received.
 * `remedy` is the remedy chosen among the policy's options; absent until one is chosen.
 * `createdAt` and `updatedAt` are not compared with each other: they may come from stations whose
 * clocks disagree.
 */
export const claimSchema = z
  .object({
    id: recordIdSchema,
    rmaNumber: rmaNumberSchema,
    status: claimStatusSchema,
    policyPackId: policyPackIdSchema,
    customerId: recordIdSchema,
    deviceId: recordIdSchema,
    purchase: purchaseSchema,
    reason: claimReasonSchema,
    symptom: symptomSchema.optional(),
    defect: defectDescriptionSchema.optional(),
    stepsTried: boundedText('description', { multiline: true }).optional(),
    conditionOnArrival: arrivalConditionSchema.optional(),
    customerAcknowledgement: customerAcknowledgementSchema,
    remedy: remedySchema.optional(),
    /** The technician the claim is assigned to (a technician id); absent while nobody has it. */
    assigneeId: recordIdSchema.optional(),
    createdAt: isoDateTimeSchema,
    updatedAt: isoDateTimeSchema,
  })
  .superRefine((claim, context) => {
    // Nothing was bought or delivered after the claim about it was opened.
    const openedOn = latestCalendarDayOf(claim.createdAt);
    for (const { path, message, reason } of purchaseDateProblems(claim.purchase, openedOn)) {
      if (reason !== 'after-claim') continue; // purchaseSchema reports the others
      context.addIssue({
        code: 'custom',
        path: ['purchase', ...path],
        message,
        input: claim.purchase[path[0]],
      });
    }
  });
export type Claim = z.infer<typeof claimSchema>;

/** The latest time zone's offset (UTC+14, Kiribati), in milliseconds. */
const latestUtcOffsetMs = 14 * 60 * 60 * 1000;

/**
 * The calendar day an instant falls on in the time zone that is furthest ahead: the claim's day
 * wherever the center is, so a purchase made "today" in the center's zone is never refused.
 */
export function latestCalendarDayOf(instant: IsoDateTime): IsoDate {
  return new Date(Date.parse(instant) + latestUtcOffsetMs).toISOString().slice(0, 10);
}
