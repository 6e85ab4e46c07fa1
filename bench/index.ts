/** `npm run bench`: runs the turn benchmark, writes bench/results.json and the Turns / Memory sections of docs/performance.md. */
import { runTurns } from './turns.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 6);
const result = await runTurns({ seconds, tickets: 5000, conversations: 1000, connections: [1, 10, 50], log: (line) => process.stdout.write(`${line}\n`) });
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
