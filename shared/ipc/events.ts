import { describeIssues } from './answer';
import { ipcEvents, type IpcEventPayload } from './contract';
import type { IpcEventName } from './eventNames';

/**
 * Sends an event to the renderer after checking its payload against the contract: the preload
 * cannot check it (no zod in a sandbox), so main never sends what the contract does not allow.
 * Answers whether it was sent.
 */
export type IpcEventSender = <Event extends IpcEventName>(
  event: Event,
  payload: IpcEventPayload<Event>,
) => boolean;

/**
 * An {@link IpcEventSender} over `send` (the window's `webContents.send` in main). A payload
 * outside the contract is reported and dropped rather than sent.
 */
export function createEventSender(
  send: (event: IpcEventName, payload: unknown) => void,
  report: (message: string) => void,
): IpcEventSender {
  return (event, payload) => {
    const parsed = ipcEvents[event].safeParse(payload);
    if (!parsed.success) {
      report(`${event}: not sent, outside the contract: ${describeIssues(parsed.error)}`);
      return false;
    }
    send(event, parsed.data);
    return true;
  };
}
