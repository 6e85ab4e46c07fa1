import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import path from 'node:path';
import ProgressReporter from './progressReporter.mjs';

const ROOT = '/repo';
const file = (name: string) => ({ path: path.join(ROOT, 'tests', name) });

let lines: string[];
let reporter: ProgressReporter;
beforeEach(() => {
  jest.useFakeTimers();
  lines = [];
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk).trimEnd());
    return true;
  });
  reporter = new ProgressReporter({ rootDir: ROOT, maxWorkers: 2 });
  reporter.onRunStart({ numTotalTestSuites: 3 });
});
afterEach(() => {
  reporter.onRunComplete();
  jest.restoreAllMocks();
  jest.useRealTimers();
});

describe('the progress lines npm test prints', () => {
  it('says at once how many files will run', () => {
    expect(lines).toEqual(['Running 3 test files, 2 at a time; a line every 10 s while none finishes.']);
  });

  it('says after 10 quiet seconds how many files are done and which are running, and for how long', () => {
    reporter.onTestFileStart(file('e2e/journeys.test.ts'));
    reporter.onTestFileStart(file('unit.test.ts'));
    jest.advanceTimersByTime(4_000);
    reporter.onTestFileResult(file('unit.test.ts'));
    jest.advanceTimersByTime(9_000);
    expect(lines).toHaveLength(1);
    jest.advanceTimersByTime(1_000);
    expect(lines.slice(1)).toEqual(['… 1 of 3 files done after 14 s; running tests/e2e/journeys.test.ts (14 s)']);
  });

  it('stays quiet while files keep finishing, and stops when the run is complete', () => {
    for (const name of ['a.test.ts', 'b.test.ts', 'c.test.ts']) {
      reporter.onTestFileStart(file(name));
      jest.advanceTimersByTime(6_000);
      reporter.onTestFileResult(file(name));
    }
    reporter.onRunComplete();
    jest.advanceTimersByTime(60_000);
    expect(lines).toHaveLength(1);
  });
});
