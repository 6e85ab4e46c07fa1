/** How the document stores (memory, lowdb) hand records out: never the stored object, always a copy. */

/** A copy the caller may keep and change: stored records are never handed out. */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/** The entry under `key` of a collection kept as an object, ignoring what objects inherit (a key "constructor" is no entry). */
export function ownEntry<T>(object: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}
