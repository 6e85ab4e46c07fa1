/** The other records every store keeps: rosters, notifications, conversations, bot state, reference lists, the reminder ledger, counters. */
import { describe, expect, it } from '@jest/globals';
import type { ConversationRecord, DsptRecord } from '../../../../data/model.js';
import { rosterKey, type NotificationQuery, type RosterQuery } from '../../../../data/store/records.js';
import { notification, roster, useStores } from './contractStores.js';
import { IMPLEMENTATIONS } from './implementations.js';

const rosters = [
  roster('icsLead', 'aad-Sam', 'QKK'),
  roster('icsLead', 'aad-olu', 'QMF'),
  roster('icsChannel', '19:qkk@thread.tacv2', 'QKK'),
  roster('helpdeskAgent', 'aad-alex'),
];

const rosterQueries: [string, RosterQuery, string[]][] = [
  ['kind', { kind: 'icsLead' }, ['aad-Sam', 'aad-olu']],
  ['scope', { scope: 'QKK' }, ['aad-Sam', '19:qkk@thread.tacv2']],
  ['kind and scope', { kind: 'icsLead', scope: 'QMF' }, ['aad-olu']],
  ['id in another case', { id: 'AAD-sam' }, ['aad-Sam']],
  ['an id nobody has', { id: 'aad-nobody' }, []],
];

const notifications = [
  notification('n-due', { nextAttemptAt: '2026-03-02T10:00:00.000Z', createdAt: '2026-03-01T09:00:00.000Z' }),
  notification('n-later', { nextAttemptAt: '2026-03-02T12:00:00.000Z', recipient: { conversationKey: 'user:aad-bob' } }),
  notification('n-sent', { status: 'sent', nextAttemptAt: '2026-03-02T08:00:00.000Z', sentAt: '2026-03-02T08:00:01.000Z' }),
];

const notificationQueries: [string, NotificationQuery, string[]][] = [
  ['status', { status: 'pending' }, ['n-due', 'n-later']],
  ['dueBy, inclusive', { status: 'pending', dueBy: '2026-03-02T10:00:00.000Z' }, ['n-due']],
  ['createdBefore', { createdBefore: '2026-03-02T00:00:00.000Z' }, ['n-due']],
  ['recipient by aadObjectId', { recipient: { aadObjectId: 'aad-grace' } }, ['n-due', 'n-sent']],
  ['recipient by conversation key', { recipient: { conversationKey: 'user:aad-bob' } }, ['n-later']],
];

function conversation(key: string): ConversationRecord {
  return { key, reference: { conversation: { id: key } }, usable: true, updatedAt: '2026-03-02T09:00:00.000Z' };
}

const dspt: DsptRecord[] = [
  { odsCode: 'VN4K2', name: 'Rosewood Court', status: '25/26 Standards Met' },
  { odsCode: 'AB123', name: 'Elm House', status: '24/25 Approaching Standards' },
];

describe.each(IMPLEMENTATIONS)('records in the $name store', (implementation) => {
  const stores = useStores(implementation);

  it.each(rosterQueries)('lists the roster entries by %s, in the order they were stored', async (_name, query, expected) => {
    const store = await stores.open();
    await store.transaction(async (tx) => {
      for (const entry of rosters) await tx.rosters.put(entry);
    });
    expect((await store.rosters.list(query)).map((entry) => entry.id)).toEqual(expected);
    expect(await store.rosters.get(rosterKey(rosters[3]))).toEqual(rosters[3]);
  });

  it.each(notificationQueries)('lists the notifications by %s', async (_name, query, expected) => {
    const store = await stores.open();
    await store.transaction(async (tx) => {
      for (const record of notifications) await tx.notifications.put(record);
    });
    expect((await store.notifications.list(query)).map((record) => record.key)).toEqual(expected);
    expect(await store.notifications.get('n-sent')).toEqual(notifications[2]);
  });

  it('keeps conversations and bot state by key, and lists them all', async () => {
    const store = await stores.open();
    await store.transaction(async (tx) => {
      await tx.conversations.put(conversation('user:aad-grace'));
      await tx.conversations.put(conversation('conversation:19:x'));
      await tx.botState.put({ key: 'msteams/a:1/users/aad-grace', eTag: '1', value: { step: 'ods' } });
    });
    expect(await store.conversations.get('user:aad-grace')).toEqual(conversation('user:aad-grace'));
    expect((await store.conversations.list()).map((c) => c.key)).toEqual(['user:aad-grace', 'conversation:19:x']);
    expect(await store.botState.get('msteams/a:1/users/aad-grace')).toEqual({
      key: 'msteams/a:1/users/aad-grace',
      eTag: '1',
      value: { step: 'ods' },
    });
    expect(await store.botState.list()).toHaveLength(1);
    expect(await store.conversations.get('user:aad-nobody')).toBeUndefined();
    expect(await store.botState.get('toString')).toBeUndefined();
  });

  it('inserts only where the key is free and deletes only what is there, saying which it did', async () => {
    const store = await stores.open();
    const results = await store.transaction(async (tx) => [
      await tx.notifications.insert(notifications[0]),
      await tx.notifications.insert({ ...notifications[0], text: 'A second message under the same key' }),
      await tx.rosters.insert(roster('icsLead', 'aad-sam', 'QKK')),
      await tx.rosters.insert(roster('icsLead', 'AAD-SAM', 'QKK')),
      await tx.conversations.delete('user:aad-nobody'),
      await tx.botState.delete('nothing-here'),
    ]);
    expect(results).toEqual([true, false, true, false, false, false]);
    expect(await store.notifications.get('n-due')).toEqual(notifications[0]);
    expect(await store.rosters.list()).toHaveLength(1);

    expect(await store.transaction((tx) => tx.notifications.delete('n-due'))).toBe(true);
    expect(await store.notifications.list()).toEqual([]);
  });

  it('reads the reference lists as imported, bank holidays null until a feed is imported', async () => {
    const store = await stores.open();
    expect(await store.reference.bankHolidays()).toBeNull();
    expect(await store.reference.imports()).toEqual({});
    const holidays = [{ title: 'Good Friday', date: '2026-04-03', notes: '' }];
    await store.transaction(async (tx) => {
      await tx.reference.setDpiaRegister([{ odsCode: 'VN4K2', name: 'Rosewood Court', icbCode: 'QKK' }]);
      await tx.reference.setDsptStatuses(dspt);
      await tx.reference.setAccreditedDomains(['nhs.net', 'careco.org.uk']);
      await tx.reference.setBankHolidays(holidays);
      await tx.reference.setImported('dspt', '2026-03-01T08:00:00.000Z');
    });
    expect(await store.reference.dpiaRegister()).toEqual([{ odsCode: 'VN4K2', name: 'Rosewood Court', icbCode: 'QKK' }]);
    expect(await store.reference.dsptStatuses()).toEqual(dspt);
    expect(await store.reference.dsptStatusesFor(' ab123 ')).toEqual([dspt[1]]);
    expect(await store.reference.dsptStatusesFor('ZZ999')).toEqual([]);
    expect(await store.reference.accreditedDomains()).toEqual(['nhs.net', 'careco.org.uk']);
    expect(await store.reference.bankHolidays()).toEqual(holidays);
    expect(await store.reference.imports()).toEqual({ dspt: '2026-03-01T08:00:00.000Z' });

    await store.transaction((tx) => tx.reference.setBankHolidays(null));
    expect(await store.reference.bankHolidays()).toBeNull();
  });

  it('keeps the reminder ledger per ticket and per organisation, and forgets an entry set to nothing', async () => {
    const store = await stores.open();
    const wait = { since: '2026-03-02T09:00:00.000Z', sent: { icsLead: 1 } };
    await store.transaction(async (tx) => {
      await tx.reminders.setTicket('T-0001', wait);
      await tx.reminders.setTicket('T-0002', { since: '2026-03-02T10:00:00.000Z', sent: {} });
      await tx.reminders.setDspt('VN4K2', { year: '2026', sent: 2 });
    });
    expect(await store.reminders.ticket('T-0001')).toEqual(wait);
    expect(await store.reminders.dspt('VN4K2')).toEqual({ year: '2026', sent: 2 });
    expect(await store.reminders.ticket('T-0003')).toBeUndefined();

    await store.transaction((tx) => tx.reminders.setTicket('T-0002', undefined));
    expect(await store.reminders.all()).toEqual({ tickets: { 'T-0001': wait }, dspt: { VN4K2: { year: '2026', sent: 2 } } });
  });

  it('reads the ledger a batch of tickets at a time, lists which tickets have an entry, and gives every DSPT entry', async () => {
    const store = await stores.open();
    const wait = { since: '2026-03-02T09:00:00.000Z', sent: { icsLead: 1 } };
    await store.transaction(async (tx) => {
      await tx.reminders.setTicket('T-0001', wait);
      await tx.reminders.setTicket('T-0002', { since: '2026-03-02T10:00:00.000Z', sent: {} });
      await tx.reminders.setDspt('VN4K2', { year: '2026', sent: 2 });
    });
    expect(await store.reminders.tickets(['T-0001', 'T-0009'])).toEqual({ 'T-0001': wait });
    expect((await store.reminders.ticketIds()).sort()).toEqual(['T-0001', 'T-0002']);
    expect(await store.reminders.dsptEntries()).toEqual({ VN4K2: { year: '2026', sent: 2 } });
    const seenInside = await store.transaction(async (tx) => {
      await tx.reminders.setTicket('T-0003', wait);
      await tx.reminders.setTicket('T-0001', undefined);
      return [await tx.reminders.tickets(['T-0001', 'T-0003']), (await tx.reminders.ticketIds()).sort()];
    });
    expect(seenInside).toEqual([{ 'T-0003': wait }, ['T-0002', 'T-0003']]);
  });

  it('counts failed turns per conversation (none is 0) and remembers when the demo was seeded', async () => {
    const store = await stores.open();
    expect(await store.counters.turnFailures('user:aad-grace')).toBe(0);
    expect(await store.counters.demoSeededAt()).toBeNull();
    await store.transaction(async (tx) => {
      await tx.counters.setTurnFailures('user:aad-grace', 2);
      await tx.counters.setTurnFailures('user:aad-bob', 1);
      await tx.counters.setDemoSeededAt('2026-03-02T09:00:00.000Z');
    });
    expect(await store.counters.turnFailures('user:aad-grace')).toBe(2);
    expect(await store.counters.demoSeededAt()).toBe('2026-03-02T09:00:00.000Z');

    await store.transaction((tx) => tx.counters.setTurnFailures('user:aad-grace', 0));
    expect(await store.counters.turnFailures('user:aad-grace')).toBe(0);
    expect(await store.counters.turnFailures('user:aad-bob')).toBe(1);
  });

  it('hands out copies: changing what a read returned, or what a write was given, never changes the store', async () => {
    const store = await stores.open();
    const given = {
      entry: roster('icsLead', 'aad-sam', 'QKK'),
      record: notification('n-1'),
      domains: ['nhs.net'],
      dspt: structuredClone(dspt),
    };
    await store.transaction(async (tx) => {
      await tx.rosters.put(given.entry);
      await tx.notifications.insert(given.record);
      await tx.reference.setAccreditedDomains(given.domains);
      await tx.reference.setDsptStatuses(given.dspt);
      await tx.reminders.setTicket('T-0001', { since: '2026-03-02T09:00:00.000Z', sent: {} });
    });
    given.entry.scope = 'QMF';
    given.record.recipient.aadObjectId = 'aad-someone-else';
    given.domains.push('gmail.com');
    given.dspt[0].status = 'Not Met';

    (await store.rosters.list())[0].id = 'changed';
    (await store.notifications.get('n-1'))!.status = 'sent';
    (await store.reference.accreditedDomains()).push('hotmail.com');
    (await store.reference.dsptStatusesFor('VN4K2'))[0].status = 'Not Met';
    (await store.reminders.all()).tickets['T-0001'].sent.icsLead = 9;
    (await store.reminders.ticket('T-0001'))!.sent.helpdesk = 9;

    expect(await store.rosters.list()).toEqual([roster('icsLead', 'aad-sam', 'QKK')]);
    expect(await store.notifications.get('n-1')).toEqual(notification('n-1'));
    expect(await store.reference.accreditedDomains()).toEqual(['nhs.net']);
    expect(await store.reference.dsptStatuses()).toEqual(dspt);
    expect(await store.reminders.ticket('T-0001')).toEqual({ since: '2026-03-02T09:00:00.000Z', sent: {} });
  });
});
