import { readFile } from 'node:fs/promises';
import { isoDateSchema } from '#shared/domain/primitives';
import { evaluateUntrustedClaim, type Decision } from '#shared/policy';

/** Where the command reads and writes; the process's own streams in production. */
export type CommandIo = {
  readStdin: () => Promise<string>;
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
};

export const usage =
  'usage: policy evaluate FILE [--holidays YYYY-MM-DD,YYYY-MM-DD…]   (FILE is a JSON claim or an array of claims; "-" reads stdin)';

/** Exit codes of `policy`: 0 done, 2 bad input or usage (or any failure of the command itself). */
export const exitCode = { ok: 0, badInput: 2 } as const;

/** A claim nests three objects deep (claim → purchase → price); far deeper input is not a claim. */
const maxNestingDepth = 32;

/** How much of an echoed value (a file name, a field's value) a message quotes. */
const maxEchoedLength = 80;

/** How long one message line may grow, echoes of the input included. */
const maxMessageLength = 400;

/**
 * Characters that would break the one-line contract or disguise it on a terminal: C0 and C1
 * controls (line breaks, escape sequences), the Unicode line and paragraph separators and the
 * bidirectional overrides and isolates.
 */
const unsafeCharacters = /[\p{Cc}\p{Zl}\p{Zp}\u202a-\u202e\u2066-\u2069]/gu;

/** `message` as one line of plain characters: the unsafe ones as `\uXXXX`, cut when too long. */
export function oneLine(message: string): string {
  const escaped = message.replace(
    unsafeCharacters,
    (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return escaped.length > maxMessageLength ? `${escaped.slice(0, maxMessageLength)}…` : escaped;
}

/** Input echoed in a message: quoted as JSON (so escaped) and cut to {@link maxEchoedLength}. */
export function quoteInput(text: string): string {
  const cut = text.length > maxEchoedLength ? `${text.slice(0, maxEchoedLength)}…` : text;
  return JSON.stringify(cut);
}

/**
 * The command as the process runs it, with the one catch-all of the CLI: whatever the command
 * throws (a bug, a stack overflow) ends as one line on stderr and exit 2, never a stack trace.
 */
export async function runPolicyCli(args: readonly string[], io: CommandIo): Promise<number> {
  try {
    return await runPolicyCommand(args, io);
  } catch (error) {
    io.writeStderr(`${oneLine(`policy: internal error: ${errorMessage(error)}`)}\n`);
    return exitCode.badInput;
  }
}

/**
 * `policy evaluate FILE`: the contract of ../shared/spec/policy.md. Prints one JSON value on
 * stdout (an object, or an array in the input's order) and returns 0; on bad input prints one
 * line naming the field on stderr, nothing on stdout, and returns 2.
 */
export async function runPolicyCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.writeStderr(`${oneLine(message)}\n`);
    return exitCode.badInput;
  };

  const [command, file, ...rest] = args;
  if (command !== 'evaluate' || file === undefined) return fail(usage);
  const source = file === '-' ? 'stdin' : quoteInput(file);
  const holidays = parseHolidays(rest);
  if (typeof holidays === 'string') return fail(holidays);

  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${source}: ${readErrorReason(error)}`);
  }

  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    return fail(`${source}: not valid JSON (${errorMessage(error)})`);
  }
  if (nestingDepth(input, maxNestingDepth) > maxNestingDepth)
    return fail(`${source}: nested deeper than ${maxNestingDepth} levels, so it is not a claim`);

  const calendar = { holidays };
  const claims = Array.isArray(input) ? input : [input];
  const decisions: Decision[] = [];
  for (const [index, claim] of claims.entries()) {
    const result = evaluateUntrustedClaim(claim, {
      calendar,
      ...(Array.isArray(input) ? { location: `[${index}]` } : {}),
    });
    if (!result.ok) return fail(result.error);
    decisions.push(result.value);
  }
  io.writeStdout(`${JSON.stringify(Array.isArray(input) ? decisions : decisions[0], null, 2)}\n`);
  return exitCode.ok;
}

/** `--holidays a,b` → the days; a string is the error to print. */
function parseHolidays(options: readonly string[]): string[] | string {
  if (options.length === 0) return [];
  const [flag, value, ...extra] = options;
  if (flag !== '--holidays' || value === undefined || extra.length > 0) return usage;
  const days = value.split(',').map((day) => day.trim());
  const wrong = days.find((day) => !isoDateSchema.safeParse(day).success);
  return wrong === undefined
    ? days
    : `--holidays: ${JSON.stringify(wrong)} is not a calendar date as YYYY-MM-DD`;
}

/**
 * How deep arrays and objects nest in a JSON value, counted without recursion (the input may
 * nest 10,000 deep) and no further than `limit + 1`.
 */
function nestingDepth(value: unknown, limit: number): number {
  const isContainer = (item: unknown): item is object => typeof item === 'object' && item !== null;
  let depth = 0;
  let level = [value].filter(isContainer);
  while (level.length > 0 && depth <= limit) {
    depth += 1;
    level = level.flatMap((container) => Object.values(container)).filter(isContainer);
  }
  return depth;
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function readErrorReason(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : '';
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EISDIR':
      return 'it is a folder, not a file';
    case 'EACCES':
      return 'permission denied';
    default:
      return errorMessage(error);
  }
}
