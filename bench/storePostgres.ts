/**
 * `npm run bench:store -- --store postgres`: the write of bench/storeWrites.ts on the PostgreSQL store at 5,000 and then
 * 50,000 live tickets, in a schema of its own in DATABASE_URL's database or in a throwaway cluster started (and removed)
 * here. Saves the figures and rewrites the "PostgreSQL and two instances (issue 17)" section of docs/performance.md.
 */
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { openPostgresStore } from '../data/store/postgresStore.js';
import { machineLine } from './performanceDoc.js';
import { benchDatabase, bulkInsertAudit, bulkInsertTickets } from './postgresSeed.js';
import { savePostgresResults, TARGET_P99_MS, type StoreRow } from './postgresSection.js';
import { timeWrites, workingTicket } from './storeWrites.js';

const SIZES = [5000, 50_000];
const AUDIT_EVENTS = 100_000;
const COUNTS = { sequential: 2000, concurrent: 5000 };

export async function measurePostgres(log: (line: string) => void): Promise<void> {
  const database = await benchDatabase();
  const rows: StoreRow[] = [];
  try {
    log(`PostgreSQL ${database.serverVersion} (${database.source})`);
    // Opening once creates the tables (migrations); the rows then go in in bulk.
    await (await openPostgresStore({ url: database.url })).close();
    const ids: string[] = [];
    for (const size of SIZES) {
      const tickets = Array.from({ length: size - ids.length }, workingTicket);
      const seedStart = performance.now();
      await bulkInsertTickets(database.url, tickets);
      ids.push(...tickets.map((t) => t.id));
      if (ids.length === tickets.length) await bulkInsertAudit(database.url, ids, AUDIT_EVENTS);
      log(`seeded ${ids.length} live tickets in ${Math.round(performance.now() - seedStart)} ms; measuring…`);

      const openStart = performance.now();
      const store = await openPostgresStore({ url: database.url });
      const openMs = performance.now() - openStart;
      try {
        const health = await store.health();
        if (health.liveTickets !== size) throw new Error(`expected ${size} live tickets, the store has ${health.liveTickets}`);
        let auditQueryMs = 0;
        const figures = await timeWrites(store, ids, COUNTS, {
          during: async () => {
            const queryStart = performance.now();
            let found = 0;
            for await (const _ of store.readAudit({ ticketId: ids[42] })) found += 1;
            auditQueryMs = performance.now() - queryStart;
            if (found === 0) throw new Error('audit query found nothing');
          },
        });
        rows.push({ tickets: size, openMs, auditQueryMs, ...figures });
        const r = rows[rows.length - 1];
        log(
          `${size}: one at a time p50 / p99 / max ${r.seqP50.toFixed(1)} / ${r.seqP99.toFixed(1)} / ${r.seqMax.toFixed(1)} ms, ${r.seqPerSecond.toFixed(0)}/s; 50 in flight p50 / p99 ${r.conP50.toFixed(1)} / ${r.conP99.toFixed(1)} ms, ${r.conPerSecond.toFixed(0)}/s; stall ${r.stallMs.toFixed(1)} ms`,
        );
      } finally {
        await store.close();
      }
    }
  } finally {
    await database.remove();
  }
  const largest = rows[rows.length - 1];
  log(`target (p99 ≤ ${TARGET_P99_MS} ms at 50,000 tickets): ${largest.seqP99 <= TARGET_P99_MS ? 'met' : 'MISSED'}`);
  await savePostgresResults((saved) => {
    saved.writes.postgres = {
      date: new Date().toISOString().slice(0, 10),
      machine: `${machineLine()}, load average ${os.loadavg()[0].toFixed(2)} when finished`,
      server: `${database.serverVersion}, ${database.source}`,
      rows,
    };
  });
  log('wrote the PostgreSQL section of docs/performance.md');
}
