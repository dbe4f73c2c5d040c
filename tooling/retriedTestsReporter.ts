import type { Reporter, TestCase } from 'vitest/node';

/**
 * Names, at the end of a run, every test that ran more than once (CI retries a failed end-to-end
 * test once, see vitest.config.ts). One that passed on its second run lets the run pass, so this
 * list is where it shows and is looked into.
 */
export default class RetriedTestsReporter implements Reporter {
  private readonly retried: string[] = [];

  onTestCaseResult(testCase: TestCase): void {
    const { retryCount } = testCase.diagnostic() ?? { retryCount: 0 };
    if (retryCount > 0) {
      const outcome =
        testCase.result().state === 'passed' ? 'passed on retry' : 'failed on every try';
      this.retried.push(
        `${testCase.module.relativeModuleId} > ${testCase.fullName}: ${outcome} (${retryCount + 1} runs)`,
      );
    }
  }

  onTestRunEnd(): void {
    if (this.retried.length === 0) return;
    console.log(`\nTests run more than once (${this.retried.length}):`);
    for (const line of this.retried) console.log(`  ${line}`);
  }
}
