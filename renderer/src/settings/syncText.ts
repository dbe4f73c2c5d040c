import { formatDistance, formatDistanceStrict, type Locale } from 'date-fns';
import { enUS, id as indonesian } from 'date-fns/locale';
import type { TFunction } from 'i18next';
import type { Language } from '#shared/domain/vocabulary';
import type { Rejection } from '#shared/sync/protocol';
import { syncRuleCodes } from '#shared/sync/rejections';
import type { ConnectProblem, SyncProblem, SyncStatus } from '../core/sync/syncApi';

/** What Settings → Sync and the header say about sync, in the screen's language. */

const dateLocales: Record<Language, Locale> = { en: enUS, id: indonesian };

/** "3 minutes ago", or undefined when the station never synced. */
export function lastSyncedText(
  status: SyncStatus,
  nowMs: number,
  language: Language,
): string | undefined {
  if (status.lastSyncedAt === undefined) return undefined;
  return formatDistance(Date.parse(status.lastSyncedAt), nowMs, {
    addSuffix: true,
    locale: dateLocales[language],
  });
}

/**
 * The first pull's progress bars move without Mantine's width transition (100 ms): the engine
 * tells the progress up to four times a second, and a transition draws frames for its length on
 * the page's thread, which the pull and a save at the bench share (a traced first pull of 10,000
 * claims drew 838 frames with it, 499 and 619 without; bench/RESULTS.md).
 */
export const firstPullBarTransitionMs = 0;

/** How far a first pull is: a percentage and the time left, when the server said the total. */
export type FirstPullProgress = {
  readonly receivedRows: number;
  readonly totalRows: number | undefined;
  readonly percent: number | undefined;
  /** "2 minutes", from the pace so far; undefined before there is a pace to go by. */
  readonly timeLeft: string | undefined;
};

export function firstPullProgress(
  firstPull: NonNullable<SyncStatus['firstPull']>,
  nowMs: number,
  language: Language,
): FirstPullProgress {
  const { receivedRows, totalRows } = firstPull;
  const percent =
    totalRows === undefined || totalRows === 0
      ? undefined
      : Math.min(100, Math.floor((receivedRows / totalRows) * 100));
  const elapsedMs = nowMs - Date.parse(firstPull.startedAt);
  let timeLeft: string | undefined;
  if (totalRows !== undefined && receivedRows > 0 && elapsedMs > 0) {
    const leftMs = ((totalRows - receivedRows) / receivedRows) * elapsedMs;
    timeLeft = formatDistanceStrict(0, Math.max(1_000, leftMs), {
      locale: dateLocales[language],
      roundingMethod: 'round',
    });
  }
  return { receivedRows, totalRows, percent, timeLeft };
}

/** Why connecting failed, and what to do about it. */
export function connectProblemText(
  t: TFunction,
  problem: ConnectProblem,
  context: { readonly serverUrl: string; readonly stationCode: string },
): string {
  const { serverUrl, stationCode } = context;
  switch (problem.code) {
    case 'unreachable':
      return t('sync.connectProblem.unreachable', { serverUrl, reason: problem.reason });
    case 'not-a-sync-server':
      return t('sync.connectProblem.notASyncServer', { serverUrl });
    case 'pairing-code-invalid':
      return t('sync.connectProblem.pairingCodeInvalid');
    case 'pairing-rate-limited':
      return t('sync.connectProblem.pairingRateLimited');
    case 'station-code-taken':
      return t('sync.connectProblem.stationCodeTaken', { code: stationCode });
    case 'protocol-mismatch':
      if (problem.update === 'server') return t('sync.connectProblem.updateServer');
      if (problem.update === 'station') return t('sync.connectProblem.updateStation');
      return t('sync.connectProblem.protocolMismatch');
    case 'storage-full':
      return t('sync.connectProblem.storageFull');
    case 'server-error':
      return t('sync.connectProblem.serverError');
    case 'invalid-request':
    case 'device-unknown':
    case 'device-revoked':
    case 'client-mismatch':
    case 'mutation-gap':
    case 'cursor-below-horizon':
    case 'cursor-ahead':
    case 'upload-offset-mismatch':
    case 'blob-hash-mismatch':
    case 'blob-not-found':
    case 'view-ticket-invalid':
    case 'payload-too-large':
      return t('sync.connectProblem.refused', { code: problem.code });
    default: {
      const unexpected: never = problem;
      return String(unexpected);
    }
  }
}

/** Why sync stopped, and what to do about it. */
export function syncProblemText(t: TFunction, problem: SyncProblem): string {
  if (problem.code === 'device-revoked') return t('sync.problem.deviceRevoked');
  if (problem.code === 'device-unknown') return t('sync.problem.deviceUnknown');
  if (problem.code === 'protocol-mismatch' && problem.update === 'server')
    return t('sync.problem.updateServer');
  if (problem.code === 'protocol-mismatch' && problem.update === 'station')
    return t('sync.problem.updateStation');
  return t('sync.problem.other', { code: problem.code });
}

/** The rejection codes the station words itself: the shared rules' and the server's own. */
const wordedRejections = [
  ...syncRuleCodes,
  'invalid-value',
  'server-only-table',
  'unknown-author',
] as const;
type WordedRejection = (typeof wordedRejections)[number];
const isWorded = (code: string): code is WordedRejection =>
  (wordedRejections as readonly string[]).includes(code);

/** Why the server refused one of this station's changes, by its code (its words are for its log). */
export function rejectionText(t: TFunction, rejection: Rejection): string {
  const values = { field: rejection.field ?? rejection.table ?? '', code: rejection.code };
  return isWorded(rejection.code)
    ? t(`sync.rejected.reason.${rejection.code}`, values)
    : t('sync.rejected.reason.other', values);
}
