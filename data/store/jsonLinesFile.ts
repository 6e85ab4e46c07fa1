import { createReadStream } from 'node:fs';
import { open, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { StoreCorruptError } from '../errors.js';
import { appendDurably, fsyncDir } from './durableFs.js';

const TAIL_CHUNK = 64 * 1024;

/**
 * An append-only file of one JSON value per line (the audit trail, the ticket archive).
 * Only whole lines are ever acknowledged: a crash mid-append can leave a torn last line, which `open` cuts off,
 * and a failed append is cut back before the next one so a half-written line never ends up in the middle.
 */
export class JsonLinesFile {
  #size: number;
  #needsRepair = false;

  private constructor(
    readonly file: string,
    size: number,
  ) {
    this.#size = size;
  }

  /** Opens (creating if missing) and cuts a torn last line left by a crash mid-append. */
  static async open(file: string): Promise<JsonLinesFile> {
    const size = await sizeOrMissing(file);
    if (size === undefined) {
      await writeFile(file, '', { flag: 'wx' });
      await fsyncDir(path.dirname(file));
      return new JsonLinesFile(file, 0);
    }
    const whole = await endOfLastWholeLine(file, size);
    if (whole < size) {
      await truncate(file, whole);
      await syncFile(file);
    }
    return new JsonLinesFile(file, whole);
  }

  /** Bytes known to hold whole, acknowledged lines; readers stop here so they never see a line being written. */
  get size(): number {
    return this.#size;
  }

  /** Appends one line per value and resolves once they are on disk; on failure the file is cut back (now or before the next append). */
  async append(values: readonly unknown[]): Promise<void> {
    if (values.length === 0) return;
    const text = values.map((value) => `${JSON.stringify(value)}\n`).join('');
    if (this.#needsRepair) {
      await truncate(this.file, this.#size);
      this.#needsRepair = false;
    }
    try {
      await appendDurably(this.file, text);
    } catch (err) {
      this.#needsRepair = true;
      await truncate(this.file, this.#size).then(
        () => (this.#needsRepair = false),
        () => undefined,
      );
      throw err;
    }
    this.#size += Buffer.byteLength(text);
  }

  /**
   * Streams the parsed lines up to `end` (by default, all acknowledged so far), oldest first;
   * `wanted` skips lines cheaply before they are parsed.
   */
  async *lines<T>(wanted: (line: string) => boolean = () => true, end = this.#size): AsyncGenerator<T> {
    if (end === 0) return;
    const stream = createReadStream(this.file, { encoding: 'utf8', start: 0, end: end - 1 });
    let rest = '';
    let lineNumber = 0;
    try {
      for await (const chunk of stream as AsyncIterable<string>) {
        const parts = (rest + chunk).split('\n');
        rest = parts.pop() ?? '';
        for (const line of parts) {
          lineNumber += 1;
          if (line !== '' && wanted(line)) yield this.#parse<T>(line, lineNumber);
        }
      }
    } finally {
      stream.destroy();
    }
    if (rest !== '' && wanted(rest)) yield this.#parse<T>(rest, lineNumber + 1);
  }

  /** The last `count` whole lines, parsed; used on open to see which outbox events already reached the file. */
  async lastLines<T>(count: number): Promise<T[]> {
    if (count <= 0 || this.#size === 0) return [];
    const handle = await open(this.file, 'r');
    try {
      const chunks: Buffer[] = [];
      let newlines = 0;
      let position = this.#size;
      // One more newline than lines wanted marks where the earliest wanted line starts. Bytes are joined before
      // decoding so a character split across two reads is not mangled.
      while (position > 0 && newlines <= count) {
        const length = Math.min(TAIL_CHUNK, position);
        position -= length;
        const buffer = Buffer.alloc(length);
        await handle.read(buffer, 0, length, position);
        chunks.unshift(buffer);
        newlines += countNewlines(buffer);
      }
      const lines = Buffer.concat(chunks)
        .toString('utf8')
        .split('\n')
        .filter((line) => line !== '');
      return lines.slice(-count).map((line) => JSON.parse(line) as T);
    } finally {
      await handle.close();
    }
  }

  #parse<T>(line: string, lineNumber: number): T {
    try {
      return JSON.parse(line) as T;
    } catch {
      throw new StoreCorruptError(`Line ${lineNumber} of ${this.file} is not valid JSON; the file needs repair from a backup.`, {
        file: this.file,
        line: lineNumber,
      });
    }
  }
}

async function sizeOrMissing(file: string): Promise<number | undefined> {
  try {
    return (await stat(file)).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
}

/** Reads backwards from the end to the last newline: everything after it is a torn, never-acknowledged line. */
async function endOfLastWholeLine(file: string, size: number): Promise<number> {
  const handle = await open(file, 'r');
  try {
    let position = size;
    while (position > 0) {
      const length = Math.min(TAIL_CHUNK, position);
      const start = position - length;
      const buffer = Buffer.alloc(length);
      await handle.read(buffer, 0, length, start);
      const newline = buffer.lastIndexOf(0x0a);
      if (newline >= 0) return start + newline + 1;
      position = start;
    }
    return 0;
  } finally {
    await handle.close();
  }
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function countNewlines(buffer: Buffer): number {
  let count = 0;
  for (let i = buffer.indexOf(0x0a); i >= 0; i = buffer.indexOf(0x0a, i + 1)) count += 1;
  return count;
}
