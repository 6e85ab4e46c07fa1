// Run as a child process: takes the sweep lock on a data folder, says "held", and keeps it until killed.
import { directorySweepLock } from '../../../bot/reminders/sweepLock.js';

const lock = directorySweepLock(process.argv[2] ?? '', { staleMs: 5000 });
if (await lock.acquire()) process.stdout.write('held\n');
else process.stdout.write('busy\n');
setInterval(() => undefined, 60_000);
