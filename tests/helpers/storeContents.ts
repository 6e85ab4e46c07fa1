/**
 * A store holding one of everything a running service keeps (live and archived tickets, one archived twice, audit
 * events, rosters, conversations, notifications, bot state, reference lists, the ledger, counters, a used-up ticket
 * sequence), and everything a store reads back, for tests that copy a store and compare the two.
 */
import type { AuditEvent, WorkflowTicket } from '../../data/model.js';
import { DEMO_DPIA, demoDsptStatuses, demoRosters } from '../../bot/demo/demoData.js';
import type { Store } from '../../data/store/store.js';
import { makeWorkflowTicket } from '../fixtures/workflowFixtures.js';

const AT = '2026-03-02T09:00:00.000Z';

function sampleTicket(n: number, overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  return makeWorkflowTicket({ id: `UCP-${String(n).padStart(6, '0')}`, version: 1, ...overrides });
}

/** Fills an empty store as months of use would; every write goes through the contract, audit events with their own times. */
export async function fillWithSampleRecords(store: Store): Promise<void> {
  const numbers: number[] = [];
  await store.transaction(async (tx) => {
    for (let i = 0; i < 7; i += 1) numbers.push(await tx.tickets.nextSequence());
    await tx.tickets.insert(sampleTicket(numbers[0], { state: 'closed' }));
    await tx.tickets.insert(sampleTicket(numbers[1], { state: 'awaitingIcsApproval' }));
    await tx.tickets.insert(sampleTicket(numbers[2], { state: 'resolved' }));
    await tx.tickets.insert(sampleTicket(numbers[3], { state: 'assigned', assignee: { aadObjectId: 'aad-agent', name: 'Ada Agent' } }));
    await tx.tickets.insert(sampleTicket(numbers[4], { state: 'archived' }));
    for (const n of numbers.slice(0, 5))
      tx.audit({ actor: 'aad-grace', action: 'ticketCreated', ticketId: `UCP-${String(n).padStart(6, '0')}`, at: AT, details: { n } });
    for (const entry of demoRosters(AT)) await tx.rosters.insert(entry);
    await tx.reference.setDpiaRegister([...DEMO_DPIA]);
    await tx.reference.setDsptStatuses(demoDsptStatuses(new Date(AT)));
    await tx.reference.setAccreditedDomains(['rosecourtcare.co.uk', 'example-care.org.uk']);
    await tx.reference.setBankHolidays([{ title: 'Good Friday', date: '2026-04-03', notes: '', bunting: false }]);
    await tx.reference.setImported('dpia', AT);
    await tx.reference.setImported('bankHolidays', AT);
    await tx.counters.setDemoSeededAt(AT);
  });
  await store.archiveClosedTickets();
  // The same ticket archived a second time (as a crash between the two halves of a move can leave it): its last copy counts.
  await store.transaction(async (tx) => {
    await tx.tickets.insert(sampleTicket(numbers[0], { state: 'closed', version: 2, updatedAt: '2026-03-04T12:00:00.000Z' }));
  });
  await store.archiveClosedTickets();
  await store.transaction(async (tx) => {
    await tx.conversations.put({ key: 'conv-grace', reference: { conversation: { id: 'a:1' } }, usable: true, updatedAt: AT });
    await tx.notifications.put({
      key: 'UCP-000002:submitted:requester',
      recipient: { aadObjectId: 'aad-grace', conversationKey: 'conv-grace' },
      text: 'We have your request.',
      subject: 'Request received',
      status: 'pending',
      attempts: 1,
      nextAttemptAt: '2026-03-02T10:00:00.000Z',
      createdAt: AT,
    });
    await tx.botState.put({ key: 'msteams/conversations/a:1', eTag: 'etag-7', value: { dialogStack: ['onboarding'] }, savedAt: AT });
    await tx.reminders.setTicket('UCP-000002', { since: AT, sent: { icsApproval: 1 } });
    await tx.reminders.setDspt('VN4K2', { year: '2026', sent: 1 });
    await tx.counters.setTurnFailures('conv-grace', 2);
    tx.audit({ actor: 'admin-cli:ops', action: 'roster.add', at: '2026-03-03T08:00:00.000Z', details: { kind: 'icsLead' } });
  });
}

async function all<T>(items: AsyncIterable<T>): Promise<T[]> {
  const found: T[] = [];
  for await (const item of items) found.push(item);
  return found;
}

/** Everything the store answers, through its reads only: two stores holding the same give equal results. */
export async function everythingIn(store: Store): Promise<Record<string, unknown>> {
  const live = await store.tickets.list();
  const archived = await all(store.tickets.archived());
  const audit: AuditEvent[] = await all(store.readAudit());
  return {
    live,
    archived,
    archivedById: await Promise.all(archived.map((t) => store.tickets.get(t.id))),
    audit,
    auditOfFirstTicket: await all(store.readAudit({ ticketId: archived[0]?.id })),
    rosters: await store.rosters.list(),
    icsLeads: await store.rosters.list({ kind: 'icsLead' }),
    conversations: await store.conversations.list(),
    notifications: await store.notifications.list(),
    due: await store.notifications.list({ status: 'pending', dueBy: '2026-03-02T11:00:00.000Z' }),
    botState: await store.botState.list(),
    dpia: await store.reference.dpiaRegister(),
    dspt: await store.reference.dsptStatuses(),
    domains: await store.reference.accreditedDomains(),
    bankHolidays: await store.reference.bankHolidays(),
    imports: await store.reference.imports(),
    ledger: await store.reminders.all(),
    turnFailures: await store.counters.allTurnFailures(),
    failuresOfGrace: await store.counters.turnFailures('conv-grace'),
    demoSeededAt: await store.counters.demoSeededAt(),
    lastSequence: await store.tickets.lastSequence(),
  };
}
