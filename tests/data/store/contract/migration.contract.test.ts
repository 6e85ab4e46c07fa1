/** Opening a store from an older document brings it up to the current schema; a document of the wrong shape is refused. */
import { describe, expect, it } from '@jest/globals';
import { StoreCorruptError } from '../../../../data/errors.js';
import { emptyLiveFile } from '../../../../data/store/liveFile.js';
import { CURRENT_SCHEMA_VERSION } from '../../../../data/store/migrations.js';
import { collect, roster, ticket, useStores } from './contractStores.js';
import { IMPLEMENTATIONS, type StartingDocument } from './implementations.js';
import { schemaTwoDocument } from './oldDocuments.js';

/** A current document with one collection of the wrong shape, or from a newer version than this code. */
const refused: [string, StartingDocument][] = [
  ['tickets that are not a list', { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), tickets: { 'T-0001': {} } }],
  ['bot state that is a list', { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), botState: [] }],
  ['a ticket sequence that is not a whole number', { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), ticketSequence: 'forty-one' }],
  ['a reminder ledger of the wrong shape', { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), reminderLedger: { tickets: [] } }],
  ['a schema version newer than this code', { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }],
];

describe.each(IMPLEMENTATIONS)('opening the $name store from a document', (implementation) => {
  const stores = useStores(implementation);

  it('brings a schema 2 document up to the current schema with all of its data readable through the store', async () => {
    const store = await stores.open({ from: schemaTwoDocument() });

    expect((await store.health()).schemaVersion).toBe(CURRENT_SCHEMA_VERSION);
    expect(await store.tickets.get('T-0041')).toEqual(ticket(41, { state: 'assigned' }));
    expect(await store.tickets.list({ states: ['assigned'] })).toHaveLength(1);
    expect(await store.rosters.list({ kind: 'icsLead', scope: 'QKK' })).toEqual([roster('icsLead', 'aad-sam', 'QKK')]);
    const conversation = await store.conversations.get('user:aad-grace');
    expect(conversation?.reference.conversation).toEqual({ id: 'a:1on1-grace', conversationType: 'personal' });
    expect(await store.botState.get('msteams/a:1on1-grace/users/aad-grace')).toMatchObject({ eTag: '7', value: { step: 'ods' } });
    expect(await store.reference.dsptStatusesFor('vn4k2')).toHaveLength(1);
    expect(await store.reference.dpiaRegister()).toHaveLength(1);
    expect(await store.reference.accreditedDomains()).toEqual(['nhs.net']);
    expect(await store.reference.imports()).toEqual({});
    expect(await store.reminders.ticket('T-0041')).toEqual({ since: '2026-03-02T09:00:00.000Z', sent: { helpdesk: 1 } });
    expect(await store.counters.turnFailures('user:aad-grace')).toBe(2);
    expect(await store.counters.demoSeededAt()).toBe('2026-02-01T09:00:00.000Z');
    expect(await store.transaction((tx) => tx.tickets.nextSequence())).toBe(42);
  });

  it('opens a current document as it is', async () => {
    const from = { ...emptyLiveFile(CURRENT_SCHEMA_VERSION), tickets: [ticket(1)], ticketSequence: 1, accreditedDomains: ['nhs.net'] };
    const store = await stores.open({ from });
    expect(await store.tickets.list()).toEqual([ticket(1)]);
    expect(await store.reference.accreditedDomains()).toEqual(['nhs.net']);
    expect(await store.transaction((tx) => tx.tickets.nextSequence())).toBe(2);
    expect(await collect(store.tickets.archived())).toEqual([]);
  });

  it.each(refused)('refuses a document with %s at open, with a StoreCorruptError, and leaves it untouched', async (_name, from) => {
    const place = await stores.place(from);
    const given = structuredClone(from);
    const before = await place.storedDocument();
    await expect(place.open()).rejects.toBeInstanceOf(StoreCorruptError);
    expect(await place.storedDocument()).toBe(before);
    expect(from).toEqual(given);
  });
});
