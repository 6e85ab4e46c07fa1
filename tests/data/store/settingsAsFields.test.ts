import { describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { loadConfig } from '../../../bot/config.js';
import { seedDemoIfFresh } from '../../../bot/demo/seedDemo.js';
import { createLogger } from '../../../bot/log.js';
import { dueReminders, type DueSources } from '../../../bot/reminders/dueReminders.js';
import { DEFAULT_THRESHOLDS } from '../../../bot/reminders/thresholds.js';
import { StoreCorruptError } from '../../../data/errors.js';
import { emptyLiveFile } from '../../../data/store/liveFile.js';
import type { Store } from '../../../data/store/store.js';
import { createTicket } from '../../../data/workflow/createTicket.js';
import { calendar, waitingSince } from '../../bot/reminders/reminderFixtures.js';
import { makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

const folder = useStoreFolder();

/** What the reminders are worked out from, as the store holds it. */
async function sources(store: Store): Promise<DueSources> {
  return {
    tickets: await store.tickets.list(),
    rosters: await store.rosters.list(),
    dsptStatuses: await store.reference.dsptStatuses(),
    reminderLedger: await store.reminders.all(),
  };
}
const NOW = new Date('2026-03-04T12:00:00.000Z');

/** A live file as schema 4 wrote it: what the code kept in settings, under the keys it used then. */
function schema4(settings: Record<string, unknown>, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schemaVersion: 4,
    tickets: [],
    rosters: [],
    conversations: [],
    dpiaRegister: [],
    dsptStatuses: [],
    accreditedDomains: [],
    bankHolidays: null,
    settings,
    imports: {},
    notifications: [],
    botState: {},
    pendingAudit: [],
    ...extra,
  });
}

describe('opening a schema-4 file whose settings hold the sequence, the reminder ledger, failed turns and the demo flag', () => {
  it('moves each value into its own field and keeps anything else in settings as it was', async () => {
    const ledger = { tickets: { 'UCP-000007': { since: '2026-03-02T09:00:00.000Z', sent: { icsApproval: 2 } } }, dspt: {} };
    await writeFile(
      folder.path('live.json'),
      schema4({
        'workflow.lastTicketNumber': 41,
        reminders: ledger,
        'turnFailures:a:1on1': 1,
        demoSeededAt: '2026-03-01T08:00:00.000Z',
        reminderHour: 10,
      }),
    );
    const store = await folder.open();
    expect(await store.reminders.all()).toEqual(ledger);
    expect(await store.counters.turnFailures('a:1on1')).toBe(1);
    expect(await store.counters.demoSeededAt()).toBe('2026-03-01T08:00:00.000Z');
    await store.close();
    expect(JSON.parse(await readFile(folder.path('live.json'), 'utf8'))).toMatchObject({
      schemaVersion: 5,
      ticketSequence: 41,
      reminderLedger: ledger,
      turnFailures: { 'a:1on1': 1 },
      demoSeededAt: '2026-03-01T08:00:00.000Z',
      settings: { reminderHour: 10 },
    });
  });

  it('continues ticket numbers from the old sequence', async () => {
    await writeFile(folder.path('live.json'), schema4({ 'workflow.lastTicketNumber': 41 }));
    const store = await folder.open();
    const { ticket } = await store.transaction((tx) =>
      createTicket(tx, { kind: 'question', question: 'Can night staff share a login?' }, people.requester, NOW),
    );
    expect(ticket.id).toBe('UCP-000042');
    await store.close();
  });

  it('does not send again the reminders already sent', async () => {
    const waiting = makeWorkflowTicket({ state: 'awaitingIcsApproval', ...waitingSince('2026-03-02T09:00:00.000Z') });
    await writeFile(folder.path('live.json'), schema4({}, { tickets: [waiting], rosters: workflowRosters() }));
    const fresh = await folder.open();
    const due = dueReminders(await sources(fresh), calendar, NOW, DEFAULT_THRESHOLDS);
    expect(due.reminders.length).toBeGreaterThan(0);
    await fresh.close();

    // What the sweep recorded for exactly those reminders, in the ledger's old place.
    const sent: Record<string, Record<string, number>> = {};
    for (const r of due.reminders) {
      if (r.ticketId === undefined || r.since === undefined) continue;
      sent[r.ticketId] = { ...sent[r.ticketId], [r.kind]: Math.max(sent[r.ticketId]?.[r.kind] ?? 0, r.ordinal) };
    }
    const since = due.reminders[0].since!;
    const tickets = Object.fromEntries(Object.entries(sent).map(([id, kinds]) => [id, { since, sent: kinds }]));
    await writeFile(
      folder.path('live.json'),
      schema4({ reminders: { tickets, dspt: {} } }, { tickets: [waiting], rosters: workflowRosters() }),
    );
    const store = await folder.open();
    expect(dueReminders(await sources(store), calendar, NOW, DEFAULT_THRESHOLDS).reminders).toEqual([]);
    await store.close();
  });

  it('does not seed a demo again once one was seeded, even with no rosters left', async () => {
    await writeFile(folder.path('live.json'), schema4({ demoSeededAt: '2026-03-01T08:00:00.000Z' }));
    const store = await folder.open();
    const logger = createLogger('error', () => undefined);
    await expect(seedDemoIfFresh({ config: loadConfig({}), store, logger, port: 3978 })).resolves.toBe('storeHasData');
    expect(await store.rosters.list()).toEqual([]);
    await store.close();
  });
});

describe('a file whose typed fields have the wrong shape', () => {
  it.each([
    ['ticketSequence', { ticketSequence: '41' }],
    ['reminderLedger', { reminderLedger: { tickets: { 'UCP-000007': { since: 7, sent: {} } }, dspt: {} } }],
    ['turnFailures', { turnFailures: { 'a:1on1': 'twice' } }],
    ['demoSeededAt', { demoSeededAt: true }],
  ])('refuses %s of the wrong shape, naming it, and leaves the file untouched', async (field, wrong) => {
    const content = JSON.stringify({ ...emptyLiveFile(5), ...wrong });
    await writeFile(folder.path('live.json'), content);
    const error = await folder.open().then(
      () => undefined,
      (err: unknown) => err,
    );
    expect(error).toBeInstanceOf(StoreCorruptError);
    expect((error as Error).message).toMatch(
      new RegExp(`missing or unexpected content in ${field}, so the assistant did not start\\. The file was left untouched`),
    );
    expect(await readFile(folder.path('live.json'), 'utf8')).toBe(content);
  });
});
