import { tmpdir } from 'node:os';
import { execFile, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, open, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

/**
 * A cups-pdf print queue of a test's own, for printing end to end through CUPS with Debian's
 * cups-pdf virtual printer (package printer-driver-cups-pdf, which `apt-get install cups-pdf`
 * installs): a job goes through `lp`, the scheduler and its filters, and comes out as a PDF file
 * that the test reads back. Nothing is skipped: without CUPS the setup fails and says what to
 * install.
 *
 * Each test file adds its own queue rather than reusing a "PDF" queue a person may have set up:
 * the device URI `cups-pdf:/NAME` makes cups-pdf read /etc/cups/cups-pdf-NAME.conf, so the output
 * goes to a folder of the test's own. The queue converts with pdftocairo: cups-pdf's default
 * Ghostscript path turns embedded TrueType text into Type 3 glyphs without a Unicode map, which
 * prints fine but cannot be read back as text.
 *
 * Test files run in parallel and may all need the scheduler: the first to find it stopped starts
 * it (a lock file says who), each file registers as a user, and the last to leave stops the
 * scheduler a test started. A scheduler that was already running is left alone.
 */

const run = promisify(execFile);
const ppdPath = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const install = 'apt-get install cups cups-pdf (Debian: packages cups and printer-driver-cups-pdf)';
const sharedFolder = join(tmpdir(), 'fixline-cups-test');
const usersFolder = join(sharedFolder, 'users');
const startLock = join(sharedFolder, 'starting.lock');
const pidFile = join(sharedFolder, 'cupsd.pid');

/** Whether the CUPS scheduler answers. */
export async function schedulerRunning(): Promise<boolean> {
  try {
    const { stdout } = await run('lpstat', ['-r']);
    return stdout.includes('scheduler is running');
  } catch {
    return false;
  }
}

/** Polls `probe` every 200 ms until it answers a value; throws after `timeoutMs`. */
export async function waitFor<Value>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<Value | undefined>,
): Promise<Value> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`gave up waiting ${timeoutMs} ms for ${what}`);
}

/** Starts the scheduler unless it runs or another test file is starting it. */
async function ensureScheduler(): Promise<void> {
  if (await schedulerRunning()) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      'the CUPS scheduler is not running and only root can start it: run cupsd, then the test',
    );
  }
  // A lock left by a run that crashed while starting would keep everyone waiting: take it over.
  const lockAge = await stat(startLock).then(
    (status) => Date.now() - status.mtimeMs,
    () => 0,
  );
  if (lockAge > 60_000) await rm(startLock, { force: true });
  const lock = await open(startLock, 'wx').catch(() => undefined);
  if (lock !== undefined) {
    await lock.close();
    // Detached: the scheduler outlives this file when another file still prints on it.
    const scheduler = spawn('/usr/sbin/cupsd', ['-f'], { stdio: 'ignore', detached: true });
    // A failure to start shows as the wait below timing out.
    scheduler.on('error', () => undefined);
    scheduler.unref();
    if (scheduler.pid !== undefined) await writeFile(pidFile, String(scheduler.pid));
  }
  await waitFor('the CUPS scheduler to start', 15_000, async () =>
    (await schedulerRunning()) ? true : undefined,
  );
}

/** Stops the scheduler a test started, once no test file uses it any more. */
async function releaseScheduler(user: string): Promise<void> {
  await rm(join(usersFolder, user), { force: true });
  if ((await readdir(usersFolder)).length > 0) return;
  const pid = Number(await readFile(pidFile, 'utf8').catch(() => ''));
  if (Number.isInteger(pid) && pid > 0) {
    try {
      process.kill(pid, 'SIGTERM');
      await waitFor('the CUPS scheduler to stop', 10_000, async () =>
        (await schedulerRunning()) ? undefined : true,
      );
    } catch {
      // Already gone.
    }
  }
  await rm(pidFile, { force: true });
  await rm(startLock, { force: true });
}

/** A cups-pdf queue set up for one test file. */
export type CupsPdfQueue = {
  /** The queue's name, to print to. */
  readonly name: string;
  /** Where cups-pdf writes what the queue prints. */
  readonly outputFolder: string;
  /** Waits for the first PDF the queue writes and answers its path, once it stopped growing. */
  printedPdf(timeoutMs?: number): Promise<string>;
  /** Removes the queue, its configuration and output, and stops a scheduler no one uses. */
  remove(): Promise<void>;
};

/**
 * Adds the cups-pdf queue `name` (starting the scheduler when needed, as root); call `remove()`
 * in afterAll.
 */
export async function addCupsPdfQueue(name: string): Promise<CupsPdfQueue> {
  if (!existsSync('/usr/sbin/cupsd') || !existsSync('/usr/bin/lp')) {
    throw new Error(`CUPS is not installed: ${install}`);
  }
  if (!existsSync('/usr/lib/cups/backend/cups-pdf') || !existsSync(ppdPath)) {
    throw new Error(`the cups-pdf virtual printer is not installed: ${install}`);
  }
  const user = `${process.pid}-${randomUUID()}`;
  await mkdir(usersFolder, { recursive: true });
  await writeFile(join(usersFolder, user), name);
  await ensureScheduler();

  const configPath = `/etc/cups/cups-pdf-${name}.conf`;
  const outputFolder = `/var/spool/cups-pdf/FIXLINE-TEST-${randomUUID().slice(0, 8)}`;
  await writeFile(
    configPath,
    `# Written by a Fixline test; removed when it ends.\nOut ${outputFolder}\n`,
  );
  await run('lpadmin', [
    '-p',
    name,
    '-E',
    '-v',
    `cups-pdf:/${name}`,
    '-P',
    ppdPath,
    '-o',
    'pdftops-renderer-default=pdftocairo',
  ]);

  return {
    name,
    outputFolder,
    printedPdf: (timeoutMs = 45_000) =>
      waitFor(`cups-pdf to write what ${name} printed`, timeoutMs, async () => {
        const files = existsSync(outputFolder) ? await readdir(outputFolder) : [];
        const file = files.find((entry) => entry.endsWith('.pdf'));
        if (file === undefined) return undefined;
        const path = join(outputFolder, file);
        // cups-pdf writes the file in steps; wait until it has stopped growing.
        const before = (await stat(path)).size;
        await new Promise((resolve) => setTimeout(resolve, 300));
        return before > 0 && (await stat(path)).size === before ? path : undefined;
      }),
    async remove() {
      await run('lpadmin', ['-x', name]).catch(() => undefined);
      await rm(configPath, { force: true });
      await rm(outputFolder, { recursive: true, force: true });
      await releaseScheduler(user);
    },
  };
}
