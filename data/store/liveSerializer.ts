import { setImmediate } from 'node:timers';

/**
 * Turns the live document into compact JSON, byte for byte what `JSON.stringify(document)` gives, but reusing the
 * encoded JSON of every record that has not changed since the last commit. With 5,000 tickets (~5 MB) a full
 * stringify blocks the event loop for 6–20 ms on every commit, and encoding one big string costs as much again;
 * cached per-record buffers handed to a single writev take well under a millisecond of the event loop.
 *
 * The cache is keyed by the record object itself and is trustworthy because the store never changes a record in place:
 * a transaction replaces the records it changes (stagedTransaction.ts), so a record object's JSON never changes.
 */
export class LiveSerializer {
  #cache = new WeakMap<object, Buffer>();
  /** A member of a keyed collection as `"key":{…}`, by its record (a record lives under one key; the key is checked). */
  #members = new WeakMap<object, { key: string; encoded: Buffer }>();

  /**
   * Serialises the document (top-level keys, each a collection of records or a plain value) as chunks to write in order.
   * Gives the event loop a turn whenever it has worked for a few milliseconds: at 50,000 tickets one pass takes ~60 ms.
   * The document must not change meanwhile; the store never changes one in place (it replaces fields), so it does not.
   */
  async serialize(document: object): Promise<Buffer[]> {
    const chunks: Buffer[] = [];
    const turn = new Turn();
    let first = true;
    for (const key of Object.keys(document)) {
      const value = (document as Record<string, unknown>)[key];
      // JSON.stringify leaves such keys out too.
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      chunks.push(text(`${first ? '{' : ','}${JSON.stringify(key)}:`));
      first = false;
      await this.#collection(value, chunks, turn);
    }
    chunks.push(first ? OPEN_CLOSE_OBJECT : CLOSE_OBJECT);
    return chunks;
  }

  async #collection(value: unknown, chunks: Buffer[], turn: Turn): Promise<void> {
    if (Array.isArray(value)) {
      chunks.push(OPEN_ARRAY);
      for (let i = 0; i < value.length; i += 1) {
        if (i > 0) chunks.push(COMMA);
        chunks.push(this.#record(value[i]) ?? NULL);
        if (turn.due(i)) await turn.take();
      }
      chunks.push(CLOSE_ARRAY);
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      let first = true;
      chunks.push(OPEN_OBJECT);
      let i = 0;
      for (const key of Object.keys(value)) {
        const member = (value as Record<string, unknown>)[key];
        if (isLargeMap(member)) {
          // A map of records inside a collection (the reminder ledger's entry per waiting ticket): cached record by record.
          chunks.push(text(`${first ? '' : ','}${JSON.stringify(key)}:`));
          await this.#collection(member, chunks, turn);
          first = false;
          continue;
        }
        const encoded = this.#member(key, member);
        if (encoded === undefined) continue;
        if (!first) chunks.push(COMMA);
        chunks.push(encoded);
        first = false;
        if (turn.due((i += 1))) await turn.take();
      }
      chunks.push(CLOSE_OBJECT);
    } else {
      chunks.push(text(JSON.stringify(value)));
    }
  }

  #member(key: string, value: unknown): Buffer | undefined {
    if (value === null || typeof value !== 'object') {
      const json = JSON.stringify(value);
      return json === undefined ? undefined : text(`${JSON.stringify(key)}:${json}`);
    }
    const cached = this.#members.get(value);
    if (cached?.key === key) return cached.encoded;
    const json = this.#record(value);
    if (json === undefined) return undefined;
    const encoded = Buffer.concat([text(`${JSON.stringify(key)}:`), json]);
    this.#members.set(value, { key, encoded });
    return encoded;
  }

  #record(value: unknown): Buffer | undefined {
    if (value === null || typeof value !== 'object') {
      const json = JSON.stringify(value);
      return json === undefined ? undefined : text(json);
    }
    let encoded = this.#cache.get(value);
    if (encoded === undefined) {
      const json = JSON.stringify(value);
      if (json === undefined) return undefined;
      encoded = text(json);
      this.#cache.set(value, encoded);
    }
    return encoded;
  }
}

/** Keeps one serialisation from holding the event loop: a turn is given after ~8 ms of work, checked every 256 records. */
class Turn {
  #since = performance.now();

  due(count: number): boolean {
    return count % 256 === 0 && performance.now() - this.#since > 8;
  }

  async take(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    this.#since = performance.now();
  }
}

/** Past this many keys, a plain object is cached member by member rather than as one record. */
const LARGE_MAP_KEYS = 64;

function isLargeMap(value: unknown): value is Record<string, unknown> {
  return (
    value !== null &&
    typeof value === 'object' &&
    Object.getPrototypeOf(value) === Object.prototype &&
    Object.keys(value).length > LARGE_MAP_KEYS
  );
}

function text(value: string): Buffer {
  return Buffer.from(value, 'utf8');
}

const OPEN_ARRAY = text('[');
const CLOSE_ARRAY = text(']');
const OPEN_OBJECT = text('{');
const CLOSE_OBJECT = text('}');
const OPEN_CLOSE_OBJECT = text('{}');
const COMMA = text(',');
const NULL = text('null');
