import { text } from 'node:stream/consumers';
import { runPolicyCommand } from './policyCommand';

// Entry point of `npm run --silent policy -- evaluate FILE`.
process.exitCode = await runPolicyCommand(process.argv.slice(2), {
  readStdin: () => text(process.stdin),
  writeStdout: (output) => process.stdout.write(output),
  writeStderr: (output) => process.stderr.write(output),
});
