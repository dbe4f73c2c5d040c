import i18next from 'i18next';
import type Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ipcErrorCodeSchema } from '#shared/ipc/result';
import { evaluateUntrustedClaim } from '#shared/policy';
import type { AttachmentError, RepositoryError } from '../../renderer/src/core';
import { en } from '../../renderer/src/i18n/en';
import {
  attachmentErrorText,
  bridgeErrorText,
  evaluationErrorText,
  failureDetailsText,
  failureText,
  repositoryErrorText,
  type Failure,
} from '../../renderer/src/i18n/errorText';
import { id } from '../../renderer/src/i18n/id';
import { kospetOfficialStoreClaim } from '../factories/policyClaims';
import { csvIssueText } from '../../renderer/src/parts/csvIssueText';
import type { PartsCsvIssue } from '../../renderer/src/parts/partsCsv';

/** Both languages with no fallback, so a sentence one of them lacks comes back as its key. */
const i18n = i18next.createInstance();
await i18n.init({
  resources: { en: { translation: en }, id: { translation: id } },
  fallbackLng: false,
  initAsync: false,
});
const inEnglish = i18n.getFixedT('en');
const inIndonesian = i18n.getFixedT('id');

type RepositoryErrorCode = RepositoryError['code'];

/** `Codes` lists every member of `Union`: a code added to the union and not here fails tsc. */
type Covers<Union, Codes extends readonly Union[]> = [Exclude<Union, Codes[number]>] extends [never]
  ? Codes
  : never;

const repositoryCodes = [
  'invalid-input',
  'not-found',
  'fixed-field',
  'station-not-set-up',
  'station-already-set-up',
  'quote-not-editable',
  'attachment-missing',
  'not-author',
  'storage-full',
  'conflict',
  'not-permitted',
  'unknown-person',
  'last-manager',
  'device-not-received',
  'already-in-status',
  'illegal-transition',
  'not-authorized',
  'doa-evidence-missing',
  'inspection-missing',
  'remedy-missing',
  'quote-not-sent',
  'quote-not-approved',
] as const;
const everyRepositoryCode: Covers<RepositoryErrorCode, typeof repositoryCodes> = repositoryCodes;

const attachmentCodes = ['too-large', 'storage-full'] as const;
const everyAttachmentCode: Covers<AttachmentError['code'], typeof attachmentCodes> =
  attachmentCodes;

const csvReaderCodes = [
  'MissingQuotes',
  'UndetectableDelimiter',
  'TooFewFields',
  'TooManyFields',
  'InvalidQuotes',
] as const;
const everyCsvReaderCode: Covers<Papa.ParseError['code'], typeof csvReaderCodes> = csvReaderCodes;

/** English the refusal carries for logs: it must never reach a sentence. */
const englishMessage = 'LOG-ONLY English message';

/** A refusal of `code` with every value a sentence may use. */
function refusal(code: RepositoryErrorCode, withValues: boolean): RepositoryError {
  return withValues
    ? {
        code,
        message: englishMessage,
        field: 'purchase.invoiceDate',
        clauses: ['B14'],
        allowedStatuses: ['cancelled', 'refused'],
        action: 'manage-people',
        rolesAllowed: ['manager'],
      }
    : { code, message: englishMessage };
}

/** What a rendered sentence must not look like: a key, a placeholder, or the log message. */
function expectWorded(sentence: string) {
  expect(sentence).not.toMatch(/^[\w-]+(\.[\w-]+)+$/);
  expect(sentence).not.toMatch(/\b(errors|people|claimScreen|status|storage|fact)\.[\w.-]+/);
  expect(sentence).not.toContain('{{');
  expect(sentence).not.toContain(englishMessage);
  expect(sentence.trim()).not.toBe('');
}

/** Words the English sentences use that a Bahasa Indonesia sentence would not. */
const englishWords = /\b(the|is|was|not|this|and|or|only|may|first|again|check)\b/i;

describe('error sentences', () => {
  describe.each([true, false])('a repository refusal (with values: %s)', (withValues) => {
    it.each(everyRepositoryCode)('words %s in English and in Bahasa Indonesia', (code) => {
      const english = repositoryErrorText(inEnglish, refusal(code, withValues));
      const indonesian = repositoryErrorText(inIndonesian, refusal(code, withValues));
      expectWorded(english);
      expectWorded(indonesian);
      expect(indonesian).not.toBe(english);
      expect(indonesian).not.toMatch(englishWords);
    });
  });

  it('words the values of a refusal in the language shown', () => {
    expect(repositoryErrorText(inIndonesian, refusal('invalid-input', true))).toContain(
      'Tanggal faktur',
    );
    expect(repositoryErrorText(inEnglish, refusal('not-permitted', true))).toBe(
      'Only a manager can manage people. Switch to a manager (header) to do it.',
    );
    expect(repositoryErrorText(inIndonesian, refusal('illegal-transition', true))).toContain(
      'Dibatalkan, Ditolak',
    );
  });

  it('keeps a field the messages have no name for as its path', () => {
    const error = { ...refusal('fixed-field', false), field: 'rmaNumber' };
    expect(repositoryErrorText(inEnglish, error)).toBe(
      '“rmaNumber” cannot change once the record is saved.',
    );
  });

  it.each(ipcErrorCodeSchema.options)('words the bridge’s %s in both languages', (code) => {
    const english = bridgeErrorText(inEnglish, { code });
    const indonesian = bridgeErrorText(inIndonesian, { code });
    expectWorded(english);
    expectWorded(indonesian);
    expect(indonesian).not.toMatch(englishWords);
  });

  it.each(everyAttachmentCode)('words a refused file (%s) in both languages', (code) => {
    const error: AttachmentError =
      code === 'too-large'
        ? { code, message: englishMessage, sizeBytes: 3 * 1024 ** 3, maxBytes: 2 * 1024 ** 3 }
        : { code, message: englishMessage };
    const english = attachmentErrorText(inEnglish, error, 'unboxing.mp4');
    const indonesian = attachmentErrorText(inIndonesian, error, 'unboxing.mp4');
    expectWorded(english);
    expectWorded(indonesian);
    expect(indonesian).not.toBe(english);
  });

  it('says how large a refused file is and what the limit is', () => {
    const error: AttachmentError = {
      code: 'too-large',
      message: englishMessage,
      sizeBytes: 3 * 1024 ** 3,
      maxBytes: 2 * 1024 ** 3,
    };
    expect(attachmentErrorText(inIndonesian, error, 'unboxing.mp4')).toBe(
      '“unboxing.mp4” berukuran 3 GiB, melebihi batas 2 GiB untuk lampiran: perpendek video atau turunkan resolusinya, lalu lampirkan lagi.',
    );
  });

  it('names the claim’s field the policy could not read, never its English reason', () => {
    const result = evaluateUntrustedClaim({
      ...kospetOfficialStoreClaim,
      purchase: { ...kospetOfficialStoreClaim.purchase, deliveredDate: '2026-04-10' },
    });
    if (result.ok) throw new Error('a delivery before its order must not be evaluated');
    expect(result.error).toMatch(/^purchase\.deliveredDate: /);
    const keys = { named: 'claim.invalidClaim', unnamed: 'claim.invalidClaimUnnamed' } as const;
    expect(evaluationErrorText(inEnglish, result, keys)).toBe(
      'The policy cannot evaluate this claim yet: check its Delivery date.',
    );
    expect(evaluationErrorText(inIndonesian, result, keys)).toBe(
      'Kebijakan belum dapat menilai klaim ini: periksa Tanggal pengiriman diterima.',
    );
    expect(
      evaluationErrorText(
        inEnglish,
        { path: [] },
        {
          named: 'intake.decision.invalid',
          unnamed: 'intake.decision.invalidUnnamed',
        },
      ),
    ).toBe('The policy cannot evaluate this intake yet: one of its facts is not valid.');
  });

  it.each(everyCsvReaderCode)('words a CSV row the reader found %s in both languages', (code) => {
    const issue: PartsCsvIssue = { kind: 'malformed', row: 7, problem: code };
    const english = csvIssueText(inEnglish, issue);
    const indonesian = csvIssueText(inIndonesian, issue);
    expectWorded(english);
    expectWorded(indonesian);
    expect(english).toMatch(/^row 7: /);
    expect(indonesian).toMatch(/^baris 7: /);
  });

  describe('a failure', () => {
    const refused: Failure = { kind: 'repository', error: refusal('conflict', false) };
    const osFailure: Failure = {
      kind: 'bridge',
      error: { code: 'failed', message: 'EACCES: permission denied' },
    };
    const failures: readonly Failure[] = [
      refused,
      osFailure,
      { kind: 'attachment', error: { code: 'storage-full', message: englishMessage } },
      { kind: 'document', invalid: true, detail: 'center.address: must not be empty' },
      { kind: 'unexpected', detail: 'TypeError: x is undefined' },
    ];

    it.each(failures)('of kind $kind is a sentence in both languages', (failure) => {
      expectWorded(failureText(inEnglish, failure));
      expectWorded(failureText(inIndonesian, failure));
      expect(failureText(inIndonesian, failure)).not.toBe(failureText(inEnglish, failure));
    });

    it('puts what a thrown error said on its own labelled line, apart from the sentence', () => {
      const failure: Failure = { kind: 'unexpected', detail: 'TypeError: x is undefined' };
      expect(failureText(inIndonesian, failure)).not.toContain('TypeError');
      expect(failureDetailsText(inIndonesian, failure)).toBe(
        'Rincian (untuk dukungan): TypeError: x is undefined',
      );
      expect(failureDetailsText(inEnglish, osFailure)).toBe(
        'Details (for support): EACCES: permission denied',
      );
    });

    it('has no details line when the sentence says it all', () => {
      expect(failureDetailsText(inEnglish, refused)).toBeUndefined();
      const notSupported: Failure = {
        kind: 'bridge',
        error: { code: 'not-supported', message: englishMessage },
      };
      expect(failureDetailsText(inEnglish, notSupported)).toBeUndefined();
    });
  });
});
