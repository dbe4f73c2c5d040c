import {
  answerCall,
  IpcRefusal,
  type IpcCallHandler,
  type IpcImplementationValue,
} from '#shared/ipc/answer';
import {
  failure,
  type IpcChannel,
  type IpcParsedInput,
  type IpcResult,
} from '#shared/ipc/contract';
import { isTrustedUrl, type TrustedOrigins } from './securityPolicy';

/**
 * The only way to answer the renderer. `handle(channel, implementation)` checks that the call
 * comes from the app's own page, parses the input against the contract, runs the
 * implementation, checks its output, and always answers a Result: nothing thrown in main ever
 * reaches the renderer as a bare exception.
 */

export { IpcRefusal };
export type { IpcImplementationValue };

/** The window (web contents) a call came from: its id, and word when it goes away. */
export type IpcSender = {
  readonly id: number;
  once(event: 'destroyed', listener: () => void): unknown;
};

/** What an implementation learns about the call besides its input. */
export type IpcCallContext = { readonly senderUrl: string; readonly sender: IpcSender };

/** The main-process work behind one channel. */
export type IpcImplementation<Channel extends IpcChannel> = (
  input: IpcParsedInput<Channel>,
  context: IpcCallContext,
) => ReturnType<IpcCallHandler<Channel>>;

/** The part of an invoke event the wrapper reads: which window and frame sent it. */
export type IpcInvokeEvent = {
  readonly sender: IpcSender;
  readonly senderFrame: { readonly url: string } | null;
};

/** The part of Electron's `ipcMain` the wrapper needs; tests pass a stand-in. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: IpcInvokeEvent, ...args: unknown[]) => unknown): void;
};

/** Registers the implementation of each channel, at most once per channel. */
export type IpcRegistry = {
  handle<Channel extends IpcChannel>(
    channel: Channel,
    implementation: IpcImplementation<Channel>,
  ): void;
};

/** Wraps `ipcMain` so that every handler is checked against the contract and the sender. */
export function createIpcRegistry(options: {
  ipcMain: IpcMainLike;
  trustedOrigins: TrustedOrigins;
  /** Where refusals and failures are reported for the logs; console.warn by default. */
  report?: (message: string) => void;
}): IpcRegistry {
  const { ipcMain, trustedOrigins, report = console.warn } = options;
  const registered = new Set<IpcChannel>();

  function answer<Channel extends IpcChannel>(
    channel: Channel,
    implementation: IpcImplementation<Channel>,
    event: IpcInvokeEvent,
    args: readonly unknown[],
  ): Promise<IpcResult<Channel>> {
    // A destroyed frame has no URL: it is refused like a foreign one.
    const senderUrl = event.senderFrame?.url ?? '';
    if (!isTrustedUrl(senderUrl, trustedOrigins)) {
      report(`${channel}: refused a call from ${senderUrl || 'a destroyed frame'}`);
      return Promise.resolve(
        failure('forbidden-sender', `${channel} may only be called by the app's own pages`),
      );
    }
    const context: IpcCallContext = { senderUrl, sender: event.sender };
    return answerCall(channel, args, (input) => implementation(input, context), report);
  }

  return {
    handle(channel, implementation) {
      // Two handlers for one channel would make the answer depend on registration order.
      if (registered.has(channel)) throw new Error(`${channel} already has a handler`);
      registered.add(channel);
      ipcMain.handle(channel, (event, ...args) => answer(channel, implementation, event, args));
    },
  };
}
