/**
 * Loading a feed in the browser:
 * - one network request per URL per page, however many widgets (and however
 *   many copies of the library) ask: requests are shared through the page registry;
 * - a timeout (15 s by default) and failures that say what happened in plain words;
 * - stale-while-revalidate: the last validated copy is shown at once (second
 *   visit, offline), and replaced when the network brings a newer one;
 * - a feed split by country (an index, see split.ts) is told from a whole feed
 *   by its content: the page loads the index, then only the shared part and
 *   its country's part, in parallel, and merges them; the cache keeps each file.
 *
 * No header is added to the request (a custom header would force a CORS
 * preflight on slow links); revalidation is left to the HTTP cache.
 */
import { msg, str } from '@lit/localize';
import { registry, type SharedFeedRequest } from '../shared/registry.js';
import { feedCache } from './cache.js';
import { parseFeed, parseFeedText, type FeedIssue, type ParseFeedResult } from './parse.js';
import type { Feed } from './schema.js';
import {
  countryCodeOf,
  feedIndexJson,
  feedPartsFor,
  mergeFeedParts,
  parseFeedIndex,
  parseFeedPartText,
  type FeedPart,
  type ParsedFeedPart,
} from './split.js';

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
  /**
   * For a feed split by country (`url` is its index): the addresses of the parts
   * this copy was merged from, the shared part first. Undefined for a whole feed.
   */
  readonly parts?: readonly string[] | undefined;
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
  /**
   * The page's country (ISO 3166-1 alpha-2, e.g. `HN`). When the address is the
   * index of a feed split by country, only the shared part and this country's
   * part are loaded; without a country, every part. A whole feed is loaded
   * whole either way.
   */
  readonly country?: string | undefined;
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
  partIsIndex: (url: string) =>
    new FeedLoadError(
      'not-feed',
      msg(str`The file at ${url} is a feed index, but the index lists it as a part. A part must be an ordinary feed.`),
      url,
    ),
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
  if (!result.ok) return failureOf(url, text, result);
  if (source === 'network') warnOnce(url, result.issues);
  return { url, feed: result.feed, issues: result.issues, source, fetchedAt, offline: false };
}

/** The webmaster's error for a body the feed parser refused. */
function failureOf(url: string, text: string, result: ParseFeedResult & { ok: false }): FeedLoadError {
  if (result.error.code === 'not-json' && /^\s*</.test(text)) return errors.webPage(url);
  return result.error.code === 'not-json'
    ? errors.notJson(url, result.error.message)
    : errors.notFeed(url, result.error.message);
}

function warnOnce(url: string, issues: readonly FeedIssue[]): void {
  if (issues.length === 0 || reported.has(url)) return;
  reported.add(url);
  console.warn(
    `infomipyme-widgets: ${issues.length} problem(s) in the feed at ${url}; check it with the validator.`,
    issues,
  );
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

// ---------------------------------------------------------------- a feed split by country

interface Body {
  readonly text: string;
  readonly fetchedAt: number;
}

/** Parsed parts by body: the parts of the copies on the page (a page without a country reads them all). */
const parsedParts = new Map<string, ParsedFeedPart>();
const PARSED_PARTS_KEPT = 64;

function parsePart(text: string): ParsedFeedPart {
  let parsed = parsedParts.get(text);
  if (!parsed) {
    parsed = parseFeedPartText(text);
    if (parsedParts.size >= PARSED_PARTS_KEPT) {
      for (const oldest of parsedParts.keys()) {
        parsedParts.delete(oldest);
        break;
      }
    }
    parsedParts.set(text, parsed);
  }
  return parsed;
}

/** A part's body as a part, or the error a webmaster should see, naming the part. */
function toPart(url: string, text: string, source: 'network' | 'cache'): FeedPart | FeedLoadError {
  const { result, positions, isIndex } = parsePart(text);
  if (isIndex) return errors.partIsIndex(url);
  if (!result.ok) return failureOf(url, text, result);
  if (source === 'network') warnOnce(url, result.issues);
  return { url, feed: result.feed, issues: result.issues, positions };
}

/** The last merge per index and country: unchanged parts keep the merged feed (and the widgets' indexes). */
const merges = new Map<string, { readonly parts: readonly FeedPart[]; readonly merged: ReturnType<typeof mergeFeedParts> }>();

function merge(key: string, parts: readonly FeedPart[]): ReturnType<typeof mergeFeedParts> {
  const last = merges.get(key);
  if (
    last &&
    last.parts.length === parts.length &&
    last.parts.every((part, i) => part.url === parts[i]!.url && part.feed === parts[i]!.feed)
  ) {
    return last.merged;
  }
  const merged = mergeFeedParts(parts);
  merges.set(key, { parts, merged });
  // Parsed parts no copy on the page uses any more (an older edition) are let go.
  const inUse = new Set<Feed>();
  for (const { parts: used } of merges.values()) for (const part of used) inUse.add(part.feed);
  for (const [text, parsed] of parsedParts) {
    if (!parsed.result.ok || !inUse.has(parsed.result.feed)) parsedParts.delete(text);
  }
  return merged;
}

/** The parts a page for `country` needs from the index at `url`, or why the index cannot be used. */
function readIndex(
  url: string,
  json: Record<string, unknown>,
  country: string | undefined,
): { readonly links: readonly { readonly url: string }[]; readonly issues: readonly FeedIssue[] } | FeedLoadError {
  const parsed = parseFeedIndex(json, url);
  if (!parsed.ok) return errors.notFeed(url, parsed.error.message);
  return {
    links: feedPartsFor(parsed.index, country),
    issues: parsed.issues.map((issue) => ({ ...issue, part: url })),
  };
}

/** One copy of a split feed from the index's and its parts' bodies. */
function mergedSnapshot(
  url: string,
  country: string | undefined,
  index: { readonly links: readonly { readonly url: string }[]; readonly issues: readonly FeedIssue[] },
  indexBody: Body,
  bodies: readonly Body[],
  source: 'network' | 'cache',
): FeedSnapshot | FeedLoadError {
  const parts: FeedPart[] = [];
  for (const [i, link] of index.links.entries()) {
    const part = toPart(link.url, bodies[i]!.text, source);
    if (part instanceof FeedLoadError) return part;
    parts.push(part);
  }
  const { feed, issues } = merge(`${url} ${country ?? ''}`, parts);
  if (source === 'network') warnOnce(url, index.issues);
  return {
    url,
    feed,
    issues: [...index.issues, ...issues],
    source,
    // The oldest file of the copy says how old the copy is.
    fetchedAt: Math.min(indexBody.fetchedAt, ...bodies.map((body) => body.fetchedAt)),
    offline: false,
    parts: parts.map((part) => part.url),
  };
}

/** Keep a validated response as the offline copy of `url` (once per response on the page). */
function keep(url: string, request: SharedFeedRequest, body: Body): void {
  if (request.cached) return;
  request.cached = true;
  void feedCache().write(url, body);
}

/**
 * The network's copy of the feed at `url`: a whole feed, or an index and then
 * the parts `country` needs, requested together. Every file is kept in the
 * cache once the whole copy is valid, never before.
 */
async function networkCopy(
  url: string,
  timeout: number,
  fresh: boolean,
  country: string | undefined,
): Promise<FeedSnapshot | FeedLoadError> {
  const request = sharedRequest(url, timeout, fresh);
  const response = await settle(request.promise);
  if (!response.ok) return asLoadError(response.error, url);
  const body = response.value;
  const json = feedIndexJson(body.text);
  if (!json) {
    const next = toSnapshot(url, body.text, body.fetchedAt, 'network');
    if (!(next instanceof FeedLoadError)) keep(url, request, body);
    return next;
  }
  const index = readIndex(url, json, country);
  if (index instanceof FeedLoadError) return index;
  const requests = index.links.map((link) => sharedRequest(link.url, timeout, fresh));
  const responses = await Promise.all(requests.map((part) => settle(part.promise)));
  const bodies: Body[] = [];
  for (const [i, part] of responses.entries()) {
    if (!part.ok) return asLoadError(part.error, index.links[i]!.url);
    bodies.push(part.value);
  }
  const next = mergedSnapshot(url, country, index, body, bodies, 'network');
  if (!(next instanceof FeedLoadError)) {
    keep(url, request, body);
    requests.forEach((part, i) => keep(index.links[i]!.url, part, bodies[i]!));
  }
  return next;
}

/** The offline copy of the feed at `url`: for an index, only when every part the page needs is kept too. */
async function cachedCopy(url: string, entry: Body, country: string | undefined): Promise<FeedSnapshot | undefined> {
  const json = feedIndexJson(entry.text);
  if (!json) {
    const snapshot = toSnapshot(url, entry.text, entry.fetchedAt, 'cache');
    return snapshot instanceof FeedLoadError ? undefined : snapshot;
  }
  const index = readIndex(url, json, country);
  if (index instanceof FeedLoadError) return undefined;
  const kept = await Promise.all(index.links.map((link) => feedCache().read(link.url)));
  const bodies = kept.filter((body): body is Body => body !== undefined);
  if (bodies.length !== kept.length) return undefined;
  const snapshot = mergedSnapshot(url, country, index, entry, bodies, 'cache');
  return snapshot instanceof FeedLoadError ? undefined : snapshot;
}

// ---------------------------------------------------------------- watching a feed

export type FeedListener = (state: FeedState) => void;

interface Watch {
  state: FeedState;
  readonly listeners: Set<FeedListener>;
  /** The page's country, for a feed split by country. */
  readonly country: string | undefined;
  run: number;
}

/** Watches by absolute address and country (`<url> <country>`; the address alone without a country). */
const watches = new Map<string, Watch>();

const watchKey = (url: string, country: string | undefined) => (country ? `${url} ${country}` : url);

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
  const { country } = watch;
  if (watch.state.status !== 'ready') publish(watch, { status: 'loading', url });
  const network = { done: false, promise: networkCopy(url, timeout, fresh, country) };
  void network.promise.then(() => (network.done = true));
  const entry = watch.state.status === 'ready' ? undefined : await feedCache().read(url);
  if (!current()) return;
  let fromCache: Promise<FeedSnapshot | undefined> | undefined;
  const cached = () => (fromCache ??= entry ? cachedCopy(url, entry, country) : Promise.resolve(undefined));
  if (entry && !network.done) {
    const snapshot = await cached();
    if (!current()) return;
    if (snapshot && !network.done) publish(watch, { status: 'ready', snapshot });
  }
  const next = await network.promise;
  if (!current()) return;
  if (!(next instanceof FeedLoadError)) {
    publish(watch, { status: 'ready', snapshot: next });
    return;
  }
  // The network failed: keep showing a copy if there is one, and say so.
  const shown = watch.state.status === 'ready' ? watch.state.snapshot : undefined;
  const fallback = shown ?? (await cached());
  if (!current()) return;
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
 * With `options.country`, a feed split by country loads only that country's part.
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
  const country = countryCodeOf(options.country);
  const key = watchKey(absolute, country);
  let watch = watches.get(key);
  if (!watch) {
    watch = { state: { status: 'loading', url: absolute }, listeners: new Set(), country, run: 0 };
    watches.set(key, watch);
    void start(absolute, watch, options.timeout ?? DEFAULT_FEED_TIMEOUT, false);
  }
  const active = watch;
  active.listeners.add(listener);
  listener(active.state);
  return () => active.listeners.delete(listener);
}

/** Ask the network again for `url` (after an error, or to leave an offline copy); the same `country` as watched. */
export function reloadFeed(url: string, options: LoadFeedOptions = {}): void {
  let absolute: string;
  try {
    absolute = resolveFeedUrl(url);
  } catch {
    return;
  }
  const watch = watches.get(watchKey(absolute, countryCodeOf(options.country)));
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
  parsedParts.clear();
  merges.clear();
  reported.clear();
}
