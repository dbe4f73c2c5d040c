import type { z } from 'zod';
import {
  ipcContract,
  type IpcChannel,
  type IpcContract,
  type IpcInput,
  type IpcParsedInput,
  type IpcResult,
  type IpcValue,
} from './contract';
import { failure, success, type IpcErrorCode } from './result';

/**
 * One call on a channel, answered the same way by main (for `window.fixline`) and by the web
 * bridge: arguments parsed against the contract, the implementation run, its value checked
 * against the contract, and every failure turned into a Result. Sharing it means both bridges
 * refuse the same inputs with the same messages.
 */

/** What an implementation may return for `Channel`, before the output schema applies defaults. */
export type IpcImplementationValue<Channel extends IpcChannel> = z.input<
  IpcContract[Channel]['output']
>;

/** The work behind one channel, given its parsed input. */
export type IpcCallHandler<Channel extends IpcChannel> = (
  input: IpcParsedInput<Channel>,
) => IpcImplementationValue<Channel> | Promise<IpcImplementationValue<Channel>>;

/**
 * A refusal an implementation means to answer with (`not-allowed`, `not-found`…). Any other
 * exception is answered as `failed` with its message.
 */
export class IpcRefusal extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcRefusal';
  }
}

/**
 * The contract seen one channel at a time. Written as a mapped type so that indexing it with a
 * generic `Channel` keeps the schemas tied to that channel's types (no cast needed).
 */
const channelSchemas: {
  readonly [Channel in IpcChannel]: {
    readonly input: z.ZodType<IpcParsedInput<Channel>, IpcInput<Channel>>;
    readonly output: z.ZodType<IpcValue<Channel>, IpcImplementationValue<Channel>>;
  };
} = ipcContract;

/** "suggestedName: expected a file name; bytes: expected …": each bad field by its path. */
export function describeIssues(error: z.core.$ZodError): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.map(String).join('.');
      return path === '' ? issue.message : `${path}: ${issue.message}`;
    })
    .join('; ');
}

/**
 * Answers one call on `channel` with `args` as the caller passed them. Never rejects: bad input
 * is `invalid-input`, an IpcRefusal its own code, any other exception `failed`, and a value
 * outside the contract `invalid-output`. `report` receives failures worth a log line.
 */
export async function answerCall<Channel extends IpcChannel>(
  channel: Channel,
  args: readonly unknown[],
  handler: IpcCallHandler<Channel>,
  report: (message: string) => void,
): Promise<IpcResult<Channel>> {
  if (args.length > 1)
    return failure('invalid-input', `${channel} takes one argument, got ${args.length}`);

  const schemas = channelSchemas[channel];
  const input = schemas.input.safeParse(args[0]);
  if (!input.success) return failure('invalid-input', describeIssues(input.error));

  let value: IpcImplementationValue<Channel>;
  try {
    value = await handler(input.data);
  } catch (error) {
    if (error instanceof IpcRefusal) return failure(error.code, error.message);
    const message = error instanceof Error ? error.message : String(error);
    report(`${channel}: ${message}`);
    return failure('failed', message);
  }

  const output = schemas.output.safeParse(value);
  if (!output.success) {
    const message = describeIssues(output.error);
    report(`${channel}: answered outside the contract: ${message}`);
    return failure('invalid-output', `${channel} answered outside the contract: ${message}`);
  }
  return success(output.data);
}
