/**
 * The child process of the writer lock tests: takes a data folder's writer lock and holds it for a while.
 * Run: node --import tsx tests/helpers/lockHolder.ts <dir> <holdMs | forever> [--wait-go]
 *   ready           printed once loaded; with --wait-go it then waits for a line on stdin before trying
 *   got             it holds the lock (for holdMs, or until killed), then releases it and exits
 *   busy <code>     another process holds it (exits at once)
 */
import { createInterface } from 'node:readline';
import { AppError } from '../../data/errors.js';
import { acquireWriterLock } from '../../data/store/writerLock.js';

const [dir, hold, flag] = process.argv.slice(2);
if (!dir || !hold) throw new Error('usage: lockHolder.ts <dir> <holdMs | forever> [--wait-go]');

process.stdout.write('ready\n');
if (flag === '--wait-go') {
  const lines = createInterface({ input: process.stdin });
  await new Promise((resolve) => lines.once('line', resolve));
  lines.close();
}

try {
  const lock = await acquireWriterLock(dir);
  process.stdout.write('got\n');
  if (hold === 'forever') await new Promise(() => setInterval(() => undefined, 60_000));
  await new Promise((resolve) => setTimeout(resolve, Number(hold)));
  await lock.release();
} catch (err) {
  if (!(err instanceof AppError)) throw err;
  process.stdout.write(`busy ${err.code}\n`);
}
process.exit(0);
