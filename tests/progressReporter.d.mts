/** Types for tests/progressReporter.mjs (a jest reporter, plain JavaScript), for its test. */
export default class ProgressReporter {
  constructor(globalConfig: { rootDir: string; maxWorkers: number });
  onRunStart(results: { numTotalTestSuites: number }): void;
  onTestFileStart(test: { path: string }): void;
  onTestFileResult(test: { path: string }): void;
  onRunComplete(): void;
}
