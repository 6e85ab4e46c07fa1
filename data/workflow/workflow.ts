/** The ticket workflow: submitting requests and moving tickets through the table in transitions.ts. */
import type { CardCopy, PersonRef, WorkflowTicket } from '../model.js';
import type { Store, Transaction } from '../store/store.js';
import { applyAction, plainCopy } from './applyAction.js';
import { EventHub, type ListenerErrorHook, type TicketEventListener } from './events.js';
import { createTicket } from './createTicket.js';
import { rolesFor } from './ticketRoles.js';
import type { ActionOutcome, ActionRequest, ActorRole, NewTicketInput, TicketEvent } from './types.js';

/** What the workflow is built from; the host passes the real store and clock, tests a temporary store and a fixed clock. */
export interface WorkflowOptions {
  store: Store;
  clock: () => Date;
  /** Formats a ticket number as its id; the default gives UCP-000123. */
  newId?: (sequence: number) => string;
  /** Told when an event listener throws or rejects (the host logs the ids); the action itself has already succeeded. */
  onListenerError?: ListenerErrorHook;
  /**
   * Runs inside the same store update as each applied transition, so whatever it records (the notifications owed to
   * people) lands on disk with the change or not at all. Returns the keys of the notifications it recorded; the event
   * carries them (`notifications`). Must be synchronous and must not throw.
   */
  withTransition?: (tx: Transaction, event: TicketEvent) => readonly string[];
  /**
   * Given each key withTransition recorded, once the change is on disk, to deliver it now without waiting for it. Must not
   * throw. A key it never got (the process stopped in between) is still pending in the store: the notifier's timer sends it.
   */
  deliver?: (key: string) => void;
}

/** The one way tickets are created and changed. */
export interface Workflow {
  /** Used when a requester sends a request: checks it (ValidationError), stores it, routes it and audits both, in one write. */
  submit(input: NewTicketInput, requester: PersonRef & { email?: string }): Promise<WorkflowTicket>;
  /** Every other transition, from a card or a scheduled job; never throws for a refusal. */
  act(request: ActionRequest): Promise<ActionOutcome>;
  /**
   * Used after a card is posted, so every copy can be updated later. Bookkeeping, not a transition: the version does
   * not change (a card showing version N is still current) and nothing is audited. A copy already recorded is kept once.
   */
  recordCardCopy(ticketId: string, copy: CardCopy): Promise<boolean>;
  /** A viewer's roles for this ticket, from the current rosters: they decide what the viewer's card shows. */
  rolesOf(ticket: Pick<WorkflowTicket, 'requester' | 'organisation'>, aadObjectId: string): ActorRole[];
  /** A plain copy of a live ticket, or undefined. */
  get(ticketId: string): WorkflowTicket | undefined;
  /** Listens to applied transitions, delivered after they are on disk; returns a function that stops listening. */
  onEvent(listener: TicketEventListener): () => void;
  /** Resolves when every listener has handled every event emitted so far. */
  drain(): Promise<void>;
  /** How many times a listener has thrown or rejected. */
  readonly listenerFailures: number;
}

/** Builds the workflow on an open store. */
export function createWorkflow(options: WorkflowOptions): Workflow {
  const { store, clock } = options;
  const hub = new EventHub(options.onListenerError);

  /** Inside the write: records what the step owes people, and notes the keys on the event. */
  const recordWith = (tx: Transaction, event: TicketEvent): void => {
    const keys = options.withTransition?.(tx, event) ?? [];
    if (keys.length > 0) event.notifications = [...keys];
  };

  /** After the commit: hands the events to the listeners and what they recorded to the host to deliver. */
  const afterCommit = (events: readonly TicketEvent[]): void => {
    hub.emit(events);
    for (const event of events) for (const key of event.notifications ?? []) options.deliver?.(key);
  };

  return {
    async submit(input, requester) {
      const now = clock();
      const { ticket, events } = await store.update((tx) => {
        const created = createTicket(tx, input, requester, now, options.newId);
        for (const event of created.events) recordWith(tx, event);
        return created;
      });
      afterCommit(events);
      return ticket;
    },

    async act(request) {
      const now = clock();
      const outcome = await store.update((tx) => {
        const applied = applyAction(tx, request, now);
        if (applied.ok) recordWith(tx, applied.event);
        return applied;
      });
      if (outcome.ok) afterCommit([outcome.event]);
      return outcome;
    },

    recordCardCopy(ticketId, copy) {
      const entry: CardCopy = { audience: copy.audience, conversationKey: copy.conversationKey, activityId: copy.activityId };
      return store.update((tx) => {
        const ticket = tx.data.tickets.find((t) => t.id === ticketId);
        if (!ticket) return false;
        const copies = ticket.cardCopies ?? [];
        if (copies.some((c) => c.conversationKey === entry.conversationKey && c.activityId === entry.activityId)) return true;
        ticket.cardCopies = [...copies, entry];
        return true;
      });
    },

    rolesOf(ticket, aadObjectId) {
      return store.read((data) => rolesFor(data.rosters, ticket, { kind: 'person', person: { aadObjectId } }));
    },

    get(ticketId) {
      return store.read((data) => {
        const ticket = data.tickets.find((t) => t.id === ticketId);
        return ticket ? plainCopy(ticket) : undefined;
      });
    },

    onEvent: (listener) => hub.subscribe(listener),
    drain: () => hub.drain(),
    get listenerFailures() {
      return hub.failures;
    },
  };
}

export type { TicketEvent };
