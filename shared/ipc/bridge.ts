import type { IpcChannel, IpcEventPayload, IpcInput, IpcResult } from './contract';
import type { IpcEventName } from './eventNames';

/**
 * The object the renderer talks to: `window.fixline` in the desktop app, a web implementation in
 * a browser. Derived from the contract, so a channel without a method (or a method with the
 * wrong types) fails to compile wherever a bridge is built with `satisfies FixlineBridge`.
 */

/** `fixline:files:beginSave` → `files`. */
type AreaOf<Channel extends string> = Channel extends `fixline:${infer Area}:${string}`
  ? Area
  : never;

/** Channels without input become methods without parameters. */
type BridgeArguments<Channel extends IpcChannel> = [IpcInput<Channel>] extends [undefined]
  ? []
  : [input: IpcInput<Channel>];

/** One channel as a method: never rejects, answers a Result. */
export type BridgeMethod<Channel extends IpcChannel> = (
  ...input: BridgeArguments<Channel>
) => Promise<IpcResult<Channel>>;

/** Every channel of the contract, grouped by area: `bridge.files.beginSave(…)`. */
export type BridgeMethods = {
  readonly [Area in AreaOf<IpcChannel>]: {
    readonly [
      Channel in IpcChannel as Channel extends `fixline:${Area}:${infer Verb}` ? Verb : never
    ]: BridgeMethod<Channel>;
  };
};

/** Which implementation the renderer has; the only thing it may branch on. */
export type BridgeKind = 'desktop' | 'web';

/**
 * Listens to an event main sends (`fixline:printing:progress`); answers the function that stops
 * listening. The payload was checked against the contract in main before it was sent.
 */
export type BridgeOn = <Event extends IpcEventName>(
  event: Event,
  listener: (payload: IpcEventPayload<Event>) => void,
) => () => void;

/** The whole bridge: `window.fixline` on the desktop, the web bridge in a browser. */
export type FixlineBridge = BridgeMethods & { readonly kind: BridgeKind; readonly on: BridgeOn };
