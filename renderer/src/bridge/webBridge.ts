import { z } from 'zod';
import { answerCall, IpcRefusal, type IpcCallHandler } from '../../../shared/ipc/answer';
import type { BridgeMethod, FixlineBridge } from '../../../shared/ipc/bridge';
import type { IpcChannel } from '../../../shared/ipc/contract';

// Replaced by the build (`define` in the Vite config); absent under a bare test runner.
declare const __FIXLINE_VERSION__: string | undefined;

/** The app's version as the build stamped it, or "unknown" when the build did not. */
export const builtVersion =
  typeof __FIXLINE_VERSION__ === 'string' ? __FIXLINE_VERSION__ : 'unknown';

/** What the web bridge needs from the browser; tests pass their own. */
export type WebEnvironment = {
  /** The app's version, e.g. "0.1.0". */
  readonly version: string;
  /** `navigator.userAgent`. */
  readonly userAgent: string;
  /** `navigator.userAgentData` where the browser has it (Chromium), else undefined. */
  readonly userAgentData: unknown;
  /** Hands `blob` to the browser as a download named `fileName`. */
  readonly download: (blob: Blob, fileName: string) => void;
  /** Where failures are reported for the console. */
  readonly report: (message: string) => void;
};

const userAgentDataSchema = z.object({
  brands: z.array(z.object({ brand: z.string(), version: z.string() })),
});

/**
 * Chromium's version: from User-Agent Client Hints when the browser offers them (major version
 * only, e.g. "140"), else from the user-agent string ("140.0.0.0"), else null (Firefox, Safari).
 */
export function chromeVersionFrom(userAgentData: unknown, userAgent: string): string | null {
  const hints = userAgentDataSchema.safeParse(userAgentData);
  const chromium = hints.success
    ? hints.data.brands.find((entry) => entry.brand === 'Chromium')
    : undefined;
  if (chromium !== undefined) return chromium.version;
  return /\b(?:Chrome|Chromium)\/([\d.]+)/.exec(userAgent)?.[1] ?? null;
}

/** Downloads through a hidden `<a download>`, the one way a page can write a file. */
export function downloadWithAnchor(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.style.display = 'none';
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  // Revoked later rather than now: some browsers fetch the URL after click() has returned.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The environment of the page the renderer runs in. */
export function browserEnvironment(): WebEnvironment {
  return {
    version: builtVersion,
    userAgent: navigator.userAgent,
    userAgentData: 'userAgentData' in navigator ? navigator.userAgentData : undefined,
    download: downloadWithAnchor,
    report: console.warn,
  };
}

/**
 * The bridge for a browser: the same contract as the desktop, answered in the page. Inputs and
 * outputs go through the contract like they do in main, so a call the desktop would refuse is
 * refused here too, with the same message.
 */
export function createWebBridge(environment: WebEnvironment = browserEnvironment()): FixlineBridge {
  function method<Channel extends IpcChannel>(
    channel: Channel,
    handler: IpcCallHandler<Channel>,
  ): BridgeMethod<Channel> {
    return (...input) => answerCall(channel, input, handler, environment.report);
  }

  /** The same refusal for every printing call: what the browser cannot do and what to do instead. */
  const cannotPrint = (): never => {
    throw new IpcRefusal(
      'not-supported',
      'a browser cannot print silently to a chosen printer: print from the Fixline desktop app, or download the PDF there and print it',
    );
  };

  return {
    kind: 'web',
    // Main sends events only to the desktop app; in a browser nothing ever arrives.
    on: () => () => undefined,
    app: {
      info: method('fixline:app:info', () => ({
        name: 'Fixline',
        version: environment.version,
        platform: 'web',
        electronVersion: null,
        chromeVersion: chromeVersionFrom(environment.userAgentData, environment.userAgent),
      })),
    },
    station: {
      // Records and attachments live in IndexedDB: there is no folder to show.
      dataFolder: method('fixline:station:dataFolder', () => ({ path: 'browser storage' })),
    },
    files: {
      openWithSystem: method('fixline:files:openWithSystem', () => {
        throw new IpcRefusal(
          'not-allowed',
          'a browser cannot open files on this computer: open the downloaded file from the downloads folder',
        );
      }),
      saveWithDialog: method('fixline:files:saveWithDialog', ({ suggestedName, bytes }) => {
        // A copy, so the Blob holds its own ArrayBuffer (the input may view a shared one).
        environment.download(new Blob([bytes.slice()]), suggestedName);
        // The browser decides the folder (and may rename on a clash); the name is all we know.
        return { outcome: 'saved', path: suggestedName };
      }),
    },
    documents: {
      // pdfkit runs in main; the browser build does not carry it (fonts, Node streams).
      render: method('fixline:documents:render', () => {
        throw new IpcRefusal(
          'not-supported',
          'documents are rendered by the Fixline desktop app: open the claim there to preview, print or download the PDF',
        );
      }),
    },
    printing: {
      // No printer is reachable from a page; `kind === 'web'` tells the screen why the list is empty.
      listPrinters: method('fixline:printing:listPrinters', () => []),
      print: method('fixline:printing:print', cannotPrint),
      printBatch: method('fixline:printing:printBatch', cannotPrint),
      cancelBatch: method('fixline:printing:cancelBatch', cannotPrint),
    },
  } satisfies FixlineBridge;
}
