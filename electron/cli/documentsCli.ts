import { runDocumentsCommand } from '../documents/documentsCommand';

// Entry point of `npm run --silent documents -- sample --out DIR`.
process.exitCode = await runDocumentsCommand(process.argv.slice(2), {
  writeStdout: (output) => process.stdout.write(output),
  writeStderr: (output) => process.stderr.write(output),
});
