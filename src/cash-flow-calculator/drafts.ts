/**
 * Several named cash-flow projections kept on the device, nothing ever lost.
 *
 * Stored with `src/shared/storage.ts` under `infomipyme-widgets.cash-flow.drafts`,
 * version 1, as `{ drafts, activeId }`. Everything read back is validated by hand
 * (`readPlan` from `export.ts`, the same checks as a file import):
 *
 * - storage blocked → an empty list and `problem: 'unavailable'` (nothing can be
 *   kept: the widget says so and offers the file export);
 * - a store that cannot be read at all, or written by a **newer** version of the
 *   library → storage.ts moves it aside untouched (`keptAs`) so it is never
 *   overwritten, and `problem: 'unreadable'`;
 * - a readable store with some invalid drafts → the whole stored value is first
 *   copied aside (`keptAs`), then the valid drafts are written back and returned,
 *   with `problem: 'unreadable'` and how many were `dropped`. When the copy cannot
 *   be made (storage full) the stored value is left as it is, so it is still there
 *   next time.
 *
 * The list operations are pure: they return a new store and never change theirs.
 */
import { readStored, STORAGE_PREFIX, writeStored, type WriteResult } from '../shared/storage.js';
import { LIMITS, readPlan } from './export.js';
import type { CashFlowPlan } from './projection.js';

export interface Draft {
  readonly id: string;
  readonly name: string;
  readonly plan: CashFlowPlan;
  /** Milliseconds since the epoch of the last change. */
  readonly updatedAt: number;
  /** Milliseconds since the epoch of the last export to a file, if any. */
  readonly exportedAt?: number | undefined;
}

export interface DraftStore {
  readonly drafts: readonly Draft[];
  readonly activeId: string | undefined;
}

export interface LoadedDrafts {
  readonly store: DraftStore;
  readonly problem?: 'unavailable' | 'unreadable' | undefined;
  /** The full storage key where the unreadable value was kept. */
  readonly keptAs?: string | undefined;
  /** How many stored drafts were invalid and left out of `store` (they are in `keptAs`). */
  readonly dropped?: number | undefined;
}

/** The storage name (under the library's namespace) and version of the drafts. */
export const DRAFTS_STORAGE_NAME = 'cash-flow.drafts';
export const DRAFTS_VERSION = 1;

export const EMPTY_DRAFTS: DraftStore = Object.freeze({ drafts: Object.freeze([]) as readonly Draft[], activeId: undefined });

type Fields = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (record: Fields, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0;

/** A stored draft, validated and copied; undefined when it is not valid. */
function readDraft(value: unknown): Draft | undefined {
  if (!isRecord(value)) return undefined;
  const id = own(value, 'id');
  const name = own(value, 'name');
  const updatedAt = own(value, 'updatedAt');
  const exportedAt = own(value, 'exportedAt');
  if (typeof id !== 'string' || id === '' || id.length > LIMITS.idLength) return undefined;
  if (typeof name !== 'string' || name.length > LIMITS.nameLength) return undefined;
  if (!isTime(updatedAt)) return undefined;
  if (exportedAt !== undefined && exportedAt !== null && !isTime(exportedAt)) return undefined;
  const plan = readPlan(own(value, 'plan'));
  if (!plan.ok) return undefined;
  return { id, name, plan: plan.plan, updatedAt, ...(isTime(exportedAt) ? { exportedAt } : {}) };
}

interface Migrated {
  readonly store: DraftStore;
  readonly dropped: number;
  readonly original: unknown;
}

function migrate(data: unknown, version: number): Migrated | undefined {
  if (version !== DRAFTS_VERSION) return undefined; // newer (or unknown): storage.ts keeps it aside
  if (!isRecord(data)) return undefined;
  const list = own(data, 'drafts');
  if (!Array.isArray(list)) return undefined;
  const byId = new Map<string, Draft>();
  let dropped = 0;
  for (const item of list) {
    const draft = readDraft(item);
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
  return { store: { drafts, activeId: pickActive(drafts, typeof active === 'string' ? active : undefined) }, dropped, original: data };
}

function pickActive(drafts: readonly Draft[], wanted: string | undefined): string | undefined {
  if (wanted !== undefined && drafts.some((draft) => draft.id === wanted)) return wanted;
  return drafts[0]?.id;
}

function serialise(store: DraftStore): unknown {
  return { drafts: store.drafts, activeId: store.activeId };
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
      const { store, dropped, original } = result.data;
      if (dropped === 0) return { store };
      const asideName = `${DRAFTS_STORAGE_NAME}.unreadable.${now()}`;
      const aside = writeStored(asideName, DRAFTS_VERSION, original, now);
      if (!aside.ok) return { store, problem: 'unreadable', keptAs: undefined, dropped };
      writeStored(DRAFTS_STORAGE_NAME, DRAFTS_VERSION, serialise(store), now);
      return { store, problem: 'unreadable', keptAs: STORAGE_PREFIX + asideName, dropped };
    }
  }
}

/** Save the drafts. `full` when the browser's storage quota is reached. */
export function saveDrafts(store: DraftStore, now: () => number = Date.now): WriteResult {
  return writeStored(DRAFTS_STORAGE_NAME, DRAFTS_VERSION, serialise(store), now);
}

/** Replace the draft with the same id (in place) or append it; it becomes the active one. */
export function upsertDraft(store: DraftStore, draft: Draft): DraftStore {
  const index = store.drafts.findIndex((item) => item.id === draft.id);
  const drafts = index < 0 ? [...store.drafts, draft] : store.drafts.map((item, i) => (i === index ? draft : item));
  return { drafts, activeId: draft.id };
}

/** Remove a draft. When it was the active one, the next draft (else the previous) becomes active. */
export function removeDraft(store: DraftStore, id: string): DraftStore {
  const index = store.drafts.findIndex((item) => item.id === id);
  if (index < 0) return store;
  const drafts = store.drafts.filter((_, i) => i !== index);
  const activeId = store.activeId === id ? (drafts[index] ?? drafts[index - 1])?.id : store.activeId;
  return { drafts, activeId };
}

/** A text cut to `max` UTF-16 units without splitting a surrogate pair. */
function clamp(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/**
 * Copy draft `id` as `newId` named `name` (at most 120 characters), right after
 * it, changed `now`, never exported; the copy becomes active. Unchanged store
 * when `id` is missing or `newId` is taken.
 */
export function duplicateDraft(store: DraftStore, id: string, newId: string, name: string, now: number): DraftStore {
  const index = store.drafts.findIndex((item) => item.id === id);
  const source = store.drafts[index];
  if (!source || store.drafts.some((item) => item.id === newId)) return store;
  const copy: Draft = { id: newId, name: clamp(name, LIMITS.nameLength), plan: source.plan, updatedAt: now };
  return { drafts: [...store.drafts.slice(0, index + 1), copy, ...store.drafts.slice(index + 1)], activeId: newId };
}

/** Rename draft `id` (at most 120 characters), changed `now`. Unchanged store when `id` is missing. */
export function renameDraft(store: DraftStore, id: string, name: string, now: number): DraftStore {
  if (!store.drafts.some((item) => item.id === id)) return store;
  return {
    drafts: store.drafts.map((item) => (item.id === id ? { ...item, name: clamp(name, LIMITS.nameLength), updatedAt: now } : item)),
    activeId: store.activeId,
  };
}

/**
 * Two tabs: merge what is stored now with this tab's store. For an id on both
 * sides, the draft with the newer `updatedAt` wins (this tab's on a tie), with the
 * later of the two `exportedAt`; a draft on one side only is kept (a draft deleted
 * in another tab comes back rather than risk losing text). Order: this tab's
 * drafts, then the stored-only ones. Active: this tab's, if it still exists.
 */
export function mergeDrafts(mine: DraftStore, stored: DraftStore): DraftStore {
  const theirs = new Map(stored.drafts.map((draft) => [draft.id, draft] as const));
  const mineIds = new Set(mine.drafts.map((draft) => draft.id));
  const drafts: Draft[] = mine.drafts.map((draft) => {
    const other = theirs.get(draft.id);
    if (!other) return draft;
    const winner = other.updatedAt > draft.updatedAt ? other : draft;
    const exportedAt = Math.max(draft.exportedAt ?? -Infinity, other.exportedAt ?? -Infinity);
    return exportedAt === -Infinity || exportedAt === winner.exportedAt ? winner : { ...winner, exportedAt };
  });
  for (const draft of stored.drafts) if (!mineIds.has(draft.id)) drafts.push(draft);
  return { drafts, activeId: pickActive(drafts, mine.activeId ?? stored.activeId) };
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
