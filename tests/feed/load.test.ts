/**
 * The loader against a real HTTP server (routes in web-test-runner.config.mjs):
 * /__feed/<behaviour>?k=<key>, /__feed/hits?k=<key>, /__feed/mode?k=<key>&m=<behaviour>.
 */
import { expect } from '@open-wc/testing';
import {
  FeedLoadError,
  loadFeed,
  reloadFeed,
  resetFeeds,
  watchFeed,
  type FeedState,
} from '../../src/feed/load.js';
import {
  CacheApiStore,
  LocalStorageStore,
  MemoryStore,
  feedCache,
  setFeedCache,
  type FeedCacheStore,
} from '../../src/feed/cache.js';
import { registry } from '../../src/shared/registry.js';
import { until } from '../helpers/until.js';

let counter = 0;
/** A key unique to this test run, so the server's counters start at zero. */
const freshKey = () => `k${Math.random().toString(36).slice(2)}${++counter}`;
const url = (route: string, key: string) => new URL(`/__feed/${route}?k=${key}`, location.href).href;

async function hits(key: string): Promise<number> {
  const response = await fetch(`/__feed/hits?k=${key}`);
  return ((await response.json()) as { hits: number }).hits;
}

async function setMode(key: string, mode: string): Promise<void> {
  await fetch(`/__feed/mode?k=${key}&m=${mode}`);
}

async function failure(promise: Promise<unknown>): Promise<FeedLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedLoadError);
    return error as FeedLoadError;
  }
  throw new Error('expected the load to fail');
}

/** Collects every state a watch goes through. */
function record(feedUrl: string, options = {}): { states: FeedState[]; stop: () => void } {
  const states: FeedState[] = [];
  const stop = watchFeed(feedUrl, (state) => states.push(state), options);
  return { states, stop };
}

const describeState = (state: FeedState) =>
  state.status === 'ready'
    ? `ready:${state.snapshot.source}${state.snapshot.offline ? ':offline' : ''}:${state.snapshot.feed.tools.length}`
    : state.status === 'error'
      ? `error:${state.error.code}`
      : 'loading';

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
});

after(() => {
  resetFeeds();
  setFeedCache();
});

describe('loadFeed: network', () => {
  it('loads and validates a feed', async () => {
    const key = freshKey();
    const snapshot = await loadFeed(url('ok', key));
    expect(snapshot.source).to.equal('network');
    expect(snapshot.offline).to.equal(false);
    expect(snapshot.feed.tools.map((t) => t.id)).to.deep.equal(['price-guide', 'gt-only']);
    expect(snapshot.issues).to.deep.equal([]);
    expect(await hits(key)).to.equal(1);
  });

  it('resolves a relative address against the page', async () => {
    const key = freshKey();
    const snapshot = await loadFeed(`/__feed/ok?k=${key}`);
    expect(snapshot.url).to.equal(url('ok', key));
  });

  it('makes one request however many widgets ask', async () => {
    const key = freshKey();
    const feedUrl = url('ok', key);
    const watcher = record(feedUrl);
    const results = await Promise.all([loadFeed(feedUrl), loadFeed(feedUrl), loadFeed(feedUrl)]);
    await until(() => watcher.states.some((s) => s.status === 'ready'), 'the watcher');
    watcher.stop();
    expect(results.every((r) => r.feed === results[0]!.feed)).to.equal(true);
    expect(await loadFeed(feedUrl)).to.equal(results[0]);
    expect(await hits(key)).to.equal(1);
  });

  it('makes one request for two separately loaded copies of the library', async () => {
    const key = freshKey();
    const feedUrl = url('ok', key);
    // A second copy of the module (another bundle on the page): same registry, own state.
    const copy = (await import(/* a second module instance */ `../../src/feed/load.ts?copy=${key}`)) as typeof import('../../src/feed/load.js');
    expect(copy.loadFeed).not.to.equal(loadFeed);
    const [mine, theirs] = await Promise.all([loadFeed(feedUrl), copy.loadFeed(feedUrl)]);
    expect(mine.feed.tools).to.have.length(2);
    expect(theirs.feed.tools).to.have.length(2);
    expect(await hits(key)).to.equal(1);
    expect(registry().feeds.has(feedUrl)).to.equal(true);
  });

  it('shares one page registry between copies through a versioned Symbol.for key', async () => {
    const copy = (await import(
      /* a second module instance */ `../../src/shared/registry.ts?copy=${freshKey()}`
    )) as typeof import('../../src/shared/registry.js');
    expect(copy.registry).not.to.equal(registry);
    expect(copy.registry()).to.equal(registry());
    const key = Symbol.for('infomipyme-widgets.registry.v1');
    expect((globalThis as unknown as Record<symbol, unknown>)[key]).to.equal(registry());
    expect(Object.keys(globalThis)).not.to.include('infomipyme-widgets.registry.v1');
  });

  const failures: Array<{ route: string; code: string; status?: number; says: RegExp }> = [
    { route: 'not-found', code: 'http', status: 404, says: /No feed was found at .*404/ },
    { route: 'server-error', code: 'http', status: 500, says: /answered with error 500/ },
    { route: 'html', code: 'not-json', says: /returns a web page, not a feed/ },
    { route: 'truncated', code: 'not-json', says: /not valid JSON/ },
    { route: 'newer', code: 'not-feed', says: /version 2.*newer/ },
    { route: 'down', code: 'network', says: /could not be reached/ },
  ];
  for (const row of failures) {
    it(`${row.route} → ${row.code}`, async () => {
      const key = freshKey();
      const error = await failure(loadFeed(url(row.route, key)));
      expect(error.code).to.equal(row.code);
      expect(error.status).to.equal(row.status);
      expect(error.message).to.match(row.says);
      expect(error.url).to.equal(url(row.route, key));
    });
  }

  it('gives up after the timeout with a clear error', async () => {
    const error = await failure(loadFeed(url('hang', freshKey()), { timeout: 200 }));
    expect(error.code).to.equal('timeout');
    expect(error.message).to.match(/did not answer within 1 s\./);
  });

  it('stops waiting when the caller aborts', async () => {
    const controller = new AbortController();
    const pending = loadFeed(url('hang', freshKey()), { signal: controller.signal, timeout: 5000 });
    controller.abort();
    expect((await failure(pending)).code).to.equal('aborted');
  });

  it('refuses addresses that are not http(s), and an empty one', async () => {
    expect((await failure(loadFeed('javascript:alert(1)'))).code).to.equal('bad-url');
    expect((await failure(loadFeed('  '))).code).to.equal('no-url');
    expect((await failure(loadFeed('  '))).message).to.match(/data-mipyme-feed/);
  });

  it('retries on demand after an error', async () => {
    const key = freshKey();
    const feedUrl = url('switch', key);
    await setMode(key, 'server-error');
    const watcher = record(feedUrl);
    await until(() => watcher.states.at(-1)?.status === 'error', 'the error');
    await setMode(key, 'ok');
    reloadFeed(feedUrl);
    await until(() => watcher.states.at(-1)?.status === 'ready', 'the retry');
    watcher.stop();
    expect(watcher.states.map(describeState)).to.deep.equal(['loading', 'error:http', 'loading', 'ready:network:2']);
    expect(await hits(key)).to.equal(2);
  });
});

describe('loadFeed: offline cache (stale-while-revalidate)', () => {
  async function visitOnce(feedUrl: string): Promise<void> {
    await loadFeed(feedUrl);
    await until(async () => (await feedCache().read(feedUrl)) !== undefined, 'the cache write');
    resetFeeds(); // a new page visit
  }

  it('shows the cached copy at once, then the network copy when it arrives', async () => {
    const key = freshKey();
    const feedUrl = url('switch', key);
    await visitOnce(feedUrl);
    await setMode(key, 'ok-v2');
    const watcher = record(feedUrl);
    await until(() => watcher.states.some((s) => s.status === 'ready' && s.snapshot.source === 'network'), 'the network copy');
    watcher.stop();
    expect(watcher.states.map(describeState)).to.deep.equal(['loading', 'ready:cache:2', 'ready:network:3']);
    expect(JSON.parse((await feedCache().read(feedUrl))!.text).tools).to.have.length(3);
  });

  it('an unchanged feed from the network keeps the parsed copy on screen (no second parse, same indexes)', async () => {
    const key = freshKey();
    const feedUrl = url('switch', key);
    await visitOnce(feedUrl);
    const watcher = record(feedUrl);
    await until(() => watcher.states.some((s) => s.status === 'ready' && s.snapshot.source === 'network'), 'the network copy');
    watcher.stop();
    expect(watcher.states.map(describeState)).to.deep.equal(['loading', 'ready:cache:2', 'ready:network:2']);
    const [fromCache, fromNetwork] = watcher.states.filter((s) => s.status === 'ready');
    if (fromCache?.status !== 'ready' || fromNetwork?.status !== 'ready') throw new Error('expected two ready states');
    expect(fromNetwork.snapshot.feed).to.equal(fromCache.snapshot.feed);
    expect(fromNetwork.snapshot.fetchedAt).to.be.at.least(fromCache.snapshot.fetchedAt);
    expect(fromNetwork.snapshot.offline).to.equal(false);
  });

  it('shows the last good copy offline, and says when it was fetched', async () => {
    const key = freshKey();
    const feedUrl = url('switch', key);
    await visitOnce(feedUrl);
    const saved = (await feedCache().read(feedUrl))!;
    await setMode(key, 'down');
    const first = await loadFeed(feedUrl);
    expect(first.source).to.equal('cache');
    const watcher = record(feedUrl);
    await until(() => watcher.states.some((s) => s.status === 'ready' && s.snapshot.offline), 'the offline state');
    watcher.stop();
    const last = watcher.states.at(-1)!;
    if (last.status !== 'ready') throw new Error('expected ready');
    expect(last.snapshot.offline).to.equal(true);
    expect(last.snapshot.fetchedAt).to.equal(saved.fetchedAt);
    expect(last.snapshot.networkError?.code).to.equal('network');
    expect(last.snapshot.feed.tools).to.have.length(2);
  });

  it('keeps the last good copy when the server starts sending a broken feed', async () => {
    const key = freshKey();
    const feedUrl = url('switch', key);
    await visitOnce(feedUrl);
    await setMode(key, 'truncated');
    const watcher = record(feedUrl);
    await until(() => watcher.states.some((s) => s.status === 'ready' && s.snapshot.offline), 'the fallback');
    watcher.stop();
    expect(watcher.states.map(describeState)).to.deep.equal(['loading', 'ready:cache:2', 'ready:cache:offline:2']);
    expect(JSON.parse((await feedCache().read(feedUrl))!.text).tools).to.have.length(2);
  });

  it('never caches a feed that failed validation', async () => {
    const key = freshKey();
    const feedUrl = url('newer', key);
    await failure(loadFeed(feedUrl));
    expect(await feedCache().read(feedUrl)).to.equal(undefined);
  });

  it('is an error when there is neither network nor cache', async () => {
    const error = await failure(loadFeed(url('down', freshKey())));
    expect(error.code).to.equal('network');
  });
});

describe('feed cache stores', () => {
  const stores: Array<[string, () => FeedCacheStore]> = [
    ['Cache API', () => new CacheApiStore()],
    ['localStorage', () => new LocalStorageStore()],
    ['memory', () => new MemoryStore()],
  ];
  for (const [name, make] of stores) {
    it(`${name}: write, read back, remove`, async () => {
      const store = make();
      const feedUrl = url('ok', freshKey());
      await store.write(feedUrl, { text: '{"version":1}', fetchedAt: 1234 });
      expect(await store.read(feedUrl)).to.deep.equal({ text: '{"version":1}', fetchedAt: 1234 });
      await store.remove(feedUrl);
      expect(await store.read(feedUrl)).to.equal(undefined);
    });
  }

  it('a corrupt or failing store never breaks loading', async () => {
    const broken: FeedCacheStore = {
      read: () => Promise.reject(new Error('corrupt')),
      write: () => Promise.reject(new DOMException('full', 'QuotaExceededError')),
      remove: () => Promise.reject(new Error('x')),
    };
    setFeedCache(broken);
    const snapshot = await loadFeed(url('ok', freshKey()));
    expect(snapshot.feed.tools).to.have.length(2);
  });

  it('localStorage keys are namespaced and nothing else is touched', async () => {
    localStorage.setItem('host-key', 'host value');
    const store = new LocalStorageStore();
    const feedUrl = url('ok', freshKey());
    await store.write(feedUrl, { text: 'x', fetchedAt: 1 });
    expect(localStorage.getItem(`infomipyme-widgets.feed.v1:${feedUrl}`)).to.be.a('string');
    await store.remove(feedUrl);
    expect(localStorage.getItem('host-key')).to.equal('host value');
    localStorage.removeItem('host-key');
  });
});
