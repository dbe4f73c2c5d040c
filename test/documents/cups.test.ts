import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaFor, listPrinters, printPdf } from '../../electron/printing/cups';
import { layoutForPrinting, renderDocument } from '../../electron/documents/renderDocument';
import { sampleDocuments } from '../../electron/documents/sampleDocuments';
import { normalizeSpace, pdfText } from './pdfTools';

/**
 * End to end through CUPS with Debian's cups-pdf virtual printer (package printer-driver-cups-pdf,
 * which `apt-get install cups-pdf` installs): the slip goes through `lp`, the scheduler and its
 * filters, and comes out as a PDF file that is read back. Nothing is skipped: without CUPS the
 * test fails and says what to install.
 *
 * The test adds its own queue rather than reusing a "PDF" queue a person may have set up: the
 * queue's device URI `cups-pdf:/FixlineTestPDF` makes cups-pdf read
 * /etc/cups/cups-pdf-FixlineTestPDF.conf, so the output goes to a folder of the test's own.
 * The queue converts with pdftocairo: cups-pdf's default Ghostscript path turns embedded
 * TrueType text into Type 3 glyphs without a Unicode map, which prints fine but cannot be read
 * back as text.
 */

const run = promisify(execFile);
const queue = 'FixlineTestPDF';
const configPath = `/etc/cups/cups-pdf-${queue}.conf`;
const outputFolder = `/var/spool/cups-pdf/FIXLINE-TEST-${randomUUID().slice(0, 8)}`;
const ppdPath = '/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd';
const install = 'apt-get install cups cups-pdf (Debian: packages cups and printer-driver-cups-pdf)';

let scheduler: ChildProcess | undefined;

async function schedulerRunning(): Promise<boolean> {
  try {
    const { stdout } = await run('lpstat', ['-r']);
    return stdout.includes('scheduler is running');
  } catch {
    return false;
  }
}

async function waitFor<Value>(
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

beforeAll(async () => {
  if (!existsSync('/usr/sbin/cupsd') || !existsSync('/usr/bin/lp')) {
    throw new Error(`CUPS is not installed: ${install}`);
  }
  if (!existsSync('/usr/lib/cups/backend/cups-pdf') || !existsSync(ppdPath)) {
    throw new Error(`the cups-pdf virtual printer is not installed: ${install}`);
  }
  if (!(await schedulerRunning())) {
    if (process.getuid?.() !== 0) {
      throw new Error(
        'the CUPS scheduler is not running and only root can start it: run cupsd, then the test',
      );
    }
    scheduler = spawn('/usr/sbin/cupsd', ['-f'], { stdio: 'ignore' });
    await waitFor('the CUPS scheduler to start', 15_000, async () =>
      (await schedulerRunning()) ? true : undefined,
    );
  }
  await writeFile(
    configPath,
    `# Written by Fixline's CUPS test; removed when it ends.\nOut ${outputFolder}\n`,
  );
  await run('lpadmin', [
    '-p',
    queue,
    '-E',
    '-v',
    `cups-pdf:/${queue}`,
    '-P',
    ppdPath,
    '-o',
    'pdftops-renderer-default=pdftocairo',
  ]);
}, 60_000);

afterAll(async () => {
  await run('lpadmin', ['-x', queue]).catch(() => undefined);
  await rm(configPath, { force: true });
  await rm(outputFolder, { recursive: true, force: true });
  if (scheduler !== undefined) {
    const exited = new Promise((resolve) => scheduler?.once('exit', resolve));
    scheduler.kill('SIGTERM');
    await exited;
  }
}, 30_000);

describe('printing through CUPS', () => {
  it('lists the virtual PDF printer as accepting jobs', async () => {
    const printers = await listPrinters();
    expect(printers.ok).toBe(true);
    if (printers.ok)
      expect(printers.value).toContainEqual(
        expect.objectContaining({ name: queue, accepting: true }),
      );
  });

  it('prints the RMA slip on the named printer, and the printed file carries its RMA number', async () => {
    const slip = sampleDocuments()['rma-slip'];
    const pdf = await renderDocument('rma-slip', slip);
    const printed = await printPdf(queue, pdf, {
      media: mediaFor(layoutForPrinting('rma-slip', slip).size),
      title: 'fixline-test-rma-slip',
    });
    expect(printed).toEqual({
      ok: true,
      value: { jobId: expect.stringMatching(new RegExp(`^${queue}-\\d+$`)) },
    });

    const output = await waitFor('cups-pdf to write the printed slip', 45_000, async () => {
      const files = existsSync(outputFolder) ? await readdir(outputFolder) : [];
      const file = files.find((name) => name.endsWith('.pdf'));
      if (file === undefined) return undefined;
      const path = join(outputFolder, file);
      // cups-pdf writes the file in steps; wait until it has stopped growing.
      const before = (await stat(path)).size;
      await new Promise((resolve) => setTimeout(resolve, 300));
      return before > 0 && (await stat(path)).size === before ? path : undefined;
    });
    const text = normalizeSpace(await pdfText(output));
    expect(text).toContain(slip.claim.rmaNumber);
    expect(text).toContain('Otorisasi pengembalian barang (RMA)');
  }, 60_000);

  it('says which printer does not exist', async () => {
    const result = await printPdf('NoSuchFixlinePrinter', Buffer.from('%PDF-1.7\n'));
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'unknown-printer',
        message: expect.stringContaining('no printer "NoSuchFixlinePrinter"'),
      },
    });
  });

  it('refuses a printer name that lp would read as an option', async () => {
    const result = await printPdf('-o', Buffer.from('%PDF-1.7\n'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-printer-name');
  });
});
