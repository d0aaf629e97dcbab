/**
 * The splitter (`npx infomipyme-widgets split <feed.json> <out-dir>`) and the
 * validator's report on a feed index (`validate index.json`): pure, so the CLI
 * (bin/) only reads and writes files.
 *
 * A split feed is an index, a shared part and one part per country (see
 * src/feed/split.ts). The splitter works on the feed as written (not on the
 * parsed feed, whose amounts are in cents), and makes each part a valid feed
 * on its own:
 * - shared: every top-level field but the sections, the whole `countries`,
 *   `topics`, `services` and `publishers`, the items without countries (or naming no
 *   declared country, so their errors are still reported once), and the items
 *   those link to (a tool's `providerId`, an outline's `toolIds`);
 * - one part per country that has items of its own: those items, the items
 *   they link to (copies of shared ones included, so each part stands alone),
 *   the topics, services and publishers they name (`serviceIds` included), and the countries they name, declared
 *   only as far as the part needs (code, name, currency, locale and the regions
 *   its providers name: the shared part's full declaration wins when merged);
 * - each part's `positions`: where each item stands in the whole feed, so the
 *   widgets merge the parts in the feed's order.
 * A country with no item of its own gets no part: its pages load the shared part alone.
 */
import { msg, str } from '@lit/localize';
import { parseFeed, type FeedIssue, type ParseFeedResult } from '../feed/parse.js';
import type { FeedSectionName } from '../feed/schema.js';
import {
  FEED_INDEX_KIND,
  isFeedIndex,
  mergeFeedParts,
  parseFeedPartText,
  type FeedIndex,
  type FeedPart,
  type ParseFeedIndexResult,
} from '../feed/split.js';
import { buildReport, formatReport, type ValidationReport } from './report.js';

export const splitText = {
  usage: () =>
    msg(`       infomipyme-widgets split FEED OUT-DIR [--compact] [--lang es|en]

Splits a feed by country, for pages that show one country: writes OUT-DIR/index.json,
shared.json (what is for every country) and one file per country (SV.json…).
Publish the folder and give the widgets the address of index.json instead of the feed's.
validate also takes an index.json: it checks the index and every part it lists.`),
  isIndex: (source: string) => msg(str`${source} is already a feed index: give the whole feed to split.`),
  cannotSplit: (source: string, detail: string) => msg(str`✗ ${source} cannot be split: ${detail}`),
  wrote: (count: number, dir: string) => msg(str`Wrote ${count} files to ${dir}:`),
  pageBytes: () => msg('What a page downloads (the index, the shared part and its country\'s part):'),
  allParts: () => msg('every part (a page without a country)'),
  noCountry: () => msg('a page without a country (the index and all.json)'),
  allDiffers: () =>
    msg('it does not hold the same feed as the parts together: split the feed again, and publish every file.'),
  wholeFeed: () => msg('the whole feed'),
  problems: (count: number) =>
    msg(str`The feed has ${count} problem(s); the parts carry them as they are. Check it with the validator.`),
  indexHeader: (source: string, version: number, count: number) =>
    msg(str`Feed index: ${source} — format version ${version}, ${count} country part(s)`),
  indexUnusable: (source: string) => msg(str`✗ ${source}: the feed index cannot be used.`),
  partsHeader: () => msg('Parts:'),
  partOk: () => msg('✓ valid'),
  partErrors: (errors: number, warnings: number) => msg(str`${errors} error(s), ${warnings} warning(s)`),
  partUnusable: (file: string, detail: string) => msg(str`✗ The part ${file} cannot be used: ${detail}`),
  partIsIndex: () => msg('it is a feed index; a part must be an ordinary feed.'),
  partsUnusable: (count: number) => msg(str`✗ ${count} part(s) cannot be used: the index is not ready to publish.`),
  bytesDiffer: (file: string, declared: number, actual: number) =>
    msg(str`warning  ${file}: the index gives ${declared} bytes, the file has ${actual}.`),
};

// ---------------------------------------------------------------- splitting

type JsonObject = Record<string, unknown>;

const VOCABULARIES = ['countries', 'topics', 'services', 'publishers'] as const;
const ITEMS = ['tools', 'providers', 'cashflowTemplates', 'planOutlines'] as const;
const SECTIONS: readonly FeedSectionName[] = [...VOCABULARIES, ...ITEMS];
const COUNTRY_RE = /^[A-Z]{2}$/;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: unknown, key: string): unknown {
  return isObject(object) && Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((entry): entry is string => typeof entry === 'string') : [];

/** One written file of a split feed. */
export interface SplitFile {
  /** `index`, `shared` or a country code. */
  readonly name: string;
  readonly file: string;
  readonly text: string;
  readonly bytes: number;
}

export type SplitResult =
  | { readonly ok: true; readonly files: readonly SplitFile[]; readonly issues: readonly FeedIssue[] }
  | { readonly ok: false; readonly code: 'index' | 'not-feed'; readonly error: string };

export interface SplitOptions {
  /** Spaces of indentation in the files written; 0 for compact JSON. 2 by default. */
  readonly indent?: number | undefined;
}

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/** Raw items of a section by id (every item with that id: the parser keeps the first valid one). */
function byId(items: readonly unknown[]): Map<string, number[]> {
  const map = new Map<string, number[]>();
  items.forEach((item, i) => {
    const id = own(item, 'id');
    if (typeof id !== 'string') return;
    const list = map.get(id);
    if (list) list.push(i);
    else map.set(id, [i]);
  });
  return map;
}

function sectionServiceIds(sections: unknown, out: Set<string>): void {
  if (!Array.isArray(sections)) return;
  for (const section of sections) {
    for (const id of strings(own(section, 'serviceIds'))) out.add(id);
    sectionServiceIds(own(section, 'sections'), out);
  }
}

function outlineToolIds(sections: unknown, out: string[]): void {
  if (!Array.isArray(sections)) return;
  for (const section of sections) {
    out.push(...strings(own(section, 'toolIds')));
    outlineToolIds(own(section, 'sections'), out);
  }
}

/**
 * Split a whole feed (its JSON, as written) into an index, a shared part and
 * one part per country. Refuses a document the widgets would refuse whole, and
 * an index. `issues` are the feed's own problems, for a warning.
 */
export function splitFeed(json: unknown, options: SplitOptions = {}): SplitResult {
  if (isFeedIndex(json)) return { ok: false, code: 'index', error: '' };
  const parsed = parseFeed(structuredClone(json));
  if (!parsed.ok) return { ok: false, code: 'not-feed', error: parsed.error.message };
  const raw = json as JsonObject;
  const section = (name: FeedSectionName): unknown[] => {
    const value = own(raw, name);
    return Array.isArray(value) ? value : [];
  };
  const declared: string[] = [];
  for (const country of section('countries')) {
    const code = own(country, 'code');
    if (typeof code === 'string' && COUNTRY_RE.test(code) && !declared.includes(code)) declared.push(code);
  }
  const tools = byId(section('tools'));
  const providers = byId(section('providers'));

  /** Positions (raw indices) per item section. */
  type Selection = Record<(typeof ITEMS)[number], Set<number>>;
  const empty = (): Selection => ({
    tools: new Set(),
    providers: new Set(),
    cashflowTemplates: new Set(),
    planOutlines: new Set(),
  });

  /** Adds what the selected items link to: an outline's tools, a tool's provider. */
  const close = (selection: Selection): Selection => {
    for (const i of selection.planOutlines) {
      const ids: string[] = [];
      outlineToolIds(own(section('planOutlines')[i], 'sections'), ids);
      for (const id of ids) for (const t of tools.get(id) ?? []) selection.tools.add(t);
    }
    for (const i of selection.tools) {
      const id = own(section('tools')[i], 'providerId');
      if (typeof id === 'string') for (const p of providers.get(id) ?? []) selection.providers.add(p);
    }
    return selection;
  };

  const namesOf = (item: unknown) => strings(own(item, 'countries')).filter((code) => declared.includes(code));
  const shared = empty();
  const byCountry = new Map(declared.map((code) => [code, empty()]));
  for (const name of ITEMS) {
    section(name).forEach((item, i) => {
      const codes = namesOf(item);
      if (codes.length === 0) shared[name].add(i);
    });
  }
  close(shared);
  for (const name of ITEMS) {
    section(name).forEach((item, i) => {
      if (shared[name].has(i)) return;
      for (const code of namesOf(item)) byCountry.get(code)![name].add(i);
    });
  }

  const indent = options.indent ?? 2;
  const serialize = (value: unknown) => `${JSON.stringify(value, null, indent || undefined)}\n`;
  const meta = Object.fromEntries(
    Object.entries(raw).filter(([key]) => !(SECTIONS as readonly string[]).includes(key) && key !== 'positions'),
  );

  /** A part: its sections (only the non-empty ones) and their positions. */
  const part = (
    head: JsonObject,
    picked: Partial<Record<FeedSectionName, readonly number[]>>,
    edit: (name: FeedSectionName, item: unknown) => unknown = (_, item) => item,
  ): string => {
    const body: JsonObject = { ...head };
    const positions: JsonObject = {};
    for (const name of SECTIONS) {
      const indices = picked[name];
      if (!indices || indices.length === 0) continue;
      const items = section(name);
      body[name] = indices.map((i) => edit(name, items[i]));
      positions[name] = indices;
    }
    if (!indent) return serialize({ ...body, positions });
    // Indented, the positions stay on one line (a number a line would be most of a small part).
    const text = serialize(body);
    return `${text.slice(0, text.lastIndexOf('}')).trimEnd()},\n${' '.repeat(indent)}"positions": ${JSON.stringify(positions)}\n}\n`;
  };
  const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);
  const all = (name: FeedSectionName) => section(name).map((_, i) => i);

  const files: SplitFile[] = [];
  const add = (name: string, file: string, text: string) => files.push({ name, file, text, bytes: byteLength(text) });
  add(
    'shared',
    'shared.json',
    part(meta, {
      countries: all('countries'),
      topics: all('topics'),
      services: all('services'),
      publishers: all('publishers'),
      ...Object.fromEntries(ITEMS.map((name) => [name, sorted(shared[name])])),
    }),
  );
  const head: JsonObject = {};
  for (const key of ['version', 'title', 'updated']) if (own(raw, key) !== undefined) head[key] = own(raw, key);
  for (const code of declared) {
    const selection = byCountry.get(code)!;
    if (ITEMS.every((name) => selection[name].size === 0)) continue;
    close(selection);
    // What this part names, so it is a valid feed on its own.
    const countries = new Set([code]);
    const topics = new Set<string>();
    const services = new Set<string>();
    const publishers = new Set<string>();
    const regions = new Set<string>();
    for (const name of ITEMS) {
      for (const i of selection[name]) {
        const item = section(name)[i];
        for (const other of namesOf(item)) countries.add(other);
        const publisher = own(item, 'publisher');
        if (typeof publisher === 'string') publishers.add(publisher);
        if (name === 'tools') for (const topic of strings(own(item, 'topics'))) topics.add(topic);
        // Links to services: a tool's, a template's, a plan section's.
        for (const service of strings(own(item, 'serviceIds'))) services.add(service);
        if (name === 'planOutlines') sectionServiceIds(own(item, 'sections'), services);
        if (name === 'providers') {
          for (const service of strings(own(item, 'services'))) services.add(service);
          for (const region of strings(own(item, 'regions'))) regions.add(region);
        }
      }
    }
    // A country's declaration as this part needs it: the shared part's full one wins when merged.
    const declaration = (country: unknown): unknown => {
      if (!isObject(country)) return country;
      const light: JsonObject = {};
      for (const key of ['code', 'name', 'currency', 'locale']) if (own(country, key) !== undefined) light[key] = own(country, key);
      const all = own(country, 'regions');
      if (Array.isArray(all)) {
        const used = all.filter((region) => regions.has(String(own(region, 'code'))));
        if (used.length > 0) light['regions'] = used;
      }
      return light;
    };
    const where = (name: FeedSectionName, key: string, wanted: Set<string>) =>
      all(name).filter((i) => {
        const value = own(section(name)[i], key);
        return typeof value === 'string' && wanted.has(value);
      });
    add(
      code,
      `${code}.json`,
      part(head, {
        countries: where('countries', 'code', countries),
        topics: where('topics', 'id', topics),
        services: where('services', 'id', services),
        publishers: where('publishers', 'id', publishers),
        ...Object.fromEntries(ITEMS.map((name) => [name, sorted(selection[name])])),
      }, (name, item) => (name === 'countries' ? declaration(item) : item)),
    );
  }
  // The whole feed too, as given: what a page without a country loads (one file instead of every part).
  const whole = serialize(raw);
  const index = {
    kind: FEED_INDEX_KIND,
    version: own(raw, 'version'),
    shared: { url: files[0]!.file, bytes: files[0]!.bytes },
    countries: Object.fromEntries(files.slice(1).map((f) => [f.name, { url: f.file, bytes: f.bytes }])),
    all: { url: 'all.json', bytes: byteLength(whole) },
  };
  add('all', 'all.json', whole);
  files.unshift({ name: 'index', file: 'index.json', text: serialize(index), bytes: byteLength(serialize(index)) });
  return { ok: true, files, issues: parsed.issues };
}

// ---------------------------------------------------------------- reports

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const percent = (part: number, whole: number) => (whole > 0 ? `${Math.round((part / whole) * 100)}%` : '–');

function pad(text: string, width: number): string {
  return text.length >= width ? text : text + ' '.repeat(width - text.length);
}

function table(rows: string[][]): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => `  ${row.map((cell, column) => pad(cell, widths[column]!)).join('  ')}`.trimEnd());
}

/** Bytes a page downloads per country (index + shared + its part), and for every part. */
function pageBytes(
  files: ReadonlyArray<{ readonly name: string; readonly bytes: number }>,
  countries: readonly string[],
  whole?: number,
): string[] {
  const size = (name: string) => files.find((f) => f.name === name)?.bytes ?? 0;
  const base = size('index') + size('shared');
  // A page without a country: the index and the whole feed (all.json) when the index lists it, else every part.
  const hasAll = files.some((f) => f.name === 'all');
  const every = hasAll ? size('index') + size('all') : files.reduce((sum, f) => sum + f.bytes, 0);
  const reference = whole ?? (hasAll ? size('all') : every);
  const rows = [
    [msg('country'), msg('bytes'), whole === undefined && !hasAll ? msg('of every part') : msg('of the whole feed')],
    ...countries.map((code) => [code, String(base + size(code)), percent(base + size(code), reference)]),
    [hasAll ? splitText.noCountry() : splitText.allParts(), String(every), percent(every, reference)],
  ];
  if (whole !== undefined) rows.push([splitText.wholeFeed(), String(whole), '100%']);
  return [splitText.pageBytes(), ...table(rows)];
}

/** What the splitter prints. */
export function formatSplit(result: SplitResult & { ok: true }, dir: string, wholeBytes: number): string[] {
  const lines = [splitText.wrote(result.files.length, dir)];
  lines.push(...table(result.files.map((f) => [f.file, kb(f.bytes)])), '');
  const countries = result.files.filter((f) => !['index', 'shared', 'all'].includes(f.name)).map((f) => f.name);
  lines.push(...pageBytes(result.files, countries, wholeBytes));
  if (result.issues.length > 0) lines.push('', splitText.problems(result.issues.length));
  return lines;
}

/** A part as the validator read it: its text, or why it could not be read. */
export interface PartInput {
  /** `shared` or a country code. */
  readonly name: string;
  readonly url: string;
  /** Its file name, as shown. */
  readonly file: string;
  readonly declaredBytes?: number | undefined;
  readonly text?: string | undefined;
  readonly readError?: string | undefined;
}

export interface PartReport {
  readonly name: string;
  readonly url: string;
  readonly bytes?: number | undefined;
  /** Why the part cannot be used at all (unreadable, not a feed). */
  readonly error?: string | undefined;
  readonly report?: ValidationReport | undefined;
}

export interface IndexReport {
  readonly ok: boolean;
  readonly source: string;
  readonly kind: 'index';
  readonly error?: string;
  readonly index?: FeedIndex;
  readonly issues: readonly FeedIssue[];
  readonly parts: readonly PartReport[];
  /** Every usable part merged: what a page without a country gets. */
  readonly merged?: ValidationReport;
  /** Bytes of the index file. */
  readonly indexBytes: number;
}

/** JSON with the keys of every object sorted: the same text for the same feed, whatever the key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((key) => [key, v[key]])) : v,
  );
}

/** The parts an index lists, shared first, for the validator to read. */
export function indexParts(index: FeedIndex): Array<{ name: string; url: string; declaredBytes?: number | undefined }> {
  return [
    { name: 'shared', url: index.shared.url, declaredBytes: index.shared.bytes },
    ...Object.entries(index.countries).map(([name, link]) => ({ name, url: link.url, declaredBytes: link.bytes })),
    ...(index.all ? [{ name: 'all', url: index.all.url, declaredBytes: index.all.bytes }] : []),
  ];
}

/** The validator's report on an index and the parts it lists. */
export function buildIndexReport(
  source: string,
  indexText: string,
  result: ParseFeedIndexResult,
  inputs: readonly PartInput[],
): { report: IndexReport; merged?: ParseFeedResult } {
  const indexBytes = byteLength(indexText);
  if (!result.ok) {
    return { report: { ok: false, source, kind: 'index', error: result.error.message, issues: [], parts: [], indexBytes } };
  }
  const parts: PartReport[] = [];
  const usable: FeedPart[] = [];
  let wholeFeed: unknown;
  for (const input of inputs) {
    if (input.text === undefined) {
      parts.push({ name: input.name, url: input.url, error: input.readError ?? '' });
      continue;
    }
    const bytes = byteLength(input.text);
    const parsed = parseFeedPartText(input.text);
    if (parsed.isIndex || !parsed.result.ok) {
      const error = parsed.isIndex ? splitText.partIsIndex() : parsed.result.ok ? '' : parsed.result.error.message;
      parts.push({ name: input.name, url: input.url, bytes, error });
      continue;
    }
    parts.push({ name: input.name, url: input.url, bytes, report: buildReport(input.url, parsed.result) });
    // The whole feed is read and checked like a part, but it is not merged with the parts.
    if (input.name === 'all') {
      wholeFeed = parsed.result.feed;
      continue;
    }
    usable.push({
      url: input.file,
      feed: parsed.result.feed,
      issues: parsed.result.issues,
      positions: parsed.positions,
    });
  }
  const merged = mergeFeedParts(usable);
  // Each issue with the file it is in.
  const issues = merged.issues.map(({ part, ...issue }) => ({ ...issue, path: `${part} › ${issue.path}` }));
  const mergedResult: ParseFeedResult = { ok: true, feed: merged.feed, issues };
  const mergedReport = buildReport(source, mergedResult);
  // all.json must hold what the parts hold together, or pages without a country would see another feed.
  // (Compared only when every part could be read: else the parts' own errors say what to fix.)
  const partsUsable = parts.every((part) => part.error === undefined);
  if (wholeFeed !== undefined && partsUsable && canonical(wholeFeed) !== canonical(merged.feed)) {
    const at = parts.findIndex((part) => part.name === 'all');
    if (at >= 0) parts[at] = { ...parts[at]!, error: splitText.allDiffers() };
  }
  const indexErrors = result.issues.filter((issue) => issue.severity === 'error').length;
  const ok = indexErrors === 0 && parts.every((part) => part.error === undefined) && mergedReport.ok;
  return {
    report: {
      ok,
      source,
      kind: 'index',
      index: result.index,
      issues: result.issues,
      parts,
      merged: mergedReport,
      indexBytes,
    },
    merged: mergedResult,
  };
}

/** The validator's report on an index as lines for a terminal. */
export function formatIndexReport(
  report: IndexReport,
  merged: ParseFeedResult | undefined,
  inputs: readonly PartInput[],
  lang: string,
): string[] {
  if (report.error !== undefined || !report.index || !report.merged || !merged) {
    return [splitText.indexUnusable(report.source), `  ${report.error ?? ''}`];
  }
  const lines = [
    splitText.indexHeader(report.source, report.index.version, Object.keys(report.index.countries).length),
  ];
  for (const issue of report.issues) {
    const label = issue.severity === 'error' ? msg('ERROR') : msg('warning');
    lines.push(`${label}  ${issue.path}${issue.id ? ` (${issue.id})` : ''}: ${issue.message}`);
  }
  lines.push('', splitText.partsHeader());
  const fileOf = (part: PartReport) => inputs.find((input) => input.url === part.url)?.file ?? part.url;
  lines.push(
    ...table(
      report.parts.map((part) => [
        part.name,
        fileOf(part),
        part.bytes === undefined ? '–' : kb(part.bytes),
        part.error !== undefined
          ? '✗'
          : part.report!.summary!.errors + part.report!.summary!.warnings === 0
            ? splitText.partOk()
            : splitText.partErrors(part.report!.summary!.errors, part.report!.summary!.warnings),
      ]),
    ),
  );
  const unusable = report.parts.filter((part) => part.error !== undefined);
  for (const part of unusable) lines.push(splitText.partUnusable(fileOf(part), part.error ?? ''));
  for (const input of inputs) {
    const part = report.parts.find((p) => p.url === input.url);
    if (input.declaredBytes !== undefined && part?.bytes !== undefined && part.bytes !== input.declaredBytes) {
      lines.push(splitText.bytesDiffer(input.file, input.declaredBytes, part.bytes));
    }
  }
  lines.push('');
  // The merged feed: every issue with its file, counts per section and per country, the verdict.
  lines.push(...formatReport(report.merged, merged, lang));
  lines.push('');
  const files = [
    { name: 'index', bytes: report.indexBytes },
    ...report.parts.map((part) => ({ name: part.name, bytes: part.bytes ?? 0 })),
  ];
  lines.push(...pageBytes(files, Object.keys(report.index.countries)));
  if (unusable.length > 0) lines.push('', splitText.partsUnusable(unusable.length));
  return lines;
}
