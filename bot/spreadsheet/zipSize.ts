/**
 * How big an .xlsx (a zip) says it unpacks to, read from its central directory without unpacking anything, so a small
 * upload that would inflate to gigabytes (a "zip bomb") is refused before exceljs loads it into memory.
 */

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
/** The end record is 22 bytes plus a comment of up to 65,535. */
const MAX_END_SEARCH = 22 + 0xffff;

/** Used before loading a workbook: the declared unpacked size in bytes, Infinity for zip64 (too big for us anyway), undefined when it is no zip. */
export function declaredUnzippedSize(file: Buffer): number | undefined {
  const lowest = Math.max(0, file.length - MAX_END_SEARCH);
  let end = -1;
  for (let i = file.length - 22; i >= lowest; i -= 1) {
    if (file.readUInt32LE(i) === END_OF_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const entries = file.readUInt16LE(end + 10);
  const directoryStart = file.readUInt32LE(end + 16);
  if (entries === 0xffff || directoryStart === 0xffffffff) return Infinity;
  let at = directoryStart;
  let total = 0;
  for (let n = 0; n < entries; n += 1) {
    if (at + 46 > file.length || file.readUInt32LE(at) !== DIRECTORY_ENTRY) return undefined;
    const size = file.readUInt32LE(at + 24);
    if (size === 0xffffffff) return Infinity;
    total += size;
    at += 46 + file.readUInt16LE(at + 28) + file.readUInt16LE(at + 30) + file.readUInt16LE(at + 32);
  }
  return total;
}
