import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import {
  documentKinds,
  type DocumentDataByKind,
  type DocumentKind,
  type PaperSize,
} from '#shared/documents';
import { languageSchema, type Language } from '#shared/domain/vocabulary';
import { renderDocument } from './renderDocument';
import { sampleDocuments } from './sampleDocuments';

/** Where the command writes; the process's own streams in production. */
export type DocumentsCommandIo = {
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
};

export const documentsUsage =
  'usage: documents sample|images --out DIR [--paper A4|Letter] [--language en|id]';

/** Exit codes of `documents`: 0 done, 1 the files could not be written, 2 bad arguments. */
export const documentsExitCode = { ok: 0, failed: 1, badArguments: 2 } as const;

type SampleArguments = {
  command: 'sample' | 'images';
  out: string;
  paper: PaperSize;
  language?: Language;
};

/**
 * Resolution of the pictures `documents images` makes: enough to read a page in a README,
 * small enough to keep the files light. The tag is tiny, so it gets more dots per inch.
 */
const imageDotsPerInch = { page: 90, tag: 180 } as const;

const runTool = promisify(execFile);

/** Renders page 1 of `pdfPath` to `pngPath` (without ".png") with poppler's pdftoppm. */
async function pdfToPng(pdfPath: string, pngPath: string, dotsPerInch: number): Promise<void> {
  try {
    await runTool('pdftoppm', [
      '-r',
      String(dotsPerInch),
      '-f',
      '1',
      '-l',
      '1',
      '-png',
      '-singlefile',
      pdfPath,
      pngPath,
    ]);
  } catch (error) {
    if (error instanceof Error && Reflect.get(error, 'code') === 'ENOENT')
      throw new Error('pdftoppm was not found: install poppler-utils to make the pictures', {
        cause: error,
      });
    throw error;
  }
}

/**
 * `documents sample --out DIR`: renders the sample claim's RMA slip, return label, device tag,
 * quote and packing slip into DIR (made if missing) as `<kind>.pdf`, with the renderer the app
 * uses, and prints each path written. `documents images --out DIR` writes the first page of
 * each as `<kind>.png` instead (the README's pictures). Bad arguments: one line on stderr, exit 2.
 */
export async function runDocumentsCommand(
  args: readonly string[],
  io: DocumentsCommandIo,
): Promise<number> {
  const parsed = parseArguments(args);
  if (typeof parsed === 'string') {
    io.writeStderr(`${parsed}\n`);
    return documentsExitCode.badArguments;
  }
  const scratch = parsed.command === 'images' ? await mkdtemp(join(tmpdir(), 'fixline-')) : '';
  try {
    await mkdir(parsed.out, { recursive: true });
    const samples = sampleDocuments();
    const options = {
      paper: parsed.paper,
      ...(parsed.language === undefined ? {} : { language: parsed.language }),
    };
    for (const kind of documentKinds) {
      const pdf = await renderSample(kind, samples, options);
      if (parsed.command === 'sample') {
        const path = join(parsed.out, `${kind}.pdf`);
        await writeFile(path, pdf);
        io.writeStdout(`${path}\n`);
      } else {
        const pdfPath = join(scratch, `${kind}.pdf`);
        await writeFile(pdfPath, pdf);
        const dotsPerInch = kind === 'device-tag' ? imageDotsPerInch.tag : imageDotsPerInch.page;
        await pdfToPng(pdfPath, join(parsed.out, kind), dotsPerInch);
        io.writeStdout(`${join(parsed.out, `${kind}.png`)}\n`);
      }
    }
    return documentsExitCode.ok;
  } catch (error) {
    io.writeStderr(`documents: ${error instanceof Error ? error.message : String(error)}\n`);
    return documentsExitCode.failed;
  } finally {
    if (scratch !== '') await rm(scratch, { recursive: true, force: true });
  }
}

function renderSample<Kind extends DocumentKind>(
  kind: Kind,
  samples: DocumentDataByKind,
  options: { paper: PaperSize; language?: Language },
): Promise<Buffer> {
  return renderDocument(kind, samples[kind], options);
}

/** The arguments of `documents sample`, or the one-line error to print. */
function parseArguments(args: readonly string[]): SampleArguments | string {
  const [command, ...options] = args;
  if (command !== 'sample' && command !== 'images') {
    return command === undefined
      ? documentsUsage
      : `documents: unknown command "${command}"; ${documentsUsage}`;
  }
  let out: string | undefined;
  let paper: PaperSize = 'A4';
  let language: Language | undefined;
  for (let index = 0; index < options.length; index += 2) {
    const flag = options[index];
    const value = options[index + 1];
    if (value === undefined || value.startsWith('--')) {
      return `documents: ${flag} needs a value; ${documentsUsage}`;
    }
    switch (flag) {
      case '--out':
        out = value;
        break;
      case '--paper':
        if (value !== 'A4' && value !== 'Letter') {
          return `documents: --paper must be A4 or Letter, got "${value}"`;
        }
        paper = value;
        break;
      case '--language': {
        const parsedLanguage = languageSchema.safeParse(value);
        if (!parsedLanguage.success) {
          return `documents: --language must be en or id, got "${value}"`;
        }
        language = parsedLanguage.data;
        break;
      }
      default:
        return `documents: unknown option "${flag}"; ${documentsUsage}`;
    }
  }
  if (out === undefined || out.trim() === '')
    return `documents: --out DIR is required; ${documentsUsage}`;
  return { command, out, paper, ...(language === undefined ? {} : { language }) };
}
