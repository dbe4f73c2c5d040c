/**
 * The names of the events main sends to the renderer. Apart from the contract because the
 * sandboxed preload imports it and may not import zod: the schemas of the payloads are in
 * `contract.ts` (`ipcEvents`), where main checks every payload before sending it.
 */
export const ipcEventNames = ['fixline:printing:progress', 'fixline:sync:event'] as const;

/** An event main sends to the renderer: `fixline:<area>:<what>`. */
export type IpcEventName = (typeof ipcEventNames)[number];

/** Narrows an arbitrary string to an event of the contract. */
export function isIpcEventName(name: string): name is IpcEventName {
  return ipcEventNames.some((event) => event === name);
}
