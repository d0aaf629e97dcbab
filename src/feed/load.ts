/**
 * Loading a feed in the browser:
 * - one network request per URL per page, however many widgets (and however
 *   many copies of the library) ask: requests are shared through the page registry;
 * - a timeout (15 s by default) and failures that say what happened in plain words;
 * - stale-while-revalidate: the last validated copy is shown at once (second
 *   visit, offline), and replaced when the network brings a newer one.
 *
 * No header is added to the request (a custom header would force a CORS
 * preflight on slow links); revalidation is left to the HTTP cache.
 */
import { msg, str } from '@lit/localize';
import { registry, type SharedFeedRequest } from '../shared/registry.js';
import { feedCache } from './cache.js';
import { parseFeed, parseFeedText, type FeedIssue, type ParseFeedResult } from './parse.js';
import type { Feed } from './schema.js';

export const DEFAULT_FEED_TIMEOUT = 15_000;

export type FeedErrorCode =
  | 'no-url'
  | 'bad-url'
  | 'timeout'
  | 'network'
  | 'http'
  | 'not-json'
  | 'not-feed'
  | 'aborted';

/** Why a feed could not be shown. `message` is written for a webmaster. */
export class FeedLoadError extends Error {
  override readonly name = 'FeedLoadError';
  constructor(
    readonly code: FeedErrorCode,
    message: string,
    readonly url: string = '',
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A usable copy of a feed. */
export interface FeedSnapshot {
  readonly url: string;
  readonly feed: Feed;
  /** Items dropped or read with a fallback, for the webmaster. */
  readonly issues: readonly FeedIssue[];
  /** Where this copy came from: the network, the offline cache, or the `data` property. */
  readonly source: 'network' | 'cache' | 'data';
  /** When this copy was fetched from the network (ms since 1970). */
  readonly fetchedAt: number;
  /** The network could not be reached (or sent something unusable), so the cached copy is shown. */
  readonly offline: boolean;
  /** Why the network copy could not be used, when `offline`. */
  readonly networkError?: FeedLoadError | undefined;
}

export type FeedState =
  | { readonly status: 'loading'; readonly url: string }
  | { readonly status: 'ready'; readonly snapshot: FeedSnapshot }
  | { readonly status: 'error'; readonly error: FeedLoadError };

export interface LoadFeedOptions {
  /** Stops waiting (the shared request goes on for other widgets). */
  readonly signal?: AbortSignal | undefined;
  /** Milliseconds before the request is given up; 15 000 by default. */
  readonly timeout?: number | undefined;
}

// ---------------------------------------------------------------- messages

const errors = {
  noUrl: () =>
    new FeedLoadError(
      'no-url',
      msg(
        'No feed address was given. Set the feed attribute on the widget, data-mipyme-feed on the script tag, or call configure({ feed }).',
      ),
    ),
  badUrl: (url: string) =>
    new FeedLoadError('bad-url', msg(str`"${url}" is not a valid feed address.`), url),
  timeout: (url: string, seconds: number) =>
    new FeedLoadError(
      'timeout',
      msg(str`The feed at ${url} did not answer within ${seconds} s. The connection may be slow; try again.`),
      url,
    ),
  network: (url: string) =>
    new FeedLoadError(
      'network',
      msg(
        str`The feed at ${url} could not be reached. The device may be offline, the address may be wrong, or the server may not allow other websites to read it (CORS).`,
      ),
      url,
    ),
  notFound: (url: string) =>
    new FeedLoadError('http', msg(str`No feed was found at ${url} (error 404). Check the address.`), url, 404),
  http: (url: string, status: number) =>
    new FeedLoadError(
      'http',
      msg(str`The server of the feed at ${url} answered with error ${status}. Try again later.`),
      url,
      status,
    ),
  notJson: (url: string, detail: string) =>
    new FeedLoadError('not-json', msg(str`The file at ${url} is not a valid feed: ${detail}`), url),
  webPage: (url: string) =>
    new FeedLoadError(
      'not-json',
      msg(str`The address ${url} returns a web page, not a feed. Use the address of the feed's .json file.`),
      url,
    ),
  notFeed: (url: string, detail: string) =>
    new FeedLoadError('not-feed', msg(str`The file at ${url} cannot be used as a feed: ${detail}`), url),
  aborted: (url: string) => new FeedLoadError('aborted', msg('Loading the feed was cancelled.'), url),
};

// ---------------------------------------------------------------- URL

/** Absolute form of a feed address, resolved against the page; throws `bad-url`. */
export function resolveFeedUrl(url: string): string {
  const trimmed = url.trim();
  if (!trimmed) throw errors.noUrl();
  try {
    const base = typeof document !== 'undefined' ? document.baseURI : undefined;
    const resolved = new URL(trimmed, base);
    if (resolved.protocol !== 'https:' && resolved.protocol !== 'http:') throw new TypeError('protocol');
    resolved.hash = '';
    return resolved.href;
  } catch {
    throw errors.badUrl(trimmed);
  }
}

// ---------------------------------------------------------------- the shared request

/**
 * One plain request for a feed's text, with a timeout and plain-words failures
 * (`FeedLoadError`). No cache, no sharing: what the feed-check page uses to show
 * exactly what the server sends. Widgets use `loadFeed`/`watchFeed`.
 */
export async function fetchFeedText(
  url: string,
  options: LoadFeedOptions = {},
): Promise<{ readonly text: string; readonly fetchedAt: number }> {
  const timeout = options.timeout ?? DEFAULT_FEED_TIMEOUT;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeout);
  const onAbort = () => controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) throw response.status === 404 ? errors.notFound(url) : errors.http(url, response.status);
    return { text: await response.text(), fetchedAt: Date.now() };
  } catch (error) {
    if (error instanceof FeedLoadError) throw error;
    if (options.signal?.aborted) throw errors.aborted(url);
    if (controller.signal.aborted) throw errors.timeout(url, Math.max(1, Math.ceil(timeout / 1000)));
    throw errors.network(url);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function request(url: string, timeout: number): SharedFeedRequest {
  const shared: SharedFeedRequest = { settled: false, cached: false, promise: fetchFeedText(url, { timeout }) };
  shared.promise.then(
    () => (shared.settled = true),
    () => (shared.settled = true),
  );
  return shared;
}

/**
 * The page's request for `url`: started by the first widget that asks, reused by
 * all others; `fresh` starts a new one unless one is already under way.
 */
function sharedRequest(url: string, timeout: number, fresh: boolean): SharedFeedRequest {
  const feeds = registry().feeds;
  const existing = feeds.get(url);
  if (existing && (!fresh || !existing.settled)) return existing;
  const created = request(url, timeout);
  feeds.set(url, created);
  return created;
}

// ---------------------------------------------------------------- parsing, once per response

const parsedTexts = new Map<string, ParseFeedResult>();
const reported = new Set<string>();

function parseText(text: string): ParseFeedResult {
  // Parsing a large feed is the costly part; do it once per distinct body.
  let result = parsedTexts.get(text);
  if (!result) {
    result = parseFeedText(text);
    parsedTexts.clear();
    parsedTexts.set(text, result);
  }
  return result;
}

/** Parse a feed body into a snapshot, or the error a webmaster should see. */
export function toSnapshot(
  url: string,
  text: string,
  fetchedAt: number,
  source: 'network' | 'cache',
): FeedSnapshot | FeedLoadError {
  const result = parseText(text);
  if (!result.ok) {
    if (result.error.code === 'not-json' && /^\s*</.test(text)) return errors.webPage(url);
    return result.error.code === 'not-json'
      ? errors.notJson(url, result.error.message)
      : errors.notFeed(url, result.error.message);
  }
  if (result.issues.length > 0 && source === 'network' && !reported.has(url)) {
    reported.add(url);
    console.warn(
      `infomipyme-widgets: ${result.issues.length} problem(s) in the feed at ${url}; check it with the validator.`,
      result.issues,
    );
  }
  return { url, feed: result.feed, issues: result.issues, source, fetchedAt, offline: false };
}

/** A snapshot made from a feed object given directly (the `data` property). */
export function snapshotFromData(data: unknown): FeedSnapshot | FeedLoadError {
  const result = parseFeed(data);
  if (!result.ok) return errors.notFeed(msg('the data property'), result.error.message);
  return { url: '', feed: result.feed, issues: result.issues, source: 'data', fetchedAt: Date.now(), offline: false };
}

/** A failure from a request another copy of the library may have made. */
function asLoadError(error: unknown, url: string): FeedLoadError {
  if (error instanceof FeedLoadError) return error;
  if (typeof error === 'object' && error !== null && (error as Error).name === 'FeedLoadError') {
    const { code, message, status } = error as FeedLoadError;
    return new FeedLoadError(code, message, url, status);
  }
  return errors.network(url);
}

// ---------------------------------------------------------------- watching a feed

export type FeedListener = (state: FeedState) => void;

interface Watch {
  state: FeedState;
  readonly listeners: Set<FeedListener>;
  run: number;
}

const watches = new Map<string, Watch>();

function publish(watch: Watch, state: FeedState): void {
  watch.state = state;
  for (const listener of [...watch.listeners]) listener(state);
}

async function settle<T>(promise: Promise<T>): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

async function start(url: string, watch: Watch, timeout: number, fresh: boolean): Promise<void> {
  const run = ++watch.run;
  const current = () => run === watch.run;
  if (watch.state.status !== 'ready') publish(watch, { status: 'loading', url });
  const shared = sharedRequest(url, timeout, fresh);
  const cached = watch.state.status === 'ready' ? undefined : await feedCache().read(url);
  if (!current()) return;
  if (cached && !shared.settled) {
    const snapshot = toSnapshot(url, cached.text, cached.fetchedAt, 'cache');
    if (!(snapshot instanceof FeedLoadError)) publish(watch, { status: 'ready', snapshot });
  }
  const response = await settle(shared.promise);
  if (!current()) return;
  let next: FeedSnapshot | FeedLoadError;
  if (response.ok) {
    next = toSnapshot(url, response.value.text, response.value.fetchedAt, 'network');
    if (!(next instanceof FeedLoadError) && !shared.cached) {
      shared.cached = true;
      void feedCache().write(url, response.value);
    }
  } else {
    next = asLoadError(response.error, url);
  }
  if (!(next instanceof FeedLoadError)) {
    publish(watch, { status: 'ready', snapshot: next });
    return;
  }
  // The network failed: keep showing a copy if there is one, and say so.
  const shown = watch.state.status === 'ready' ? watch.state.snapshot : undefined;
  const fallback =
    shown ??
    (() => {
      if (!cached) return undefined;
      const snapshot = toSnapshot(url, cached.text, cached.fetchedAt, 'cache');
      return snapshot instanceof FeedLoadError ? undefined : snapshot;
    })();
  if (fallback && fallback.source !== 'network') {
    publish(watch, { status: 'ready', snapshot: { ...fallback, offline: true, networkError: next } });
  } else if (fallback) {
    // A copy from the network is on screen already; a failed retry leaves it there.
    publish(watch, { status: 'ready', snapshot: fallback });
  } else {
    publish(watch, { status: 'error', error: next });
  }
}

/**
 * Follow the feed at `url`: `listener` is called with `loading`, then `ready`
 * (possibly twice: the cached copy, then the network's) or `error`.
 * Returns a function that stops listening.
 */
export function watchFeed(url: string, listener: FeedListener, options: LoadFeedOptions = {}): () => void {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch (error) {
    listener({ status: 'error', error: error as FeedLoadError });
    return () => {};
  }
  let watch = watches.get(absolute);
  if (!watch) {
    watch = { state: { status: 'loading', url: absolute }, listeners: new Set(), run: 0 };
    watches.set(absolute, watch);
    void start(absolute, watch, options.timeout ?? DEFAULT_FEED_TIMEOUT, false);
  }
  const active = watch;
  active.listeners.add(listener);
  listener(active.state);
  return () => active.listeners.delete(listener);
}

/** Ask the network again for `url` (after an error, or to leave an offline copy). */
export function reloadFeed(url: string, options: LoadFeedOptions = {}): void {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch {
    return;
  }
  const watch = watches.get(absolute);
  if (!watch) return;
  void start(absolute, watch, options.timeout ?? DEFAULT_FEED_TIMEOUT, true);
}

/**
 * Load the feed at `url` (relative to the page) and resolve with the first
 * usable copy: the cached one at once when there is one, else the network's.
 * Rejects with a `FeedLoadError`.
 */
export function loadFeed(url: string, options: LoadFeedOptions = {}): Promise<FeedSnapshot> {
  return new Promise((resolve, reject) => {
    const { signal } = options;
    if (signal?.aborted) {
      reject(errors.aborted(url));
      return;
    }
    let stop = () => {};
    const onAbort = () => {
      stop();
      reject(errors.aborted(url));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    let done = false;
    stop = watchFeed(
      url,
      (state) => {
        if (done || state.status === 'loading') return;
        done = true;
        queueMicrotask(() => stop());
        signal?.removeEventListener('abort', onAbort);
        if (state.status === 'ready') resolve(state.snapshot);
        else reject(state.error);
      },
      options,
    );
  });
}

/** Forget every watched feed and shared request (tests; a page never needs it). */
export function resetFeeds(): void {
  for (const watch of watches.values()) watch.run++;
  watches.clear();
  registry().feeds.clear();
  parsedTexts.clear();
  reported.clear();
}
