import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../electron/main/contentSecurityPolicy';

/** `{ 'script-src': ["'self'"], … }` from the policy string. */
function directivesOf(policy: string): Map<string, string[]> {
  return new Map(
    policy
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter((words) => words[0] !== undefined && words[0] !== '')
      .map(([name = '', ...sources]) => [name, sources]),
  );
}

describe('contentSecurityPolicy', () => {
  const directives = directivesOf(contentSecurityPolicy);

  it("limits everything to the app's own origin by default", () => {
    expect(directives.get('default-src')).toEqual(["'self'"]);
  });

  it('allows no plugins', () => {
    expect(directives.get('object-src')).toEqual(["'none'"]);
  });

  it('never lets a string become code', () => {
    expect(directives.get('script-src')).not.toContain("'unsafe-eval'");
    expect(directives.get('script-src')).not.toContain("'unsafe-inline'");
  });

  it('runs only scripts from the app itself, none inline, and may compile WebAssembly to hash files', () => {
    expect(directives.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  });

  it('forbids changing the base URL and submitting forms elsewhere', () => {
    expect(directives.get('base-uri')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
  });

  it('is the same policy that renderer/index.html declares for the web build', async () => {
    const html = await readFile(join(import.meta.dirname, '../../renderer/index.html'), 'utf8');
    const meta = /<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]*)"/.exec(html);
    expect(meta?.[1]).toBe(contentSecurityPolicy);
  });
});
