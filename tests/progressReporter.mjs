/**
 * Progress for `npm test` in a terminal or a CI log (issue 18 point 7). Jest's default reporter prints a line only when a
 * test file finishes, and an end-to-end file takes 25–100 s, so a run could sit silent for over a minute. This reporter says
 * at the start how many files there are, and whenever QUIET_MS pass with no file finishing, one line with how many are done
 * and which are still running (and for how long). Plain lines, no cursor movement, so a log stays readable.
 * Plain JavaScript: jest loads reporters without the TypeScript transform.
 */
import path from 'node:path';

const QUIET_MS = 10_000;

export default class ProgressReporter {
  constructor(globalConfig) {
    this.rootDir = globalConfig.rootDir;
    this.workers = globalConfig.maxWorkers;
    this.running = new Map();
    this.done = 0;
    this.total = 0;
  }

  onRunStart(results) {
    this.total = results.numTotalTestSuites;
    this.startedAt = Date.now();
    this.lastNews = this.startedAt;
    const files = this.total === 1 ? '1 test file' : `${this.total} test files`;
    say(`Running ${files}, ${this.workers} at a time; a line every ${QUIET_MS / 1000} s while none finishes.`);
    this.timer = setInterval(() => this.sayWhenQuiet(), 1000);
    this.timer.unref();
  }

  onTestFileStart(test) {
    this.running.set(test.path, Date.now());
  }

  onTestFileResult(test) {
    this.running.delete(test.path);
    this.done += 1;
    this.lastNews = Date.now();
  }

  onRunComplete() {
    clearInterval(this.timer);
  }

  sayWhenQuiet() {
    const now = Date.now();
    if (now - this.lastNews < QUIET_MS) return;
    this.lastNews = now;
    const running = [...this.running].map(([file, since]) => `${path.relative(this.rootDir, file)} (${seconds(now - since)})`).join(', ');
    say(`… ${this.done} of ${this.total} files done after ${seconds(now - this.startedAt)}; running ${running || 'nothing yet'}`);
  }
}

function seconds(ms) {
  return `${Math.round(ms / 1000)} s`;
}

/** To stderr, where jest's own reporter writes, so the lines stay in order with its results. */
function say(line) {
  process.stderr.write(`${line}\n`);
}
