import { relative } from 'node:path';
import type { TestError } from 'vitest';
import type { Reporter, TestCase } from 'vitest/node';

/** A test that ran more than once: where, how it ended, and what failed before. */
type RetriedTest = {
  readonly name: string;
  readonly outcome: string;
  readonly runs: number;
  readonly errors: readonly string[];
};

/**
 * Names, at the end of a run, every test that ran more than once (CI retries a failed end-to-end
 * test once, see vitest.config.ts), with the first line of each error of its failed runs. One that
 * passed on its second run lets the run pass, so this list is where it shows and is looked into.
 */
export default class RetriedTestsReporter implements Reporter {
  private readonly retried: RetriedTest[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const { retryCount } = testCase.diagnostic() ?? { retryCount: 0 };
    if (retryCount === 0) return;
    const result = testCase.result();
    this.retried.push({
      name: `${testCase.module.relativeModuleId} > ${testCase.fullName}`,
      outcome: result.state === 'passed' ? 'passed on retry' : 'failed on every try',
      runs: retryCount + 1,
      // A test that passed on retry keeps the errors of the runs before it.
      errors: (result.errors ?? []).map(describeError),
    });
  }

  onTestRunEnd(): void {
    if (this.retried.length === 0) return;
    console.log(`\nTests run more than once (${this.retried.length}):`);
    for (const test of this.retried) {
      console.log(`  ${test.name}: ${test.outcome} (${test.runs} runs)`);
      for (const error of test.errors) console.log(`    ${error}`);
    }
  }
}

/**
 * An error's first line and where in the tests it was thrown (the innermost frames in `test/`,
 * a page object's line and then the test's): a timeout's message alone does not say which step
 * waited.
 */
function describeError(error: TestError): string {
  const firstLine = (error.message.split('\n')[0] ?? '').slice(0, 300);
  const frames = (error.stacks ?? [])
    .filter((frame) => frame.file.includes('/test/'))
    .slice(0, 3)
    .map((frame) => `${relative(process.cwd(), frame.file)}:${frame.line}`);
  return frames.length === 0 ? firstLine : `${firstLine} (at ${frames.join(' < ')})`;
}
