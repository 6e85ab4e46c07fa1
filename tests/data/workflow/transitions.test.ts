import { describe, expect, it } from '@jest/globals';
import { CHECKLIST_ITEMS, type TicketState, type WorkflowTicket } from '../../../data/model.js';
import { TICKET_STATES, VERBS, verbsAvailable, type Verb } from '../../../data/workflow/transitions.js';
import type { ActionRequest, ActorRole } from '../../../data/workflow/types.js';
import { createWorkflow } from '../../../data/workflow/workflow.js';
import { openMemoryStore } from '../../../data/store/memoryStore.js';
import { asPerson, asSystem, auditOf, makeWorkflowTicket, manualClock, people, seedWorkflow } from '../../fixtures/workflowFixtures.js';

/**
 * What source 001's procedure allows, written out independently of data/workflow/transitions.ts so this test can
 * disagree with it. Each line: verb, the states it applies in, who may use it there, where it leads.
 */
const OPEN = ['submitted', 'awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'] as const;
const LEGAL: [Verb, readonly TicketState[], readonly ActorRole[], TicketState | 'same'][] = [
  ['route', ['submitted'], ['system'], 'awaitingIcsApproval'],
  ['approve', ['awaitingIcsApproval'], ['icsLead'], 'awaitingHelpdesk'],
  ['reject', ['awaitingIcsApproval'], ['icsLead'], 'rejected'],
  ['reject', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'rejected'],
  ['requestInformation', ['awaitingIcsApproval'], ['icsLead'], 'needsInformation'],
  ['requestInformation', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'needsInformation'],
  // The seeded needs-information ticket was sent back from 'assigned'.
  ['provideInformation', ['needsInformation'], ['requester'], 'assigned'],
  ['seekIcsApproval', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'awaitingIcsApproval'],
  ['assign', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'assigned'],
  ['check', ['awaitingHelpdesk', 'assigned'], ['system'], 'same'],
  ['confirmChecks', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'same'],
  ['tick', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'same'],
  ['untick', ['awaitingHelpdesk', 'assigned'], ['helpdeskAgent'], 'same'],
  ['setPriority', OPEN, ['helpdeskAgent'], 'same'],
  ['escalate', ['awaitingIcsApproval', 'awaitingHelpdesk', 'assigned', 'needsInformation'], ['helpdeskAgent', 'system'], 'same'],
  ['resolve', ['assigned'], ['helpdeskAgent'], 'resolved'],
  ['close', ['resolved', 'rejected', 'withdrawn'], ['helpdeskAgent', 'system'], 'closed'],
  ['archive', ['closed'], ['system'], 'archived'],
  ['withdraw', OPEN, ['requester', 'system'], 'withdrawn'],
  // submit only creates tickets (Workflow.submit): on any existing ticket it is refused.
];

/** The six kinds of actor, by who they are for a ticket of South East London (QKK). */
const ACTORS = {
  requester: asPerson(people.requester),
  icsLead: asPerson(people.lead),
  otherIcsLead: asPerson(people.otherIcsLead),
  helpdeskAgent: asPerson(people.agent),
  system: asSystem,
  stranger: asPerson(people.stranger),
} as const;
type ActorName = keyof typeof ACTORS;
const ROLE_OF: Record<ActorName, ActorRole | undefined> = {
  requester: 'requester',
  icsLead: 'icsLead',
  otherIcsLead: undefined,
  helpdeskAgent: 'helpdeskAgent',
  system: 'system',
  stranger: undefined,
};

/** What each verb needs to be applicable at all, so that a refusal in the matrix is about state and role, not input. */
const INPUT: Partial<Record<Verb, Partial<ActionRequest>>> = {
  reject: { reason: 'The organisation is not in our ICS.' },
  requestInformation: { reason: 'Please send the DSPT publication date.' },
  provideInformation: { reason: 'Published on 12 February.' },
  escalate: { reason: 'Waiting longer than a week.' },
  assign: { assignee: { ...people.secondAgent } },
  check: {
    checks: { odsVerified: { outcome: 'passed', evidence: 'The ODS directory lists it, active.', at: '2026-03-02T10:04:00.000Z' } },
  },
  tick: { item: 'odsVerified' },
  untick: { item: 'accountsCreated' },
  setPriority: { priority: 'high' },
};

type Expected = { ok: true; to: TicketState } | { ok: false; code: 'forbidden' | 'illegal' };

function expected(verb: Verb, state: TicketState, actor: ActorName): Expected {
  const role = ROLE_OF[actor];
  const rows = LEGAL.filter(([v]) => v === verb);
  // Forbidden: the verb is never theirs. Illegal: it is theirs in another state (a stale card), so they are told what happened.
  const anywhere = verb === 'submit' ? ['requester'] : rows.flatMap(([, , who]) => who);
  if (!role || !anywhere.includes(role)) return { ok: false, code: 'forbidden' };
  const here = rows.find(([, states, who]) => states.includes(state) && who.includes(role));
  return here ? { ok: true, to: here[3] === 'same' ? state : here[3] } : { ok: false, code: 'illegal' };
}

/** A ticket in `state` that `verb`'s own preconditions accept (every check ticked for resolve; the one to tick left open). */
function ticketIn(state: TicketState, verb: Verb): WorkflowTicket {
  const stamp = { by: { ...people.agent }, at: '2026-03-02T09:30:00.000Z' };
  const checklist = Object.fromEntries(
    CHECKLIST_ITEMS.filter((item) => !(verb === 'tick' && item === INPUT.tick?.item)).map((item) => [item, stamp]),
  );
  // For confirmChecks: one item ticked by the service after a passing check, waiting for an agent.
  if (verb === 'confirmChecks') checklist.dsptChecked = { by: 'system', at: '2026-03-02T09:25:00.000Z' } as never;
  return makeWorkflowTicket({
    state,
    version: 3,
    checklist,
    ...(verb === 'confirmChecks'
      ? {
          automaticChecks: { dsptChecked: { outcome: 'passed' as const, evidence: '25/26 Standards Met', at: '2026-03-02T09:25:00.000Z' } },
        }
      : {}),
    ...(state === 'needsInformation' ? { returnTo: 'assigned' as const } : {}),
    ...(['assigned', 'needsInformation', 'resolved'].includes(state) ? { assignee: { ...people.agent } } : {}),
    lastAction: { by: { ...people.agent }, at: '2026-03-02T09:20:00.000Z', verb: 'tick' },
  });
}

describe('the transition table, for every verb in every state by every kind of actor', () => {
  it('covers every verb and every state', () => {
    expect(new Set(LEGAL.map(([verb]) => verb).concat('submit'))).toEqual(new Set(VERBS));
    expect([...TICKET_STATES].sort()).toEqual([
      'archived',
      'assigned',
      'awaitingHelpdesk',
      'awaitingIcsApproval',
      'closed',
      'needsInformation',
      'rejected',
      'resolved',
      'submitted',
      'withdrawn',
    ]);
  });

  it.each([...VERBS])('%s: applies what the procedure allows and refuses the rest, changing nothing', async (verb) => {
    const store = await openMemoryStore();
    const clock = manualClock();
    const workflow = createWorkflow({ store, clock: clock.now });
    const cases = TICKET_STATES.flatMap((state) =>
      (Object.keys(ACTORS) as ActorName[]).map((actor) => ({ state, actor, ticket: ticketIn(state, verb) })),
    );
    await seedWorkflow(
      store,
      cases.map((c) => c.ticket),
    );
    const storedNow = async () =>
      new Map(await Promise.all(cases.map(async (c) => [c.ticket.id, (await store.tickets.list({ ids: [c.ticket.id] }))[0]] as const)));
    const before = await storedNow();

    const outcomes = await Promise.all(
      cases.map((c) => workflow.act({ ticketId: c.ticket.id, verb, actor: ACTORS[c.actor], expectedVersion: 3, ...INPUT[verb] })),
    );
    const audit = await auditOf(store);
    const after = await storedNow();

    cases.forEach((c, i) => {
      const outcome = outcomes[i];
      const want = expected(verb, c.state, c.actor);
      const label = `${verb} on ${c.state} by ${c.actor}`;
      const events = audit.filter((e) => e.ticketId === c.ticket.id);
      const stored = after.get(c.ticket.id)!;
      const actorId = c.actor === 'system' ? 'system' : (ACTORS[c.actor] as { person: { aadObjectId: string } }).person.aadObjectId;
      if (want.ok && verb === 'check') {
        // Bookkeeping: recorded and audited, but the version and last action an agent's card shows stay as they were.
        expect({ label, ok: outcome.ok }).toEqual({ label, ok: true });
        expect({
          label,
          state: stored.state,
          version: stored.version,
          lastVerb: stored.lastAction?.verb,
          found: stored.automaticChecks?.odsVerified?.outcome,
        }).toEqual({ label, state: want.to, version: 3, lastVerb: 'tick', found: 'passed' });
        expect({ label, events: events.map((e) => ({ actor: e.actor, action: e.action })) }).toEqual({
          label,
          events: [{ actor: 'system', action: 'check' }],
        });
      } else if (want.ok) {
        expect({ label, ok: outcome.ok }).toEqual({ label, ok: true });
        expect({ label, state: stored.state, version: stored.version, updatedAt: stored.updatedAt }).toEqual({
          label,
          state: want.to,
          version: 4,
          updatedAt: '2026-03-02T10:04:00.000Z',
        });
        expect({
          label,
          verb: stored.lastAction?.verb,
          at: stored.lastAction?.at,
          by: stored.lastAction?.by === 'system' ? 'system' : stored.lastAction?.by.aadObjectId,
        }).toEqual({ label, verb, at: '2026-03-02T10:04:00.000Z', by: actorId });
        expect({
          label,
          events: events.map((e) => ({ actor: e.actor, action: e.action, from: e.from, to: e.to, at: e.at, reason: e.reason })),
        }).toEqual({
          label,
          events: [
            { actor: actorId, action: verb, from: c.state, to: want.to, at: '2026-03-02T10:04:00.000Z', reason: INPUT[verb]?.reason },
          ],
        });
      } else {
        expect({ label, ok: outcome.ok, code: outcome.ok ? undefined : outcome.code }).toEqual({ label, ok: false, code: want.code });
        expect({ label, stored: after.get(c.ticket.id) }).toEqual({ label, stored: before.get(c.ticket.id) });
        const expectedAudit = want.code === 'forbidden' ? [{ actor: actorId, action: 'denied', from: c.state, to: undefined, verb }] : [];
        expect({
          label,
          events: events.map((e) => ({ actor: e.actor, action: e.action, from: e.from, to: e.to, verb: e.details?.verb })),
        }).toEqual({ label, events: expectedAudit });
        if (!outcome.ok) expect(outcome.message).not.toMatch(/forbidden|illegal|undefined|aad-/);
      }
    });
  });

  it('offers a viewer exactly the verbs the table lets them use', () => {
    expect(verbsAvailable('awaitingIcsApproval', ['icsLead']).sort()).toEqual(['approve', 'reject', 'requestInformation']);
    expect(verbsAvailable('awaitingIcsApproval', ['requester'])).toEqual(['withdraw']);
    expect(verbsAvailable('assigned', ['helpdeskAgent']).sort()).toEqual([
      'assign',
      'confirmChecks',
      'escalate',
      'reject',
      'requestInformation',
      'resolve',
      'seekIcsApproval',
      'setPriority',
      'tick',
      'untick',
    ]);
    expect(verbsAvailable('closed', ['helpdeskAgent', 'requester'])).toEqual([]);
  });
});
