import { z } from 'zod';
import { policyIdSchema } from '../policy/policyClaim';
import { addressSchema, phoneNumberSchema } from './customer';
import { currencyCodeSchema, isoDateSchema, recordIdSchema, textSchema } from './primitives';
import { salesChannelSchema } from './vocabulary';

/**
 * The repair center, printed on slips and labels. The address and phone may wait until after
 * first run, but every document needs them. `returnAddress` is where customers send parcels,
 * when that is not the center's own address (a warehouse, say).
 */
export const centerDetailsSchema = z.object({
  name: textSchema,
  address: addressSchema.optional(),
  returnAddress: addressSchema.optional(),
  phone: phoneNumberSchema.optional(),
  email: z.email({ error: 'expected an email address such as "service@example.com"' }).optional(),
});
export type CenterDetails = z.infer<typeof centerDetailsSchema>;

/** Whether `name` is an IANA time zone this runtime knows ("Asia/Jakarta"). */
export function isKnownTimeZone(name: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: name });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone such as "Asia/Jakarta": deadlines are counted in the center's days. */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  error: 'expected an IANA time zone such as "Asia/Jakarta"',
});

/** A day of the week, ISO numbering: 1 is Monday, 7 is Sunday. */
export const isoWeekdaySchema = z.int().min(1).max(7);

/**
 * Which policy pack applies to a brand's devices bought through some sales channels: KOSPET's
 * official store sells under one policy, its marketplace shops under another.
 */
export const policyAssignmentSchema = z.object({
  brand: textSchema,
  channels: z.array(salesChannelSchema).min(1, { error: 'choose at least one sales channel' }),
  packId: policyIdSchema,
});
export type PolicyAssignment = z.infer<typeof policyAssignmentSchema>;

/**
 * What every station of a center shares: its details, currency, time zone, working calendar and
 * policy-pack assignments. The fields after `center` came with the workbench; they are optional
 * so a station set up before it keeps opening, and the setup screen asks for all of them.
 */
export const centerWideSettingsSchema = z.object({
  center: centerDetailsSchema,
  currency: currencyCodeSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  workingDays: z.array(isoWeekdaySchema).optional(),
  holidays: z.array(isoDateSchema).optional(),
  policyAssignments: z.array(policyAssignmentSchema).optional(),
});
export type CenterWideSettings = z.infer<typeof centerWideSettingsSchema>;

/**
 * The center-wide settings as a synced record (table `centerSettings`): one row per center, each
 * field merged on its own, so a holiday added at one station and a currency set at another both
 * stay.
 */
export const centerSettingsSchema = centerWideSettingsSchema.extend({ id: recordIdSchema });
export type CenterSettings = z.infer<typeof centerSettingsSchema>;
