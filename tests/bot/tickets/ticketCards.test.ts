import { describe, expect, it } from '@jest/globals';
import type { ConversationRecord } from '../../../data/model.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import type { CardSyncLock } from '../../../bot/tickets/cardSyncLock.js';
import { createTicketCards } from '../../../bot/tickets/ticketCards.js';
import { ensureChannelConversation } from '../../../bot/tickets/channels.js';
import { createLogger } from '../../../bot/log.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { asPerson, makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';
import { validateCard } from '../../helpers/validateCard.js';
import { buttonVerbs } from '../../cards/cardFixtures.js';

function chat(person: { aadObjectId: string }, teamsId: string): ConversationRecord {
  return {
    key: `user:${person.aadObjectId}`,
    usable: true,
    updatedAt: '2026-03-02T09:00:00.000Z',
    reference: { serviceUrl: 'http://x/', user: { id: teamsId } },
  };
}

/** The ticket cards wired to an in-process workflow, with a card sender that records what would go to Teams. */
async function setUp(conversations: ConversationRecord[], syncLock?: CardSyncLock) {
  const store = await openMemoryStore({ from: { rosters: workflowRosters(), conversations } });
  const workflow = createWorkflow({ store, clock: () => new Date('2026-03-02T10:04:00Z') });
  const posted: Array<{ key: string; card: string; id: string }> = [];
  const updated: Array<{ key: string; activityId: string; card: string }> = [];
  const sender = {
    post: async (key: string, card: Record<string, unknown>) => {
      const id = `act-${posted.length + 1}`;
      posted.push({ key, card: JSON.stringify(card), id });
      return id;
    },
    update: async (key: string, activityId: string, card: Record<string, unknown>) => {
      updated.push({ key, activityId, card: JSON.stringify(card) });
      return 'updated' as const;
    },
  };
  const cards = createTicketCards({
    store,
    workflow,
    sender,
    logger: createLogger('error', () => undefined),
    now: () => new Date('2026-03-02T10:04:00Z'),
    ensureChannel: (key) => ensureChannelConversation(store, key, 'https://smba.example/uk/', '', new Date()),
    syncLock,
  });
  workflow.onEvent((event) => cards.sync(event.ticket.id));
  const { kind, organisation, users } = makeWorkflowTicket();
  return { store, workflow, cards, posted, updated, submit: () => workflow.submit({ kind, organisation, users }, people.requester) };
}

describe('ticket cards', () => {
  it('on submit, posts the approval card to each lead who has a chat with the bot and the ticket card to the helpdesk channel', async () => {
    const { workflow, posted, submit } = await setUp([chat(people.lead, '29:sam')]);
    const ticket = await submit();
    await workflow.drain();
    expect(posted.map((p) => p.key).sort()).toEqual(['conversation:19:helpdesk@thread.tacv2', `user:${people.lead.aadObjectId}`]);
    expect((await workflow.get(ticket.id))?.cardCopies).toHaveLength(2);
    expect(posted[0].card).toContain('"userIds":["29:sam"]');
  });

  it('makes a stored conversation for a roster channel that never wrote to the bot, from the Teams service URL', async () => {
    const { store, workflow, submit } = await setUp([]);
    await submit();
    await workflow.drain();
    const channel = await store.conversations.get('conversation:19:helpdesk@thread.tacv2');
    expect(channel?.reference).toMatchObject({
      serviceUrl: 'https://smba.example/uk/',
      conversation: { id: '19:helpdesk@thread.tacv2', conversationType: 'channel' },
    });
  });

  it('updates every posted copy when the ticket changes, from the stored ticket', async () => {
    const { workflow, posted, updated, submit } = await setUp([chat(people.lead, '29:sam'), chat(people.secondLead, '29:ria')]);
    const ticket = await submit();
    await workflow.drain();
    expect(posted).toHaveLength(3);
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: ticket.version });
    await workflow.drain();
    expect(updated.map((u) => u.activityId).sort()).toEqual(posted.map((p) => p.id).sort());
    expect(updated.every((u) => u.card.includes('Sam Lead'))).toBe(true);
  });

  it('posts to a lead who speaks to the bot later, on the next sync, without posting anything twice', async () => {
    const { store, workflow, cards, posted, submit } = await setUp([]);
    const ticket = await submit();
    await workflow.drain();
    expect(posted.map((p) => p.key)).toEqual(['conversation:19:helpdesk@thread.tacv2']);
    await store.transaction((tx) => tx.conversations.insert(chat(people.secondLead, '29:ria')));
    await Promise.all([cards.syncAll(), cards.syncAll(), cards.sync(ticket.id)]);
    expect(posted.map((p) => p.key)).toEqual(['conversation:19:helpdesk@thread.tacv2', `user:${people.secondLead.aadObjectId}`]);
  });

  it('sends a ticket that goes straight to the helpdesk to the helpdesk channel only', async () => {
    const { workflow, posted } = await setUp([chat(people.lead, '29:sam')]);
    await workflow.submit({ kind: 'question', question: 'How do I reset a password?' }, people.requester);
    await workflow.drain();
    expect(posted.map((p) => p.key)).toEqual(['conversation:19:helpdesk@thread.tacv2']);
  });
});

/** The verbs of a posted or updated card's own buttons (its refresh left out), as a client that never refreshes shows them. */
const verbsOf = (card: string) => [...new Set(buttonVerbs(JSON.parse(card) as Record<string, unknown>))].sort();

describe('each posted copy carries the buttons of the role it is posted for', () => {
  it("posts Approve, Reject and Ask for information to the lead's chat, and tells the helpdesk channel it acts once the lead has approved", async () => {
    const { workflow, posted, submit } = await setUp([chat(people.lead, '29:sam')]);
    await submit();
    await workflow.drain();
    const lead = posted.find((p) => p.key === `user:${people.lead.aadObjectId}`)!;
    const helpdesk = posted.find((p) => p.key === 'conversation:19:helpdesk@thread.tacv2')!;
    expect(verbsOf(lead.card)).toEqual(['approveOrganisation', 'rejectOrganisation', 'requestInformation']);
    expect(verbsOf(helpdesk.card)).toEqual([]);
    expect(helpdesk.card).toContain('once the ICS governance lead has approved it');
    // The refresh stays, so each roster member's client can still fetch their own view.
    for (const { card } of [lead, helpdesk]) {
      expect(JSON.parse(card)).toMatchObject({ refresh: { action: { verb: 'refreshCard' }, userIds: ['29:sam'] } });
      expect(validateCard(JSON.parse(card) as object).problems).toEqual([]);
    }
  });

  it("updates every copy after each action, so buttons that no longer apply disappear and the next role's appear", async () => {
    const { workflow, posted, updated, submit } = await setUp([chat(people.lead, '29:sam')]);
    const ticket = await submit();
    await workflow.drain();
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: ticket.version });
    await workflow.drain();
    const latest = (key: string) => updated.filter((u) => u.key === key).at(-1)!.card;
    expect(verbsOf(latest(`user:${people.lead.aadObjectId}`))).toEqual([]);
    expect(verbsOf(latest('conversation:19:helpdesk@thread.tacv2'))).toEqual(['assignTicket', 'requestInformation', 'tickChecklist']);
    expect(posted).toHaveLength(2);
  });

  it('shows the helpdesk channel the people counted by role, never their names or e-mail addresses', async () => {
    const { workflow, posted, updated, submit } = await setUp([]);
    const ticket = await submit();
    await workflow.drain();
    await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(people.lead), expectedVersion: ticket.version });
    await workflow.drain();
    for (const { card } of [...posted, ...updated]) {
      for (const personal of ['Samuel', 'Priya', 'Grace', '@nhs.net', '12A3456E', 'Health Care Assistant'])
        expect(card).not.toContain(personal);
    }
    const last = updated.at(-1)!.card;
    expect(last).toContain('People asked for');
    expect(last).toContain('Non-Clinical: ');
    expect(last).toContain('Names, e-mail addresses and questions are not shown on the card in the channel.');
  });
});

describe('a deleted card message', () => {
  it('is dropped from the ticket when Teams says it is gone, and posted afresh on the next sync', async () => {
    const store = await openMemoryStore({ from: { rosters: workflowRosters() } });
    const workflow = createWorkflow({ store, clock: () => new Date('2026-03-02T10:04:00Z') });
    let posts = 0;
    const cards = createTicketCards({
      store,
      workflow,
      logger: createLogger('error', () => undefined),
      now: () => new Date('2026-03-02T10:04:00Z'),
      ensureChannel: (key) => ensureChannelConversation(store, key, 'https://smba.example/uk/', '', new Date()),
      sender: { post: async () => `act-${++posts}`, update: async () => 'gone' as const },
    });
    workflow.onEvent((event) => cards.sync(event.ticket.id));
    const ticket = await workflow.submit({ kind: 'question', question: 'How do I log in?' }, people.requester);
    await workflow.drain();
    await workflow.act({ ticketId: ticket.id, verb: 'assign', actor: asPerson(people.agent), assignee: people.agent });
    await workflow.drain();
    expect((await workflow.get(ticket.id))?.cardCopies).toEqual([]);
    await cards.sync(ticket.id);
    expect((await workflow.get(ticket.id))?.cardCopies.map((c) => c.activityId)).toEqual(['act-2']);
  });
});

describe("a ticket's card sync alongside other instances sharing the store", () => {
  it("posts and records the missing copies while holding the ticket's sync lock, so another instance never syncs it at the same time", async () => {
    const locked: string[] = [];
    let posts = () => 0;
    let postedInsideTheLock = 0;
    const lock: CardSyncLock = {
      withTicket: async (ticketId, work) => {
        locked.push(ticketId);
        const before = posts();
        try {
          return await work();
        } finally {
          postedInsideTheLock += posts() - before;
        }
      },
      close: async () => undefined,
    };
    const { workflow, posted, submit } = await setUp([chat(people.lead, '29:sam')], lock);
    posts = () => posted.length;
    const ticket = await submit();
    await workflow.drain();
    expect(new Set(locked)).toEqual(new Set([ticket.id]));
    expect(posted).toHaveLength(2);
    expect(postedInsideTheLock).toBe(2);
    expect((await workflow.get(ticket.id))?.cardCopies).toHaveLength(2);
  });

  it('still runs a sync that was waiting behind one that failed (a lock wait that ran out), and posts then', async () => {
    let refusals = 0;
    const lock: CardSyncLock = {
      withTicket: async (_ticketId, work) => {
        if (refusals > 0) {
          refusals -= 1;
          throw new Error('canceling statement due to lock timeout');
        }
        return work();
      },
      close: async () => undefined,
    };
    const { store, cards, posted, submit, workflow } = await setUp([], lock);
    const ticket = await submit();
    await workflow.drain();
    // The lead speaks to the bot: the next sync has a copy to post to their chat.
    await store.transaction((tx) => tx.conversations.put(chat(people.lead, '29:sam')));
    refusals = 1;
    const first = cards.sync(ticket.id);
    const second = cards.sync(ticket.id);
    await expect(first).rejects.toThrow('lock timeout');
    await second;
    expect(posted.map((p) => p.key)).toEqual(['conversation:19:helpdesk@thread.tacv2', `user:${people.lead.aadObjectId}`]);
  });
});
