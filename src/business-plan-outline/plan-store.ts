/**
 * Business plans kept on the device: nothing ever lost, safe with two tabs.
 *
 * Stored with `src/shared/storage.ts` under `infomipyme-widgets.business-plan.plans`,
 * version 1, as `{ plans, activeId, removed? }`. Everything read back is validated
 * by hand, with the same checks as a file import ({@link readPlanDocument}):
 *
 * - storage blocked → an empty list and `problem: 'unavailable'`;
 * - a store that cannot be read at all, or written by a **newer** version of the
 *   library → storage.ts moves it aside untouched (`keptAs`), `problem: 'unreadable'`;
 * - a readable store with some invalid plans → the whole stored value is first
 *   copied aside (`keptAs`), then the valid plans are written back and returned,
 *   with `problem: 'unreadable'` and how many were `dropped`. When the copy cannot
 *   be made (storage full) the stored value is left as it is.
 * - {@link savePlans} never overwrites a stored value it cannot read (a newer
 *   version written by another tab meanwhile): it is moved aside first, and when
 *   that is impossible nothing is written (`full`).
 *
 * ## Two tabs
 *
 * Save as `savePlans(mergePlans(mine, loadPlans().store))`. {@link mergePlans} keeps,
 * for every answer, the text with the newer `updatedAt`, so a second open tab never
 * overwrites newer text. A removed plan leaves a small marker (`removed`: plan id →
 * the plan's `updatedAt` when it was removed) so a merge with another tab's copy
 * does not bring it back; a copy changed *after* that (edited in the other tab) is
 * kept, since its text is newer.
 *
 * The list operations are pure: they return a new store and never change theirs.
 */
import { readStored, STORAGE_PREFIX, writeStored } from '../shared/storage.js';
import { PLANS_STORAGE_NAME } from '../shared/storage-names.js';
import { markRemoved, mergeRemoved, readRemoved, removedMap, survivesRemoval, tidyRemoved, withRemoved, type RemovalMarkers } from '../shared/removal-markers.js';
import { clampText, PLAN_LIMITS, type Answer, type PlanDocument } from './plan-core.js';

export interface PlanStore {
  readonly plans: readonly PlanDocument[];
  readonly activeId: string | undefined;
  /**
   * Plans removed on this device: id → the plan's `updatedAt` when it was removed.
   * A copy of that plan no newer than this is not brought back by a merge.
   */
  readonly removed?: Readonly<Record<string, number>> | undefined;
}

export interface LoadedPlans {
  readonly store: PlanStore;
  readonly problem?: 'unavailable' | 'unreadable' | undefined;
  /** The full storage key where the unreadable value was kept. */
  readonly keptAs?: string | undefined;
  /** How many stored plans were invalid (or had the id of another) and are not in `store` as they were (they are in `keptAs`). */
  readonly dropped?: number | undefined;
}

export type SaveResult =
  | { readonly ok: true; /** A stored value this version cannot read was moved here before writing. */ readonly keptAs?: string | undefined }
  | { readonly ok: false; readonly reason: 'full' | 'unavailable' };

export { PLANS_STORAGE_NAME };
export const PLANS_VERSION = 1;

export const EMPTY_PLANS: PlanStore = Object.freeze({ plans: Object.freeze([]) as readonly PlanDocument[], activeId: undefined });

// ---------------------------------------------------------------- validation

type Fields = Readonly<Record<string, unknown>>;
const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An own property only: nothing comes from a (possibly polluted) prototype. */
const own = (record: Fields, key: string): unknown => (Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined);
/** Milliseconds since the epoch that a `Date` can hold. */
const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 8.64e15;
const isBoundedString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** Plan ids, outline ids and answer keys (`section/question`). */
const ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,160}$/;
const isId = (value: unknown): value is string => typeof value === 'string' && ID.test(value);
/** The cash-flow widget's draft ids are its own business: any short text. */
const CASH_FLOW_ID_LENGTH = 160;

type ReadResult = { readonly ok: true; readonly plan: PlanDocument } | { readonly ok: false; readonly detail: string };

/**
 * Validate anything as a plan, by hand: a clean copy (known fields only, fresh objects,
 * nothing shared with the input) or why it is not one (in English, for developers).
 * `businessName` may be missing (read as `''`); `exportedAt` and `cashFlowId` may be
 * missing or null.
 */
export function readPlanDocument(value: unknown): ReadResult {
  const bad = (detail: string): ReadResult => ({ ok: false, detail });
  if (!isRecord(value)) return bad('plan is not an object');
  const id = own(value, 'id');
  const outlineId = own(value, 'outlineId');
  const name = own(value, 'name');
  const businessName = own(value, 'businessName') ?? '';
  const answers = own(value, 'answers');
  const createdAt = own(value, 'createdAt');
  const updatedAt = own(value, 'updatedAt');
  const exportedAt = own(value, 'exportedAt') ?? undefined;
  const cashFlowId = own(value, 'cashFlowId') ?? undefined;
  if (!isId(id)) return bad('plan.id must be an id (letters, digits, . _ : / -; at most 161 characters)');
  if (!isId(outlineId)) return bad('plan.outlineId must be an id');
  if (!isBoundedString(name, PLAN_LIMITS.nameLength)) return bad(`plan.name must be a text of at most ${PLAN_LIMITS.nameLength} characters`);
  if (!isBoundedString(businessName, PLAN_LIMITS.businessNameLength)) {
    return bad(`plan.businessName must be a text of at most ${PLAN_LIMITS.businessNameLength} characters`);
  }
  if (!isTime(createdAt)) return bad('plan.createdAt must be a time (milliseconds since 1970)');
  if (!isTime(updatedAt)) return bad('plan.updatedAt must be a time (milliseconds since 1970)');
  if (exportedAt !== undefined && !isTime(exportedAt)) return bad('plan.exportedAt must be a time (milliseconds since 1970)');
  if (cashFlowId !== undefined && (typeof cashFlowId !== 'string' || cashFlowId === '' || cashFlowId.length > CASH_FLOW_ID_LENGTH)) {
    return bad(`plan.cashFlowId must be a text of 1 to ${CASH_FLOW_ID_LENGTH} characters`);
  }
  if (!isRecord(answers)) return bad('plan.answers must be an object');
  const keys = Object.keys(answers);
  if (keys.length > PLAN_LIMITS.answers) return bad(`plan.answers has ${keys.length} answers; at most ${PLAN_LIMITS.answers}`);
  const clean: Array<[string, Answer]> = [];
  for (const key of keys) {
    if (!ID.test(key)) return bad(`plan.answers has a key that is not section/question: ${JSON.stringify(key.slice(0, 40))}`);
    const answer = own(answers, key);
    if (!isRecord(answer)) return bad(`plan.answers[${JSON.stringify(key)}] is not an object`);
    const text = own(answer, 'text');
    const at = own(answer, 'updatedAt');
    if (!isBoundedString(text, PLAN_LIMITS.answerLength)) {
      return bad(`plan.answers[${JSON.stringify(key)}].text must be a text of at most ${PLAN_LIMITS.answerLength} characters`);
    }
    if (!isTime(at)) return bad(`plan.answers[${JSON.stringify(key)}].updatedAt must be a time`);
    clean.push([key, { text, updatedAt: at }]);
  }
  return {
    ok: true,
    plan: {
      id,
      outlineId,
      name,
      businessName,
      // fromEntries defines own properties: a `constructor` key is plain data.
      answers: Object.fromEntries(clean),
      createdAt,
      updatedAt,
      ...(exportedAt !== undefined ? { exportedAt } : {}),
      ...(cashFlowId !== undefined ? { cashFlowId } : {}),
    },
  };
}

export function isValidPlanDocument(value: unknown): value is PlanDocument {
  return readPlanDocument(value).ok;
}

/** A clean copy of a plan: known fields only, in a stable order, no undefined fields. */
function cleanPlan(plan: PlanDocument): PlanDocument {
  return {
    id: plan.id,
    outlineId: plan.outlineId,
    name: plan.name,
    businessName: plan.businessName,
    answers: Object.fromEntries(Object.entries(plan.answers).map(([key, answer]) => [key, { text: answer.text, updatedAt: answer.updatedAt }])),
    createdAt: plan.createdAt,
    updatedAt: plan.updatedAt,
    ...(plan.exportedAt !== undefined ? { exportedAt: plan.exportedAt } : {}),
    ...(plan.cashFlowId !== undefined ? { cashFlowId: plan.cashFlowId } : {}),
  };
}

// ---------------------------------------------------------------- store shape

function pickActive(plans: readonly PlanDocument[], wanted: string | undefined): string | undefined {
  if (wanted !== undefined && plans.some((plan) => plan.id === wanted)) return wanted;
  return plans[0]?.id;
}

function makeStore(plans: readonly PlanDocument[], activeId: string | undefined, removed: RemovalMarkers | undefined): PlanStore {
  return withRemoved({ plans, activeId }, removed);
}

/** The newest markers whose plan is not in `plans`; undefined when none. */
const tidy = (removed: ReadonlyMap<string, number>, plans: readonly PlanDocument[]) => tidyRemoved(removed, plans.map((plan) => plan.id));

interface Migrated {
  readonly store: PlanStore;
  readonly dropped: number;
  readonly original: unknown;
}

function migrate(data: unknown, version: number): Migrated | undefined {
  if (version !== PLANS_VERSION) return undefined; // newer (or unknown): storage.ts keeps it aside
  if (!isRecord(data)) return undefined;
  const list = own(data, 'plans');
  if (!Array.isArray(list)) return undefined;
  const byId = new Map<string, PlanDocument>();
  let dropped = 0;
  for (const item of list) {
    const read = readPlanDocument(item);
    if (!read.ok) {
      dropped++;
      continue;
    }
    const twin = byId.get(read.plan.id);
    if (twin) dropped++; // merged, answer by answer; the original is kept aside
    byId.set(read.plan.id, twin ? mergePlan(twin, read.plan) : read.plan);
  }
  const plans = [...byId.values()];
  const active = own(data, 'activeId');
  const store = makeStore(plans, pickActive(plans, typeof active === 'string' ? active : undefined), tidy(readRemoved(own(data, 'removed'), isId), plans));
  return { store, dropped, original: data };
}

function serialise(store: PlanStore): unknown {
  return { plans: store.plans.map(cleanPlan), activeId: store.activeId, ...(store.removed ? { removed: store.removed } : {}) };
}

// ---------------------------------------------------------------- load and save

/** Read the plans saved on this device. Never throws; see the module notes for `problem`. */
export function loadPlans(now: () => number = Date.now): LoadedPlans {
  const result = readStored(PLANS_STORAGE_NAME, migrate, now);
  switch (result.status) {
    case 'empty':
      return { store: EMPTY_PLANS };
    case 'unavailable':
      return { store: EMPTY_PLANS, problem: 'unavailable' };
    case 'unreadable':
      return { store: EMPTY_PLANS, problem: 'unreadable', keptAs: result.keptAs };
    case 'ok': {
      const { store, dropped, original } = result.data;
      if (dropped === 0) return { store };
      const asideName = `${PLANS_STORAGE_NAME}.unreadable.${now()}`;
      const aside = writeStored(asideName, PLANS_VERSION, original, now);
      if (!aside.ok) return { store, problem: 'unreadable', keptAs: undefined, dropped };
      writeStored(PLANS_STORAGE_NAME, PLANS_VERSION, serialise(store), now);
      return { store, problem: 'unreadable', keptAs: STORAGE_PREFIX + asideName, dropped };
    }
  }
}

/**
 * Save the plans (replacing what is stored: merge first, see the module notes).
 * `full` when the browser's quota is reached. A stored value this version cannot
 * read (written meanwhile by a newer version) is moved aside first (`keptAs`);
 * when it cannot be, nothing is written.
 */
export function savePlans(store: PlanStore, now: () => number = Date.now): SaveResult {
  // Only the version is checked here: the plans of a version-1 store are this tab's to replace.
  const current = readStored(PLANS_STORAGE_NAME, (_data, version) => (version === PLANS_VERSION ? true : undefined), now);
  if (current.status === 'unreadable' && current.keptAs === undefined) return { ok: false, reason: 'full' };
  const written = writeStored(PLANS_STORAGE_NAME, PLANS_VERSION, serialise(store), now);
  if (!written.ok) return written;
  return current.status === 'unreadable' ? { ok: true, keptAs: current.keptAs } : { ok: true };
}

// ---------------------------------------------------------------- list operations

/** Replace the plan with the same id (in place) or append it; it becomes the active one. */
export function upsertPlan(store: PlanStore, plan: PlanDocument): PlanStore {
  const index = store.plans.findIndex((item) => item.id === plan.id);
  const plans = index < 0 ? [...store.plans, plan] : store.plans.map((item, i) => (i === index ? plan : item));
  const removed = removedMap(store.removed);
  removed.delete(plan.id);
  return makeStore(plans, plan.id, tidy(removed, plans));
}

/**
 * Remove a plan (leaving a marker so a merge with another tab does not bring it back).
 * When it was the active one, the next plan (else the previous) becomes active.
 */
export function removePlan(store: PlanStore, id: string): PlanStore {
  const index = store.plans.findIndex((item) => item.id === id);
  const plan = store.plans[index];
  if (!plan) return store;
  const plans = store.plans.filter((_, i) => i !== index);
  const activeId = store.activeId === id ? (plans[index] ?? plans[index - 1])?.id : store.activeId;
  const removed = markRemoved(removedMap(store.removed), id, plan.updatedAt);
  return makeStore(plans, activeId, tidy(removed, plans));
}

/**
 * Copy plan `id` as `newId` named `name` (at most 120 characters), right after it,
 * created and changed `now`, never exported; the copy becomes active. Unchanged store
 * when `id` is missing or `newId` is taken.
 */
export function duplicatePlan(store: PlanStore, id: string, newId: string, name: string, now: number): PlanStore {
  const index = store.plans.findIndex((item) => item.id === id);
  const source = store.plans[index];
  if (!source || store.plans.some((item) => item.id === newId)) return store;
  const { exportedAt: _exported, ...rest } = source;
  const copy: PlanDocument = { ...rest, id: newId, name: clampText(name, PLAN_LIMITS.nameLength), createdAt: now, updatedAt: now };
  const plans = [...store.plans.slice(0, index + 1), copy, ...store.plans.slice(index + 1)];
  const removed = removedMap(store.removed);
  removed.delete(newId);
  return makeStore(plans, newId, tidy(removed, plans));
}

/** Rename plan `id` (at most 120 characters), changed `now`. Unchanged store when `id` is missing. */
export function renamePlan(store: PlanStore, id: string, name: string, now: number): PlanStore {
  if (!store.plans.some((item) => item.id === id)) return store;
  const plans = store.plans.map((item) => (item.id === id ? { ...item, name: clampText(name, PLAN_LIMITS.nameLength), updatedAt: now } : item));
  return makeStore(plans, store.activeId, store.removed);
}

/**
 * One plan from two tabs: each answer from the side where it is newer (`mine` on a tie),
 * the plan's own fields from the side with the newer `updatedAt` (`mine` on a tie),
 * the later `exportedAt`, the earlier `createdAt`.
 */
export function mergePlan(mine: PlanDocument, theirs: PlanDocument): PlanDocument {
  const winner = theirs.updatedAt > mine.updatedAt ? theirs : mine;
  const answers = new Map<string, Answer>(Object.entries(mine.answers));
  for (const [key, answer] of Object.entries(theirs.answers)) {
    const current = answers.get(key);
    if (!current || answer.updatedAt > current.updatedAt) answers.set(key, answer);
  }
  const exportedAt = Math.max(mine.exportedAt ?? -Infinity, theirs.exportedAt ?? -Infinity);
  const { exportedAt: _exported, ...fields } = winner;
  return {
    ...fields,
    answers: Object.fromEntries(answers),
    createdAt: Math.min(mine.createdAt, theirs.createdAt),
    ...(exportedAt !== -Infinity ? { exportedAt } : {}),
  };
}

/**
 * Two tabs: merge per ANSWER — for each plan id present on either side, keep each answer
 * with the newer updatedAt, so a second open tab never overwrites newer text; plan-level
 * fields from the side with the newer updatedAt; plans on only one side are kept, except
 * a plan the other side removed when this copy is no newer than the removed one.
 * Order: this tab's plans, then the stored-only ones. Active: this tab's, if it still exists.
 */
export function mergePlans(mine: PlanStore, stored: PlanStore): PlanStore {
  const removed = mergeRemoved(mine.removed, stored.removed);
  const theirs = new Map(stored.plans.map((plan) => [plan.id, plan] as const));
  const mineIds = new Set(mine.plans.map((plan) => plan.id));
  const merged: PlanDocument[] = mine.plans.map((plan) => {
    const other = theirs.get(plan.id);
    return other ? mergePlan(plan, other) : plan;
  });
  for (const plan of stored.plans) if (!mineIds.has(plan.id)) merged.push(plan);
  const plans = merged.filter((plan) => survivesRemoval(removed, plan.id, plan.updatedAt));
  return makeStore(plans, pickActive(plans, mine.activeId ?? stored.activeId), tidy(removed, plans));
}

// ---------------------------------------------------------------- ids

const ID_ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

function cryptoRandom(): number {
  const source = globalThis.crypto;
  if (!source?.getRandomValues) return Math.random();
  return source.getRandomValues(new Uint32Array(1))[0]! / 2 ** 32;
}

/** A new plan id, `p-` and 12 base-36 characters (`random` for tests; crypto by default). */
export function newPlanId(random: () => number = cryptoRandom): string {
  let id = 'p-';
  for (let i = 0; i < 12; i++) {
    const r = Math.min(Math.max(random(), 0), 1 - Number.EPSILON);
    id += ID_ALPHABET[Math.floor(r * ID_ALPHABET.length)];
  }
  return id;
}

// ---------------------------------------------------------------- file

/** JSON file to share with an advisor; imports back exactly. */
export interface PlanFile {
  readonly format: 'infomipyme-business-plan';
  readonly version: 1;
  readonly exportedAt: string;
  readonly plan: PlanDocument;
}

export const PLAN_FILE_FORMAT = 'infomipyme-business-plan';
export const PLAN_FILE_VERSION = 1;

/** The `.json` file's text: `{ format, version: 1, exportedAt, plan }`, indented. */
export function planToJson(plan: PlanDocument, now: Date): string {
  const exportedAt = Number.isNaN(now.getTime()) ? new Date(0).toISOString() : now.toISOString();
  const file: PlanFile = { format: PLAN_FILE_FORMAT, version: PLAN_FILE_VERSION, exportedAt, plan: cleanPlan(plan) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export type PlanImportError = 'not-json' | 'wrong-format' | 'newer-version' | 'invalid';

/**
 * Never throws; validates everything by hand ({@link readPlanDocument}): bounded strings
 * (name ≤ 120, businessName ≤ 160, answer text ≤ 20,000), ≤ 2,000 answers, ids and answer
 * keys /^[A-Za-z0-9][A-Za-z0-9._:/-]{0,160}$/; unknown fields ignored; `__proto__` and
 * `constructor` keys pollute nothing; whole file ≤ 5,000,000 characters. `detail` says
 * what is wrong, in English, for developers and support.
 */
export function jsonToPlan(
  text: string,
): { readonly ok: true; readonly plan: PlanDocument } | { readonly ok: false; readonly error: PlanImportError; readonly detail?: string | undefined } {
  if (typeof text !== 'string') return { ok: false, error: 'not-json' };
  if (text.length > PLAN_LIMITS.fileLength) {
    return { ok: false, error: 'invalid', detail: `the file is larger than ${PLAN_LIMITS.fileLength} characters` };
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isRecord(data) || own(data, 'format') !== PLAN_FILE_FORMAT) return { ok: false, error: 'wrong-format' };
  const version = own(data, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: 'wrong-format' };
  if (version > PLAN_FILE_VERSION) return { ok: false, error: 'newer-version', detail: `version ${version}` };
  const plan = readPlanDocument(own(data, 'plan'));
  if (!plan.ok) return { ok: false, error: 'invalid', detail: plan.detail };
  return { ok: true, plan: plan.plan };
}
