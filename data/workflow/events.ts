/** Delivers applied transitions to listeners (cards, notifications) after they are on disk, in order, without blocking `act`. */
import type { TicketEvent } from './types.js';

/** A listener; a returned promise is awaited before that listener gets its next event. */
export type TicketEventListener = (event: TicketEvent) => void | Promise<void>;

/**
 * Told about a listener that threw or rejected; the workflow itself carries on. The event is named by ids only; the
 * error is the listener's own and may quote personal data, so a host logs its kind (`errorKind`), never its message.
 */
export type ListenerErrorHook = (error: unknown, event: { ticketId: string; verb: string }) => void;

/**
 * Fans out the workflow's events. Each listener has its own queue: it sees events one at a time in the
 * order they were committed, and a slow or failing listener delays or affects nobody else.
 */
export class EventHub {
  readonly #queues = new Map<TicketEventListener, Promise<void>>();
  #failures = 0;

  constructor(private readonly onError: ListenerErrorHook = () => undefined) {}

  /** Adds a listener; the returned function removes it. */
  subscribe(listener: TicketEventListener): () => void {
    this.#queues.set(listener, Promise.resolve());
    return () => {
      this.#queues.delete(listener);
    };
  }

  /** Queues the events for every current listener; returns at once. */
  emit(events: readonly TicketEvent[]): void {
    for (const [listener, queue] of this.#queues) {
      let next = queue;
      for (const event of events) next = next.then(() => this.#deliver(listener, event));
      this.#queues.set(listener, next);
    }
  }

  /** Resolves once every event emitted so far has been handled; used at shutdown and in tests. */
  async drain(): Promise<void> {
    let pending: Promise<void>[] = [];
    do {
      pending = [...this.#queues.values()];
      await Promise.all(pending);
    } while ([...this.#queues.values()].some((queue, i) => queue !== pending[i]));
  }

  /** How many times a listener threw or rejected. */
  get failures(): number {
    return this.#failures;
  }

  async #deliver(listener: TicketEventListener, event: TicketEvent): Promise<void> {
    try {
      await listener(event);
    } catch (err) {
      this.#failures += 1;
      try {
        this.onError(err, { ticketId: event.ticket.id, verb: event.verb });
      } catch {
        // The hook is for reporting; a failing hook must not stop the queue.
      }
    }
  }
}
