import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const projectRoot = join(import.meta.dirname, '../..');

/** The project's own text files, as git knows them (node_modules and build output are not). */
function trackedTextFiles(): string[] {
  const listed = execFileSync('git', ['ls-files', '-z'], { cwd: projectRoot, encoding: 'utf8' });
  return listed
    .split('\0')
    .filter((file) => /\.(ts|tsx|js|json|md|yml|yaml|sql|css|html|sh)$/.test(file));
}

// A merge whose conflict was committed unresolved: Markdown and JSON have no compiler to
// refuse the markers, so a README once shipped with both sides of a conflict.
it('holds no unresolved merge conflict in any tracked file', () => {
  const files = trackedTextFiles();
  expect(files.length).toBeGreaterThan(100);
  const conflicted = files.filter((file) =>
    /^(<{7}|>{7}) /m.test(readFileSync(join(projectRoot, file), 'utf8')),
  );
  expect(conflicted).toEqual([]);
});
