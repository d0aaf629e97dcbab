/**
 * A feed split by country: a small **index** that lists a `shared` part (what
 * is for every country, and the feed's vocabularies) and one part per country,
 * each part an ordinary feed. A page for Honduras loads the index, the shared
 * part and Honduras's part, and merges the two parts into the feed it would
 * have had from the whole feed (see `filterFeedToCountry`).
 *
 * Pure (no DOM, no zod): the index is checked by hand here; each part is an
 * ordinary feed checked by `parseFeed`. Runs in the browser and in Node.
 *
 * ```json
 * { "kind": "infomipyme-feed-index", "version": 1,
 *   "shared": { "url": "shared.json", "bytes": 120331 },
 *   "countries": { "SV": { "url": "SV.json", "bytes": 20113 }, "GT": { "url": "GT.json" } } }
 * ```
 */
import { msg, str } from '@lit/localize';
import { message, feedText } from './messages.js';
import { checkVersion, parseFeed, parseFeedText, formatPath, type FeedIssue, type ParseFeedResult } from './parse.js';
import type { Feed, FeedSectionName } from './schema.js';
import { FEED_SECTION_NAMES, FEED_VERSION } from './validate-rules.js';

/** The value of `kind` that makes a JSON document a feed index. */
export const FEED_INDEX_KIND = 'infomipyme-feed-index';

/** An index is small; a longer text is never taken for one (so a large feed is not read twice). */
const MAX_INDEX_CHARS = 262_144;
/** At most this many country parts are read (the feed's own limit on countries). */
const MAX_COUNTRY_PARTS = 50;
const MAX_URL_LENGTH = 2048;
const COUNTRY_RE = /^[A-Z]{2}$/;

/** One part of a split feed, as the index lists it. */
export interface FeedPartLink {
  /** Absolute address (resolved against the index's address). */
  readonly url: string;
  /** The part's size in bytes, when the index gives it (informative). */
  readonly bytes?: number | undefined;
}

/** A validated feed index. */
export interface FeedIndex {
  readonly version: number;
  /** What every country gets: the feed's metadata, vocabularies and items without countries. */
  readonly shared: FeedPartLink;
  /** One part per country code, in the index's order. */
  readonly countries: Readonly<Record<string, FeedPartLink>>;
  /**
   * The whole feed, for a page without a country (optional; the splitter writes it as all.json):
   * one file instead of every part, which together weigh more than the whole.
   */
  readonly all?: FeedPartLink | undefined;
}

export type FeedIndexFailureCode = 'version-missing' | 'version-invalid' | 'version-newer' | 'shared' | 'countries';

export type ParseFeedIndexResult =
  | { readonly ok: true; readonly index: FeedIndex; readonly issues: readonly FeedIssue[] }
  | { readonly ok: false; readonly error: { readonly code: FeedIndexFailureCode; readonly message: string } };

/** An issue found in one part of a split feed (or its index): `part` is that file's address. */
export type FeedPartIssue = FeedIssue & { readonly part: string };

/** Where each item of a part stands in the whole feed, by section and id (written by the splitter). */
export type FeedPartPositions = Partial<Record<FeedSectionName, ReadonlyMap<string, number>>>;

/** A part that passed `parseFeed`. */
export interface FeedPart {
  readonly url: string;
  readonly feed: Feed;
  readonly issues: readonly FeedIssue[];
  readonly positions?: FeedPartPositions | undefined;
}

// ---------------------------------------------------------------- messages

export const indexText = {
  versionMissing: () => msg('The feed index has no "version". Add "version": 1 at the top of the file.'),
  versionInvalid: () => msg('The feed index\'s "version" must be a number, such as 1.'),
  sharedMissing: () =>
    msg(
      'The feed index has no "shared" part. Add "shared": { "url": "shared.json" }, the part with what is for every country.',
    ),
  sharedInvalid: (detail: string) =>
    msg(str`The feed index's "shared" part cannot be used: ${detail}`, { desc: 'detail is one sentence.' }),
  countriesInvalid: () =>
    msg(
      'The feed index\'s "countries" must be an object with one part per country code, such as { "SV": { "url": "SV.json" } }.',
    ),
  linkNotObject: () => msg('Write the part as an object with its address, such as { "url": "SV.json" }.'),
  linkUrl: () =>
    msg(
      'Give the part\'s "url": the address of its .json file, complete (https://…) or relative to the index.',
    ),
  partIgnored: () => msg('This part was ignored.'),
  allIgnored: () => msg('It was ignored: a page without a country loads every part instead.'),
  bytes: () => msg('"bytes" must be the size of the file, a whole number of bytes. It was ignored.'),
  duplicate: (id: string, url: string) =>
    msg(str`An item with the id "${id}" is already in another part, with other content; the one in ${url} was dropped.`),
};

// ---------------------------------------------------------------- reading an index

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** True for a JSON document that declares itself a feed index. */
export function isFeedIndex(json: unknown): json is JsonObject {
  return isObject(json) && own(json, 'kind') === FEED_INDEX_KIND;
}

/**
 * The JSON of `text` when it is a feed index, else undefined (a feed, or not
 * JSON at all: the feed parser says what is wrong with it). Cheap on a feed:
 * a long text, or one without the index's marker, is not parsed here.
 */
export function feedIndexJson(text: string): JsonObject | undefined {
  if (text.length > MAX_INDEX_CHARS || !text.includes(FEED_INDEX_KIND)) return undefined;
  try {
    const json: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    return isFeedIndex(json) ? json : undefined;
  } catch {
    return undefined;
  }
}

/**
 * A part's address, resolved against the index's: `http:`/`https:` only (or
 * `file:` when the index itself was read from a file, for the validator), no
 * user name or password, no fragment.
 */
function partUrl(value: unknown, base: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const written = value.trim();
  if (written === '' || written.length > MAX_URL_LENGTH || /\s/.test(written)) return undefined;
  try {
    const url = new URL(written, base);
    const local = url.protocol === 'file:' && new URL(base).protocol === 'file:';
    if (url.protocol !== 'https:' && url.protocol !== 'http:' && !local) return undefined;
    if (url.username || url.password) return undefined;
    url.hash = '';
    return url.href;
  } catch {
    return undefined;
  }
}

type LinkResult = { ok: true; link: FeedPartLink; warning?: string } | { ok: false; path: string[]; message: string };

function readLink(value: unknown, base: string): LinkResult {
  if (!isObject(value)) return { ok: false, path: [], message: indexText.linkNotObject() };
  const url = partUrl(own(value, 'url'), base);
  if (url === undefined) return { ok: false, path: ['url'], message: indexText.linkUrl() };
  const bytes = own(value, 'bytes');
  if (bytes === undefined) return { ok: true, link: { url } };
  if (typeof bytes === 'number' && Number.isSafeInteger(bytes) && bytes >= 0) return { ok: true, link: { url, bytes } };
  return { ok: true, link: { url }, warning: indexText.bytes() };
}

/**
 * Validate a feed index (the JSON of `feedIndexJson`), resolving its addresses
 * against `base`, the index's own absolute address. Never throws.
 *
 * A country entry that is wrong is left out and reported; a wrong `version`,
 * `shared` or `countries` makes the whole index unusable.
 */
export function parseFeedIndex(json: unknown, base: string): ParseFeedIndexResult {
  const object = isObject(json) ? json : {};
  const checked = checkVersion(own(object, 'version'), { missing: indexText.versionMissing, invalid: indexText.versionInvalid });
  if (!checked.ok) return checked;
  const { version } = checked;
  const issues: FeedIssue[] = [];
  const rawShared = own(object, 'shared');
  if (rawShared === undefined) return { ok: false, error: { code: 'shared', message: indexText.sharedMissing() } };
  const shared = readLink(rawShared, base);
  if (!shared.ok) return { ok: false, error: { code: 'shared', message: indexText.sharedInvalid(shared.message) } };
  if (shared.warning) {
    issues.push({ path: 'shared.bytes', message: shared.warning, severity: 'warning', kind: 'invalid' });
  }

  const rawCountries = own(object, 'countries') ?? {};
  if (!isObject(rawCountries)) return { ok: false, error: { code: 'countries', message: indexText.countriesInvalid() } };
  const countries: Record<string, FeedPartLink> = {};
  const codes = Object.keys(rawCountries);
  if (codes.length > MAX_COUNTRY_PARTS) {
    issues.push({
      path: 'countries',
      message: feedText.sectionTooLong('countries', MAX_COUNTRY_PARTS),
      severity: 'error',
      kind: 'limit',
    });
  }
  for (const code of codes.slice(0, MAX_COUNTRY_PARTS)) {
    const path = ['countries', code];
    if (!COUNTRY_RE.test(code)) {
      issues.push({
        path: formatPath(path),
        message: `${message('country-code')} ${indexText.partIgnored()}`,
        id: code.slice(0, 80),
        severity: 'error',
        kind: 'invalid',
      });
      continue;
    }
    const link = readLink(rawCountries[code], base);
    if (!link.ok) {
      issues.push({
        path: formatPath([...path, ...link.path]),
        message: `${link.message} ${indexText.partIgnored()}`,
        id: code,
        severity: 'error',
        kind: 'invalid',
      });
      continue;
    }
    if (link.warning) {
      issues.push({ path: formatPath([...path, 'bytes']), message: link.warning, id: code, severity: 'warning', kind: 'invalid' });
    }
    countries[code] = link.link;
  }
  const rawAll = own(object, 'all');
  let all: FeedPartLink | undefined;
  if (rawAll !== undefined) {
    const link = readLink(rawAll, base);
    if (link.ok) {
      all = link.link;
      if (link.warning) issues.push({ path: 'all.bytes', message: link.warning, severity: 'warning', kind: 'invalid' });
    } else {
      issues.push({
        path: formatPath(['all', ...link.path]),
        message: `${link.message} ${indexText.allIgnored()}`,
        severity: 'warning',
        kind: 'invalid',
      });
    }
  }
  return { ok: true, index: { version, shared: shared.link, countries, ...(all ? { all } : {}) }, issues };
}

/** A country code as the widgets read it (`sv ` → `SV`), or undefined. */
export function countryCodeOf(value: string | undefined | null): string | undefined {
  const code = (value ?? '').trim().toUpperCase();
  return COUNTRY_RE.test(code) ? code : undefined;
}

/**
 * The parts a page loads, shared first: with a country, the shared part and
 * that country's part (only the shared part when the index has none for it:
 * nothing in the feed is for that country alone); without a country, the whole
 * feed when the index lists it (`all`), else every part.
 */
export function feedPartsFor(index: FeedIndex, country?: string): FeedPartLink[] {
  const code = countryCodeOf(country);
  const links =
    code === undefined ? (index.all ? [index.all] : [index.shared, ...Object.values(index.countries)])
    : index.countries[code] ? [index.shared, index.countries[code]]
    : [index.shared];
  const seen = new Set<string>();
  return links.filter((link) => {
    if (seen.has(link.url)) return false;
    seen.add(link.url);
    return true;
  });
}

// ---------------------------------------------------------------- reading a part

const SECTIONS: readonly FeedSectionName[] = FEED_SECTION_NAMES;

/** Sections whose first entry wins silently (the shared part's, which comes first). */
const VOCABULARIES: ReadonlySet<FeedSectionName> = new Set<FeedSectionName>(['countries', 'topics', 'services', 'publishers']);

const keyOf = (item: unknown, section: FeedSectionName): unknown =>
  isObject(item) ? own(item, section === 'countries' ? 'code' : 'id') : undefined;

/** The optional `positions` of a part: `{ "tools": [3, 8, …], … }`, one number per item of the section. */
function readPositions(json: unknown): FeedPartPositions | undefined {
  if (!isObject(json)) return undefined;
  const raw = own(json, 'positions');
  if (!isObject(raw)) return undefined;
  const out: FeedPartPositions = {};
  for (const section of SECTIONS) {
    const list = own(raw, section);
    const items = own(json, section);
    if (!Array.isArray(list) || !Array.isArray(items)) continue;
    const map = new Map<string, number>();
    items.forEach((item, i) => {
      const key = keyOf(item, section);
      const position: unknown = list[i];
      if (typeof key === 'string' && typeof position === 'number' && Number.isFinite(position) && !map.has(key)) {
        map.set(key, position);
      }
    });
    out[section] = map;
  }
  return out;
}

export interface ParsedFeedPart {
  readonly result: ParseFeedResult;
  readonly positions?: FeedPartPositions | undefined;
  /** The text is a feed index, not a feed (a part must be a feed). */
  readonly isIndex: boolean;
}

/** Parse a part's text: the ordinary feed parse, plus the part's `positions`. */
export function parseFeedPartText(text: string): ParsedFeedPart {
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    // Not JSON (or empty): the feed parser's own words for it.
    return { result: parseFeedText(text), isIndex: false };
  }
  // Read before parseFeed, which may reuse the objects it is given.
  const positions = readPositions(json);
  return { result: parseFeed(json), positions, isIndex: isFeedIndex(json) };
}

// ---------------------------------------------------------------- merging parts

interface Entry {
  readonly item: unknown;
  readonly key: string;
  readonly position: number;
  readonly part: number;
  readonly index: number;
}

/**
 * Merge the parts a page loaded into one feed, as the whole feed would have
 * given it: items in the whole feed's order (from the parts' `positions`;
 * without them, the first part's items first), each id once (for countries,
 * topics and services, the first part's entry: a country part may declare a
 * country only as far as it needs). The metadata
 * (`version`, `title`, `updated`, `publisher`, `languages`) comes from the
 * first part that has it. Issues are the parts' own, each with its `part`.
 */
export function mergeFeedParts(parts: readonly FeedPart[]): { feed: Feed; issues: FeedPartIssue[] } {
  const issues: FeedPartIssue[] = [];
  for (const part of parts) for (const issue of part.issues) issues.push({ ...issue, part: part.url });
  const feed: Feed = {
    version: parts[0]?.feed.version ?? FEED_VERSION,
    countries: [],
    topics: [],
    services: [],
    publishers: [],
    tools: [],
    providers: [],
    cashflowTemplates: [],
    planOutlines: [],
  };
  for (const key of ['title', 'updated', 'publisher', 'languages'] as const) {
    const value = parts.find((part) => part.feed[key] !== undefined)?.feed[key];
    if (value !== undefined) (feed as unknown as JsonObject)[key] = value;
  }
  for (const section of SECTIONS) {
    const entries: Entry[] = [];
    parts.forEach((part, p) => {
      const positions = part.positions?.[section];
      (part.feed[section] as unknown[]).forEach((item, index) => {
        const key = String(keyOf(item, section));
        entries.push({ item, key, position: positions?.get(key) ?? Number.POSITIVE_INFINITY, part: p, index });
      });
    });
    entries.sort((a, b) => a.position - b.position || a.part - b.part || a.index - b.index);
    const kept = new Map<string, unknown>();
    const out = feed[section] as unknown[];
    for (const entry of entries) {
      const earlier = kept.get(entry.key);
      if (earlier === undefined) {
        kept.set(entry.key, entry.item);
        out.push(entry.item);
      } else if (!VOCABULARIES.has(section) && earlier !== entry.item && JSON.stringify(earlier) !== JSON.stringify(entry.item)) {
        // The same item copied into two parts (the splitter does, for links) is expected; a different one is not.
        // A vocabulary entry may differ: a part declares a country only as far as it needs it.
        const url = parts[entry.part]!.url;
        issues.push({
          path: section,
          message: indexText.duplicate(entry.key, url),
          id: entry.key,
          severity: 'error',
          kind: 'duplicate',
          part: url,
        });
      }
    }
  }
  // A tool's links to templates and outlines are checked here, not in its part (they may be in
  // another one). One that names none of the merged feed's is left out quietly: it is another
  // country's (the whole feed's validation reports a link to nothing at all).
  const templateIds = new Set(feed.cashflowTemplates.map((template) => template.id));
  const outlineIds = new Set(feed.planOutlines.map((outline) => outline.id));
  feed.tools = feed.tools.map((tool) => keepLinks(tool, templateIds, outlineIds));
  return { feed, issues };
}

/** The tool, or a copy whose links to templates and outlines name only those given. */
export function keepLinks(tool: Feed['tools'][number], templateIds: ReadonlySet<string>, outlineIds: ReadonlySet<string>): Feed['tools'][number] {
  const templates = tool.cashflowTemplateIds?.filter((id) => templateIds.has(id));
  const outlines = tool.planOutlineIds?.filter((id) => outlineIds.has(id));
  if (templates?.length === tool.cashflowTemplateIds?.length && outlines?.length === tool.planOutlineIds?.length) return tool;
  return {
    ...tool,
    ...(templates !== undefined ? { cashflowTemplateIds: templates } : {}),
    ...(outlines !== undefined ? { planOutlineIds: outlines } : {}),
  };
}

// ---------------------------------------------------------------- what one country sees

function sectionToolIds(sections: Feed['planOutlines'][number]['sections'], out: Set<string>): void {
  for (const section of sections) {
    for (const id of section.toolIds) out.add(id);
    if (section.sections) sectionToolIds(section.sections, out);
  }
}

/**
 * The feed a page for `country` gets from a split feed: the whole feed's
 * metadata and vocabularies (countries, topics, services), the items without
 * countries or naming `country`, and the items those link to (a tool's
 * provider, an outline's tools), so no link is lost; a tool's links to the
 * templates and outlines of other countries are left out. Order kept.
 */
export function filterFeedToCountry(feed: Feed, country: string): Feed {
  const applies = (item: { countries?: readonly string[] | undefined }) =>
    item.countries === undefined || item.countries.includes(country);
  const planOutlines = feed.planOutlines.filter(applies);
  const toolIds = new Set(feed.tools.filter(applies).map((tool) => tool.id));
  for (const outline of planOutlines) sectionToolIds(outline.sections, toolIds);
  const cashflowTemplates = feed.cashflowTemplates.filter(applies);
  // A tool's links to templates and outlines of other countries mean nothing here: they are left out
  // (not followed: a template or outline is only for its own countries).
  const templateIds = new Set(cashflowTemplates.map((template) => template.id));
  const outlineIds = new Set(planOutlines.map((outline) => outline.id));
  const tools = feed.tools.filter((tool) => toolIds.has(tool.id)).map((tool) => keepLinks(tool, templateIds, outlineIds));
  const providerIds = new Set(feed.providers.filter(applies).map((provider) => provider.id));
  for (const tool of tools) if (tool.providerId !== undefined) providerIds.add(tool.providerId);
  return {
    ...feed,
    tools,
    providers: feed.providers.filter((provider) => providerIds.has(provider.id)),
    cashflowTemplates,
    planOutlines,
  };
}
