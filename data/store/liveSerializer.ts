/**
 * Turns the live document into compact JSON, byte for byte what `JSON.stringify(document)` gives, but reusing the
 * encoded JSON of every record that has not changed since the last commit. With 5,000 tickets (~5 MB) a full
 * stringify blocks the event loop for 6–20 ms on every commit, and encoding one big string costs as much again;
 * cached per-record buffers handed to a single writev take well under a millisecond of the event loop.
 *
 * The cache is keyed by the record object itself and is trustworthy only because every write goes through the
 * ChangeTracker, which reports the record it touched (see `forget`).
 */
export class LiveSerializer {
  #cache = new WeakMap<object, Buffer>();

  /** Drops a record's cached bytes: it was written or restored, so its next serialisation must be fresh. */
  forget(record: object): void {
    this.#cache.delete(record);
  }

  /** Serialises the document (top-level keys, each a collection of records or a plain value) as chunks to write in order. */
  serialize(document: object): Buffer[] {
    const chunks: Buffer[] = [];
    let first = true;
    for (const key of Object.keys(document)) {
      const value = (document as Record<string, unknown>)[key];
      // JSON.stringify leaves such keys out too.
      if (value === undefined || typeof value === 'function' || typeof value === 'symbol') continue;
      chunks.push(text(`${first ? '{' : ','}${JSON.stringify(key)}:`));
      first = false;
      this.#collection(value, chunks);
    }
    chunks.push(first ? OPEN_CLOSE_OBJECT : CLOSE_OBJECT);
    return chunks;
  }

  #collection(value: unknown, chunks: Buffer[]): void {
    if (Array.isArray(value)) {
      chunks.push(OPEN_ARRAY);
      value.forEach((record: unknown, i) => {
        if (i > 0) chunks.push(COMMA);
        chunks.push(this.#record(record) ?? NULL);
      });
      chunks.push(CLOSE_ARRAY);
    } else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      let first = true;
      chunks.push(OPEN_OBJECT);
      for (const key of Object.keys(value)) {
        const json = this.#record((value as Record<string, unknown>)[key]);
        if (json === undefined) continue;
        chunks.push(text(`${first ? '' : ','}${JSON.stringify(key)}:`), json);
        first = false;
      }
      chunks.push(CLOSE_OBJECT);
    } else {
      chunks.push(text(JSON.stringify(value)));
    }
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
