import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

/** What a command-line run left behind. */
export type CommandRun = { code: number; stdout: string; stderr: string };

const projectRoot = join(import.meta.dirname, '../..');

/**
 * Runs one of the project's TypeScript command-line entry points as a real process (through
 * tsx), the way a person or a script calls it, feeding `stdin` when given.
 */
export function runCommandLine(
  entry: string,
  args: readonly string[],
  stdin?: string,
): Promise<CommandRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', entry, ...args], {
      cwd: projectRoot,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(stdin ?? '');
  });
}

/** One line on stderr, nothing on stdout, exit 2: the contract of every command for bad input. */
export function expectRefused(run: CommandRun, mentions: string): void {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toContain(mentions);
}
