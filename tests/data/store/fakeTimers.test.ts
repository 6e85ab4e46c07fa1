import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import type { LowdbStore } from '../../../data/store/lowdbStore.js';
import { makeWorkflowTicket } from '../../fixtures/workflowFixtures.js';
import { useStoreFolder } from '../../helpers/storeFixtures.js';

describe('the store under jest fake timers', () => {
  // Declared before the folder so that it runs first: the store is closed under real timers.
  afterEach(() => {
    jest.useRealTimers();
  });
  const folder = useStoreFolder();
  let store: LowdbStore;

  beforeEach(async () => {
    store = await folder.open({ clock: () => new Date() });
    jest.useFakeTimers({ now: new Date('2026-03-27T08:59:00Z') });
  });

  it('still saves updates, stamping audit events with the faked time, so reminder tests can use a real store', async () => {
    const ticket = makeWorkflowTicket();
    const event = await store.transaction(async (tx) => {
      await tx.tickets.insert(ticket);
      return tx.audit({ actor: 'system', action: 'remind', ticketId: ticket.id });
    });
    expect(event.at).toBe('2026-03-27T08:59:00.000Z');
    expect(await store.tickets.count()).toBe(1);
  });
});
