/** Tickets and card walkers shared by the card tests. */
import type { PersonRef, TicketState, WorkflowTicket } from '../../data/model.js';
import { TICKET_STATES } from '../../data/workflow/transitions.js';

/** 10:05 London time on Tuesday 3 March 2026 (GMT): the "now" of every card test. */
export const NOW = new Date('2026-03-03T10:05:00.000Z');

export const agents: PersonRef[] = [
  { aadObjectId: 'aad-agent-alex', name: 'Alex Agent' },
  { aadObjectId: 'aad-agent-bea', name: 'Bea Agent' },
];

/** Every e-mail address the fixture ticket carries; none may appear outside the helpdesk view. */
export const FIXTURE_EMAILS = ['grace.adeyemi@nhs.net', 'samuel.okafor@nhs.net', 'priya.natarajan@nhs.net', 'old.leaver@nhs.net'];

/** A full organisation access request, with overrides: `cardTicket({ state: 'assigned' })`. */
export function cardTicket(overrides: Partial<WorkflowTicket> = {}): WorkflowTicket {
  return {
    id: 'UCP-000123',
    kind: 'organisationAccess',
    state: 'awaitingIcsApproval',
    version: 7,
    createdAt: '2026-03-02T09:15:00.000Z',
    updatedAt: '2026-03-02T10:04:00.000Z',
    priority: 'high',
    requester: { aadObjectId: 'aad-requester-grace', name: 'Grace Adeyemi', email: 'grace.adeyemi@nhs.net' },
    organisation: {
      odsCode: 'VN4K2',
      name: 'Rosewood Court Care Home',
      icbCode: 'QKK',
      borough: 'Lewisham',
      postcode: 'SE13 5AB',
      location: 'london',
      namedInDpia: false,
      organisationType: 'Care home',
      dsptStatus: '25/26 Standards Met',
      odsVerified: true,
      hscn: false,
    },
    users: [
      { name: 'Samuel Okafor', jobTitle: 'Health Care Assistant', role: 'Non-Clinical', email: 'samuel.okafor@nhs.net' },
      {
        name: 'Priya Natarajan',
        jobTitle: 'Staff Nurse',
        role: 'Clinical',
        email: 'priya.natarajan@nhs.net',
        registration: { body: 'NMC', number: '12A3456E' },
      },
    ],
    leavers: [{ name: 'Old Leaver', email: 'old.leaver@nhs.net', lastWorkingDay: '2026-02-27' }],
    checklist: { odsVerified: { by: agents[0], at: '2026-03-02T10:00:00.000Z' } },
    lastAction: { by: { aadObjectId: 'aad-lead-sam', name: 'Sam Lead' }, at: '2026-03-02T10:04:00.000Z', verb: 'approve' },
    cardCopies: [],
    ...overrides,
  };
}

/** Every ticket state, from the transition table. */
export const ALL_STATES: readonly TicketState[] = TICKET_STATES;

type Json = Record<string, unknown>;

/** Every object in a card, depth first (body, columns, show cards, actions, refresh). */
export function allObjects(node: unknown, found: Json[] = []): Json[] {
  if (Array.isArray(node)) {
    for (const item of node) allObjects(item, found);
  } else if (typeof node === 'object' && node !== null) {
    found.push(node as Json);
    for (const value of Object.values(node)) allObjects(value, found);
  }
  return found;
}

/** The objects of one `type` ("Action.Execute", "Input.Text" …). */
export function ofType(card: unknown, type: string): Json[] {
  return allObjects(card).filter((node) => node.type === type);
}

/** The verbs of the card's buttons (the refresh action left out). */
export function buttonVerbs(card: Json): string[] {
  const refresh = (card.refresh as Json | undefined)?.action;
  return ofType(card, 'Action.Execute')
    .filter((action) => action !== refresh)
    .map((action) => String(action.verb));
}

/** Every string in a card, with the object and key that hold it. */
export function allStrings(card: unknown): { holder: Json; key: string; value: string }[] {
  const found: { holder: Json; key: string; value: string }[] = [];
  for (const holder of allObjects(card)) {
    for (const [key, value] of Object.entries(holder)) {
      if (typeof value === 'string') found.push({ holder, key, value });
      if (Array.isArray(value)) for (const item of value) if (typeof item === 'string') found.push({ holder, key, value: item });
    }
  }
  return found;
}
