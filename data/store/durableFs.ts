import { open, rename, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

/** Makes a rename or a newly created file survive a power cut: the directory entry itself must reach the disk. */
export async function fsyncDir(dir: string): Promise<void> {
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Replaces `file` with `text` so that a crash leaves either the old or the new content, never a mix.
 * Used for every commit of the live file: temp file, fsync, rename over, fsync the directory.
 */
export async function writeFileDurably(file: string, content: string | readonly Buffer[]): Promise<void> {
  const temp = `${file}.tmp`;
  const handle = await open(temp, 'w');
  try {
    if (typeof content === 'string') await handle.writeFile(content, 'utf8');
    else await writeAll(handle, content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await fsyncDir(path.dirname(file));
}

/** One writev for many chunks: the kernel gathers them, so no multi-megabyte copy happens on the event loop. */
async function writeAll(handle: FileHandle, chunks: readonly Buffer[]): Promise<void> {
  const expected = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
  const { bytesWritten } = await handle.writev(chunks as Buffer[]);
  if (bytesWritten !== expected) throw new Error(`short write: ${bytesWritten} of ${expected} bytes`);
}

/** Appends `text` to `file` and returns only once it is on disk. */
export async function appendDurably(file: string, text: string): Promise<void> {
  const handle = await open(file, 'a');
  try {
    // writeFile loops until every byte is written; O_APPEND puts each write at the end.
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Error codes are the only part of a file-system error worth showing an operator; the rest repeats the path. */
export function fsErrorCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : err instanceof Error ? err.message : String(err);
}
