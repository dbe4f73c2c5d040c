import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { BarcodeOperation } from '#shared/documents';

/**
 * Reads rendered PDFs back the way a person's tools would: poppler (pdfinfo, pdftotext,
 * pdftoppm) and zbar (zbarimg). CI installs poppler-utils and zbar-tools.
 */

const run = promisify(execFile);

/** A scratch folder for one test file's PDFs and pictures. */
export async function scratchFolder(
  prefix: string,
): Promise<{ path: string; remove: () => Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), `fixline-${prefix}-`));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Writes `pdf` into `folder` as `name` and returns its path. */
export async function savePdf(folder: string, name: string, pdf: Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, pdf);
  return path;
}

/** The page count and the first page's size in points, as pdfinfo reports them. */
export async function pdfInfo(
  path: string,
): Promise<{ pages: number; width: number; height: number }> {
  const { stdout } = await run('pdfinfo', [path]);
  const pages = /^Pages:\s+(\d+)/m.exec(stdout);
  const size = /^Page size:\s+([\d.]+) x ([\d.]+) pts/m.exec(stdout);
  if (pages?.[1] === undefined || size?.[1] === undefined || size[2] === undefined) {
    throw new Error(`pdfinfo gave no page count or size for ${path}:\n${stdout}`);
  }
  return { pages: Number(pages[1]), width: Number(size[1]), height: Number(size[2]) };
}

/** The text of a PDF, as pdftotext extracts it (UTF-8, reading order). */
export async function pdfText(path: string): Promise<string> {
  const { stdout } = await run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  return stdout;
}

/** `text` with every run of white space made one space, to compare wrapped text. */
export function normalizeSpace(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Renders one page at 300 dpi, cropped to the box of `barcode` plus a margin, and returns what
 * zbarimg decodes in it, as `KIND:value` lines (`CODE-128:RMA-…`, `QR-Code:RMA-…`). Cropping
 * checks each symbol on its own: zbarimg reports a value only once per picture.
 */
export async function decodeBarcode(
  path: string,
  page: number,
  barcode: Pick<BarcodeOperation, 'x' | 'y' | 'width' | 'height'>,
  folder: string,
): Promise<string[]> {
  const resolution = 300;
  const margin = 8;
  const pixels = (points: number): number => Math.round((points * resolution) / 72);
  const prefix = join(folder, `crop-${page}-${Math.round(barcode.x)}-${Math.round(barcode.y)}`);
  await run('pdftoppm', [
    '-r',
    String(resolution),
    '-f',
    String(page),
    '-l',
    String(page),
    '-x',
    String(pixels(Math.max(0, barcode.x - margin))),
    '-y',
    String(pixels(Math.max(0, barcode.y - margin))),
    '-W',
    String(pixels(barcode.width + margin * 2)),
    '-H',
    String(pixels(barcode.height + margin * 2)),
    '-png',
    '-singlefile',
    path,
    prefix,
  ]);
  try {
    const { stdout } = await run('zbarimg', ['--quiet', `${prefix}.png`]);
    return stdout.trim().split('\n').filter(Boolean);
  } catch (error) {
    // zbarimg exits 4 when it finds no symbol: that is an answer, not a failure.
    if (error instanceof Error && 'code' in error && error.code === 4) return [];
    throw error;
  }
}

/**
 * Every symbol zbarimg finds on page 1 rendered at 300 dpi, as sorted `KIND:value` lines; the
 * picture is left in `folder`.
 */
export async function barcodesOnFirstPage(pdfPath: string, folder: string): Promise<string[]> {
  const prefix = join(folder, 'page');
  await run('pdftoppm', [
    '-r',
    '300',
    '-f',
    '1',
    '-l',
    '1',
    '-png',
    '-singlefile',
    pdfPath,
    prefix,
  ]);
  const { stdout } = await run('zbarimg', ['--quiet', `${prefix}.png`]);
  return stdout.trim().split('\n').filter(Boolean).sort();
}

/** Renders every page of a PDF to PNG in `folder` at `resolution` dpi; returns the files. */
export async function renderPages(
  path: string,
  folder: string,
  name: string,
  resolution = 110,
): Promise<string[]> {
  await run('pdftoppm', ['-r', String(resolution), '-png', path, join(folder, name)]);
  const files = await readdir(folder);
  return files
    .filter((file) => file.startsWith(`${name}-`) && file.endsWith('.png'))
    .sort()
    .map((file) => join(folder, file));
}

/** The size of every page in points, in order, as `pdfinfo -f 1 -l N` reports them. */
export async function pdfPageSizes(path: string): Promise<{ width: number; height: number }[]> {
  const { pages } = await pdfInfo(path);
  const { stdout } = await run('pdfinfo', ['-f', '1', '-l', String(pages), path]);
  return [...stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((match) => ({
    width: Number(match[1]),
    height: Number(match[2]),
  }));
}

/** What zbarimg decodes on each whole page rendered at 300 dpi, as `KIND:value` lines per page. */
export async function barcodesByPage(path: string, folder: string): Promise<string[][]> {
  const pictures = await renderPages(path, folder, 'barcodes', 300);
  return Promise.all(
    pictures.map(async (picture) => {
      try {
        const { stdout } = await run('zbarimg', ['--quiet', picture]);
        return stdout.trim().split('\n').filter(Boolean).sort();
      } catch (error) {
        // zbarimg exits 4 when it finds no symbol: that is an answer, not a failure.
        if (error instanceof Error && 'code' in error && error.code === 4) return [];
        throw error;
      }
    }),
  );
}
