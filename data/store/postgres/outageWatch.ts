/**
 * Notices when the database stops being reachable and when it is reachable again, from the outcome of the store's own
 * calls, and says so once each way: an outage is one line for the operator, however many requests fail during it.
 */
import { connectionFailureReason, storeError } from './connectionFailures.js';

export type OutageEvent = { kind: 'down'; reason: string } | { kind: 'back'; downForMs: number };

export class OutageWatch {
  #downSince: number | undefined;
  /** Counts outages begun: a call tells that the database is back only if it began during the current outage. */
  #outages = 0;

  constructor(
    private readonly onChange: (event: OutageEvent) => void = () => undefined,
    private readonly now: () => number = Date.now,
  ) {}

  /** True between the first failure to reach the database and the next call it answers. */
  get down(): boolean {
    return this.#downSince !== undefined;
  }

  /**
   * Runs `work` against the database: a failure to reach it is rethrown as StoreUnavailableError and starts an outage;
   * any answer from the server ends one (a bad query still means the server answered).
   */
  async run<T>(work: () => Promise<T>): Promise<T> {
    const startedIn = this.#outages;
    try {
      const result = await work();
      this.reachable(startedIn);
      return result;
    } catch (error) {
      const reason = connectionFailureReason(error);
      if (reason === undefined) this.reachable(startedIn);
      else this.unreachable(reason);
      throw storeError(error);
    }
  }

  unreachable(reason: string): void {
    if (this.#downSince !== undefined) return;
    this.#outages += 1;
    this.#downSince = this.now();
    this.onChange({ kind: 'down', reason });
  }

  /**
   * `startedIn`: the count of outages when the call that got an answer began. A call answered just before the server
   * went away can finish after the first failure was seen: it says nothing about the database now, so it ends nothing.
   */
  reachable(startedIn = this.#outages): void {
    if (this.#downSince === undefined || startedIn !== this.#outages) return;
    const downForMs = this.now() - this.#downSince;
    this.#downSince = undefined;
    this.onChange({ kind: 'back', downForMs });
  }
}
