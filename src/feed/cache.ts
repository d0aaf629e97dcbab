/**
 * The offline copy of each feed: the last response that passed validation,
 * with the time it was fetched. For a feed split by country, each file the
 * page downloaded (the index and the parts it loaded) is kept under its own
 * address, once the page's copy was valid as a whole. Kept in the Cache API where the page is a
 * secure context, else in localStorage (partner sites on plain http), else
 * nowhere. Every failure here is swallowed: a cache never breaks a widget.
 */

export interface CachedFeed {
  readonly text: string;
  readonly fetchedAt: number;
}

export interface FeedCacheStore {
  read(url: string): Promise<CachedFeed | undefined>;
  write(url: string, entry: CachedFeed): Promise<void>;
  remove(url: string): Promise<void>;
}

const CACHE_NAME = 'infomipyme-widgets.feeds.v1';
const STORAGE_PREFIX = 'infomipyme-widgets.feed.v1:';
const FETCHED_AT = 'x-mipyme-fetched-at';

export class CacheApiStore implements FeedCacheStore {
  async read(url: string): Promise<CachedFeed | undefined> {
    const cache = await caches.open(CACHE_NAME);
    const response = await cache.match(url);
    if (!response) return undefined;
    const fetchedAt = Number(response.headers.get(FETCHED_AT));
    return { text: await response.text(), fetchedAt: Number.isFinite(fetchedAt) ? fetchedAt : 0 };
  }

  async write(url: string, entry: CachedFeed): Promise<void> {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(
      url,
      new Response(entry.text, {
        headers: { 'content-type': 'application/json', [FETCHED_AT]: String(entry.fetchedAt) },
      }),
    );
  }

  async remove(url: string): Promise<void> {
    const cache = await caches.open(CACHE_NAME);
    await cache.delete(url);
  }
}

export class LocalStorageStore implements FeedCacheStore {
  async read(url: string): Promise<CachedFeed | undefined> {
    const raw = localStorage.getItem(STORAGE_PREFIX + url);
    if (raw === null) return undefined;
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return undefined;
    const { text, fetchedAt } = value as Record<string, unknown>;
    if (typeof text !== 'string' || typeof fetchedAt !== 'number') return undefined;
    return { text, fetchedAt };
  }

  async write(url: string, entry: CachedFeed): Promise<void> {
    localStorage.setItem(STORAGE_PREFIX + url, JSON.stringify(entry));
  }

  async remove(url: string): Promise<void> {
    localStorage.removeItem(STORAGE_PREFIX + url);
  }
}

export class MemoryStore implements FeedCacheStore {
  private readonly entries = new Map<string, CachedFeed>();
  async read(url: string) {
    return this.entries.get(url);
  }
  async write(url: string, entry: CachedFeed) {
    this.entries.set(url, entry);
  }
  async remove(url: string) {
    this.entries.delete(url);
  }
}

function pickStore(): FeedCacheStore {
  try {
    if (typeof caches !== 'undefined' && globalThis.isSecureContext) return new CacheApiStore();
    if (typeof localStorage !== 'undefined') return new LocalStorageStore();
  } catch {
    // Storage access can throw (blocked third-party storage, privacy modes).
  }
  return new MemoryStore();
}

/** Wraps a store so that no failure (quota, blocked storage, corrupt entry) escapes. */
class SafeStore implements FeedCacheStore {
  constructor(private readonly inner: FeedCacheStore) {}
  async read(url: string) {
    try {
      return await this.inner.read(url);
    } catch {
      return undefined;
    }
  }
  async write(url: string, entry: CachedFeed) {
    try {
      await this.inner.write(url, entry);
    } catch {
      // Full or unavailable: the widget still works online.
    }
  }
  async remove(url: string) {
    try {
      await this.inner.remove(url);
    } catch {
      // Nothing to do.
    }
  }
}

let store: FeedCacheStore | undefined;

/** The page's feed cache. */
export function feedCache(): FeedCacheStore {
  store ??= new SafeStore(pickStore());
  return store;
}

/** Replace the feed cache (tests, or an app with its own storage). Pass nothing to restore the default. */
export function setFeedCache(next?: FeedCacheStore): void {
  store = next ? new SafeStore(next) : undefined;
}
