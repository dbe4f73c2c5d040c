import type { z } from 'zod';
import { customerSchema } from '#shared/domain/customer';
import { deviceSchema, imeiSchema } from '#shared/domain/device';
import type { CurrencyCode, IsoDate } from '#shared/domain/primitives';
import { calendarYears, isoDateSchema, textLimits } from '#shared/domain/primitives';
import { purchaseDateProblems, purchaseSchema } from '#shared/domain/purchase';
import { claimReasonSchema } from '#shared/domain/vocabulary';
import type { IntakeErrorKey } from './messages';
import type { IntakeFormValues } from './intakeFormValues';
import {
  claimFieldsFromForm,
  customerFromForm,
  deviceFromForm,
  purchaseFromForm,
} from './intakeRecords';

// What is wrong with the form, field by field, judged by the domain schemas (in the form's own
// words where it has them).

/**
 * A field of the form at fault: `key` names a message of `intake.errors` when the form has its
 * own words for the mistake; otherwise `message` is the domain schema's (English) message.
 */
export type FieldProblem = {
  readonly field: string;
  readonly message: string;
  /** The sentence of the problem in the intake's messages, when it has one of its own. */
  readonly key?: IntakeErrorKey;
};

const yearRangeMessage = isoDateSchema.safeParse(`${calendarYears.max + 1}-01-01`).error?.issues[0]
  ?.message;

/** The most characters each text field of the form takes: the domain schema's limit for it. */
const fieldLimits: Readonly<Record<string, number>> = {
  'customer.name': textLimits.name,
  // Up to four street lines, one per line of the text area.
  'customer.addressLines': textLimits.line * 4 + 3,
  'customer.city': textLimits.name,
  'customer.postalCode': textLimits.code,
  'device.serial': textLimits.code,
  'device.brand': textLimits.name,
  'device.model': textLimits.name,
  'device.sku': textLimits.code,
  'device.itemCode': textLimits.code,
  'purchase.orderNumber': textLimits.code,
  'claim.defectWhat': textLimits.description,
  'claim.defectHowItArose': textLimits.description,
  'claim.defectSince': textLimits.line,
  'claim.stepsTried': textLimits.description,
};

/** The most characters the field at `path` takes; undefined for a field of another kind. */
export function maxLengthOf(path: string): number | undefined {
  return fieldLimits[path];
}

/** The intake's own message for a domain issue on `field`, when it has one. */
function problemKey(field: string, issue: z.core.$ZodIssue): IntakeErrorKey | undefined {
  if (field === 'device.imei')
    return issue.message.includes('Luhn') ? 'imeiChecksum' : 'imeiLength';
  if (field === 'device.serial' && issue.code === 'custom') return 'serialOrImei';
  if (issue.code === 'invalid_value') return 'choose';
  if (issue.code === 'too_small' && issue.origin === 'string') return 'required';
  switch (field) {
    case 'customer.phone':
      return 'phone';
    case 'customer.email':
      return 'email';
    case 'customer.countryCode':
      return 'countryCode';
    case 'purchase.shopLink':
      return 'shopLink';
    case 'purchase.deliveredDate':
    case 'purchase.maxEstimatedDeliveryDate':
    case 'purchase.orderDate':
    case 'purchase.invoiceDate':
      if (issue.code === 'invalid_format') return 'date';
      return issue.message === yearRangeMessage ? 'dateYear' : 'deliveredBeforeOrder';
    default:
      return undefined;
  }
}

/** Where a domain schema's issue path lands in the form. */
const customerFieldOf = (path: string): string =>
  path.startsWith('address.lines')
    ? 'customer.addressLines'
    : `customer.${path.replace(/^address\./, '')}`;
const claimFieldOf = (path: string): string => {
  if (path.startsWith('purchase.')) return path.split('.').slice(0, 2).join('.');
  if (path.startsWith('defect.what')) return 'claim.defectWhat';
  return `claim.${path.split('.')[0] ?? path}`;
};

function problemsOf(
  result: z.ZodSafeParseResult<unknown>,
  fieldOf: (path: string) => string,
): FieldProblem[] {
  if (result.success) return [];
  return result.error.issues.map((issue) => {
    const field = fieldOf(issue.path.map(String).join('.'));
    return { field, message: issue.message, key: problemKey(field, issue) };
  });
}

/**
 * The IMEI as typed, checked as the device schema checks it: undefined when fine or empty,
 * else what is wrong (its length, or a failed check digit).
 */
export function imeiProblem(typedImei: string): FieldProblem | undefined {
  const imei = typedImei.replace(/[\s-]/g, '');
  if (imei === '') return undefined;
  const issue = imeiSchema.safeParse(imei).error?.issues[0];
  if (issue === undefined) return undefined;
  return { field: 'device.imei', message: issue.message, key: problemKey('device.imei', issue) };
}

/**
 * Everything wrong with the form for a save, by the domain schemas, one message per field
 * (the first). `customerIsNew` is false when an existing customer was picked, and
 * `deviceIsKnown` when the serial names a device already stored: their fields are not typed.
 * `today` is the station's calendar day: nothing was bought or delivered after it.
 */
export function intakeProblems(
  values: IntakeFormValues,
  options: {
    readonly currency: CurrencyCode;
    readonly customerIsNew: boolean;
    readonly deviceIsKnown: boolean;
    readonly placeholderId: string;
    readonly today: IsoDate;
  },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (options.customerIsNew) {
    problems.push(
      ...problemsOf(
        customerSchema.safeParse({ ...customerFromForm(values), id: options.placeholderId }),
        customerFieldOf,
      ),
    );
  }
  if (!options.deviceIsKnown) {
    problems.push(
      ...problemsOf(
        deviceSchema.safeParse({
          ...deviceFromForm(values),
          id: options.placeholderId,
          customerId: options.placeholderId,
        }),
        (path) => `device.${path === 'model' ? 'model' : path}`,
      ),
    );
  }
  const purchase = purchaseFromForm(values, options.currency);
  if (Number.isNaN(purchase.price?.amount)) {
    problems.push({ field: 'purchase.price', message: 'not a price', key: 'price' });
  }
  const purchaseResult = purchaseSchema.safeParse({ ...purchase, price: undefined });
  problems.push(...problemsOf(purchaseResult, (path) => `purchase.${path.split('.')[0] ?? path}`));
  // A purchase the schema accepts can still be dated after today (the claim's own day).
  if (purchaseResult.success) {
    for (const problem of purchaseDateProblems(purchaseResult.data, options.today)) {
      problems.push({
        field: `purchase.${problem.path[0]}`,
        message: problem.message,
        key: 'dateAfterToday',
      });
    }
  }
  const claim = claimFieldsFromForm(values, options.currency);
  problems.push(...problemsOf(claimReasonSchema.safeParse(claim.reason), () => 'claim.reason'));
  if (
    claim.defect === undefined &&
    values.claim.reason !== 'change-of-mind' &&
    values.claim.reason !== ''
  ) {
    problems.push({ field: 'claim.defectWhat', message: 'must not be empty', key: 'defect' });
  }
  const seen = new Set<string>();
  return problems.filter((problem) => {
    if (seen.has(problem.field)) return false;
    seen.add(problem.field);
    return true;
  });
}

/** Where a refusal of the save (by step and the repository's field) lands in the form. */
export function formFieldOfSaveError(step: string, field: string | undefined): string | undefined {
  if (field === undefined) return undefined;
  switch (step) {
    case 'customer':
      return customerFieldOf(field);
    case 'device':
      return `device.${field}`;
    case 'claim':
      return claimFieldOf(field);
    case 'evidence':
      return 'evidence';
    default:
      return undefined;
  }
}
