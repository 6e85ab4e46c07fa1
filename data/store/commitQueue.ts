import { setImmediate } from 'node:timers';

/** One pending change: what to run (the store decides how), and how to settle the caller's promise. */
export interface PendingUpdate<Work> {
  fn: Work;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

interface PendingTask {
  run(): Promise<unknown>;
  resolve(value: unknown): void;
  reject(reason: unknown): void;
}

type Item<Tx> = { update: PendingUpdate<Tx> } | { task: PendingTask };

/**
 * The one serialised write path, with group commit. Updates that arrive while the path is idle wait for the end of
 * the current turn of the event loop; updates that arrive while a commit is on its way to disk wait for it. Either
 * way everything waiting goes to disk in one write. Tasks (archive runs, flush) run alone, in arrival order.
 */
export class CommitQueue<Tx> {
  #items: Item<Tx>[] = [];
  #draining = false;

  /** @param commitGroup applies and persists a group, settling every update in it; it must not throw. */
  constructor(private readonly commitGroup: (group: PendingUpdate<Tx>[]) => Promise<void>) {}

  /** Queues a change; resolves with what it returned once the group it joined is on disk. */
  update(fn: Tx): Promise<unknown> {
    return new Promise<unknown>((resolve, reject) => {
      this.#items.push({ update: { fn, resolve, reject } });
      this.#start();
    });
  }

  /** Queues work that must not interleave with commits (it may commit itself through `commitGroup`). */
  task<T>(run: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#items.push({ task: { run, resolve: resolve as (value: unknown) => void, reject } });
      this.#start();
    });
  }

  #start(): void {
    if (this.#draining) return;
    this.#draining = true;
    // setImmediate, not a microtask: every update() issued in this turn, including after awaits, joins the group.
    // Imported from node:timers, which jest's fake timers leave alone, so tests that fake time still get their writes.
    setImmediate(() => void this.#drain());
  }

  async #drain(): Promise<void> {
    try {
      while (this.#items.length > 0) {
        const head = this.#items[0];
        if ('task' in head) {
          this.#items.shift();
          await head.task.run().then(head.task.resolve, head.task.reject);
          continue;
        }
        const end = this.#items.findIndex((item) => 'task' in item);
        const group = this.#items
          .splice(0, end === -1 ? this.#items.length : end)
          .map((item) => (item as { update: PendingUpdate<Tx> }).update);
        await this.commitGroup(group).catch((err: unknown) => group.forEach((update) => update.reject(err)));
      }
    } finally {
      this.#draining = false;
    }
  }
}
