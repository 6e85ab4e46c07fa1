/**
 * Where each record sits in a stored array, by key, so a look-up among 50,000 tickets is a map read rather than a scan.
 * Stored arrays are never changed in place (a change builds a new array), so a position map built once for an array
 * stays true for as long as that array is the stored one.
 */
const cache = new WeakMap<readonly unknown[], Map<string, number>>();

export function positionsOf<T>(array: readonly T[], keyOf: (record: T) => string): Map<string, number> {
  let positions = cache.get(array);
  if (positions === undefined) {
    positions = new Map();
    array.forEach((record, i) => positions!.set(keyOf(record), i));
    cache.set(array, positions);
  }
  return positions;
}

/** Records that `next` has the same positions as `previous`, plus `added` at the end (no removals). */
export function carryPositions<T>(previous: readonly T[], next: readonly T[], added: readonly string[]): void {
  const known = cache.get(previous);
  if (known === undefined) return;
  if (added.length === 0) {
    cache.set(next, known);
    return;
  }
  const positions = new Map(known);
  added.forEach((key, i) => positions.set(key, previous.length + i));
  cache.set(next, positions);
}

/** The record stored under `key`, or undefined. */
export function findByKey<T>(array: readonly T[], keyOf: (record: T) => string, key: string): T | undefined {
  const at = positionsOf(array, keyOf).get(key);
  return at === undefined ? undefined : array[at];
}
