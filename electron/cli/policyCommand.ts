import { readFile } from 'node:fs/promises';
import { isoDateSchema } from '../../shared/domain/primitives';
import { evaluateUntrustedClaim, type Decision } from '../../shared/policy';

/** Where the command reads and writes; the process's own streams in production. */
export type CommandIo = {
  readStdin: () => Promise<string>;
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
};

export const usage =
  'usage: policy evaluate FILE [--holidays YYYY-MM-DD,YYYY-MM-DD…]   (FILE is a JSON claim or an array of claims; "-" reads stdin)';

/** Exit codes of `policy`: 0 done, 2 bad input or usage. */
export const exitCode = { ok: 0, badInput: 2 } as const;

/**
 * `policy evaluate FILE`: the contract of ../shared/spec/policy.md. Prints one JSON value on
 * stdout (an object, or an array in the input's order) and returns 0; on bad input prints one
 * line naming the field on stderr, nothing on stdout, and returns 2.
 */
export async function runPolicyCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const fail = (message: string): number => {
    io.writeStderr(`${message}\n`);
    return exitCode.badInput;
  };

  const [command, file, ...rest] = args;
  if (command !== 'evaluate' || file === undefined) return fail(usage);
  const holidays = parseHolidays(rest);
  if (typeof holidays === 'string') return fail(holidays);

  let text: string;
  try {
    text = file === '-' ? await io.readStdin() : await readFile(file, 'utf8');
  } catch (error) {
    return fail(`cannot read ${file}: ${readErrorReason(error)}`);
  }

  let input: unknown;
  try {
    input = JSON.parse(text);
  } catch (error) {
    const source = file === '-' ? 'stdin' : file;
    return fail(
      `${source}: not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }

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
      return error instanceof Error ? error.message : String(error);
  }
}
