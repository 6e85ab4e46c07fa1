/** The ticket workflow: submitting requests and moving tickets through the table in transitions.ts. */
import { AppError } from '../errors.js';
import type { CardCopy, PersonRef, WorkflowTicket } from '../model.js';
import type { Store, StoreTransaction } from '../store/store.js';
import { applyAction, NOT_FOUND } from './applyAction.js';
import { retryOnConflict } from './conflicts.js';
import { EventHub, type ListenerErrorHook, type TicketEventListener } from './events.js';
import { ALREADY_OPEN, createTicket } from './createTicket.js';
import { conflictMessage } from './refusalWording.js';
import { rolesFor } from './ticketRoles.js';
import type { ActionOutcome, ActionRequest, ActorRole, NewTicketInput, TicketEvent } from './types.js';

/** What the workflow is built from; the host passes the real store and clock, tests an in-memory store and a fixed clock. */
export interface WorkflowOptions {
  store: Store;
  clock: () => Date;
  /** Formats a ticket number as its id; the default gives UCP-000123. */
  newId?: (sequence: number) => string;
  /** Told when an event listener throws or rejects (the host logs the ids); the action itself has already succeeded. */
  onListenerError?: ListenerErrorHook;
  /**
   * Runs inside the same transaction as each applied transition, so whatever it records (the notifications owed to
   * people) lands on disk with the change or not at all. Returns the keys of the notifications it recorded; the event
   * carries them (`notifications`). Must not throw, call store.transaction, or wait on the network.
   */
  withTransition?: (tx: StoreTransaction, event: TicketEvent) => Promise<readonly string[]>;
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
  /**
   * Every other transition, from a card or a scheduled job; never throws for a refusal. A change that lands between its
   * read and its write makes it look again, so the later of two approvals is told the earlier one's "already approved by …".
   */
  act(request: ActionRequest): Promise<ActionOutcome>;
  /**
   * Used after a card is posted, so every copy can be updated later. Bookkeeping, not a transition: the version does
   * not change (a card showing version N is still current) and nothing is audited. A copy already recorded is kept once.
   */
  recordCardCopy(ticketId: string, copy: CardCopy): Promise<boolean>;
  /** A viewer's roles for this ticket, from the current rosters: they decide what the viewer's card shows. */
  rolesOf(ticket: Pick<WorkflowTicket, 'requester' | 'organisation'>, aadObjectId: string): Promise<ActorRole[]>;
  /** A live ticket (a copy the caller may keep), or undefined: an archived ticket is not live. */
  get(ticketId: string): Promise<WorkflowTicket | undefined>;
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
  const recordWith = async (tx: StoreTransaction, event: TicketEvent): Promise<void> => {
    const keys = (await options.withTransition?.(tx, event)) ?? [];
    if (keys.length > 0) event.notifications = [...keys];
  };

  /** After the commit: hands the events to the listeners and what they recorded to the host to deliver. */
  const afterCommit = (events: readonly TicketEvent[]): void => {
    hub.emit(events);
    for (const event of events) for (const key of event.notifications ?? []) options.deliver?.(key);
  };

  const liveTicket = async (ticketId: string): Promise<WorkflowTicket | undefined> => (await store.tickets.list({ ids: [ticketId] }))[0];

  return {
    async submit(input, requester) {
      const now = clock();
      const { ticket, events } = await retryOnConflict(
        () =>
          store.transaction(async (tx) => {
            const created = await createTicket(tx, input, requester, now, options.newId);
            for (const event of created.events) await recordWith(tx, event);
            return created;
          }),
        // Only a database that hands one ticket number to two transactions gets here; the dialog says sorry and keeps the request.
        async () => {
          throw new AppError('ticket-not-saved', 'The request could not be saved because of other changes at the same moment.');
        },
        (err) => err.message === ALREADY_OPEN,
      );
      afterCommit(events);
      return ticket;
    },

    async act(request) {
      const now = clock();
      const outcome = await retryOnConflict(
        () =>
          store.transaction(async (tx) => {
            const applied = await applyAction(tx, request, now);
            if (applied.ok) await recordWith(tx, applied.event);
            return applied;
          }),
        async (): Promise<ActionOutcome> => {
          // The ticket kept changing under this action: nothing of it landed, and the person is told to look again.
          const current = await liveTicket(request.ticketId);
          return current
            ? { ok: false, code: 'conflict', message: conflictMessage(current, now), ticket: current }
            : { ok: false, code: 'notFound', message: NOT_FOUND };
        },
      );
      if (outcome.ok) afterCommit([outcome.event]);
      return outcome;
    },

    recordCardCopy(ticketId, copy) {
      const entry: CardCopy = { audience: copy.audience, conversationKey: copy.conversationKey, activityId: copy.activityId };
      const record = () =>
        store.transaction(async (tx) => {
          const ticket = await tx.tickets.get(ticketId);
          if (!ticket) return false;
          const copies = ticket.cardCopies ?? [];
          if (copies.some((c) => c.conversationKey === entry.conversationKey && c.activityId === entry.activityId)) return true;
          ticket.cardCopies = [...copies, entry];
          await tx.tickets.update(ticket, ticket.version);
          return true;
        });
      // Bookkeeping on whatever version is stored: after a conflict it is simply recorded on the newer one.
      return retryOnConflict(record, async (err) => {
        throw err;
      });
    },

    async rolesOf(ticket, aadObjectId) {
      const entries = await store.rosters.list({ id: aadObjectId });
      return rolesFor(entries, ticket, { kind: 'person', person: { aadObjectId } });
    },

    get: liveTicket,

    onEvent: (listener) => hub.subscribe(listener),
    drain: () => hub.drain(),
    get listenerFailures() {
      return hub.failures;
    },
  };
}

export type { TicketEvent };
