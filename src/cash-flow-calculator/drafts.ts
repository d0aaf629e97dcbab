/**
 * Several named cash-flow projections kept on the device, nothing ever lost, safe
 * with two tabs.
 *
 * Stored with `src/shared/storage.ts` under `infomipyme-widgets.cash-flow.drafts`,
 * version 2, as `{ drafts, activeId, removed? }`. Everything read back is validated
 * by hand (`readPlan` from `plan-file.ts`, the same checks as a file import):
 *
 * - storage blocked → an empty list and `problem: 'unavailable'` (nothing can be
 *   kept: the widget says so and offers the file export);
 * - a store that cannot be read at all, or written by a **newer** version of the
 *   library → storage.ts moves it aside untouched (`keptAs`) so it is never
 *   overwritten, and `problem: 'unreadable'`;
 * - a readable store with some invalid drafts → the whole stored value is first
 *   copied aside (`keptAs`, with its own version), then the valid drafts are written
 *   back and returned, with `problem: 'unreadable'` and how many were `dropped`. When
 *   the copy cannot be made (storage full) the stored value is left as it is, so it
 *   is still there next time.
 *
 * ## Version 1 (what 0.1.0 writes) → version 2
 *
 * Version 2 adds `createdAt` to every draft (when the projection was started: the
 * download reminder counts from it until the first export) and the removal markers.
 * A version-1 store is read as version 2 in memory: the same checks, `createdAt` =
 * `updatedAt` (the best known), no markers. Reading never writes it back (an older
 * copy of the library on another page of the site can still read it); the first
 * {@link saveDrafts} afterwards first copies the version-1 value, as it was, to
 * `infomipyme-widgets.cash-flow.drafts.v1.<time>`, and writes version 2 only when
 * that copy was made (storage full: nothing is written, `full`).
 *
 * ## Two tabs
 *
 * Save as `saveDrafts(mergeDrafts(mine, loadDrafts().store))`. For a draft on both
 * sides the newer change wins. A deleted draft leaves a marker (`removed`: id → the
 * draft's `updatedAt` when it was deleted, see `src/shared/removal-markers.ts`) so a
 * merge with another tab's copy does not bring it back; a copy changed *after* that
 * (edited in the other tab) is kept, since its text is newer.
 *
 * The list operations are pure: they return a new store and never change theirs.
 */
import { readStored, STORAGE_PREFIX, writeStored } from '../shared/storage.js';
import { DRAFTS_STORAGE_NAME } from '../shared/storage-names.js';
import {
  markRemoved,
  mergeRemoved,
  readRemoved,
  removedMap,
  survivesRemoval,
  tidyRemoved,
  withRemoved,
  type RemovalMarkers,
} from '../shared/removal-markers.js';
import { LIMITS, readPlan } from './plan-file.js';
import type { CashFlowPlan } from './projection.js';

export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly plan: CashFlowPlan;
  /** Milliseconds since the epoch when the projection was started (new, duplicated or imported). */
  readonly createdAt: number;
  /** Milliseconds since the epoch of the last change. */
  readonly updatedAt: number;
  /** Milliseconds since the epoch of the last export to a file, if any. */
  readonly exportedAt?: number | undefined;
}

export interface DraftStore {
  readonly drafts: readonly Draft[];
  readonly activeId: string | undefined;
  /**
   * Drafts deleted on this device: id → the draft's `updatedAt` when it was deleted.
   * A copy of that draft no newer than this is not brought back by a merge.
   */
  readonly removed?: RemovalMarkers | undefined;
}

export interface LoadedDrafts {
  readonly store: DraftStore;
  readonly problem?: 'unavailable' | 'unreadable' | undefined;
  /** The full storage key where the unreadable value was kept. */
  readonly keptAs?: string | undefined;
  /** How many stored drafts were invalid and left out of `store` (they are in `keptAs`). */
  readonly dropped?: number | undefined;
}

export type SaveResult =
  | {
      readonly ok: true;
      /**
       * Where the value stored before was kept, when it was: a version-1 store copied
       * before its first version-2 write, or a value this version cannot read (written
       * meanwhile by a newer version) moved aside.
       */
      readonly keptAs?: string | undefined;
    }
  | { readonly ok: false; readonly reason: 'full' | 'unavailable' };

/** The storage name (under the library's namespace) and version of the drafts. */
export { DRAFTS_STORAGE_NAME };
export const DRAFTS_VERSION = 2;

export const EMPTY_DRAFTS: DraftStore = Object.freeze({ drafts: Object.freeze([]) as readonly Draft[], activeId: undefined });

type Fields = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Fields, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;
const isDraftId = (value: unknown): value is string => typeof value === 'string' && value !== '' && value.length <= LIMITS.idLength;

/**
 * A stored draft, validated and copied; undefined when it is not valid. Version 1
 * has no `createdAt`: it is the draft's `updatedAt`, the best known. Version 2
 * always writes it; a version-2 draft without one (saved by code that predates it)
 * is read the same way rather than dropped, and one that is not a time makes the
 * draft invalid.
 */
function readDraft(value: unknown, version: 1 | 2): Draft | undefined {
  if (!isRecord(value)) return undefined;
  const id = own(value, 'id');
  const name = own(value, 'name');
  const updatedAt = own(value, 'updatedAt');
  const exportedAt = own(value, 'exportedAt');
  const createdAt = (version === 1 ? undefined : own(value, 'createdAt')) ?? updatedAt;
  if (!isDraftId(id)) return undefined;
  if (typeof name !== 'string' || name.length > LIMITS.nameLength) return undefined;
  if (!isTime(updatedAt) || !isTime(createdAt)) return undefined;
  if (exportedAt !== undefined && exportedAt !== null && !isTime(exportedAt)) return undefined;
  const plan = readPlan(own(value, 'plan'));
  if (!plan.ok) return undefined;
  return { id, name, plan: plan.plan, createdAt, updatedAt, ...(isTime(exportedAt) ? { exportedAt } : {}) };
}

interface Migrated {
  readonly store: DraftStore;
  readonly dropped: number;
  readonly original: unknown;
  readonly version: number;
}

function migrate(data: unknown, version: number): Migrated | undefined {
  if (version !== DRAFTS_VERSION && version !== 1) return undefined; // newer (or unknown): storage.ts keeps it aside
  if (!isRecord(data)) return undefined;
  const list = own(data, 'drafts');
  if (!Array.isArray(list)) return undefined;
  const byId = new Map<string, Draft>();
  let dropped = 0;
  for (const item of list) {
    const draft = readDraft(item, version === 1 ? 1 : 2);
    if (!draft) {
      dropped++;
      continue;
    }
    const twin = byId.get(draft.id);
    if (twin) {
      dropped++;
      if (draft.updatedAt <= twin.updatedAt) continue;
    }
    byId.set(draft.id, draft);
  }
  const drafts = [...byId.values()];
  const active = own(data, 'activeId');
  // Version 1 had no markers; a bad marker is ignored (the draft may come back, nothing is lost).
  const removed = version === 1 ? undefined : tidy(readRemoved(own(data, 'removed'), isDraftId), drafts);
  const store = makeStore(drafts, pickActive(drafts, typeof active === 'string' ? active : undefined), removed);
  return { store, dropped, original: data, version };
}

function pickActive(drafts: readonly Draft[], wanted: string | undefined): string | undefined {
  if (wanted !== undefined && drafts.some((draft) => draft.id === wanted)) return wanted;
  return drafts[0]?.id;
}

function makeStore(drafts: readonly Draft[], activeId: string | undefined, removed: RemovalMarkers | undefined): DraftStore {
  return withRemoved({ drafts, activeId }, removed);
}

/** The newest markers whose draft is not in `drafts`; undefined when none. */
const tidy = (removed: ReadonlyMap<string, number>, drafts: readonly Draft[]) => tidyRemoved(removed, drafts.map((draft) => draft.id));

function serialise(store: DraftStore): unknown {
  return { drafts: store.drafts, activeId: store.activeId, ...(store.removed ? { removed: store.removed } : {}) };
}

/** Read the drafts saved on this device. Never throws; see the module notes for `problem`. */
export function loadDrafts(now: () => number = Date.now): LoadedDrafts {
  const result = readStored(DRAFTS_STORAGE_NAME, migrate, now);
  switch (result.status) {
    case 'empty':
      return { store: EMPTY_DRAFTS };
    case 'unavailable':
      return { store: EMPTY_DRAFTS, problem: 'unavailable' };
    case 'unreadable':
      return { store: EMPTY_DRAFTS, problem: 'unreadable', keptAs: result.keptAs };
    case 'ok': {
      const { store, dropped, original, version } = result.data;
      if (dropped === 0) return { store };
      // The whole value, as it was (its version and time), then the valid drafts as version 2.
      const asideName = `${DRAFTS_STORAGE_NAME}.unreadable.${now()}`;
      const aside = writeStored(asideName, version, original, () => result.savedAt);
      if (!aside.ok) return { store, problem: 'unreadable', keptAs: undefined, dropped };
      writeStored(DRAFTS_STORAGE_NAME, DRAFTS_VERSION, serialise(store), now);
      return { store, problem: 'unreadable', keptAs: STORAGE_PREFIX + asideName, dropped };
    }
  }
}

/**
 * Save the drafts (replacing what is stored: merge first, see the module notes).
 * `full` when the browser's storage quota is reached. A version-1 store is copied
 * to `cash-flow.drafts.v1.<time>` first, and a stored value this version cannot
 * read (written meanwhile by a newer version) is moved aside first (`keptAs`);
 * when either cannot be done, nothing is written.
 */
export function saveDrafts(store: DraftStore, now: () => number = Date.now): SaveResult {
  // Only the version is looked at: the drafts of a version-2 store are this tab's to replace.
  const current = readStored(
    DRAFTS_STORAGE_NAME,
    (data, version) => (version === DRAFTS_VERSION ? { data: undefined, version } : version === 1 ? { data, version } : undefined),
    now,
  );
  if (current.status === 'unreadable' && current.keptAs === undefined) return { ok: false, reason: 'full' };
  let keptAs = current.status === 'unreadable' ? current.keptAs : undefined;
  if (current.status === 'ok' && current.data.version === 1) {
    const asideName = `${DRAFTS_STORAGE_NAME}.v1.${now()}`;
    const aside = writeStored(asideName, 1, current.data.data, () => current.savedAt);
    if (!aside.ok) return aside;
    keptAs = STORAGE_PREFIX + asideName;
  }
  const written = writeStored(DRAFTS_STORAGE_NAME, DRAFTS_VERSION, serialise(store), now);
  if (!written.ok) return written;
  return keptAs !== undefined ? { ok: true, keptAs } : { ok: true };
}

/**
 * Replace the draft with the same id (in place) or append it; it becomes the active
 * one. A draft added again clears its removal marker.
 */
export function upsertDraft(store: DraftStore, draft: Draft): DraftStore {
  const index = store.drafts.findIndex((item) => item.id === draft.id);
  const drafts = index < 0 ? [...store.drafts, draft] : store.drafts.map((item, i) => (i === index ? draft : item));
  const removed = removedMap(store.removed);
  removed.delete(draft.id);
  return makeStore(drafts, draft.id, tidy(removed, drafts));
}

/**
 * Remove a draft, leaving a marker (its `updatedAt`) so a merge with another tab
 * does not bring it back. When it was the active one, the next draft (else the
 * previous) becomes active.
 */
export function removeDraft(store: DraftStore, id: string): DraftStore {
  const index = store.drafts.findIndex((item) => item.id === id);
  const draft = store.drafts[index];
  if (!draft) return store;
  const drafts = store.drafts.filter((_, i) => i !== index);
  const activeId = store.activeId === id ? (drafts[index] ?? drafts[index - 1])?.id : store.activeId;
  const removed = markRemoved(removedMap(store.removed), id, draft.updatedAt);
  return makeStore(drafts, activeId, tidy(removed, drafts));
}

/** A text cut to `max` UTF-16 units without splitting a surrogate pair. */
function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Copy draft `id` as `newId` named `name` (at most 120 characters), right after
 * it, created and changed `now`, never exported; the copy becomes active.
 * Unchanged store when `id` is missing or `newId` is taken.
 */
export function duplicateDraft(store: DraftStore, id: string, newId: string, name: string, now: number): DraftStore {
  const index = store.drafts.findIndex((item) => item.id === id);
  const source = store.drafts[index];
  if (!source || store.drafts.some((item) => item.id === newId)) return store;
  const copy: Draft = { id: newId, name: clamp(name, LIMITS.nameLength), plan: source.plan, createdAt: now, updatedAt: now };
  const drafts = [...store.drafts.slice(0, index + 1), copy, ...store.drafts.slice(index + 1)];
  const removed = removedMap(store.removed);
  removed.delete(newId);
  return makeStore(drafts, newId, tidy(removed, drafts));
}

/** Rename draft `id` (at most 120 characters), changed `now`. Unchanged store when `id` is missing. */
export function renameDraft(store: DraftStore, id: string, name: string, now: number): DraftStore {
  if (!store.drafts.some((item) => item.id === id)) return store;
  const drafts = store.drafts.map((item) => (item.id === id ? { ...item, name: clamp(name, LIMITS.nameLength), updatedAt: now } : item));
  return makeStore(drafts, store.activeId, store.removed);
}

/**
 * One draft from two tabs: the one with the newer `updatedAt` (`mine` on a tie),
 * with the later of the two `exportedAt` and the earlier `createdAt`.
 */
function mergeDraft(mine: Draft, theirs: Draft): Draft {
  const winner = theirs.updatedAt > mine.updatedAt ? theirs : mine;
  const exportedAt = Math.max(mine.exportedAt ?? -Infinity, theirs.exportedAt ?? -Infinity);
  const createdAt = Math.min(mine.createdAt, theirs.createdAt);
  if (createdAt === winner.createdAt && (exportedAt === -Infinity || exportedAt === winner.exportedAt)) return winner;
  const { exportedAt: _exported, ...fields } = winner;
  return { ...fields, createdAt, ...(exportedAt !== -Infinity ? { exportedAt } : {}) };
}

/**
 * Two tabs: merge what is stored now with this tab's store. For an id on both
 * sides, the draft with the newer `updatedAt` wins (this tab's on a tie), with the
 * later of the two `exportedAt` and the earlier `createdAt`. A draft on one side
 * only is kept, except a draft the other side deleted (a removal marker) when this
 * copy is no newer than the deleted one: a copy changed after the deletion is kept,
 * never losing newer text. Markers of both sides are kept, except for ids present.
 * Order: this tab's drafts, then the stored-only ones. Active: this tab's, if it
 * still exists.
 */
export function mergeDrafts(mine: DraftStore, stored: DraftStore): DraftStore {
  const removed = mergeRemoved(mine.removed, stored.removed);
  const theirs = new Map(stored.drafts.map((draft) => [draft.id, draft] as const));
  const mineIds = new Set(mine.drafts.map((draft) => draft.id));
  const merged: Draft[] = mine.drafts.map((draft) => {
    const other = theirs.get(draft.id);
    return other ? mergeDraft(draft, other) : draft;
  });
  for (const draft of stored.drafts) if (!mineIds.has(draft.id)) merged.push(draft);
  const drafts = merged.filter((draft) => survivesRemoval(removed, draft.id, draft.updatedAt));
  return makeStore(drafts, pickActive(drafts, mine.activeId ?? stored.activeId), tidy(removed, drafts));
}

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function cryptoRandom(): number {
  const source = globalThis.crypto;
  if (!source?.getRandomValues) return Math.random();
  return source.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

/** A new draft id, `d-` and 12 base-36 characters (`random` for tests; crypto by default). */
export function newDraftId(random: () => number = cryptoRandom): string {
  let id = 'd-';
  for (let i = 0; i < 12; i++) {
    const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
    id += ID_ALPHABET[Math.floor(r * ID_ALPHABET.length)];
  }
  return id;
}
