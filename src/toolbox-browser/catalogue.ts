/**
 * The toolbox browser's catalogue: search, facets and sort over a feed's tools.
 *
 * Pure: no DOM, no Lit, no zod at run time (types only), so it runs in a worker,
 * in Node and in benches. `buildCatalogue` does the expensive work once per
 * feed × language × country (an inverted index, per-tool facet values, the
 * "newest" order); `queryCatalogue` then runs on every keystroke and touches
 * only the postings of the query's words and each candidate tool's facet values.
 *
 * Search model:
 * - text is normalised (NFD, diacritics stripped, lower case, non-letters/digits
 *   as separators), Spanish and English stop words are dropped;
 * - every remaining query word must match somewhere (AND); the last one also
 *   matches as a prefix (instant search), words of 5+ letters also match indexed
 *   words one Damerau-Levenshtein edit away (one typo, and Spanish plurals);
 * - a tool's score is the sum over query words of the best (field weight ×
 *   match quality) for that word; title > tags (keywords, topic names, type) >
 *   summary ≥ provider name; exact > prefix > typo.
 *
 * Facets are disjunctive: inside a facet the selected values are OR-ed, across
 * facets AND-ed, and a value's count is what the result would be with that
 * value added to (or kept in) its facet's selection.
 */
import type { Audience, Feed, LocalizedText, Tool, ToolType } from '../feed/schema.js';
import { pickText } from '../feed/text.js';
import { compareCodeUnits, makeCollator, normalizeText, queryWords, tokenize } from '../shared/search-text.js';

export { normalizeText };

// ---------------------------------------------------------------- public types

/** `relevance` (best match first; newest first when there is no text), `newest`, `title` (A→Z). */
export type SortOrder = 'relevance' | 'newest' | 'title';

/** Every sort order, the default first. */
export const SORT_ORDERS: readonly SortOrder[] = Object.freeze(['relevance', 'newest', 'title'] as const);

/** The facets a user can filter by. */
export type FacetName = 'topic' | 'type' | 'audience' | 'level' | 'format' | 'language';

/** Every facet, in the order the element shows them. */
export const FACET_NAMES: readonly FacetName[] = Object.freeze([
  'topic',
  'type',
  'audience',
  'level',
  'format',
  'language',
] as const);

/** What a catalogue is built for. */
export interface CatalogueOptions {
  /** The page language (BCP 47, e.g. `es`, `en`, `es-SV`): the texts searched, shown and sorted. */
  readonly lang: string;
  /** ISO 3166-1 alpha-2: only tools that apply to this country. Absent = every tool. */
  readonly country?: string | undefined;
}

/** A searchable index of a feed's tools. Build it with `buildCatalogue`; its inside is private. */
export interface Catalogue {
  /** How many tools it holds (after the country filter). */
  readonly size: number;
  /** The language it was built for. */
  readonly lang: string;
  /** The country it was built for (upper case), if any. */
  readonly country: string | undefined;
  /** Its tools, in feed order. */
  readonly tools: readonly Tool[];
}

/** What the user asked for. */
export interface ToolQuery {
  /** What was typed in the search box, as typed. */
  readonly text: string;
  /** Selected values per facet: OR inside a facet, AND across facets. */
  readonly filters: Readonly<Record<FacetName, readonly string[]>>;
  readonly sort: SortOrder;
  /** When given, only these tool ids (the "saved tools" view). Ids not in the catalogue are ignored. */
  readonly only?: ReadonlySet<string> | undefined;
}

/** A fresh record with no value selected in any facet. */
export function emptyFilters(): Record<FacetName, readonly string[]> {
  return { topic: [], type: [], audience: [], level: [], format: [], language: [] };
}

/** No text, no filter, relevance order. */
export const EMPTY_QUERY: ToolQuery = Object.freeze({
  text: '',
  filters: Object.freeze(emptyFilters()),
  sort: 'relevance' as SortOrder,
});

/** True when at least one facet value is selected. */
export function hasFilters(query: ToolQuery): boolean {
  return FACET_NAMES.some((facet) => (query.filters[facet]?.length ?? 0) > 0);
}

/** The query with `value` selected in `facet` if it was not, unselected if it was. */
export function toggleFilter(query: ToolQuery, facet: FacetName, value: string): ToolQuery {
  const current = query.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [facet]: next } };
}

/** One value of a facet, with the number of results it would give. */
export interface FacetValue {
  /** The value as in the feed: a topic id, a type, an audience, a level, a format, a language code. */
  readonly value: string;
  readonly count: number;
  readonly selected: boolean;
}

/** "Remove this filter → `count` results". */
export interface Relaxation {
  readonly facet: FacetName;
  readonly value: string;
  readonly count: number;
}

/** The answer to a query. */
export interface QueryResult {
  /** Every match, ordered (the element pages them). */
  readonly tools: readonly Tool[];
  /**
   * Per facet, the values with a non-zero count plus every selected value
   * (even at 0), by count descending, then value.
   */
  readonly facets: Readonly<Record<FacetName, readonly FacetValue[]>>;
  /** Only when there is no result and filters are set: each selected value, by count descending. */
  readonly relaxations: readonly Relaxation[];
  /**
   * Only when there is no result and text is set: the query with each unknown
   * word replaced by the closest indexed word, when that gives results.
   */
  readonly didYouMean?: string | undefined;
}

// ---------------------------------------------------------------- text

/** A word as written, before normalisation (letters, digits and their combining marks). */
const WRITTEN_WORD = /[\p{L}\p{N}\p{M}]+/gu;




/**
 * Words that name each tool type, indexed with the tool's tags so that
 * "plantilla" or "calculator" finds the templates or calculators. Spanish and
 * English, whatever the page language (they are search words, not UI text).
 * A `Record` so that a new type in the schema fails to compile until named here.
 */
const TYPE_WORDS: Readonly<Record<ToolType, string>> = {
  guide: 'guía guide',
  template: 'plantilla template',
  calculator: 'calculadora calculator',
  course: 'curso course',
  video: 'video vídeo',
  checklist: 'lista verificación checklist',
  article: 'artículo article',
  toolkit: 'kit herramientas toolkit',
  webinar: 'webinar seminario web',
  podcast: 'podcast',
  other: '',
};

/** Every audience; a tool with no audience is for everyone (a `Record` keeps this in step with the schema). */
const AUDIENCE_KEYS: Readonly<Record<Audience, true>> = { entrepreneur: true, advisor: true };
const ALL_AUDIENCES = Object.keys(AUDIENCE_KEYS) as Audience[];

// ---------------------------------------------------------------- tuning

/** How much a word found in each field counts. */
const FIELD_WEIGHT = { title: 10, tags: 5, summary: 2, provider: 1.5 } as const;
/** How much each kind of match counts (× field weight). */
const MATCH_QUALITY = { exact: 1, prefix: 0.7, typo: 0.45 } as const;
/** Query words shorter than this never match with a typo. */
const TYPO_MIN_LENGTH = 5;
/** A query is cut to this many meaningful words, each to this many characters. */
/** Above this share of the catalogue, ordering walks a precomputed order instead of sorting. */
const WALK_ORDER_SHARE = 0.125;

// ---------------------------------------------------------------- the index

interface Postings {
  /** Tool indexes, ascending. */
  readonly docs: Uint32Array;
  /** Best field weight of the word in each of those tools. */
  readonly weights: Float32Array;
}

/** One facet's values and, per tool, the ids of its values (CSR layout). */
interface FacetIndex {
  readonly values: readonly string[];
  readonly ids: ReadonlyMap<string, number>;
  /** Tool i's value ids are `data[offsets[i] .. offsets[i + 1]]`. */
  readonly offsets: Uint32Array;
  readonly data: Uint32Array;
}

class FacetBuilder {
  readonly values: string[] = [];
  readonly ids = new Map<string, number>();
  readonly offsets: number[] = [0];
  readonly data: number[] = [];

  add(values: Iterable<string>): void {
    const seen = new Set<number>();
    for (const value of values) {
      let id = this.ids.get(value);
      if (id === undefined) {
        id = this.values.length;
        this.values.push(value);
        this.ids.set(value, id);
      }
      if (!seen.has(id)) {
        seen.add(id);
        this.data.push(id);
      }
    }
    this.offsets.push(this.data.length);
  }

  build(): FacetIndex {
    return {
      values: this.values,
      ids: this.ids,
      offsets: Uint32Array.from(this.offsets),
      data: Uint32Array.from(this.data),
    };
  }
}


function dateValue(value: string | undefined): number {
  if (value === undefined) return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

function appliesTo(tool: Tool, country: string | undefined): boolean {
  return country === undefined || tool.countries === undefined || tool.countries.includes(country);
}

class CatalogueIndex implements Catalogue {
  readonly size: number;
  readonly lang: string;
  readonly country: string | undefined;
  readonly tools: readonly Tool[];

  readonly feed: Feed;
  readonly collator: Intl.Collator;
  /** The page language is Spanish (`es`, `es-SV`…): one text per localized value. */
  readonly spanishPage: boolean;
  /** Title in the page language, per tool. */
  readonly titles: readonly string[];
  readonly idIndex: ReadonlyMap<string, number>;
  /** 0 … size − 1. */
  readonly all: Uint32Array;

  /** Indexed words, sorted by code unit (for prefix ranges). */
  readonly vocabulary: readonly string[];
  readonly tokenIds: ReadonlyMap<string, number>;
  readonly postings: readonly Postings[];
  /** Token ids by word length (for typo scans). */
  readonly byLength: ReadonlyMap<number, readonly number[]>;

  readonly facets: Readonly<Record<FacetName, FacetIndex>>;

  /** Tool indexes by `updated` descending (missing last), then title, then id. */
  readonly newestOrder: Uint32Array;
  /** Position of each tool in `newestOrder`. */
  readonly newestRank: Uint32Array;
  #titleOrder: Uint32Array | undefined;
  #titleRank: Uint32Array | undefined;

  constructor(feed: Feed, options: CatalogueOptions) {
    this.feed = feed;
    this.lang = options.lang || 'es';
    const country = options.country?.trim().toUpperCase();
    this.country = country ? country : undefined;
    this.collator = makeCollator(this.lang);
    this.spanishPage = this.lang.toLowerCase().split('-')[0] === 'es';

    const tools = feed.tools.filter((tool) => appliesTo(tool, this.country));
    this.tools = tools;
    this.size = tools.length;
    this.titles = tools.map((tool) => pickText(tool.title, this.lang));
    this.idIndex = new Map(tools.map((tool, i) => [tool.id, i]));
    this.all = Uint32Array.from(tools.keys());

    // ---- inverted index
    const postings = new Map<string, { docs: number[]; weights: number[] }>();
    // Normalising (NFD + Unicode regexes) is the cost of a build, and texts repeat the same
    // few thousand written words: tokenise each space-separated chunk once.
    const chunks = new Map<string, readonly string[]>();
    const chunkTokens = (chunk: string): readonly string[] => {
      let tokens = chunks.get(chunk);
      if (tokens === undefined) {
        tokens = tokenize(chunk);
        chunks.set(chunk, tokens);
      }
      return tokens;
    };
    const words = (text: string): string[] => text.split(' ').flatMap(chunkTokens);
    // Short texts shared by many tools (keywords, topic and provider names, types) are tokenised once.
    const shared = new Map<string, readonly string[]>();
    const sharedTokens = (text: string): readonly string[] => {
      let tokens = shared.get(text);
      if (tokens === undefined) {
        tokens = words(text);
        shared.set(text, tokens);
      }
      return tokens;
    };
    // Topic and provider names: tokenised once each, looked up per tool (only providers in use).
    const topicTokens = new Map(
      feed.topics.map((topic) => [topic.id, this.localizedTexts(topic.name).flatMap((text) => words(text))]),
    );
    const providers = new Map(feed.providers.map((provider) => [provider.id, provider]));
    const providerTokens = new Map<string, readonly string[]>();
    const tokensOfProvider = (id: string): readonly string[] => {
      let tokens = providerTokens.get(id);
      if (tokens === undefined) {
        const provider = providers.get(id);
        tokens = provider
          ? [...this.localizedTexts(provider.name), provider.alternateName ?? ''].flatMap((text) => words(text))
          : [];
        providerTokens.set(id, tokens);
      }
      return tokens;
    };
    const local = new Map<string, number>();
    const put = (tokens: readonly string[], weight: number) => {
      for (const token of tokens) {
        const before = local.get(token);
        if (before === undefined || before < weight) local.set(token, weight);
      }
    };
    /** `put` for a long text, without building its word list. */
    const putText = (text: string, weight: number) => {
      for (const chunk of text.split(' ')) put(chunkTokens(chunk), weight);
    };

    tools.forEach((tool, i) => {
      local.clear();
      for (const text of this.localizedTexts(tool.title)) putText(text, FIELD_WEIGHT.title);
      for (const keyword of tool.keywords) put(sharedTokens(keyword), FIELD_WEIGHT.tags);
      for (const topicId of tool.topics) put(topicTokens.get(topicId) ?? [], FIELD_WEIGHT.tags);
      put(sharedTokens(TYPE_WORDS[tool.type] ?? ''), FIELD_WEIGHT.tags);
      for (const text of this.localizedTexts(tool.summary)) putText(text, FIELD_WEIGHT.summary);
      if (tool.providerId !== undefined) put(tokensOfProvider(tool.providerId), FIELD_WEIGHT.provider);
      for (const [token, weight] of local) {
        let list = postings.get(token);
        if (list === undefined) {
          list = { docs: [], weights: [] };
          postings.set(token, list);
        }
        list.docs.push(i);
        list.weights.push(weight);
      }
    });

    const vocabulary = [...postings.keys()].sort();
    this.vocabulary = vocabulary;
    this.tokenIds = new Map(vocabulary.map((token, id) => [token, id]));
    this.postings = vocabulary.map((token) => {
      const list = postings.get(token)!;
      return { docs: Uint32Array.from(list.docs), weights: Float32Array.from(list.weights) };
    });
    const byLength = new Map<number, number[]>();
    vocabulary.forEach((token, id) => {
      let ids = byLength.get(token.length);
      if (ids === undefined) {
        ids = [];
        byLength.set(token.length, ids);
      }
      ids.push(id);
    });
    this.byLength = byLength;

    // ---- facet values per tool
    const builders = {
      topic: new FacetBuilder(),
      type: new FacetBuilder(),
      audience: new FacetBuilder(),
      level: new FacetBuilder(),
      format: new FacetBuilder(),
      language: new FacetBuilder(),
    } satisfies Record<FacetName, FacetBuilder>;
    for (const tool of tools) {
      builders.topic.add(tool.topics);
      builders.type.add([tool.type]);
      builders.audience.add(tool.audience.length > 0 ? tool.audience : ALL_AUDIENCES);
      builders.level.add(tool.level === undefined ? [] : [tool.level]);
      builders.format.add(tool.format === undefined ? [] : [tool.format]);
      builders.language.add(tool.languages);
    }
    this.facets = {
      topic: builders.topic.build(),
      type: builders.type.build(),
      audience: builders.audience.build(),
      level: builders.level.build(),
      format: builders.format.build(),
      language: builders.language.build(),
    };

    // ---- newest order (also the tie-break of relevance)
    const updated = tools.map((tool) => dateValue(tool.updated));
    const order = tools.map((_, i) => i);
    order.sort(
      (a, b) =>
        compareNumbersDesc(updated[a]!, updated[b]!) ||
        this.collator.compare(this.titles[a]!, this.titles[b]!) ||
        compareCodeUnits(tools[a]!.id, tools[b]!.id),
    );
    this.newestOrder = Uint32Array.from(order);
    this.newestRank = rankOf(this.newestOrder);
  }

  /**
   * The texts of a localized value that are indexed: the page language's and
   * the Spanish one (the feed's base language, which most people also type in).
   * Other languages of a text are not searched, to keep the index small and
   * the matches explainable.
   */
  localizedTexts(value: LocalizedText | undefined): string[] {
    if (value === undefined) return [];
    const own = pickText(value, this.lang);
    if (typeof value === 'string' || this.spanishPage) return [own];
    const spanish = pickText(value, 'es');
    return own === spanish ? [own] : [own, spanish];
  }

  /** Tool indexes by title (A→Z, locale-aware), then newest; computed on first use. */
  get titleRank(): Uint32Array {
    if (this.#titleRank === undefined) {
      const order = Array.from(this.newestOrder);
      order.sort((a, b) => this.collator.compare(this.titles[a]!, this.titles[b]!) || this.newestRank[a]! - this.newestRank[b]!);
      this.#titleOrder = Uint32Array.from(order);
      this.#titleRank = rankOf(this.#titleOrder);
    }
    return this.#titleRank;
  }

  get titleOrder(): Uint32Array {
    void this.titleRank;
    return this.#titleOrder!;
  }

  /** Ids of the indexed words that start with `prefix` (and are longer). */
  prefixRange(prefix: string): [number, number] {
    let lo = 0;
    let hi = this.vocabulary.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.vocabulary[mid]! < prefix) lo = mid + 1;
      else hi = mid;
    }
    let end = lo;
    while (end < this.vocabulary.length && this.vocabulary[end]!.startsWith(prefix)) end++;
    return [lo, end];
  }

  /** The written form of an indexed word, as it appears in a tool that has it (`credito` → `crédito`). */
  writtenForm(token: string): string {
    const id = this.tokenIds.get(token);
    const tool = id === undefined ? undefined : this.tools[this.postings[id]!.docs[0]!];
    if (tool === undefined) return token;
    const topics = this.feed.topics.filter((topic) => tool.topics.includes(topic.id));
    const provider = this.feed.providers.find((p) => p.id === tool.providerId);
    const texts = [
      ...this.localizedTexts(tool.title),
      ...tool.keywords,
      ...topics.flatMap((topic) => this.localizedTexts(topic.name)),
      TYPE_WORDS[tool.type] ?? '',
      ...this.localizedTexts(tool.summary),
      ...this.localizedTexts(provider?.name),
      provider?.alternateName ?? '',
    ];
    for (const text of texts) {
      for (const [piece] of text.matchAll(WRITTEN_WORD)) {
        if (normalizeText(piece) === token) return piece.toLowerCase();
      }
    }
    return token;
  }
}

function compareNumbersDesc(a: number, b: number): number {
  return a === b ? 0 : a > b ? -1 : 1;
}


function rankOf(order: Uint32Array): Uint32Array {
  const rank = new Uint32Array(order.length);
  order.forEach((tool, position) => {
    rank[tool] = position;
  });
  return rank;
}

/**
 * Index a feed's tools for one page language and, optionally, one country.
 * Tools that don't apply to `country` are left out (a tool without countries
 * applies everywhere; no country = all tools). Build once per feed × language
 * × country and keep it; queries are cheap, building is not.
 */
export function buildCatalogue(feed: Feed, options: CatalogueOptions): Catalogue {
  return new CatalogueIndex(feed, options);
}

function asIndex(catalogue: Catalogue): CatalogueIndex {
  if (catalogue instanceof CatalogueIndex) return catalogue;
  throw new TypeError('queryCatalogue needs a catalogue made by buildCatalogue');
}

// ---------------------------------------------------------------- edit distance

/** Whether `a[i…]` equals `b[j…]`. */
function sameFrom(a: string, i: number, b: string, j: number): boolean {
  if (a.length - i !== b.length - j) return false;
  for (; i < a.length; i++, j++) if (a.charCodeAt(i) !== b.charCodeAt(j)) return false;
  return true;
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance ≤ 1, in one pass:
 * one insertion, deletion, substitution or swap of neighbours.
 */
export function withinOneEdit(a: string, b: string): boolean {
  const la = a.length;
  const lb = b.length;
  if (la - lb > 1 || lb - la > 1) return false;
  let i = 0;
  while (i < la && i < lb && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  if (la === lb) {
    if (i === la) return true;
    if (sameFrom(a, i + 1, b, i + 1)) return true;
    return i + 1 < la && a[i] === b[i + 1] && a[i + 1] === b[i] && sameFrom(a, i + 2, b, i + 2);
  }
  return la > lb ? sameFrom(a, i + 1, b, i) : sameFrom(a, i, b, i + 1);
}

/**
 * Damerau-Levenshtein (optimal string alignment) distance between `a` and `b`,
 * or `max + 1` as soon as it is known to exceed `max`.
 */
export function editDistance(a: string, b: string, max: number): number {
  const la = a.length;
  const lb = b.length;
  if (Math.abs(la - lb) > max) return max + 1;
  let before = new Array<number>(lb + 1).fill(0);
  let previous = Array.from({ length: lb + 1 }, (_, j) => j);
  let current = new Array<number>(lb + 1).fill(0);
  for (let i = 1; i <= la; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= lb; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, before[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[lb]!, max + 1);
}

// ---------------------------------------------------------------- querying


interface TextMatch {
  /** Tools matching every word (any order). */
  readonly docs: number[];
  /** Score per tool index (only meaningful for `docs`). */
  readonly scores: Float64Array;
}

/** The indexed words a query word matches, with the quality of each match. */
function candidatesOf(index: CatalogueIndex, word: string, isLast: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  const exact = index.tokenIds.get(word);
  if (exact !== undefined) out.push([exact, MATCH_QUALITY.exact]);
  if (isLast) {
    const [start, end] = index.prefixRange(word);
    for (let id = start; id < end; id++) if (id !== exact) out.push([id, MATCH_QUALITY.prefix]);
  }
  if (word.length >= TYPO_MIN_LENGTH) {
    for (let length = word.length - 1; length <= word.length + 1; length++) {
      for (const id of index.byLength.get(length) ?? []) {
        if (id === exact) continue;
        const token = index.vocabulary[id]!;
        // A word already matched as a prefix keeps its better quality.
        if (isLast && token.startsWith(word)) continue;
        if (withinOneEdit(word, token)) out.push([id, MATCH_QUALITY.typo]);
      }
    }
  }
  return out;
}

function matchText(index: CatalogueIndex, words: readonly string[]): TextMatch {
  const n = index.size;
  const scores = new Float64Array(n);
  const hits = new Uint8Array(n);
  const best = new Float64Array(n);
  let docs: number[] = [];
  for (let w = 0; w < words.length; w++) {
    const candidates = candidatesOf(index, words[w]!, w === words.length - 1);
    if (candidates.length === 0) return { docs: [], scores };
    const touched: number[] = [];
    for (const [id, quality] of candidates) {
      const { docs: list, weights } = index.postings[id]!;
      for (let k = 0; k < list.length; k++) {
        const doc = list[k]!;
        // Only tools that matched every earlier word can still match.
        if (hits[doc] !== w) continue;
        const score = weights[k]! * quality;
        if (best[doc] === 0) touched.push(doc);
        if (score > best[doc]!) best[doc] = score;
      }
    }
    for (const doc of touched) {
      hits[doc] = w + 1;
      scores[doc]! += best[doc]!;
      best[doc] = 0;
    }
    docs = touched;
    if (docs.length === 0) break;
  }
  return { docs, scores };
}

type Selection = {
  /** The values asked for (deduplicated, as given). */
  readonly values: readonly string[];
  /** 1 for each selected value id of the facet. */
  readonly flags: Uint8Array;
} | undefined;

function selectionsOf(index: CatalogueIndex, filters: ToolQuery['filters']): Record<FacetName, Selection> {
  const out = {} as Record<FacetName, Selection>;
  for (const facet of FACET_NAMES) {
    const asked = filters[facet] ?? [];
    if (asked.length === 0) {
      out[facet] = undefined;
      continue;
    }
    const values = [...new Set(asked)];
    out[facet] = flagsFor(index.facets[facet], values);
  }
  return out;
}

function flagsFor(facet: FacetIndex, values: readonly string[]): Selection {
  const flags = new Uint8Array(facet.values.length);
  for (const value of values) {
    const id = facet.ids.get(value);
    if (id !== undefined) flags[id] = 1;
  }
  return { values, flags };
}

function hasAny(facet: FacetIndex, tool: number, flags: Uint8Array): boolean {
  for (let k = facet.offsets[tool]!, end = facet.offsets[tool + 1]!; k < end; k++) {
    if (flags[facet.data[k]!] === 1) return true;
  }
  return false;
}

/** Bit f set when the tool fails facet f's selection. */
function failMask(index: CatalogueIndex, tool: number, selections: Record<FacetName, Selection>): number {
  let mask = 0;
  for (let f = 0; f < FACET_NAMES.length; f++) {
    const facet = FACET_NAMES[f]!;
    const selection = selections[facet];
    if (selection !== undefined && !hasAny(index.facets[facet], tool, selection.flags)) mask |= 1 << f;
  }
  return mask;
}

function countPassing(index: CatalogueIndex, pool: ArrayLike<number>, selections: Record<FacetName, Selection>): number {
  let count = 0;
  for (let k = 0; k < pool.length; k++) if (failMask(index, pool[k]!, selections) === 0) count++;
  return count;
}

interface Core {
  readonly result: QueryResult;
  readonly empty: boolean;
}

function run(index: CatalogueIndex, query: ToolQuery, words: readonly string[]): Core {
  const n = index.size;

  // Tools that match the text (and the saved-tools view).
  let candidates: number[] | undefined;
  let scores: Float64Array | undefined;
  if (words.length > 0) {
    const match = matchText(index, words);
    candidates = match.docs;
    scores = match.scores;
  }
  if (query.only !== undefined) {
    const only = new Uint8Array(n);
    for (const id of query.only) {
      const i = index.idIndex.get(id);
      if (i !== undefined) only[i] = 1;
    }
    if (candidates === undefined) {
      candidates = [];
      for (let i = 0; i < n; i++) if (only[i] === 1) candidates.push(i);
    } else {
      candidates = candidates.filter((i) => only[i] === 1);
    }
  }
  const pool: ArrayLike<number> = candidates ?? index.all;

  // One pass: the matches, and the disjunctive facet counts.
  const selections = selectionsOf(index, query.filters);
  const counts = FACET_NAMES.map((facet) => new Uint32Array(index.facets[facet].values.length));
  const matched: number[] = [];
  for (let k = 0; k < pool.length; k++) {
    const tool = pool[k]!;
    const mask = failMask(index, tool, selections);
    if (mask === 0) {
      matched.push(tool);
      for (let f = 0; f < FACET_NAMES.length; f++) countValues(index.facets[FACET_NAMES[f]!], tool, counts[f]!);
    } else if ((mask & (mask - 1)) === 0) {
      // Fails only facet f: counts for f's values, as if that value were selected.
      const f = 31 - Math.clz32(mask);
      countValues(index.facets[FACET_NAMES[f]!], tool, counts[f]!);
    }
  }

  const facets = {} as Record<FacetName, FacetValue[]>;
  FACET_NAMES.forEach((facet, f) => {
    facets[facet] = facetValues(index.facets[facet], counts[f]!, selections[facet]?.values ?? []);
  });

  const order = orderTools(index, matched, query.sort, scores);
  const relaxations = matched.length === 0 ? relax(index, pool, selections) : [];
  return {
    result: { tools: order.map((i) => index.tools[i]!), facets, relaxations },
    empty: matched.length === 0,
  };
}

function countValues(facet: FacetIndex, tool: number, counts: Uint32Array): void {
  for (let k = facet.offsets[tool]!, end = facet.offsets[tool + 1]!; k < end; k++) counts[facet.data[k]!]!++;
}

function facetValues(facet: FacetIndex, counts: Uint32Array, selected: readonly string[]): FacetValue[] {
  const chosen = new Set(selected);
  const out: FacetValue[] = [];
  facet.values.forEach((value, id) => {
    const count = counts[id]!;
    if (count > 0 || chosen.has(value)) out.push({ value, count, selected: chosen.has(value) });
  });
  // A selected value the catalogue does not have (from a link, another country) still shows, at 0.
  for (const value of chosen) if (!facet.ids.has(value)) out.push({ value, count: 0, selected: true });
  return out.sort((a, b) => b.count - a.count || compareCodeUnits(a.value, b.value));
}

function orderTools(index: CatalogueIndex, matched: number[], sort: SortOrder, scores: Float64Array | undefined): number[] {
  if (sort === 'relevance' && scores !== undefined) {
    const rank = index.newestRank;
    return matched.sort((a, b) => scores[b]! - scores[a]! || rank[a]! - rank[b]!);
  }
  const byTitle = sort === 'title';
  if (matched.length > index.size * WALK_ORDER_SHARE) {
    // Many matches: walk the precomputed order (linear) instead of sorting.
    const keep = new Uint8Array(index.size);
    for (const i of matched) keep[i] = 1;
    const order = byTitle ? index.titleOrder : index.newestOrder;
    const out: number[] = [];
    for (const i of order) if (keep[i] === 1) out.push(i);
    return out;
  }
  const rank = byTitle ? index.titleRank : index.newestRank;
  return matched.sort((a, b) => rank[a]! - rank[b]!);
}

function relax(index: CatalogueIndex, pool: ArrayLike<number>, selections: Record<FacetName, Selection>): Relaxation[] {
  const out: Relaxation[] = [];
  for (const facet of FACET_NAMES) {
    const selection = selections[facet];
    if (selection === undefined) continue;
    for (const value of [...selection.values].sort(compareCodeUnits)) {
      const rest = selection.values.filter((v) => v !== value);
      const count = countPassing(index, pool, {
        ...selections,
        [facet]: rest.length === 0 ? undefined : flagsFor(index.facets[facet], rest),
      });
      out.push({ facet, value, count });
    }
  }
  // Stable: equal counts keep facet order, then value order.
  return out.sort((a, b) => b.count - a.count);
}

/** The closest indexed word to `word` within its allowed distance (fewest edits, then most used, then A→Z). */
function closestWord(index: CatalogueIndex, word: string): string | undefined {
  // Two edits in a short word leave little of it: allow 1 up to 4 letters, none up to 2.
  const max = word.length <= 2 ? 0 : word.length <= 4 ? 1 : 2;
  if (max === 0) return undefined;
  let best: string | undefined;
  let bestDistance = max + 1;
  let bestUse = 0;
  for (let length = word.length - max; length <= word.length + max; length++) {
    for (const id of index.byLength.get(length) ?? []) {
      const token = index.vocabulary[id]!;
      const distance = editDistance(word, token, Math.min(max, bestDistance));
      if (distance > max) continue;
      const use = index.postings[id]!.docs.length;
      if (
        distance < bestDistance ||
        (distance === bestDistance && (use > bestUse || (use === bestUse && best !== undefined && token < best)))
      ) {
        best = token;
        bestDistance = distance;
        bestUse = use;
      }
    }
  }
  return best;
}

function suggest(index: CatalogueIndex, query: ToolQuery, words: readonly string[]): string | undefined {
  const replacements = new Map<string, string>();
  words.forEach((word, w) => {
    if (index.tokenIds.has(word)) return;
    if (w === words.length - 1) {
      const [start, end] = index.prefixRange(word);
      if (end > start) return;
    }
    const closest = closestWord(index, word);
    if (closest !== undefined) replacements.set(word, closest);
  });
  if (replacements.size === 0) return undefined;
  const text = query.text
    .replace(WRITTEN_WORD, (piece) => {
      const replacement = replacements.get(normalizeText(piece));
      return replacement === undefined ? piece : index.writtenForm(replacement);
    })
    .trim();
  const again = run(index, { ...query, text }, queryWords(text));
  return again.empty ? undefined : text;
}

/**
 * Run a query: the matching tools in order, the facet counts, and when there
 * is nothing, how to get something (`relaxations`, `didYouMean`).
 * Cost: the postings of the query's words, plus one pass over the candidate
 * tools' facet values; never the tools' texts.
 */
export function queryCatalogue(catalogue: Catalogue, query: ToolQuery): QueryResult {
  const index = asIndex(catalogue);
  const words = queryWords(query.text);
  const { result, empty } = run(index, query, words);
  if (!empty || words.length === 0) return result;
  const didYouMean = suggest(index, query, words);
  return didYouMean === undefined ? result : { ...result, didYouMean };
}
