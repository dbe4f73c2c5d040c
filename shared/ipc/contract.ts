import { z } from 'zod';

export { failure, resultSchema, success } from './result';
export type { IpcError, IpcErrorCode, Result } from './result';
import type { Result } from './result';

/**
 * The IPC contract: every channel between the renderer and the main process, with the schema of
 * what goes in and what comes back. Main parses both sides against it; the preload and the web
 * bridge take their types from it. Names are `fixline:<area>:<verb>`; the bridge exposes each
 * channel as `window.fixline.<area>.<verb>(input)`.
 */

/** Largest file the renderer may hand to `fixline:files:saveWithDialog`, in bytes. */
export const maxSavedFileBytes = 100 * 1024 * 1024;

/** A path as the operating system spells it. Main decides whether it may be touched. */
const filePathSchema = z
  .string({ error: 'expected a file path' })
  .min(1, { error: 'expected a file path, got an empty string' })
  .max(4096, { error: 'file path is longer than 4096 characters' });

/** A file name without folders: what the save dialog proposes. */
const fileNameSchema = z
  .string({ error: 'expected a file name' })
  .min(1, { error: 'expected a file name, got an empty string' })
  .max(255, { error: 'file name is longer than 255 characters' })
  .refine(
    (name) =>
      !name.includes('/') &&
      !name.includes('\\') &&
      // A NUL byte ends the name early in the system calls that receive it.
      !name.includes('\0') &&
      name !== '.' &&
      name !== '..',
    { error: 'expected a file name without folders (no "/", "\\" or NUL)' },
  );

/** One entry of a save dialog's "type" list: `{ name: 'PDF', extensions: ['pdf'] }`. */
const fileFilterSchema = z.object({
  name: z.string().min(1).max(100),
  extensions: z
    .array(
      z.string().regex(/^(\*|[A-Za-z0-9]{1,16})$/, {
        error: 'expected an extension without the dot, e.g. "pdf", or "*"',
      }),
    )
    .min(1)
    .max(20),
});

/** Channels whose call takes no argument use this input schema. */
const noInput = z.undefined({ error: 'this call takes no argument' });

const appInfoSchema = z.object({
  /** Product name, e.g. "Fixline". */
  name: z.string(),
  /** The app's semantic version, e.g. "0.1.0". */
  version: z.string(),
  /** The operating system as Node names it (`win32`, `darwin`, `linux`), or `web` in a browser. */
  platform: z.string(),
  /** Electron's version; null in a browser. */
  electronVersion: z.string().nullable(),
  /** Chromium's version; null when the browser does not say. */
  chromeVersion: z.string().nullable(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

const saveOutcomeSchema = z.discriminatedUnion('outcome', [
  /** Written to `path`, which the renderer may later pass to `fixline:files:openWithSystem`. */
  z.object({ outcome: z.literal('saved'), path: filePathSchema }),
  /** The user closed the dialog; nothing was written. */
  z.object({ outcome: z.literal('canceled') }),
]);
export type SaveOutcome = z.infer<typeof saveOutcomeSchema>;

/** What every channel declares: the schema of its argument and of its successful value. */
type ChannelSchemas = { readonly input: z.ZodType; readonly output: z.ZodType };

/** Every channel, by name, with its input and output schemas. */
export const ipcContract = {
  /** Name, version and platform, for the about box and for bug reports. */
  'fixline:app:info': { input: noInput, output: appInfoSchema },
  /** The folder where this station keeps its files (or "browser storage" on the web). */
  'fixline:station:dataFolder': { input: noInput, output: z.object({ path: z.string() }) },
  /**
   * Opens a file with the program the system associates with it. Only files inside the data
   * folder or files the user picked in a dialog during this session; executables are refused.
   */
  'fixline:files:openWithSystem': {
    input: z.object({ path: filePathSchema }),
    output: z.null(),
  },
  /** Asks the user where to save `bytes` (proposing `suggestedName`), then writes them there. */
  'fixline:files:saveWithDialog': {
    input: z.object({
      suggestedName: fileNameSchema,
      bytes: z
        .instanceof(Uint8Array, { error: 'expected the file content as a Uint8Array' })
        .refine((bytes) => bytes.byteLength <= maxSavedFileBytes, {
          error: `file is larger than ${maxSavedFileBytes} bytes`,
        }),
      filters: z.array(fileFilterSchema).max(20).default([]),
    }),
    output: saveOutcomeSchema,
  },
} as const satisfies Record<`fixline:${string}:${string}`, ChannelSchemas>;

export type IpcContract = typeof ipcContract;
export type IpcChannel = keyof IpcContract;

/** What the caller passes on `Channel` (before defaults are applied). */
export type IpcInput<Channel extends IpcChannel> = z.input<IpcContract[Channel]['input']>;
/** What the implementation of `Channel` receives, after parsing. */
export type IpcParsedInput<Channel extends IpcChannel> = z.output<IpcContract[Channel]['input']>;
/** The value a successful call on `Channel` answers. */
export type IpcValue<Channel extends IpcChannel> = z.output<IpcContract[Channel]['output']>;
/** The whole answer of a call on `Channel`. */
export type IpcResult<Channel extends IpcChannel> = Result<IpcValue<Channel>>;

/** Narrows an arbitrary string to a channel of the contract. */
export function isIpcChannel(name: string): name is IpcChannel {
  return Object.hasOwn(ipcContract, name);
}
