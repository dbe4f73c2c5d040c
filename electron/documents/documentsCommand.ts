import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  documentKinds,
  type DocumentDataByKind,
  type DocumentKind,
  type PaperSize,
} from '../../shared/documents';
import { languageSchema, type Language } from '../../shared/domain/vocabulary';
import { renderDocument } from './renderDocument';
import { sampleDocuments } from './sampleDocuments';

/** Where the command writes; the process's own streams in production. */
export type DocumentsCommandIo = {
  writeStdout: (text: string) => void;
  writeStderr: (text: string) => void;
};

export const documentsUsage =
  'usage: documents sample --out DIR [--paper A4|Letter] [--language en|id]';

/** Exit codes of `documents`: 0 done, 1 the files could not be written, 2 bad arguments. */
export const documentsExitCode = { ok: 0, failed: 1, badArguments: 2 } as const;

type SampleArguments = { out: string; paper: PaperSize; language?: Language };

/**
 * `documents sample --out DIR`: renders the sample claim's RMA slip, return label, device tag,
 * quote and packing slip into DIR (made if missing) as `<kind>.pdf`, with the renderer the app
 * uses, and prints each path written. Bad arguments: one line on stderr, exit 2.
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
  try {
    await mkdir(parsed.out, { recursive: true });
    const samples = sampleDocuments();
    const options = {
      paper: parsed.paper,
      ...(parsed.language === undefined ? {} : { language: parsed.language }),
    };
    for (const kind of documentKinds) {
      const path = join(parsed.out, `${kind}.pdf`);
      const pdf = await renderSample(kind, samples, options);
      await writeFile(path, pdf);
      io.writeStdout(`${path}\n`);
    }
    return documentsExitCode.ok;
  } catch (error) {
    io.writeStderr(`documents: ${error instanceof Error ? error.message : String(error)}\n`);
    return documentsExitCode.failed;
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
  if (command !== 'sample') {
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
  return { out, paper, ...(language === undefined ? {} : { language }) };
}
