import type { z } from 'zod';

/**
 * One line that says which field is wrong and what it should be, for a person to act on:
 * `purchase.invoiceDate: expected a calendar date as YYYY-MM-DD, got "2026-13-01"`.
 * `prefix` names the containing value (`[2]` for the third claim of an array).
 */
export function describeIssue(issue: z.core.$ZodIssue, prefix = ''): string {
  const path = formatPath(issue.path, prefix);
  const where = path === '' ? 'input' : path;
  switch (issue.code) {
    case 'unrecognized_keys':
      return `${where}: unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys
        .map((key) => JSON.stringify(key))
        .join(', ')}; check the spelling against the documented fields`;
    case 'invalid_type':
      if (issue.input === undefined) return `${where}: is required (${issue.expected})`;
      return `${where}: expected ${issue.expected}, got ${describeValue(issue.input)}`;
    default:
      return issue.input === undefined || issue.code === 'invalid_value'
        ? `${where}: ${issue.message}`
        : `${where}: ${issue.message}, got ${describeValue(issue.input)}`;
  }
}

/** The first issue of a failed parse, described; a person fixes one thing at a time. */
export function describeFirstIssue(error: z.ZodError, prefix = ''): string {
  const issue = error.issues[0];
  return issue ? describeIssue(issue, prefix) : `${prefix || 'input'}: is not valid`;
}

function formatPath(path: readonly PropertyKey[], prefix: string): string {
  let text = prefix;
  for (const key of path) {
    if (typeof key === 'number') text += `[${key}]`;
    else text += text === '' ? String(key) : `.${String(key)}`;
  }
  return text;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    case 'number':
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}
