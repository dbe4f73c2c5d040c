import { v4 as uuidv4 } from 'uuid';
import type { FixlineBridge } from '#shared/ipc/bridge';
import type { BlobRequests } from '#shared/sync/blobHttp';
import type { Result } from '#shared/ipc/contract';
import type { SyncTransport } from './syncApi';

/** The parts of the bridge sync uses: its `sync` area and its events. */
export type SyncBridge = Pick<FixlineBridge, 'sync' | 'on'>;

/**
 * The engine's one transport, over the bridge: main makes the requests in the desktop app, the
 * page in a browser (the web bridge's `sync` area), so the engine never branches on where it runs.
 */
export function bridgeTransport(
  bridge: SyncBridge,
  report: (message: string) => void = console.warn,
): SyncTransport {
  return {
    request: async (request) => {
      const answer = await bridge.sync.request({
        serverUrl: request.serverUrl,
        route: request.route,
        body: request.body,
        ...(request.deviceToken === undefined ? {} : { deviceToken: request.deviceToken }),
      });
      if (answer.ok)
        return answer.value.kind === 'answered'
          ? { kind: 'answered', status: answer.value.status, body: answer.value.body }
          : answer.value;
      // Refused before any network (an address that is not http or https): nothing was sent.
      return { kind: 'unreachable', reason: answer.error.message };
    },
    blobs: blobRequestsOverBridge(bridge),
    viewTicket: async (address) => answerOf(await bridge.sync.blobTicket(address)),
    events: ({ serverUrl, deviceToken, onPoke, onBlob, onConnected }) => {
      // The page names the stream, so its first event is recognised however early it comes.
      const streamId = uuidv4();
      let closed = false;
      const stopListening = bridge.on('fixline:sync:event', (event) => {
        if (closed || event.streamId !== streamId) return;
        switch (event.kind) {
          case 'poke':
            onPoke(event.version);
            return;
          case 'blob':
            onBlob(event.sha256);
            return;
          case 'connected':
            onConnected(event.connected);
            return;
        }
      });
      void bridge.sync.openEvents({ streamId, serverUrl, deviceToken }).then((opened) => {
        if (!opened.ok)
          report(`the sync server's pokes could not be followed: ${opened.error.message}`);
      });
      return {
        close: () => {
          if (closed) return;
          closed = true;
          stopListening();
          void bridge.sync.closeEvents({ streamId });
        },
      };
    },
  };
}

/** A bridge call's answer, or `unreachable` when the call was refused before any network. */
function answerOf<Answer>(
  result: Result<Answer>,
): Answer | { readonly kind: 'unreachable'; readonly reason: string } {
  return result.ok ? result.value : { kind: 'unreachable', reason: result.error.message };
}

/** The blob requests over the bridge's `sync` area; a chunk crosses as one Uint8Array. */
function blobRequestsOverBridge(bridge: SyncBridge): BlobRequests {
  return {
    head: async (address) => answerOf(await bridge.sync.blobHead(address)),
    standing: async (query) => answerOf(await bridge.sync.blobStanding(query)),
    sendChunk: async (chunk) => answerOf(await bridge.sync.blobChunk(chunk)),
    readRange: async (range) => answerOf(await bridge.sync.blobRange(range)),
  };
}
