import { text } from 'node:stream/consumers';
import { exitCode, oneLine, runPolicyCli } from './policyCommand';

// Entry point of `npm run --silent policy -- evaluate FILE`.

// A reader that stops early (`| head -c 50`) closes the pipe: that ends the run quietly with the
// command's own exit code. Any other failure to write the output is one line and exit 2.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') {
    process.stderr.write(`${oneLine(`policy: cannot write the output: ${error.message}`)}\n`);
    process.exitCode = exitCode.badInput;
  }
  process.exit();
});

process.exitCode = await runPolicyCli(process.argv.slice(2), {
  readStdin: () => text(process.stdin),
  writeStdout: (output) => process.stdout.write(output),
  writeStderr: (output) => process.stderr.write(output),
});
