/**
 * Tolerant feed parsing: a bad item is dropped and reported, never the whole
 * feed. Pure (no DOM): runs in the browser and in Node (the validator CLI).
 *
 * Each top-level field and each item is checked by a validator: by default the
 * small browser validator (`validate-feed.ts`), so a widget's bundle has no
 * zod; the validator CLI uses zod's (`validate-zod.ts`). Both give the same
 * result (tests/feed/validate-parity.test.ts).
 */
import type { Feed, FeedSectionName, PlanSection } from './schema.js';
import { CASHFLOW_LINE_KINDS, FEED_SECTION_NAMES, FEED_VERSION, LIMITS, LINE_GROUPS, PHONE_TYPES } from './validate-rules.js';
import { defaultFeedValidators, type FeedValidators } from './validate-feed.js';
import { feedText } from './messages.js';

export type { FeedValidators } from './validate-feed.js';

/**
 * What kind of problem an issue is:
 * - `invalid`: the item breaks the schema and was dropped (or a top-level field was ignored);
 * - `duplicate`: another item already has this id; this one was dropped;
 * - `reference`: it names a country, region, topic, service, provider or tool the feed
 *   does not have (an unknown country drops the item; other names are just ignored);
 * - `unknown-value`: a value outside a known vocabulary was read as a fallback;
 * - `limit`: a section was longer than the library reads.
 */
export type FeedIssueKind = 'invalid' | 'duplicate' | 'reference' | 'unknown-value' | 'limit';

export interface FeedIssue {
  /** Where in the feed, e.g. `tools[3].url`. */
  readonly path: string;
  /** A sentence for the person who publishes the feed, in the page's language. */
  readonly message: string;
  /** The id of the item concerned, when it has one. */
  readonly id?: string;
  /** `error`: something was dropped; `warning`: kept, with a fallback. */
  readonly severity: 'error' | 'warning';
  readonly kind: FeedIssueKind;
}

export type FeedFailureCode =
  | 'not-json'
  | 'not-object'
  | 'version-missing'
  | 'version-invalid'
  | 'version-newer'
  | 'section-not-list'
  | 'unexpected';

export interface FeedFailure {
  readonly code: FeedFailureCode;
  readonly message: string;
}

export type ParseFeedResult =
  | { readonly ok: true; readonly feed: Feed; readonly issues: readonly FeedIssue[] }
  | { readonly ok: false; readonly error: FeedFailure };

/** At most this many issues are reported for one item. */
const ISSUES_PER_ITEM = 8;
/** Nesting deeper than this inside one item is refused before validation. */
const MAX_ITEM_DEPTH = 24;

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: JsonObject, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

/** `['tools', 3, 'contact', 'url']` → `tools[3].contact.url`. */
export function formatPath(parts: readonly PropertyKey[]): string {
  let out = '';
  for (const part of parts) {
    if (typeof part === 'number') out += `[${part}]`;
    else if (typeof part === 'string' && /^[A-Za-z_$][\w$]*$/.test(part)) out += out ? `.${part}` : part;
    else out += `[${JSON.stringify(String(part))}]`;
  }
  return out;
}

/** True when `value` nests deeper than `max` (checked without recursion). */
function nestsDeeperThan(value: unknown, max: number): boolean {
  const stack: Array<[unknown, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= max) return true;
    for (const child of Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function rawId(item: unknown): string | undefined {
  if (!isObject(item)) return undefined;
  const value = own(item, 'id') ?? own(item, 'code');
  return typeof value === 'string' ? value.slice(0, 80) : undefined;
}

/**
 * Parse the feed text a server sent (a leading byte-order mark is allowed).
 * `validators`: see `parseFeed`.
 */
export function parseFeedText(text: string, validators: FeedValidators = defaultFeedValidators.current): ParseFeedResult {
  // An empty body (a 204, a file not yet uploaded) in plain words, not the JSON parser's English.
  if (text.replace(/^\ufeff/, '').trim() === '') return { ok: false, error: { code: 'not-json', message: feedText.empty() } };
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'not-json', message: feedText.notJson(error instanceof Error ? error.message : String(error)) },
    };
  }
  return parseFeed(json, validators);
}

/**
 * Validate a feed object. Never throws.
 *
 * Returns `{ ok: true, feed, issues }` with every valid item (bad ones dropped
 * and listed in `issues`), or `{ ok: false, error }` when the document itself
 * cannot be used: not an object, no usable `version`, or a newer major version.
 *
 * `validators` check each top-level field and item: by default the browser
 * validator (`validate-feed.ts`), or zod's in the validator CLI; either gives
 * the same result.
 */
export function parseFeed(json: unknown, validators: FeedValidators = defaultFeedValidators.current): ParseFeedResult {
  try {
    return parseUnsafe(json, validators);
  } catch (error) {
    return {
      ok: false,
      error: { code: 'unexpected', message: feedText.unexpected(error instanceof Error ? error.message : String(error)) },
    };
  }
}

/**
 * A document's `version` (a feed's, or a split feed's index's): a number from 1 that this release
 * reads, or why not — `missing` and `invalid` worded for the document, a newer major version the same for both.
 */
export function checkVersion(
  version: unknown,
  texts: { readonly missing: () => string; readonly invalid: () => string },
):
  | { readonly ok: true; readonly version: number }
  | { readonly ok: false; readonly error: { readonly code: 'version-missing' | 'version-invalid' | 'version-newer'; readonly message: string } } {
  if (version === undefined) return { ok: false, error: { code: 'version-missing', message: texts.missing() } };
  if (typeof version !== 'number' || !Number.isFinite(version) || version < 1) {
    return { ok: false, error: { code: 'version-invalid', message: texts.invalid() } };
  }
  if (Math.floor(version) > FEED_VERSION) {
    return { ok: false, error: { code: 'version-newer', message: feedText.versionNewer(Math.floor(version), FEED_VERSION) } };
  }
  return { ok: true, version };
}

function parseUnsafe(json: unknown, validators: FeedValidators): ParseFeedResult {
  if (!isObject(json)) return { ok: false, error: { code: 'not-object', message: feedText.notObject(json) } };
  const checked = checkVersion(own(json, 'version'), { missing: feedText.versionMissing, invalid: feedText.versionInvalid });
  if (!checked.ok) return checked;

  // A section that is not a list means the document's shape is wrong: refuse it whole,
  // rather than show widgets that are silently empty.
  for (const section of FEED_SECTION_NAMES) {
    const raw = own(json, section);
    if (raw !== undefined && !Array.isArray(raw)) {
      return { ok: false, error: { code: 'section-not-list', message: feedText.sectionNotList(section) } };
    }
  }

  const issues: FeedIssue[] = [];
  const feed: Feed = {
    version: checked.version,
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
    const raw = own(json, key);
    if (raw === undefined && key !== 'title') continue;
    const result = validators.meta[key](raw);
    if (result.ok) {
      (feed as unknown as JsonObject)[key] = result.value;
    } else {
      const reported = new Set<string>();
      for (const issue of result.issues.slice(0, ISSUES_PER_ITEM)) {
        const path = formatPath([key, ...issue.path]);
        const message = `${issue.message} ${feedText.metaDropped()}`;
        if (reported.has(path + message)) continue;
        reported.add(path + message);
        issues.push({ path, message, severity: 'error', kind: 'invalid' });
      }
    }
  }

  const context = new ReferenceContext(feed, issues);
  // Order matters: later sections refer to earlier ones.
  const order: FeedSectionName[] = [
    'countries',
    'topics',
    'services',
    'publishers',
    'providers',
    'tools',
    'cashflowTemplates',
    'planOutlines',
  ];
  for (const section of order) {
    const items = readSection(json, section, issues);
    const seen = new Set<string>();
    const out = feed[section] as unknown[];
    const validate = validators.sections[section];
    items.forEach((item, index) => {
      const base = `${section}[${index}]`;
      const itemId = rawId(item);
      const withId = itemId === undefined ? {} : { id: itemId };
      if (nestsDeeperThan(item, MAX_ITEM_DEPTH)) {
        issues.push({ path: base, message: feedText.tooDeep(), ...withId, severity: 'error', kind: 'invalid' });
        return;
      }
      const result = validate(item);
      if (!result.ok) {
        const reported = new Set<string>();
        for (const issue of result.issues) {
          const path = formatPath([section, index, ...issue.path]);
          const { message } = issue;
          // Two checks on one field (a pattern, then a parse) can say the same thing.
          if (reported.has(path + message)) continue;
          reported.add(path + message);
          issues.push({ path, message, ...withId, severity: 'error', kind: 'invalid' });
          if (reported.size === ISSUES_PER_ITEM) break;
        }
        return;
      }
      const parsed = result.value as JsonObject;
      const key = String(parsed['id'] ?? parsed['code']);
      if (seen.has(key)) {
        issues.push({ path: base, message: feedText.duplicateId(key), id: key, severity: 'error', kind: 'duplicate' });
        return;
      }
      reportFallbacks(section, item as JsonObject, parsed, base, key, issues);
      if (!context.check(section, parsed, base, key)) return;
      seen.add(key);
      out.push(parsed);
    });
  }
  // A part of a split feed (it has `positions`) links to templates and outlines that may be in
  // another part: those links are checked once the parts are merged (mergeFeedParts).
  if (own(json, 'positions') === undefined) context.finish();
  return { ok: true, feed, issues };
}

function readSection(json: JsonObject, section: FeedSectionName, issues: FeedIssue[]): unknown[] {
  const raw = own(json, section);
  if (!Array.isArray(raw)) return [];
  const max = LIMITS[section];
  if (raw.length > max) {
    issues.push({ path: section, message: feedText.sectionTooLong(section, max), severity: 'error', kind: 'limit' });
    return raw.slice(0, max);
  }
  return raw;
}

// ---------------------------------------------------------------- fallbacks (open vocabularies)

const OPEN_FIELDS: Partial<Record<FeedSectionName, readonly string[]>> = {
  tools: ['type', 'level', 'format'],
  providers: ['kind', 'cost'],
  planOutlines: ['kind'],
};

/** Lists whose bad entries are left out rather than dropping the item (see `lenientList`). */
const LENIENT_LISTS: Partial<Record<FeedSectionName, readonly string[]>> = {
  // A tax regime of an unknown kind is left out too: read as another kind, its sums would be wrong.
  countries: ['regions', 'extraPay', 'taxRegimes', 'seasonPresets'],
  tools: ['audience', 'keywords'],
  providers: ['sectors', 'phones', 'locations'],
};

function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function warnFallback(
  raw: unknown,
  parsed: unknown,
  path: string,
  id: string,
  issues: FeedIssue[],
): void {
  if (raw === undefined || sameValue(raw, parsed)) return;
  const shown = typeof raw === 'string' ? raw : JSON.stringify(raw);
  const used = parsed === undefined || (Array.isArray(parsed) && parsed.length === 0)
    ? feedText.notGiven()
    : JSON.stringify(parsed);
  issues.push({
    path,
    message: feedText.unknownValue(shown.slice(0, 80), used),
    id,
    severity: 'warning',
    kind: 'unknown-value',
  });
}

function reportFallbacks(
  section: FeedSectionName,
  raw: JsonObject,
  parsed: JsonObject,
  base: string,
  id: string,
  issues: FeedIssue[],
): void {
  for (const field of OPEN_FIELDS[section] ?? []) {
    warnFallback(own(raw, field), parsed[field], `${base}.${field}`, id, issues);
  }
  for (const field of LENIENT_LISTS[section] ?? []) {
    const rawList = own(raw, field);
    const kept = parsed[field];
    if (Array.isArray(rawList) && Array.isArray(kept) && kept.length < rawList.length) {
      issues.push({
        path: `${base}.${field}`,
        message: feedText.entriesIgnored(rawList.length - kept.length, rawList.length),
        id,
        severity: 'warning',
        kind: 'invalid',
      });
    }
  }
  // Nested vocabularies: checked against the raw entries, whose positions are the
  // ones a person sees in the file (a left-out entry shifts the parsed list).
  const nested: ReadonlyArray<readonly [string, string, readonly unknown[], string | undefined]> =
    section === 'providers' ? [['phones', 'type', PHONE_TYPES, 'voice']]
    : section === 'cashflowTemplates' ? [['lines', 'group', LINE_GROUPS, 'operations'], ['lines', 'kind', CASHFLOW_LINE_KINDS, undefined]]
    : [];
  for (const [list, field, known, fallback] of nested) {
    const rawList = own(raw, list);
    if (!Array.isArray(rawList)) continue;
    rawList.forEach((rawEntry, i) => {
      if (!isObject(rawEntry)) return;
      const value = own(rawEntry, field);
      if (value === undefined || known.includes(value)) return;
      warnFallback(value, fallback, `${base}.${list}[${i}].${field}`, id, issues);
    });
  }
}

// ---------------------------------------------------------------- references

class ReferenceContext {
  private readonly regionsByCountry = new Map<string, Set<string>>();

  constructor(
    private readonly feed: Feed,
    private readonly issues: FeedIssue[],
  ) {}

  private ids(section: 'topics' | 'services' | 'publishers' | 'tools' | 'providers'): Set<string> {
    return new Set((this.feed[section] as Array<{ id: string }>).map((item) => item.id));
  }

  private cache = new Map<string, Set<string>>();

  private known(section: 'topics' | 'services' | 'publishers' | 'tools' | 'providers'): Set<string> {
    // Sections are read in order, so a referenced section is complete when first asked for.
    let set = this.cache.get(section);
    if (!set) {
      set = this.ids(section);
      this.cache.set(section, set);
    }
    return set;
  }

  /** Returns false when the item must be dropped. */
  check(section: FeedSectionName, item: JsonObject, base: string, id: string): boolean {
    // Whose record it is: an unknown partner is reported and forgotten (the record stays).
    if (typeof item['publisher'] === 'string' && section !== 'publishers' && !this.known('publishers').has(item['publisher'])) {
      this.warn(`${base}.publisher`, feedText.unknownPublisher(item['publisher']), id);
      delete item['publisher'];
    }
    switch (section) {
      case 'countries': {
        const code = item['code'] as string;
        const regions = (item['regions'] as Array<{ code: string }>).filter((region, i) => {
          if (region.code.startsWith(`${code}-`)) return true;
          this.warn(`${base}.regions[${i}].code`, feedText.unknownRegion(region.code), id);
          return false;
        });
        item['regions'] = regions;
        this.regionsByCountry.set(code, new Set(regions.map((region) => region.code)));
        // The calculator makes lines and choices from these ids: each must be unique in its list.
        for (const list of ['extraPay', 'taxRegimes', 'seasonPresets']) this.uniqueIds(item, list, base, id);
        return true;
      }
      case 'topics':
      case 'services':
      case 'publishers':
        return true;
      case 'providers':
        if (!this.countriesKnown(item, base, id)) return false;
        item['services'] = this.filterKnown(item['services'], this.known('services'), `${base}.services`, id, feedText.unknownService);
        if (Array.isArray(item['regions'])) {
          const allowed = new Set<string>();
          for (const country of item['countries'] as string[]) {
            for (const region of this.regionsByCountry.get(country) ?? []) allowed.add(region);
          }
          const regions = this.filterKnown(item['regions'], allowed, `${base}.regions`, id, feedText.unknownRegion);
          // Nothing left means no usable restriction: the provider serves its whole countries.
          if (regions.length > 0) item['regions'] = regions;
          else delete item['regions'];
        }
        return true;
      case 'tools':
        if (!this.countriesKnown(item, base, id)) return false;
        item['topics'] = this.filterKnown(item['topics'], this.known('topics'), `${base}.topics`, id, feedText.unknownTopic);
        this.links(item, 'serviceIds', this.known('services'), base, id, feedText.unknownService);
        // Templates and outlines come later in the feed: their links are checked at the end (finish).
        if (item['cashflowTemplateIds'] !== undefined || item['planOutlineIds'] !== undefined) this.laterLinks.push({ item, base, id });
        if (typeof item['providerId'] === 'string' && !this.known('providers').has(item['providerId'])) {
          this.warn(`${base}.providerId`, feedText.unknownProvider(item['providerId']), id);
          delete item['providerId'];
        }
        return true;
      case 'cashflowTemplates':
        // A projection's lines need unique ids (a saved projection with two alike is not read back).
        this.uniqueIds(item, 'lines', base, id);
        this.links(item, 'serviceIds', this.known('services'), base, id, feedText.unknownService);
        return this.countriesKnown(item, base, id);
      case 'planOutlines': {
        if (!this.countriesKnown(item, base, id)) return false;
        const sections = item['sections'] as PlanSection[];
        if (this.sectionsTooDeep(sections, 1)) {
          this.issues.push({ path: `${base}.sections`, message: feedText.tooDeep(), id, severity: 'error', kind: 'invalid' });
          return false;
        }
        this.checkSectionTools(sections, `${base}.sections`, id);
        return true;
      }
    }
  }

  private sectionsTooDeep(sections: PlanSection[] | undefined, depth: number): boolean {
    if (!sections || sections.length === 0) return false;
    if (depth > LIMITS.sectionDepth) return true;
    return sections.some((section) => this.sectionsTooDeep(section.sections, depth + 1));
  }

  private checkSectionTools(sections: PlanSection[], base: string, id: string): void {
    sections.forEach((section, i) => {
      const path = `${base}[${i}]`;
      section.toolIds = this.filterKnown(section.toolIds, this.known('tools'), `${path}.toolIds`, id, feedText.unknownTool);
      this.links(section as unknown as JsonObject, 'serviceIds', this.known('services'), path, id, feedText.unknownService);
      if (section.sections) this.checkSectionTools(section.sections, `${path}.sections`, id);
    });
  }

  private countriesKnown(item: JsonObject, base: string, id: string): boolean {
    const countries = item['countries'];
    if (!Array.isArray(countries)) return true;
    const index = countries.findIndex((code: string) => !this.regionsByCountry.has(code));
    if (index === -1) return true;
    this.issues.push({
      path: `${base}.countries[${index}]`,
      message: feedText.unknownCountry(String(countries[index])),
      id,
      severity: 'error',
      kind: 'reference',
    });
    return false;
  }

  private filterKnown(
    values: unknown,
    known: Set<string>,
    path: string,
    id: string,
    describe: (value: string) => string,
  ): string[] {
    const list = Array.isArray(values) ? (values as string[]) : [];
    return list.filter((value, i) => {
      if (known.has(value)) return true;
      this.warn(`${path}[${i}]`, describe(value), id);
      return false;
    });
  }

  /** Tools whose links to templates and outlines wait for those sections (see `finish`). */
  private readonly laterLinks: Array<{ item: JsonObject; base: string; id: string }> = [];

  /** Keep only the ids of `item[key]` (an optional list of links) that are `known`, with a warning for each other one. */
  private links(item: JsonObject, key: string, known: Set<string>, base: string, id: string, describe: (value: string) => string): void {
    if (item[key] === undefined) return;
    item[key] = this.filterKnown(item[key], known, `${base}.${key}`, id, describe);
  }

  /** Checks that need every section read: a tool's links to cash-flow templates and plan outlines. */
  finish(): void {
    const templates = new Set(this.feed.cashflowTemplates.map((t) => t.id));
    const outlines = new Set(this.feed.planOutlines.map((o) => o.id));
    for (const { item, base, id } of this.laterLinks) {
      this.links(item, 'cashflowTemplateIds', templates, base, id, feedText.unknownTemplate);
      this.links(item, 'planOutlineIds', outlines, base, id, feedText.unknownOutline);
    }
  }

  /** Leave out the entries of `item[list]` whose `id` an earlier entry already has, with a warning each. */
  private uniqueIds(item: JsonObject, list: string, base: string, id: string): void {
    const entries = item[list];
    if (!Array.isArray(entries)) return;
    const seen = new Set<string>();
    item[list] = entries.filter((entry: unknown, i) => {
      const key = typeof entry === 'object' && entry !== null ? (entry as { id?: unknown }).id : undefined;
      if (typeof key !== 'string') return true;
      if (!seen.has(key)) {
        seen.add(key);
        return true;
      }
      this.issues.push({ path: `${base}.${list}[${i}].id`, message: feedText.duplicateInList(key), id, severity: 'warning', kind: 'duplicate' });
      return false;
    });
  }

  private warn(path: string, message: string, id: string): void {
    this.issues.push({ path, message, id, severity: 'warning', kind: 'reference' });
  }
}
