import { z } from 'zod';

/**
 * Why an IPC call failed. Callers branch on the code; the message is for people and logs.
 * - `invalid-input`: the arguments did not match the channel's schema (the message names the field).
 * - `invalid-output`: the implementation answered something the contract does not allow.
 * - `forbidden-sender`: the call came from a page that is not the app.
 * - `not-allowed`: the request was understood and refused (a path outside the data folder).
 * - `not-found`: what the request names does not exist.
 * - `not-supported`: this bridge cannot do it (the browser cannot print silently); the message says
 *   what to do instead.
 * - `failed`: the operating system or the implementation reported an error.
 */
export const ipcErrorCodeSchema = z.enum([
  'invalid-input',
  'invalid-output',
  'forbidden-sender',
  'not-allowed',
  'not-found',
  'not-supported',
  'failed',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

/** What a failed call answers: a code to branch on and a message that says what went wrong. */
export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  message: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

/**
 * The answer to every call across a process boundary. A value rather than an exception, because
 * Electron serializes only an error's message and drops its type and fields.
 */
export type Result<Value> = { ok: true; value: Value } | { ok: false; error: IpcError };

/** The schema of `Result<Value>` for a given value schema. */
export function resultSchema<ValueSchema extends z.ZodType>(valueSchema: ValueSchema) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value: valueSchema }),
    z.object({ ok: z.literal(false), error: ipcErrorSchema }),
  ]);
}

/** A successful result. */
export function success<Value>(value: Value): Result<Value> {
  return { ok: true, value };
}

/** A failed result. */
export function failure(code: IpcErrorCode, message: string): Result<never> {
  return { ok: false, error: { code, message } };
}
