/**
 * The child process of the store's crash test: writes to the store as fast as it can until it is killed, and prints
 * a line for each write the store acknowledged. Run: node --import tsx tests/helpers/storeCrashWriter.ts <dir> <run>
 *   ack <ticketId>          the ticket (and its audit event "a-<ticketId>") was created
 *   tally <run> <count>     the run's tally ticket was changed in place: its version is the count
 *   archived <n>            an archive run moved n tickets
 */
import type { WorkflowTicket } from '../../data/model.js';
import { openLowdbStore } from '../../data/store/lowdbStore.js';

const [dir, run] = process.argv.slice(2);
if (!dir || run === undefined) throw new Error('usage: storeCrashWriter.ts <dir> <run>');

/** A question ticket with only what the store and its checks need. */
function questionTicket(fields: Pick<WorkflowTicket, 'id' | 'state' | 'version' | 'createdAt'> & Partial<WorkflowTicket>): WorkflowTicket {
  return {
    kind: 'question',
    updatedAt: fields.createdAt,
    priority: 'normal',
    requester: { aadObjectId: 'aad-crash-test', name: 'Crash Test' },
    checklist: {},
    cardCopies: [],
    ...fields,
  };
}

const store = await openLowdbStore({ dir });
const tallyId = `tally-${run}`;
await store.transaction((tx) =>
  tx.tickets.insert(questionTicket({ id: tallyId, state: 'awaitingHelpdesk', version: 0, createdAt: new Date().toISOString() })),
);
process.stdout.write('ready\n');

let next = 0;

async function lane(): Promise<never> {
  for (;;) {
    const i = next++;
    const id = `r${run}-${i}`;
    const closed = i % 5 === 0;
    const now = new Date().toISOString();
    await store.transaction(async (tx) => {
      await tx.tickets.insert(
        questionTicket({
          id,
          state: closed ? 'closed' : 'awaitingHelpdesk',
          version: 1,
          createdAt: now,
          ...(closed ? { closedAt: now } : {}),
          question: 'Can our night staff use the same login as the day staff?'.repeat(8),
        }),
      );
      tx.audit({ id: `a-${id}`, actor: 'crash-test', action: 'createTicket', ticketId: id });
    });
    process.stdout.write(`ack ${id}\n`);
    const count = await store.transaction(async (tx) => {
      const tally = (await tx.tickets.get(tallyId))!;
      tally.version += 1;
      await tx.tickets.update(tally, tally.version - 1);
      return tally.version;
    });
    process.stdout.write(`tally ${run} ${count}\n`);
    if (i % 20 === 0) process.stdout.write(`archived ${await store.archiveClosedTickets()}\n`);
  }
}

await Promise.all([lane(), lane(), lane(), lane()]);
