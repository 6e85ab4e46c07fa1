/**
 * Lets `store.update()` change the live data in place yet undo exactly what one update (or one failed commit) did.
 *
 * Everyone sees the data through proxies. The first write to an object inside an update snapshots that object
 * shallowly (a 5,000-ticket array costs a 5,000-pointer copy, not a deep clone of megabytes); undo puts the
 * snapshots back. Writes outside an update throw, so nobody can change stored data without it being saved.
 *
 * Depth matters for the serialiser's cache: depth 0 is the document, 1 a collection (tickets, botState, ...),
 * 2 a record (one ticket, one bot-state entry). Every write below a record reports that record as changed.
 */

interface Meta {
  depth: number;
  /** The record this object belongs to (itself for a record); undefined for the document and collections. */
  record: object | undefined;
}

type Snapshot = unknown[] | [PropertyKey, unknown][];

export class ChangeTracker {
  #proxies = new WeakMap<object, object>();
  #targets = new WeakMap<object, object>();
  #meta = new WeakMap<object, Meta>();
  /** One map per update in the current group: object → its contents before that update first wrote to it. */
  #savepoints: Map<object, Snapshot>[] = [];
  /** Array → frozen array of its element proxies, for scans; dropped whenever the array is written or restored. */
  #mirrors = new WeakMap<object, readonly unknown[]>();
  #open = false;

  /** @param recordChanged told about every record written or restored, so cached JSON for it is dropped. */
  constructor(private readonly recordChanged: (record: object) => void) {}

  /** The proxy through which the document is read and changed; used once per store. */
  view<T extends object>(document: T): T {
    return this.#wrap(document, { depth: 0, record: undefined });
  }

  /** Starts one update; its writes can be undone alone with `undoLast`. */
  begin(): void {
    this.#open = true;
    this.#savepoints.push(new Map());
  }

  /** Ends the current update's window for writes (its snapshots stay until the group is committed). */
  pause(): void {
    this.#open = false;
  }

  /** Undoes the most recent update (it threw). */
  undoLast(): void {
    this.#open = false;
    const last = this.#savepoints.pop();
    if (last) this.#restore(last);
  }

  /** Undoes every update of the group, newest first (the commit failed). */
  undoAll(): void {
    this.#open = false;
    for (let i = this.#savepoints.length - 1; i >= 0; i -= 1) this.#restore(this.#savepoints[i]);
    this.#savepoints = [];
  }

  /** The group is on disk: forget the snapshots. */
  committed(): void {
    this.#open = false;
    this.#savepoints = [];
  }

  /** Whether any update of the group wrote anything (a group that changed nothing needs no disk write). */
  get changed(): boolean {
    return this.#savepoints.some((savepoint) => savepoint.size > 0);
  }

  #wrap<T extends object>(target: T, meta: Meta): T {
    const existing = this.#proxies.get(target);
    if (existing) return existing as T;
    if (!this.#meta.has(target)) this.#meta.set(target, meta);
    const proxy = new Proxy(target, (Array.isArray(target) ? this.#arrayHandler : this.#objectHandler) as ProxyHandler<T>);
    this.#proxies.set(target, proxy);
    this.#targets.set(proxy, target);
    return proxy;
  }

  #childMeta(parent: object, child: object): Meta {
    const depth = (this.#meta.get(parent)?.depth ?? 0) + 1;
    return { depth, record: depth === 2 ? child : this.#meta.get(parent)?.record };
  }

  #beforeWrite(target: object): void {
    if (!this.#open) throw new TypeError('Stored data can only be changed inside store.update(); this object was read from the store.');
    const savepoint = this.#savepoints[this.#savepoints.length - 1];
    if (!savepoint.has(target)) savepoint.set(target, snapshot(target));
    this.#mirrors.delete(target);
    const record = this.#meta.get(target)?.record;
    if (record) this.recordChanged(record);
  }

  #restore(savepoint: Map<object, Snapshot>): void {
    for (const [target, saved] of savepoint) {
      this.#mirrors.delete(target);
      if (Array.isArray(target)) {
        target.length = saved.length;
        for (let i = 0; i < saved.length; i += 1) target[i] = saved[i];
      } else {
        for (const key of Reflect.ownKeys(target)) Reflect.deleteProperty(target, key);
        for (const [key, value] of saved as [PropertyKey, unknown][]) defineValue(target, key, value);
      }
      const record = this.#meta.get(target)?.record;
      if (record) this.recordChanged(record);
    }
  }

  /**
   * What actually gets stored when a value is written at `depth`. Values are copied, so nobody keeps a live handle
   * on stored data; a record moved between collections keeps its identity (and its cached JSON); anything that is
   * not plain JSON is stored the way the file will hold it.
   */
  #adopt(value: unknown, depth: number): unknown {
    if (value === null || typeof value !== 'object') return value;
    const target = this.#targets.get(value);
    if (target) {
      if (depth === 2 && this.#meta.get(target)?.record === target) return target;
      return structuredClone(target);
    }
    if (Array.isArray(value)) return value.map((item) => this.#adopt(item, depth + 1));
    if (isPlainObject(value)) {
      const copy: Record<PropertyKey, unknown> = {};
      for (const key of Object.keys(value)) defineValue(copy, key, this.#adopt((value as Record<string, unknown>)[key], depth + 1));
      return copy;
    }
    const json = JSON.stringify(value);
    return json === undefined ? undefined : JSON.parse(json);
  }

  /**
   * Read-only scans (find, filter, some, …) over a proxied array would cost two trap calls per element; a find over
   * 5,000 tickets took ~0.6 ms and fifty queued updates stalled the event loop for 30 ms. Instead the scan runs
   * natively over a frozen array of the element proxies: the elements are still tracked, and a callback that tries
   * to write through the array argument fails loudly. A scan sees the array as it was when the scan began.
   * The frozen array is kept until the array is next written, so repeated finds cost no more than native ones on proxies.
   */
  #scan(target: unknown[], method: string): (...args: unknown[]) => unknown {
    return (...args: unknown[]) => {
      let items = this.#mirrors.get(target);
      if (!items) {
        items = Object.freeze(target.map((item) => this.#child(target, item)));
        this.#mirrors.set(target, items);
      }
      return (items[method as keyof typeof items] as (...a: unknown[]) => unknown)(...args);
    };
  }

  #child(parent: object, value: unknown): unknown {
    if (value === null || typeof value !== 'object') return value;
    return this.#proxies.get(value) ?? (isContainer(value) ? this.#wrap(value, this.#childMeta(parent, value)) : value);
  }

  readonly #objectHandler: ProxyHandler<object> = {
    // The hot path of every read: no allocation once a value has its proxy.
    get: (target, key) => this.#child(target, (target as Record<PropertyKey, unknown>)[key]),
    set: (target, key, value) => {
      this.#beforeWrite(target);
      const stored = this.#adopt(value, (this.#meta.get(target)?.depth ?? 0) + 1);
      // Arrays keep their own length bookkeeping; on plain objects a data property is defined so "__proto__" stays a key.
      return Array.isArray(target) ? Reflect.set(target, key, stored) : defineValue(target, key, stored);
    },
    deleteProperty: (target, key) => {
      this.#beforeWrite(target);
      return Reflect.deleteProperty(target, key);
    },
    defineProperty: (target, key, descriptor) => {
      this.#beforeWrite(target);
      if ('value' in descriptor)
        descriptor = { ...descriptor, value: this.#adopt(descriptor.value, (this.#meta.get(target)?.depth ?? 0) + 1) };
      return Reflect.defineProperty(target, key, descriptor);
    },
    setPrototypeOf: () => false,
    preventExtensions: () => false,
  };

  readonly #arrayHandler: ProxyHandler<object> = {
    ...this.#objectHandler,
    get: (target, key) => {
      if (typeof key === 'string' && SCANS.has(key)) return this.#scan(target as unknown[], key);
      return this.#child(target, (target as Record<PropertyKey, unknown>)[key]);
    },
  };
}

/** Array methods that only read the array (their callbacks may still change the elements, which stay tracked). */
const SCANS: ReadonlySet<string> = new Set([
  'find',
  'findIndex',
  'findLast',
  'findLastIndex',
  'filter',
  'some',
  'every',
  'forEach',
  'map',
  'flatMap',
  'reduce',
  'reduceRight',
]);

function snapshot(target: object): Snapshot {
  if (Array.isArray(target)) return target.slice();
  return Reflect.ownKeys(target).map((key) => [key, Reflect.get(target, key)] as [PropertyKey, unknown]);
}

function defineValue(target: object, key: PropertyKey, value: unknown): boolean {
  return Reflect.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
}

function isPlainObject(value: object): boolean {
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function isContainer(value: object): boolean {
  return Array.isArray(value) || isPlainObject(value);
}
