import type { AuditEvent, PersonRef, RosterEntry, WorkflowTicket } from '../../data/model.js';
import type { Store } from '../../data/store/store.js';
import type { Actor } from '../../data/workflow/types.js';

/** The people of the workflow tests. Their ICS is South East London (QKK); Olu leads another ICS (North East London). */
export const people = {
  requester: { aadObjectId: 'aad-requester-grace', name: 'Grace Adeyemi' },
  lead: { aadObjectId: 'aad-lead-sam', name: 'Sam Lead' },
  secondLead: { aadObjectId: 'aad-lead-ria', name: 'Ria Lead' },
  otherIcsLead: { aadObjectId: 'aad-lead-olu', name: 'Olu Other' },
  agent: { aadObjectId: 'aad-agent-alex', name: 'Alex Agent' },
  secondAgent: { aadObjectId: 'aad-agent-bea', name: 'Bea Agent' },
  stranger: { aadObjectId: 'aad-stranger-sid', name: 'Sid Stranger' },
} satisfies Record<string, PersonRef>;

/** The rosters that go with `people`. */
export function workflowRosters(): RosterEntry[] {
  const addedAt = '2026-01-05T09:00:00.000Z';
  return [
    { kind: 'icsLead', id: people.lead.aadObjectId, displayName: people.lead.name, scope: 'QKK', addedAt },
    { kind: 'icsLead', id: people.secondLead.aadObjectId, displayName: people.secondLead.name, scope: 'QKK', addedAt },
    { kind: 'icsLead', id: people.otherIcsLead.aadObjectId, displayName: people.otherIcsLead.name, scope: 'QMF', addedAt },
    { kind: 'helpdeskAgent', id: people.agent.aadObjectId, displayName: people.agent.name, addedAt },
    { kind: 'helpdeskAgent', id: people.secondAgent.aadObjectId, displayName: people.secondAgent.name, addedAt },
    { kind: 'helpdeskChannel', id: '19:helpdesk@thread.tacv2', addedAt },
  ];
}

/** A person acting. */
export function asPerson(person: PersonRef): Actor {
  return { kind: 'person', person: { ...person } };
}

/** The service acting. */
export const asSystem: Actor = { kind: 'system' };

let sequence = 0;

/** A workflow ticket to seed straight into the store, with overrides: `makeWorkflowTicket({ state: 'awaitingIcsApproval' })`. */
export function makeWorkflowTicket(overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  sequence += 1;
  return {
    id: `UCP-9${String(sequence).padStart(5, '0')}`,
    kind: 'organisationAccess',
    state: 'awaitingIcsApproval',
    version: 3,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-03-02T09:20:00.000Z',
    priority: 'normal',
    requester: { ...people.requester, email: 'grace.adeyemi@nhs.net' },
    organisation: {
      odsCode: 'VN4K2', name: 'Rosewood Court Care Home', icbCode: 'QKK', borough: 'Lewisham', postcode: 'SE13 5AB',
      location: 'london', namedInDpia: false, organisationType: 'careHome', dsptStatus: '25/26 Standards Met', odsVerified: true,
    },
    users: [
      { name: 'Samuel Okafor', jobTitle: 'Health Care Assistant', role: 'Non-Clinical', email: 'samuel.okafor@nhs.net' },
      { name: 'Priya Natarajan', jobTitle: 'Staff Nurse', role: 'Clinical', email: 'priya.natarajan@nhs.net', registration: { body: 'NMC', number: '12A3456E' } },
    ],
    checklist: {},
    cardCopies: [],
    ...overrides,
  };
}

/** Seeds rosters (unless given others) and tickets in one update. */
export async function seedWorkflow(store: Store, tickets: readonly WorkflowTicket[], rosters: readonly RosterEntry[] = workflowRosters()): Promise<void> {
  await store.update((tx) => {
    tx.data.rosters.push(...rosters.map((entry) => ({ ...entry })));
    tx.data.tickets.push(...tickets.map((ticket) => JSON.parse(JSON.stringify(ticket)) as WorkflowTicket));
  });
}

/** A clock the test moves by hand; starts at 10:04 London time on Monday 2 March 2026 (GMT). */
export function manualClock(start = '2026-03-02T10:04:00.000Z'): { now: () => Date; set: (iso: string) => void; advance: (ms: number) => void } {
  let current = new Date(start).getTime();
  return {
    now: () => new Date(current),
    set: (iso) => {
      current = new Date(iso).getTime();
    },
    advance: (ms) => {
      current += ms;
    },
  };
}

/** The stored copy of a ticket, as plain JSON text (for "nothing changed" comparisons). */
export function storedTicketJson(store: Store, id: string): string | undefined {
  return store.read((data) => {
    const ticket = data.tickets.find((t) => t.id === id);
    return ticket ? JSON.stringify(ticket) : undefined;
  });
}

/** Every audit event (of one ticket, when given), in order. */
export async function auditOf(store: Store, ticketId?: string): Promise<AuditEvent[]> {
  const events: AuditEvent[] = [];
  for await (const event of store.readAudit(ticketId ? { ticketId } : {})) events.push(event);
  return events;
}
