import { spawn } from 'node:child_process';
import type { PageSize } from '#shared/documents';
import { fail, ok, type Result } from '#shared/domain/result';

/**
 * Printing through CUPS (Linux and macOS) with its command-line clients, `lpstat` and `lp`:
 * they are on every machine that has CUPS and speak to whatever queue the user set up, a
 * driverless office printer or a label printer with its PPD. Every outcome is a result value
 * with a message a person can act on; nothing here throws.
 */

/** A print queue as CUPS lists it. */
export type Printer = {
  readonly name: string;
  readonly accepting: boolean;
  readonly isDefault: boolean;
};

/** Why printing or listing printers failed. */
export type PrintError = {
  readonly code:
    | 'cups-missing'
    | 'scheduler-down'
    | 'unknown-printer'
    | 'invalid-printer-name'
    | 'timeout'
    | 'failed';
  readonly message: string;
};

/** How long a CUPS command may take before it is abandoned. */
const defaultTimeoutMs = 15_000;

type CommandOutput = { exitCode: number; stdout: string; stderr: string };

/**
 * Runs a CUPS client with `input` on its stdin. English messages (`LC_ALL=C`) because they are
 * parsed; no shell, so a printer name cannot inject anything.
 */
function runCupsCommand(
  command: string,
  args: readonly string[],
  timeoutMs: number,
  input?: Buffer,
): Promise<Result<CommandOutput, PrintError>> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      env: { ...process.env, LC_ALL: 'C', LANG: 'C' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let settled = false;
    const settle = (result: Result<CommandOutput, PrintError>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      settle(
        fail({
          code: 'timeout',
          message: `${command} did not finish within ${timeoutMs} ms: check that the CUPS scheduler is responding.`,
        }),
      );
    }, timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error: NodeJS.ErrnoException) => {
      settle(
        fail(
          error.code === 'ENOENT'
            ? {
                code: 'cups-missing',
                message: `${command} was not found: install CUPS (on Debian or Ubuntu, apt-get install cups) to print.`,
              }
            : { code: 'failed', message: `${command} could not start: ${error.message}` },
        ),
      );
    });
    child.on('close', (exitCode) => settle(ok({ exitCode: exitCode ?? -1, stdout, stderr })));
    // A command that exits before reading all of stdin closes the pipe; its exit code says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** The first line of a CUPS client's complaint, without its program prefix. */
function complaint(output: CommandOutput): string {
  const line = (output.stderr.trim() || output.stdout.trim()).split('\n')[0] ?? '';
  return line.replace(/^(lp|lpstat):\s*(Error - )?/, '').trim();
}

/** Whether the CUPS scheduler is running; `lp` alone only says "printer does not exist". */
async function schedulerRunning(timeoutMs: number): Promise<Result<true, PrintError>> {
  const status = await runCupsCommand('lpstat', ['-r'], timeoutMs);
  if (!status.ok) return status;
  if (status.value.exitCode === 0 && /scheduler is running/.test(status.value.stdout))
    return ok(true);
  return fail({
    code: 'scheduler-down',
    message: 'The CUPS scheduler is not running: start it (systemctl start cups) and try again.',
  });
}

/**
 * The print queues CUPS knows, with whether each accepts jobs and which is the default
 * (`lpstat -a`, `lpstat -d`). An empty list when none is set up.
 */
export async function listPrinters(
  options: { timeoutMs?: number } = {},
): Promise<Result<Printer[], PrintError>> {
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const running = await schedulerRunning(timeoutMs);
  if (!running.ok) return running;
  const queues = await runCupsCommand('lpstat', ['-a'], timeoutMs);
  if (!queues.ok) return queues;
  if (queues.value.exitCode !== 0) {
    if (/no destinations added/i.test(queues.value.stderr)) return ok([]);
    return fail({ code: 'failed', message: `Cannot list printers: ${complaint(queues.value)}` });
  }
  const defaultQueue = await runCupsCommand('lpstat', ['-d'], timeoutMs);
  const defaultName = defaultQueue.ok
    ? /system default destination:\s*(\S+)/.exec(defaultQueue.value.stdout)?.[1]
    : undefined;
  const printers = queues.value.stdout
    .split('\n')
    // Continuation lines (a reason a queue rejects jobs) are indented.
    .filter((line) => line.trim() !== '' && !/^\s/.test(line))
    .map((line) => {
      const [name = '', ...rest] = line.split(' ');
      return {
        name,
        accepting: rest.join(' ').startsWith('accepting'),
        isDefault: name === defaultName,
      };
    });
  return ok(printers);
}

/**
 * The `media` option for a page size. Office sizes by their CUPS names; labels and tags by the
 * `wWIDTHhHEIGHT` names (in points) that label printer PPDs, Zebra's among them, use.
 */
export function mediaFor(size: PageSize): string {
  switch (size.name) {
    case 'A4':
      return 'A4';
    case 'Letter':
      return 'Letter';
    case 'label-4x6in':
      return 'w288h432';
    case 'tag-2.25x1.25in':
      return 'w162h90';
  }
}

/** CUPS queue names: printable characters except space, `/`, `#` and `\`, at most 127. */
const printerNamePattern = /^[^\s/#\\\p{Cc}]{1,127}$/u;

/** How to print. */
export type PrintOptions = {
  /** The `media` option, e.g. from {@link mediaFor}; the queue's default when absent. */
  readonly media?: string;
  /** The job's title, shown in the queue and used by PDF printers for the file name. */
  readonly title?: string;
  readonly copies?: number;
  readonly timeoutMs?: number;
};

/**
 * Prints a PDF on the CUPS queue `printer` (`lp -d printer`), piping the bytes to `lp` so no
 * temporary file is left behind, and resolves to the job id CUPS gave it (`PDF-12`).
 */
export async function printPdf(
  printer: string,
  pdf: Buffer,
  options: PrintOptions = {},
): Promise<Result<{ jobId: string }, PrintError>> {
  if (!printerNamePattern.test(printer) || printer.startsWith('-')) {
    return fail({
      code: 'invalid-printer-name',
      message: `"${printer}" is not a CUPS printer name: choose a printer from the list.`,
    });
  }
  const timeoutMs = options.timeoutMs ?? defaultTimeoutMs;
  const running = await schedulerRunning(timeoutMs);
  if (!running.ok) return running;

  const copies = options.copies ?? 1;
  if (!Number.isInteger(copies) || copies < 1) {
    return fail({
      code: 'failed',
      message: `copies must be a whole number of 1 or more, got ${copies}`,
    });
  }
  const args = [
    '-d',
    printer,
    '-n',
    String(copies),
    ...(options.media === undefined ? [] : ['-o', `media=${options.media}`]),
    ...(options.title === undefined ? [] : ['-t', options.title]),
    '-',
  ];
  const result = await runCupsCommand('lp', args, timeoutMs, pdf);
  if (!result.ok) return result;
  const jobId = /request id is (\S+)/.exec(result.value.stdout)?.[1];
  if (result.value.exitCode === 0 && jobId !== undefined) return ok({ jobId });
  const reason = complaint(result.value);
  if (/does not exist/i.test(reason)) {
    return fail({
      code: 'unknown-printer',
      message: `There is no printer "${printer}" in CUPS: choose another printer or add it in the system's printer settings.`,
    });
  }
  return fail({
    code: 'failed',
    message: `The print job for "${printer}" was refused: ${reason || 'lp gave no reason'}.`,
  });
}
