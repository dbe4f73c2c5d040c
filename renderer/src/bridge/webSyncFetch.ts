import type { Schedule, SyncFetch } from '#shared/sync/syncHttp';

/**
 * The page's fetch as the sync code asks for it. In the browser build the sync server serves the
 * page, so its requests go to the page's own origin (the CSP allows no other).
 */
export const webSyncFetch: SyncFetch = ({ url, method, headers, body, timeoutMs }) => {
  const controller = new AbortController();
  const signal =
    timeoutMs === undefined
      ? controller.signal
      : AbortSignal.any([controller.signal, AbortSignal.timeout(timeoutMs)]);
  const response = fetch(url, {
    method,
    headers,
    signal,
    // The token is the only credential: no cookies go to the server or come back.
    credentials: 'omit',
    ...(body === undefined ? {} : { body }),
  }).then((answer) => ({
    status: answer.status,
    text: () => answer.text(),
    textChunks: () => decodedChunks(answer.body),
    bytes: async () => new Uint8Array(await answer.arrayBuffer()),
    header: (name: string) => answer.headers.get(name) ?? undefined,
  }));
  return { response, abort: () => controller.abort() };
};

async function* decodedChunks(body: ReadableStream<Uint8Array> | null): AsyncIterable<string> {
  if (body === null) return;
  const reader = body.getReader();
  const decoder = new TextDecoder();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield decoder.decode(value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
}

/** setTimeout as the sync code asks for it: answers the function that cancels it. */
export const webSchedule: Schedule = (callback, delayMs) => {
  const timer = setTimeout(callback, delayMs);
  return () => clearTimeout(timer);
};
