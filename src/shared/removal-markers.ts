/**
 * Removal markers for the stores that keep several documents on the device and
 * merge with another tab's copy (the business plans, the cash-flow drafts).
 *
 * Deleting a document leaves a marker `removed: id → the document's updatedAt`
 * in the store. When two tabs' stores are merged, a copy no newer than the
 * marker is not brought back; a copy changed *after* it is kept, since its text
 * is newer (never lose text). A marker whose id is present again is dropped
 * ("tidied"), and only the newest {@link REMOVED_LIMIT} are kept.
 *
 * Pure: no DOM, no storage, no clock. Markers read from storage are validated
 * here; a bad one is ignored (the document may come back, nothing is lost).
 */

/** A store's markers as stored: id → milliseconds since the epoch. */
export type RemovalMarkers = Readonly<Record<string, number>>;

/** At most this many removal markers are kept (the newest). */
export const REMOVED_LIMIT = 500;

type Fields = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An own property only: nothing comes from a (possibly polluted) prototype. */
const own = (record: Fields, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
/** Milliseconds since the epoch that a `Date` can hold. */
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 8.64e15;

/** A store's markers as a map (times only; anything else in it is left out). */
export function removedMap(removed: RemovalMarkers | undefined): Map<string, number> {
  const map = new Map<string, number>();
  if (removed) for (const [id, at] of Object.entries(removed)) if (isTime(at)) map.set(id, at);
  return map;
}

/** Markers read back from storage: only ids that pass `isId` with a valid time; a bad marker is ignored. */
export function readRemoved(value: unknown, isId: (id: string) => boolean): Map<string, number> {
  const map = new Map<string, number>();
  if (!isRecord(value)) return map;
  for (const key of Object.keys(value)) {
    const at = own(value, key);
    if (isId(key) && isTime(at)) map.set(key, at);
  }
  return map;
}

/** Record that `id` was removed when its `updatedAt` was `at` (the later time wins). */
export function markRemoved(removed: Map<string, number>, id: string, at: number): Map<string, number> {
  removed.set(id, Math.max(at, removed.get(id) ?? 0));
  return removed;
}

/** The markers of both sides; for an id on both, the later time. */
export function mergeRemoved(mine: RemovalMarkers | undefined, theirs: RemovalMarkers | undefined): Map<string, number> {
  const removed = removedMap(mine);
  for (const [id, at] of removedMap(theirs)) markRemoved(removed, id, at);
  return removed;
}

/** Whether a copy of `id` changed at `updatedAt` stays: no marker, or it is newer than the removal. */
export function survivesRemoval(removed: ReadonlyMap<string, number>, id: string, updatedAt: number): boolean {
  const at = removed.get(id);
  return at === undefined || updatedAt > at;
}

/** The newest {@link REMOVED_LIMIT} markers whose id is not in `present`; undefined when none. */
export function tidyRemoved(removed: ReadonlyMap<string, number>, present: Iterable<string>): RemovalMarkers | undefined {
  const ids = new Set(present);
  const entries = [...removed].filter(([id]) => !ids.has(id));
  if (entries.length === 0) return undefined;
  entries.sort((a, b) => b[1] - a[1]);
  // fromEntries defines own properties: an id like `__proto__` is plain data.
  return Object.fromEntries(entries.slice(0, REMOVED_LIMIT));
}

/** `fields` with `removed` added only when there is at least one marker (no empty `removed: {}`). */
export function withRemoved<T extends object>(fields: T, removed: RemovalMarkers | undefined): T & { readonly removed?: RemovalMarkers } {
  return removed !== undefined && Object.keys(removed).length > 0 ? { ...fields, removed } : fields;
}
