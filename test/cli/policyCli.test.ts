import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runPolicyCli } from '../../electron/cli/policyCommand';
import { igpsportClaim, kospetOfficialStoreClaim, makeClaim } from '../factories/policyClaims';
import type { CommandRun } from '../support/commandLine';
import { expectRefused, runCommandLine } from '../support/commandLine';

/** The CLI runs as a real process, the way an auditor or another program calls it. */
const projectRoot = join(import.meta.dirname, '../..');
const execFileAsync = promisify(execFile);

const runPolicy = (args: string[], stdin?: string) =>
  runCommandLine('electron/cli/policyCli.ts', args, stdin);

let folder: string;
const file = async (name: string, content: unknown): Promise<string> => {
  const path = join(folder, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
};

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'fixline-policy-cli-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('npm run policy -- evaluate', () => {
  it('evaluates a claim file through the documented npm command', async () => {
    const path = await file('example1.json', igpsportClaim);
    const { stdout, stderr } = await execFileAsync(
      'npm',
      ['run', '--silent', 'policy', '--', 'evaluate', path],
      {
        cwd: projectRoot,
      },
    );
    const decision = JSON.parse(stdout) as { coverageEnds: string; options: { remedy: string }[] };
    expect(stderr.replace(/npm warn.*\n/g, '')).toBe('');
    expect(decision.coverageEnds).toBe('2027-02-03');
    expect(decision.options.map((option) => option.remedy)).toEqual([
      'warranty-repair',
      'warranty-replacement',
    ]);
  });

  it('answers an array of claims with an array in the same order', async () => {
    const ebay = makeClaim(kospetOfficialStoreClaim, { purchase: { channel: 'ebay' } });
    const path = await file('batch.json', [ebay, igpsportClaim]);
    const run = await runPolicy(['evaluate', path]);
    expect(run.code).toBe(0);
    const decisions = JSON.parse(run.stdout) as { policy: string; options: { remedy: string }[] }[];
    expect(decisions.map((decision) => decision.policy)).toEqual([
      'kospet-official-store',
      'igpsport',
    ]);
    expect(decisions[0]?.options.map((option) => option.remedy)).toEqual(['refer-to-seller']);
  });

  it('reads the claim from stdin when the file is "-"', async () => {
    const run = await runPolicy(['evaluate', '-'], JSON.stringify(igpsportClaim));
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ policy: 'igpsport', warrantyVoid: false });
  });

  it('refuses text that is not JSON', async () => {
    expectRefused(await runPolicy(['evaluate', '-'], '{ "policy": '), 'stdin: not valid JSON');
  });

  it('refuses an unknown pack, naming the field and the packs it knows', async () => {
    const path = await file('unknown-pack.json', { ...igpsportClaim, policy: 'garmin' });
    expectRefused(await runPolicy(['evaluate', path]), 'policy: unknown pack "garmin"');
  });

  it('refuses a malformed date, naming the field and the value', async () => {
    const path = await file(
      'bad-date.json',
      makeClaim(igpsportClaim, { purchase: { invoiceDate: '2026-02-30' } }),
    );
    const run = await runPolicy(['evaluate', path]);
    expectRefused(run, 'purchase.invoiceDate: expected a calendar date as YYYY-MM-DD');
    expect(run.stderr).toContain('"2026-02-30"');
  });

  it('refuses a field of the wrong type', async () => {
    const claim = { ...igpsportClaim, evidence: { videos: 'two' } };
    expectRefused(
      await runPolicy(['evaluate', '-'], JSON.stringify(claim)),
      'evidence.videos: expected number, got "two"',
    );
  });

  it('refuses a missing required field', async () => {
    const { asOf, ...withoutAsOf } = igpsportClaim;
    expectRefused(
      await runPolicy(['evaluate', '-'], JSON.stringify(withoutAsOf)),
      'asOf: is required',
    );
  });

  it('refuses a misspelt field rather than ignoring it', async () => {
    const claim = {
      ...igpsportClaim,
      purchase: { ...igpsportClaim.purchase, invoicedate: '2026-02-03' },
    };
    expectRefused(
      await runPolicy(['evaluate', '-'], JSON.stringify(claim)),
      'purchase: unknown field "invoicedate"',
    );
  });

  it('names the position of the bad claim in an array and prints nothing for the good ones', async () => {
    const path = await file('batch-bad.json', [
      igpsportClaim,
      { ...igpsportClaim, asOf: '30/09/2026' },
    ]);
    expectRefused(await runPolicy(['evaluate', path]), '[1].asOf:');
  });

  it('says when the file cannot be read', async () => {
    expectRefused(await runPolicy(['evaluate', join(folder, 'absent.json')]), 'no such file');
  });

  it('prints its usage for an unknown command', async () => {
    expectRefused(await runPolicy(['judge']), 'usage: policy evaluate FILE');
  });

  it('counts WORRY FREE+ working days around the holidays it is given', async () => {
    const claim = makeClaim(kospetOfficialStoreClaim, { request: { reason: 'accidental-damage' } });
    const run = await runPolicy(
      ['evaluate', '-', '--holidays', '2026-05-14'],
      JSON.stringify(claim),
    );
    const decision = JSON.parse(run.stdout) as { deadlines: { kind: string; date: string }[] };
    expect(
      decision.deadlines.find((deadline) => deadline.kind === 'worry-free-ship-by')?.date,
    ).toBe('2026-05-21');
  });

  it('refuses a holiday that is not a date', async () => {
    expectRefused(
      await runPolicy(['evaluate', '-', '--holidays', '2026-13-01'], '{}'),
      '--holidays: "2026-13-01"',
    );
  });
});

/** Arrays (or objects) nested `depth` deep, as text. */
const nested = (depth: number, open: '[' | '{"a":'): string =>
  `${open.repeat(depth)}1${(open === '[' ? ']' : '}').repeat(depth)}`;

/**
 * The contract for any input: exit 0 with one JSON value on stdout and nothing on stderr, or
 * exit 2 with nothing on stdout and one line on stderr.
 */
function expectContract(run: CommandRun): void {
  if (run.code === 0) {
    expect(run.stderr).toBe('');
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
  } else {
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^[^\n\r]+\n$/);
  }
}

describe('the contract of policy evaluate, whatever the input', () => {
  it('refuses JSON nested 10,000 deep with one line and exit 2', async () => {
    const path = await file('deep.json', `{"policy":${nested(10_000, '[')}}`);
    const run = await runPolicy(['evaluate', path]);
    expectRefused(run, 'nested deeper than 32 levels');
  });

  it('echoes input with line breaks escaped, on one line', async () => {
    const run = await runPolicy(['evaluate', '-'], 'x\ny\nz');
    expectRefused(run, String.raw`"x\u000ay\u000az"`);
  });

  it('quotes a file name with a line break on one line', async () => {
    const run = await runPolicy(['evaluate', join(folder, 'a\nb.json')]);
    expectRefused(run, String.raw`a\nb.json": no such file`);
  });

  it('cuts a long echoed value', async () => {
    const run = await runPolicy(['evaluate', '-'], JSON.stringify({ policy: 'p'.repeat(100_000) }));
    expectRefused(run, 'policy: unknown pack "ppp');
    expect(run.stderr.length).toBeLessThan(500);
  });

  it('ends quietly when the reader stops early, as `| head -c 50` does', async () => {
    const path = await file(
      'many.json',
      Array.from({ length: 300 }, () => igpsportClaim),
    );
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', 'electron/cli/policyCli.ts', 'evaluate', path],
      { cwd: projectRoot },
    );
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    // Read the first chunk only, then close the pipe: the rest of the output meets EPIPE.
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));

    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('answers every fuzzed input, argument and file name within the contract', async () => {
    const run = async (args: readonly string[], stdin = ''): Promise<CommandRun> => {
      let stdout = '';
      let stderr = '';
      const code = await runPolicyCli(args, {
        readStdin: () => Promise.resolve(stdin),
        writeStdout: (text) => (stdout += text),
        writeStderr: (text) => (stderr += text),
      });
      return { code, stdout, stderr };
    };
    const anyJsonText = fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      fc.jsonValue().map((value) => JSON.stringify([igpsportClaim, value])),
      fc
        .dictionary(fc.constantFrom(...Object.keys(igpsportClaim), 'extra'), fc.jsonValue())
        .map((fields) => JSON.stringify({ ...igpsportClaim, ...fields })),
      fc
        .tuple(fc.integer({ min: 1, max: 20_000 }), fc.constantFrom('[' as const, '{"a":' as const))
        .map(([depth, open]) => nested(depth, open)),
    );
    const stdinRun = fc.record({
      kind: fc.constant('stdin' as const),
      text: anyJsonText,
      holidays: fc.option(fc.string({ unit: 'binary' }), { nil: undefined }),
    });
    const fileRun = fc.record({
      kind: fc.constant('file' as const),
      name: fc.string({ unit: 'binary', minLength: 1 }),
    });
    const argsRun = fc.record({
      kind: fc.constant('args' as const),
      args: fc.array(fc.string({ unit: 'binary' }), { maxLength: 4 }),
    });

    await fc.assert(
      fc.asyncProperty(fc.oneof(stdinRun, fileRun, argsRun), async (input) => {
        switch (input.kind) {
          case 'stdin': {
            const holidays = input.holidays === undefined ? [] : ['--holidays', input.holidays];
            expectContract(await run(['evaluate', '-', ...holidays], input.text));
            return;
          }
          case 'file':
            // Inside the throwaway folder, which holds only the claims written above.
            expectContract(await run(['evaluate', join(folder, input.name)]));
            return;
          case 'args':
            expectContract(await run(input.args));
            return;
        }
      }),
      { numRuns: 400 },
    );
  });
});
