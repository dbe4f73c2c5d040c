import type { IsoDateTime, Sha256, StationCode } from '#shared/domain/primitives';
import type { Rejection, SyncErrorCode } from '#shared/sync/protocol';
import type { BlobRequests, BlobViewing } from '#shared/sync/blobHttp';
import type { SyncHttpAnswer, SyncHttpRequest } from '#shared/sync/syncHttp';

/**
 * What the station's sync engine needs from the network and what it offers screens. The engine
 * (core/sync/) speaks the protocol of shared/sync/protocol.ts through a {@link SyncTransport}:
 * in the desktop app main makes the HTTP requests (the page's CSP keeps `connect-src 'self'`); in
 * a browser the page fetches from its own origin, the sync server that served it.
 */

/**
 * One request of the protocol and what came back (see shared/sync/syncHttp.ts, which main and the
 * web bridge use to make it): the server's answer with any HTTP status and its parsed JSON, or
 * `unreachable` (no network, refused, reset or timed out: retry later, nothing is known). The
 * engine checks an answer's body with the protocol's schemas.
 */
export type {
  SyncHttpAnswer as SyncAnswer,
  SyncHttpRequest as SyncRequest,
  SyncRequestRoute as SyncRoute,
} from '#shared/sync/syncHttp';

/** Listens to the server's pokes until `close` is called. */
export type SyncEventsRequest = {
  readonly serverUrl: string;
  readonly deviceToken: string;
  /** A poke arrived: the server has reached `version`. */
  readonly onPoke: (version: number) => void;
  /** An attachment's bytes arrived on the server: a station waiting for them may fetch them now. */
  readonly onBlob: (sha256: Sha256) => void;
  /** The stream opened (`true`) or dropped (`false`); the transport reconnects by itself. */
  readonly onConnected: (connected: boolean) => void;
};

export type SyncTransport = {
  readonly request: (request: SyncHttpRequest) => Promise<SyncHttpAnswer>;
  readonly events: (request: SyncEventsRequest) => { readonly close: () => void };
  /** An attachment's bytes, a request at a time (see shared/sync/blobHttp.ts). */
  readonly blobs: BlobRequests;
  /**
   * A URL a `<video>` plays an attachment from while it downloads; a transport without it (tests
   * of other parts) plays videos once they are here.
   */
  readonly viewTicket?: BlobViewing['viewTicket'];
};

/** Where a video not on this station yet can play from, or why it cannot yet. */
export type ViewingUrl =
  | {
      readonly kind: 'url';
      readonly url: string;
      /**
       * How long from the answer the URL plays (the server's count, not a time of day: this
       * station's clock may be off): ask again before (the player goes on where it was).
       */
      readonly expiresInMs: number;
    }
  | {
      readonly kind: 'unavailable';
      /**
       * `standalone`: not enrolled; `offline`: the server did not answer; `not-on-server`: the
       * capturing station has not uploaded it yet; `refused`: the server said no (revoked…).
       */
      readonly reason: 'standalone' | 'offline' | 'not-on-server' | 'refused';
    };

/** Where the engine is, for the header's indicator and Settings → Sync. */
export type SyncPhase =
  /** Not enrolled with a server: the station works alone. */
  | 'standalone'
  /** Enrolled and up to date, or waiting for the next change. */
  | 'idle'
  /** Pushing or pulling now. */
  | 'syncing'
  /** The server cannot be reached; changes wait in the outbox. */
  | 'offline'
  /** The server refused the station (revoked, protocol mismatch…): see `problem`. */
  | 'stopped';

/** A server-side refusal the station cannot fix by retrying. */
export type SyncProblem = {
  readonly code: SyncErrorCode;
  readonly message: string;
  /** For `protocol-mismatch`: which side must be updated. */
  readonly update?: UpdateSide;
};

/** Which side runs the older sync protocol, and so must be updated. */
export type UpdateSide = 'server' | 'station';

/** A change of this station the server refused for good, with its reason. */
export type RejectedChange = {
  readonly mutationId: string;
  readonly at: IsoDateTime;
  readonly rejection: Rejection;
};

export type SyncStatus = {
  readonly phase: SyncPhase;
  readonly serverUrl?: string;
  readonly lastSyncedAt?: IsoDateTime;
  /** Outbox entries not yet acknowledged by the server. */
  readonly pendingChanges: number;
  readonly rejectedChanges: readonly RejectedChange[];
  readonly problem?: SyncProblem;
  /** While a new station pulls the center's records for the first time. */
  readonly firstPull?: {
    readonly receivedRows: number;
    /** Rows the server said remain, when it said. */
    readonly totalRows?: number;
    readonly startedAt: IsoDateTime;
  };
};

/** Why connecting to a server failed, for Settings → Sync to say what to fix. */
export type ConnectProblem =
  | { readonly code: 'unreachable'; readonly reason: string }
  | { readonly code: 'not-a-sync-server' }
  | {
      readonly code: SyncErrorCode;
      readonly message: string;
      /** For `protocol-mismatch`: which side must be updated. */
      readonly update?: UpdateSide;
    };

/** One file the queue moves or waits to move, for screens ("downloading… 40%"). */
export type AttachmentTransfer = {
  readonly sha256: Sha256;
  readonly direction: 'upload' | 'download';
  /**
   * `moving` now; `waiting` for its turn or for a retry after a failure (`problem` says why);
   * `on-demand`: a large download that starts when someone opens it.
   */
  readonly state: 'moving' | 'waiting' | 'on-demand';
  readonly doneBytes: number;
  readonly totalBytes: number;
  /** The station the evidence record came from (downloads). */
  readonly fromStation?: StationCode;
  readonly problem?: string;
  /**
   * A download waiting because the server does not have the file yet: the station that took it
   * has not uploaded it (it may be offline for days). Screens say so, not "downloading".
   */
  readonly notOnServer?: boolean;
};

/** What screens use: the status (live) and the controls. */
export type StationSync = {
  /** The current status; `subscribe` calls back on every change. */
  readonly status: () => SyncStatus;
  readonly subscribe: (listener: () => void) => () => void;
  /** Enrolls this station with the server at `serverUrl` using a pairing code, then syncs. */
  readonly connect: (input: {
    readonly serverUrl: string;
    readonly pairingCode: string;
  }) => Promise<{ readonly ok: true } | { readonly ok: false; readonly problem: ConnectProblem }>;
  /** Pushes and pulls now (also after a failure's backoff). */
  readonly syncNow: () => Promise<void>;
  /** Forgets the server; the station keeps its records and works alone. */
  readonly leave: () => Promise<void>;
  /**
   * The attachments' bytes moving or waiting to move, by SHA-256; `subscribeTransfers` calls back
   * on every change (each chunk). Known in the window that syncs (the others see an empty map).
   */
  readonly attachmentTransfers: () => ReadonlyMap<Sha256, AttachmentTransfer>;
  readonly subscribeTransfers: (listener: () => void) => () => void;
  /** Downloads an attachment's bytes now: a large video or PDF someone opened. */
  readonly fetchAttachment: (sha256: Sha256) => void;
  /** A URL a `<video>` plays an attachment from before its bytes are here (minutes long). */
  readonly viewingUrl: (sha256: Sha256) => Promise<ViewingUrl>;
};
