import { describe, expect, it } from '@jest/globals';
import type { RosterEntry, WorkflowTicket } from '../../../data/model.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { ticketDetail } from '../../../bot/web/ticketDetail.js';
import { buildTicketCard, type TicketCardView } from '../../../cards/ticketCard.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { asPerson, makeWorkflowTicket, people, workflowRosters } from '../../fixtures/workflowFixtures.js';
import { allStrings } from '../../cards/cardFixtures.js';

/**
 * Issue 13 point 2: a card never contradicts itself or the helpdesk tab, and names each person in the role they acted
 * in. Found in the Agents Playground, whose one demo user is requester, ICS lead and helpdesk agent at once.
 */
const NOW = new Date('2026-03-02T10:04:00Z');

/** One person on every roster, as in the playground's demo. */
const demo = { aadObjectId: 'aad-demo-alex', name: 'Alex Wilber' };
const demoRosters: RosterEntry[] = [
  ...workflowRosters(),
  { kind: 'icsLead', id: demo.aadObjectId, displayName: demo.name, scope: 'QKK', addedAt: '2026-01-05T09:00:00.000Z' },
  { kind: 'helpdeskAgent', id: demo.aadObjectId, displayName: demo.name, addedAt: '2026-01-05T09:00:00.000Z' },
];

const VIEWS: [string, TicketCardView][] = [
  ['ICS lead', { kind: 'icsLead' }],
  ['helpdesk', { kind: 'helpdesk', agents: [people.agent, demo] }],
  ['helpdesk channel', { kind: 'helpdesk', agents: [people.agent, demo], shared: true }],
  ['read-only', { kind: 'readOnly' }],
];

function shown(ticket: WorkflowTicket, view: TicketCardView): string {
  return allStrings(buildTicketCard(ticket, view, { refreshUserIds: [], now: NOW }))
    .map((s) => s.value)
    .join('\n');
}

async function setUp() {
  const store = await openMemoryStore({ from: { rosters: demoRosters } });
  const workflow = createWorkflow({ store, clock: () => NOW });
  return { store, workflow };
}

describe('who acted, named in the role they acted in', () => {
  it.each(VIEWS)(
    'the %s card says "Approved by Alex Wilber, South East London governance lead" when the requester approved as the lead',
    async (_name, view) => {
      const { workflow } = await setUp();
      const { kind, organisation, users } = makeWorkflowTicket();
      const ticket = await workflow.submit({ kind, organisation, users }, demo);
      expect(ticket.state).toBe('awaitingIcsApproval');
      const approved = await workflow.act({ ticketId: ticket.id, verb: 'approve', actor: asPerson(demo), expectedVersion: ticket.version });
      expect(approved.ok).toBe(true);
      const text = shown(approved.ticket!, view);
      expect(text).toContain('Approved by Alex Wilber, South East London governance lead, Mon 2 Mar, 10:04');
      expect(text).not.toContain('by the care home');
    },
  );

  it('says "Assigned by …, UCP helpdesk" and "Ticked by …, UCP helpdesk" when the requester works the ticket as an agent', async () => {
    const { workflow } = await setUp();
    const ticket = await workflow.submit({ kind: 'question', question: 'Can agency staff get accounts?' }, demo);
    const assigned = await workflow.act({ ticketId: ticket.id, verb: 'assign', actor: asPerson(demo), assignee: demo });
    for (const [, view] of VIEWS)
      expect(shown(assigned.ticket!, view)).toContain('Assigned by Alex Wilber, UCP helpdesk, Mon 2 Mar, 10:04');
    const access = await workflow.submit(
      { ...makeWorkflowTicket(), organisation: { ...makeWorkflowTicket().organisation!, namedInDpia: true } },
      demo,
    );
    const ticked = await workflow.act({ ticketId: access.id, verb: 'tick', actor: asPerson(demo), item: 'dpiaChecked' });
    const text = shown(ticked.ticket!, { kind: 'helpdesk', agents: [demo] });
    expect(text).toContain('Ticked by Alex Wilber, UCP helpdesk, Mon 2 Mar, 10:04');
    expect(text).toContain('Checklist updated by Alex Wilber, UCP helpdesk, Mon 2 Mar, 10:04');
  });

  it('still calls the manager "the care home" on every card but the helpdesk\'s when they act as the requester', async () => {
    const { workflow } = await setUp();
    const ticket = await workflow.submit({ kind: 'question', question: 'How do I log in?' }, demo);
    const withdrawn = await workflow.act({ ticketId: ticket.id, verb: 'withdraw', actor: asPerson(demo) });
    expect(shown(withdrawn.ticket!, { kind: 'readOnly' })).toContain('Withdrawn by the care home, Mon 2 Mar, 10:04');
    expect(shown(withdrawn.ticket!, { kind: 'helpdesk', agents: [demo] })).toContain(
      'Withdrawn by Alex Wilber, the care home, Mon 2 Mar, 10:04',
    );
  });
});

describe('"ODS verified" on the cards and the helpdesk tab', () => {
  it('once the helpdesk ticks "ODS verified", no card and not the tab says "ODS not yet verified" any more', async () => {
    const { store, workflow } = await setUp();
    const { kind, organisation, users } = makeWorkflowTicket({
      organisation: { ...makeWorkflowTicket().organisation!, odsVerified: false, namedInDpia: true },
    });
    const ticket = await workflow.submit({ kind, organisation, users }, people.requester);
    const rosters = await store.rosters.list();
    const tab = (t: WorkflowTicket) =>
      ticketDetail(t, [], rosters, NOW)
        .facts.map((f) => f.value)
        .join('\n');
    // The read-only card shows no organisation facts at all, so it is left out.
    const withFacts = VIEWS.filter(([, view]) => view.kind !== 'readOnly');
    for (const [, view] of withFacts) expect(shown(ticket, view)).toContain('VN4K2 (ODS not yet verified)');
    expect(tab(ticket)).toContain('VN4K2 (ODS not yet verified)');

    const ticked = await workflow.act({ ticketId: ticket.id, verb: 'tick', actor: asPerson(people.agent), item: 'odsVerified' });
    expect(ticked.ok).toBe(true);
    for (const [, view] of withFacts) {
      const text = shown(ticked.ticket!, view);
      expect(text).toContain('VN4K2 (ODS verified by the UCP helpdesk)');
      expect(text).not.toContain('not yet verified');
    }
    expect(tab(ticked.ticket!)).toContain('VN4K2 (ODS verified by the UCP helpdesk)');
    expect(tab(ticked.ticket!)).not.toContain('not yet verified');

    // Unticked again (a mistake put right): the cards go back to saying so.
    const unticked = await workflow.act({ ticketId: ticket.id, verb: 'untick', actor: asPerson(people.agent), item: 'odsVerified' });
    expect(shown(unticked.ticket!, { kind: 'icsLead' })).toContain('VN4K2 (ODS not yet verified)');
  });
});
