import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { openLowdbStore, type LowdbStore } from '../../../data/store/lowdbStore.js';
import { makeStoreDir, makeStoreTicket } from '../../helpers/storeFixtures.js';

describe('the store under jest fake timers', () => {
  let cleanup: () => Promise<void>;
  let store: LowdbStore;

  beforeEach(async () => {
    let dir: string;
    ({ dir, cleanup } = await makeStoreDir());
    store = await openLowdbStore({ dir, clock: () => new Date() });
    jest.useFakeTimers({ now: new Date('2026-03-27T08:59:00Z') });
  });

  afterEach(async () => {
    jest.useRealTimers();
    await store.close();
    await cleanup();
  });

  it('still saves updates, stamping audit events with the faked time, so reminder tests can use a real store', async () => {
    const ticket = makeStoreTicket();
    const event = await store.update((tx) => {
      tx.data.tickets.push(ticket);
      return tx.audit({ actor: 'system', action: 'remind', ticketId: ticket.id });
    });
    expect(event.at).toBe('2026-03-27T08:59:00.000Z');
    expect(store.read((data) => data.tickets.length)).toBe(1);
  });
});
