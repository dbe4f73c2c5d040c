/**
 * The outcome of an operation that can be refused: a value, or an error the caller can show.
 * Results are values rather than exceptions so that refusals survive a process boundary
 * (Electron serializes only an error's message) and so the type system makes callers handle them.
 */
export type Result<Value, Failure> =
  { readonly ok: true; readonly value: Value } | { readonly ok: false; readonly error: Failure };

/** Wraps a value as a successful result. */
export function ok<Value>(value: Value): { readonly ok: true; readonly value: Value } {
  return { ok: true, value };
}

/** Wraps an error as a refused result. */
export function fail<Failure>(error: Failure): { readonly ok: false; readonly error: Failure } {
  return { ok: false, error };
}
