/**
 * Versioned, namespaced local storage. Everything the library stores lives
 * under `infomipyme-widgets.<name>`; nothing else on the page is ever touched.
 * Values are wrapped as `{ v: version, at: savedAt, data }` and validated when
 * read back. A value that cannot be read is never dropped: it is moved aside
 * (`….unreadable.<time>`) so it can still be exported, and the caller is told.
 */

export const STORAGE_PREFIX = 'infomipyme-widgets.';

export type ReadResult<T> =
  | { readonly status: 'ok'; readonly data: T; readonly savedAt: number }
  | { readonly status: 'empty' }
  | { readonly status: 'unavailable' }
  | { readonly status: 'unreadable'; readonly keptAs: string | undefined };

export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly reason: 'full' | 'unavailable' };

function storage(): Storage | undefined {
  try {
    const value = globalThis.localStorage;
    return value ?? undefined;
  } catch {
    return undefined; // blocked (privacy settings, sandboxed frames)
  }
}

/**
 * Read `name`, written with `version`. `migrate` gets the stored data and its
 * version and returns the current shape, or `undefined` when it is not valid.
 */
export function readStored<T>(
  name: string,
  migrate: (data: unknown, version: number) => T | undefined,
  now: () => number = Date.now,
): ReadResult<T> {
  const store = storage();
  if (!store) return { status: 'unavailable' };
  const key = STORAGE_PREFIX + name;
  let raw: string | null;
  try {
    raw = store.getItem(key);
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'empty' };
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed === 'object' && parsed !== null) {
      const { v, at, data } = parsed as Record<string, unknown>;
      if (typeof v === 'number') {
        const value = migrate(data, v);
        if (value !== undefined) return { status: 'ok', data: value, savedAt: typeof at === 'number' ? at : 0 };
      }
    }
  } catch {
    // fall through: unreadable
  }
  const keptAs = `${key}.unreadable.${now()}`;
  try {
    store.setItem(keptAs, raw);
    store.removeItem(key);
    return { status: 'unreadable', keptAs };
  } catch {
    return { status: 'unreadable', keptAs: undefined };
  }
}

export function writeStored(name: string, version: number, data: unknown, now: () => number = Date.now): WriteResult {
  const store = storage();
  if (!store) return { ok: false, reason: 'unavailable' };
  try {
    store.setItem(STORAGE_PREFIX + name, JSON.stringify({ v: version, at: now(), data }));
    return { ok: true };
  } catch (error) {
    const full = error instanceof DOMException && (error.name === 'QuotaExceededError' || error.code === 22);
    return { ok: false, reason: full ? 'full' : 'unavailable' };
  }
}

/** Whether anything is stored under `name` (without reading or checking it: cheap, for a button's visibility). */
export function hasStored(name: string): boolean {
  try {
    return storage()?.getItem(STORAGE_PREFIX + name) != null;
  } catch {
    return false;
  }
}

/** Calls `listener` when another tab changes `name`. Returns a function that stops listening. */
export function onStoredChange(name: string, listener: () => void): () => void {
  if (typeof window === 'undefined') return () => {};
  const key = STORAGE_PREFIX + name;
  const handler = (event: StorageEvent) => {
    if (event.key === key) listener();
  };
  window.addEventListener('storage', handler);
  return () => window.removeEventListener('storage', handler);
}
