import type { SyncErrorBody, SyncErrorCode } from '#shared/sync/protocol';

/** The HTTP status of each error code of the protocol. */
const syncErrorStatus: Readonly<Record<SyncErrorCode, number>> = {
  'invalid-request': 400,
  'protocol-mismatch': 426,
  'device-unknown': 401,
  'device-revoked': 403,
  'pairing-code-invalid': 403,
  'pairing-rate-limited': 429,
  'station-code-taken': 409,
  'client-mismatch': 403,
  'mutation-gap': 409,
  'cursor-below-horizon': 410,
  'cursor-ahead': 410,
  'upload-offset-mismatch': 409,
  'blob-hash-mismatch': 422,
  'blob-not-found': 404,
  'view-ticket-invalid': 403,
  'payload-too-large': 413,
  'storage-full': 507,
  'server-error': 500,
};

type Details = Record<string, string | number | boolean | null>;

/** A request refused whole: answered with its code's status and a {@link SyncErrorBody}. */
export class SyncError extends Error {
  readonly code: SyncErrorCode;
  readonly details: Details | undefined;
  /** Overrides the code's usual status (a 404 or 415 answered as `invalid-request`). */
  readonly status: number;

  constructor(code: SyncErrorCode, message: string, details?: Details, status?: number) {
    super(message);
    this.name = 'SyncError';
    this.code = code;
    this.details = details;
    this.status = status ?? syncErrorStatus[code];
  }

  body(): SyncErrorBody {
    return {
      error: {
        code: this.code,
        message: this.message,
        ...(this.details === undefined ? {} : { details: this.details }),
      },
    };
  }
}
