/**
 * The child process of the store's crash test: writes to the store as fast as it can until it is killed, and prints
 * a line for each write the store acknowledged. Run: node --import tsx tests/helpers/storeCrashWriter.ts <dir> <run>
 *   ack <ticketId>          the ticket (and its audit event "a-<ticketId>") was created
 *   tally <run> <count>     the run's tally ticket was changed in place to this count
 *   archived <n>            an archive run moved n tickets
 */
import { openLowdbStore } from '../../data/store/lowdbStore.js';

const [dir, run] = process.argv.slice(2);
if (!dir || run === undefined) throw new Error('usage: storeCrashWriter.ts <dir> <run>');

const store = await openLowdbStore({ dir });
const tallyId = `tally-${run}`;
await store.update((tx) => {
  tx.data.tickets.push({
    id: tallyId,
    kind: 'question',
    state: 'open',
    version: 1,
    createdAt: new Date().toISOString(),
    updatedAt: new Date().toISOString(),
    count: 0,
  });
});
process.stdout.write('ready\n');

let next = 0;

async function lane(): Promise<never> {
  for (;;) {
    const i = next++;
    const id = `r${run}-${i}`;
    const closed = i % 5 === 0;
    const now = new Date().toISOString();
    await store.update((tx) => {
      tx.data.tickets.push({
        id,
        kind: 'question',
        state: closed ? 'closed' : 'awaitingHelpdesk',
        version: 1,
        createdAt: now,
        updatedAt: now,
        ...(closed ? { closedAt: now } : {}),
        question: 'Can our night staff use the same login as the day staff?'.repeat(8),
      });
      tx.audit({ id: `a-${id}`, actor: 'crash-test', action: 'createTicket', ticketId: id });
    });
    process.stdout.write(`ack ${id}\n`);
    const count = await store.update((tx) => {
      const tally = tx.data.tickets.find((t) => t.id === tallyId)!;
      tally.count = (tally.count as number) + 1;
      return tally.count as number;
    });
    process.stdout.write(`tally ${run} ${count}\n`);
    if (i % 20 === 0) process.stdout.write(`archived ${await store.archiveClosedTickets()}\n`);
  }
}

await Promise.all([lane(), lane(), lane(), lane()]);
