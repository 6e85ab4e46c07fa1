/**
 * Notices when the database stops being reachable and when it is reachable again, from the outcome of the store's own
 * calls, and says so once each way: an outage is one line for the operator, however many requests fail during it.
 */
import { connectionFailureReason, storeError } from './connectionFailures.js';

export type OutageEvent = { kind: 'down'; reason: string } | { kind: 'back'; downForMs: number };

export class OutageWatch {
  #downSince: number | undefined;

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
    try {
      const result = await work();
      this.reachable();
      return result;
    } catch (error) {
      const reason = connectionFailureReason(error);
      if (reason === undefined) this.reachable();
      else this.unreachable(reason);
      throw storeError(error);
    }
  }

  unreachable(reason: string): void {
    if (this.#downSince !== undefined) return;
    this.#downSince = this.now();
    this.onChange({ kind: 'down', reason });
  }

  reachable(): void {
    if (this.#downSince === undefined) return;
    const downForMs = this.now() - this.#downSince;
    this.#downSince = undefined;
    this.onChange({ kind: 'back', downForMs });
  }
}
