/**
 * The provider finder's directory: keyword search, region, facets and distance
 * over a feed's service providers.
 *
 * Pure: no DOM, no Lit, no zod at run time (types only), so it runs in a worker,
 * in Node and in benches. `buildDirectory` does the expensive work once per
 * feed × language × country (an inverted index of each provider's words, its
 * facet values, its located offices); `queryDirectory` then runs on every
 * keystroke and touches only the postings of the query's words, each
 * candidate's facet values and, with an origin, each match's offices.
 *
 * Search model:
 * - text is normalised like the toolbox catalogue (`normalizeText`: accents,
 *   case, punctuation), Spanish and English stop words are dropped;
 * - every remaining query word must match (AND), the last one also as a prefix
 *   (instant search); no typo tolerance (names of institutions are short and exact);
 * - searched: name and alternate name > service names and sectors > city names
 *   > description; a provider's score is the sum over query words of the best
 *   (field weight × match quality), exact > prefix.
 *
 * Region model (ISO 3166-2, e.g. `HN-CR`): a provider serves a region when it
 * serves the region's country and either lists no region of that country
 * (no `regions` = the whole country) or lists that region. Providers with an
 * office in the region come first (without an origin).
 *
 * Facets are disjunctive: inside a facet the selected values are OR-ed, across
 * facets AND-ed, and a value's count is what the result would be with that
 * value added to (or kept in) its facet's selection.
 */
import type { Cost, Feed, LocalizedText, Provider, ProviderKind } from '../feed/schema.js';
import { pickText } from '../feed/text.js';
import { compareCodeUnits, makeCollator, normalizeText, queryWords, tokenize } from '../shared/search-text.js';

// ---------------------------------------------------------------- public types

/** The facets a user can filter by. */
export type ProviderFacet = 'service' | 'sector' | 'kind' | 'cost';

/** Every facet, in the order the element shows them. */
export const PROVIDER_FACETS: readonly ProviderFacet[] = Object.freeze(['service', 'sector', 'kind', 'cost'] as const);

/** A point on Earth, in degrees. */
export interface GeoPoint {
  readonly lat: number;
  readonly lng: number;
}

/** What a directory is built for. */
export interface DirectoryOptions {
  /** The page language (BCP 47, e.g. `es`, `en`, `es-SV`): the texts searched and sorted. */
  readonly lang: string;
  /** ISO 3166-1 alpha-2: only providers that serve this country. Absent = every provider. */
  readonly country?: string | undefined;
}

/** A searchable index of a feed's providers. Build it with `buildDirectory`; its inside is private. */
export interface Directory {
  /** How many providers it holds (after the country filter). */
  readonly size: number;
  /** The language it was built for. */
  readonly lang: string;
  /** The country it was built for (upper case), if any. */
  readonly country: string | undefined;
  /** Its providers, in feed order. */
  readonly providers: readonly Provider[];
}

/** What the user asked for. */
export interface ProviderQuery {
  /** What was typed in the search box, as typed. */
  readonly text: string;
  /** ISO 3166-2 region: keeps providers that serve it (no `regions` = the whole country) — ranked first those located in it. */
  readonly region?: string | undefined;
  /** Selected values per facet: OR inside a facet, AND across facets. */
  readonly filters: Readonly<Record<ProviderFacet, readonly string[]>>;
  /** Sort by distance from here (the user's position, or the chosen region's centre). */
  readonly origin?: GeoPoint | undefined;
}

/** A fresh record with no value selected in any facet. */
export function emptyProviderFilters(): Record<ProviderFacet, readonly string[]> {
  return { service: [], sector: [], kind: [], cost: [] };
}

/** No text, no region, no filter, no origin. */
export const EMPTY_PROVIDER_QUERY: ProviderQuery = Object.freeze({
  text: '',
  filters: Object.freeze(emptyProviderFilters()),
});

/** True when at least one facet value is selected. */
export function hasProviderFilters(query: ProviderQuery): boolean {
  return PROVIDER_FACETS.some((facet) => (query.filters[facet]?.length ?? 0) > 0);
}

/** The query with `value` selected in `facet` if it was not, unselected if it was. */
export function toggleProviderFilter(query: ProviderQuery, facet: ProviderFacet, value: string): ProviderQuery {
  const current = query.filters[facet] ?? [];
  const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
  return { ...query, filters: { ...query.filters, [facet]: next } };
}

/** One provider found. */
export interface ProviderResult {
  readonly provider: Provider;
  /** Km from `origin` to the provider's nearest located office, one decimal; undefined without origin or coordinates. */
  readonly distanceKm?: number | undefined;
  /**
   * The location the distance is measured to (for the city/region line and directions).
   * Without a distance: the first office in the chosen region, else the first in the
   * directory's country, else the first one; undefined when the provider has no locations.
   */
  readonly nearest?: Provider['locations'][number] | undefined;
}

/** One value of a facet, with the number of results it would give. */
export interface FacetValue {
  /** As in the feed: a service id, a sector (as first written), a kind, a cost. */
  readonly value: string;
  readonly count: number;
  readonly selected: boolean;
}

/** What to offer when nothing is found, with how many results each gives. */
export type Widening =
  | { readonly kind: 'drop-filter'; readonly facet: ProviderFacet; readonly value: string; readonly count: number }
  | { readonly kind: 'drop-text'; readonly count: number }
  | { readonly kind: 'whole-country'; readonly count: number }
  | { readonly kind: 'nearby-region'; readonly region: string; readonly count: number };

/** The answer to a query. */
export interface DirectoryResult {
  /**
   * All matches. With an origin: by distance (providers without coordinates last);
   * else those located in the chosen region first, then by relevance, then by name.
   */
  readonly results: readonly ProviderResult[];
  /**
   * Per facet, the values with a non-zero count plus every selected value
   * (even at 0), by count descending, then value. Disjunctive counts.
   */
  readonly facets: Readonly<Record<ProviderFacet, readonly FacetValue[]>>;
  /**
   * Only when `results` is empty: each way to get something back, with a count > 0,
   * by count descending (ties: filters in facet order, then text, whole country,
   * nearby regions nearest first). Nearby regions: of the up to 3 regions whose
   * centres are nearest the chosen region's centre, those that give results.
   */
  readonly widenings: readonly Widening[];
}

// ---------------------------------------------------------------- distance

const EARTH_RADIUS_KM = 6371;
const RADIANS = Math.PI / 180;

/** Great-circle distance in km (haversine, R = 6371). */
export function distanceKm(a: GeoPoint, b: GeoPoint): number {
  const latA = a.lat * RADIANS;
  const latB = b.lat * RADIANS;
  return kmOf(haversine(latA, a.lng * RADIANS, Math.cos(latA), latB, b.lng * RADIANS, Math.cos(latB)));
}

/** The haversine of the central angle between two points (radians, with their latitudes' cosines); grows with distance. */
function haversine(latA: number, lngA: number, cosA: number, latB: number, lngB: number, cosB: number): number {
  const sinLat = Math.sin((latB - latA) / 2);
  const sinLng = Math.sin((lngB - lngA) / 2);
  return sinLat * sinLat + cosA * cosB * sinLng * sinLng;
}

function kmOf(haversineValue: number): number {
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(haversineValue)));
}

/** A latitude and longitude that are numbers on the globe. */
export function isPoint(lat: unknown, lng: unknown): boolean {
  return (
    typeof lat === 'number' &&
    typeof lng === 'number' &&
    Number.isFinite(lat) &&
    Number.isFinite(lng) &&
    Math.abs(lat) <= 90 &&
    Math.abs(lng) <= 180
  );
}

// ---------------------------------------------------------------- text



/** How much a word found in each field counts. */
const FIELD_WEIGHT = { name: 10, tags: 5, place: 3, description: 2 } as const;
/** How much each kind of match counts (× field weight). */
const MATCH_QUALITY = { exact: 1, prefix: 0.7 } as const;




// ---------------------------------------------------------------- the index

interface Postings {
  /** Provider indexes, ascending. */
  readonly docs: Uint32Array;
  /** Best field weight of the word in each of those providers. */
  readonly weights: Float32Array;
}

/** One facet's values and, per provider, the ids of its values (CSR layout). */
interface FacetIndex {
  /** Each value as first written. */
  readonly values: readonly string[];
  /** Value id by key (the value, or for sectors its normalised form). */
  readonly ids: ReadonlyMap<string, number>;
  readonly key: (value: string) => string;
  /** Provider i's value ids are `data[offsets[i] .. offsets[i + 1]]`. */
  readonly offsets: Uint32Array;
  readonly data: Uint32Array;
}

class FacetBuilder {
  readonly values: string[] = [];
  readonly ids = new Map<string, number>();
  readonly offsets: number[] = [0];
  readonly data: number[] = [];

  constructor(readonly key: (value: string) => string = (value) => value) {}

  add(values: Iterable<string>): void {
    const seen = new Set<number>();
    for (const value of values) {
      const key = this.key(value);
      if (key === '') continue;
      let id = this.ids.get(key);
      if (id === undefined) {
        id = this.values.length;
        this.values.push(value);
        this.ids.set(key, id);
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
      key: this.key,
      offsets: Uint32Array.from(this.offsets),
      data: Uint32Array.from(this.data),
    };
  }
}

/** Where a region is and which country it belongs to. */
interface RegionInfo {
  readonly code: string;
  readonly country: string;
  readonly centre: GeoPoint | undefined;
}

/** Per region, which providers serve it and which have an office in it. */
interface RegionFlags {
  readonly serves: Uint8Array;
  readonly located: Uint8Array;
}

const EMPTY_SET: ReadonlySet<string> = new Set();

function countryOfRegion(region: string): string {
  const dash = region.indexOf('-');
  return dash < 0 ? region : region.slice(0, dash);
}

class DirectoryIndex implements Directory {
  readonly size: number;
  readonly lang: string;
  readonly country: string | undefined;
  readonly providers: readonly Provider[];

  /** 0 … size − 1. */
  readonly all: Uint32Array;
  /** Position of each provider in name order (A→Z, locale-aware, then id). */
  readonly nameRank: Uint32Array;
  /** Provider indexes in name order. */
  readonly nameOrder: Uint32Array;

  /** Indexed words, sorted by code unit (for prefix ranges). */
  readonly vocabulary: readonly string[];
  readonly tokenIds: ReadonlyMap<string, number>;
  readonly postings: readonly Postings[];

  readonly facets: Readonly<Record<ProviderFacet, FacetIndex>>;

  /** Located offices: provider i's are `latRad/lngRad/cosLat/locationOf[pointOffsets[i] .. pointOffsets[i + 1]]`. */
  readonly pointOffsets: Uint32Array;
  /** Latitude and longitude in radians, and the cosine of the latitude (for the haversine). */
  readonly latRad: Float64Array;
  readonly lngRad: Float64Array;
  readonly cosLat: Float64Array;
  /** Each point's location (kept here: reading it from the parsed provider on every query is slow). */
  readonly pointLocation: ReadonlyArray<Provider['locations'][number]>;
  /** Per provider: index of its first location in the directory's country (else 0), or -1 without locations. */
  readonly homeLocation: Int32Array;
  /** Per provider: its result without origin or region (made once, shared by every such query). */
  readonly plainResults: readonly ProviderResult[];

  /** Per provider: the regions it lists (none = undefined) and the countries those regions belong to. */
  readonly servedRegions: ReadonlyArray<ReadonlySet<string> | undefined>;
  readonly servedRegionCountries: ReadonlyArray<ReadonlySet<string>>;
  /** Per provider: the regions of its offices (from their addresses). */
  readonly officeRegions: ReadonlyArray<ReadonlySet<string>>;

  /** The feed's regions by code, and by country in feed order. */
  readonly regions: ReadonlyMap<string, RegionInfo>;
  readonly regionsByCountry: ReadonlyMap<string, readonly RegionInfo[]>;
  readonly #regionFlags = new Map<string, RegionFlags>();

  constructor(feed: Feed, options: DirectoryOptions) {
    this.lang = options.lang || 'es';
    const country = options.country?.trim().toUpperCase();
    this.country = country ? country : undefined;
    const spanishPage = this.lang.toLowerCase().split('-')[0] === 'es';
    /** The page language's and the Spanish text of a localized value. */
    const localizedTexts = (value: LocalizedText | undefined): string[] => {
      if (value === undefined) return [];
      const own = pickText(value, this.lang);
      if (typeof value === 'string' || spanishPage) return [own];
      const spanish = pickText(value, 'es');
      return own === spanish ? [own] : [own, spanish];
    };

    const providers = feed.providers.filter(
      (provider) => this.country === undefined || provider.countries.includes(this.country),
    );
    this.providers = providers;
    this.size = providers.length;
    this.all = Uint32Array.from(providers.keys());

    // ---- name order
    const collator = makeCollator(this.lang);
    const names = providers.map((provider) => pickText(provider.name, this.lang));
    const order = providers.map((_, i) => i);
    order.sort(
      (a, b) => collator.compare(names[a]!, names[b]!) || compareCodeUnits(providers[a]!.id, providers[b]!.id),
    );
    this.nameOrder = Uint32Array.from(order);
    this.nameRank = new Uint32Array(this.size);
    order.forEach((provider, position) => {
      this.nameRank[provider] = position;
    });

    // ---- inverted index
    const postings = new Map<string, { docs: number[]; weights: number[] }>();
    // Texts repeat the same written words: tokenise each space-separated chunk once.
    const chunks = new Map<string, readonly string[]>();
    const chunkTokens = (chunk: string): readonly string[] => {
      let tokens = chunks.get(chunk);
      if (tokens === undefined) {
        tokens = tokenize(chunk);
        chunks.set(chunk, tokens);
      }
      return tokens;
    };
    const serviceTexts = new Map(feed.services.map((service) => [service.id, localizedTexts(service.name)]));
    const local = new Map<string, number>();
    const put = (text: string | undefined, weight: number) => {
      if (text === undefined) return;
      for (const chunk of text.split(' ')) {
        for (const token of chunkTokens(chunk)) {
          const before = local.get(token);
          if (before === undefined || before < weight) local.set(token, weight);
        }
      }
    };
    providers.forEach((provider, i) => {
      local.clear();
      for (const text of localizedTexts(provider.name)) put(text, FIELD_WEIGHT.name);
      put(provider.alternateName, FIELD_WEIGHT.name);
      for (const id of provider.services) for (const text of serviceTexts.get(id) ?? []) put(text, FIELD_WEIGHT.tags);
      for (const sector of provider.sectors) put(sector, FIELD_WEIGHT.tags);
      for (const location of provider.locations) put(location.address?.city, FIELD_WEIGHT.place);
      for (const text of localizedTexts(provider.description)) put(text, FIELD_WEIGHT.description);
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
    const vocabulary = [...postings.keys()].sort(compareCodeUnits);
    this.vocabulary = vocabulary;
    this.tokenIds = new Map(vocabulary.map((token, id) => [token, id]));
    this.postings = vocabulary.map((token) => {
      const list = postings.get(token)!;
      return { docs: Uint32Array.from(list.docs), weights: Float32Array.from(list.weights) };
    });

    // ---- facet values per provider
    const builders = {
      service: new FacetBuilder(),
      // Sectors are free text: "Comercio" and "comercio " are one value, shown as first written.
      sector: new FacetBuilder(normalizeText),
      kind: new FacetBuilder(),
      cost: new FacetBuilder(),
    } satisfies Record<ProviderFacet, FacetBuilder>;
    for (const provider of providers) {
      builders.service.add(provider.services);
      builders.sector.add(provider.sectors.map((sector) => sector.trim()));
      builders.kind.add([provider.kind satisfies ProviderKind]);
      builders.cost.add(provider.cost === undefined ? [] : [provider.cost satisfies Cost]);
    }
    this.facets = {
      service: builders.service.build(),
      sector: builders.sector.build(),
      kind: builders.kind.build(),
      cost: builders.cost.build(),
    };

    // ---- geography
    const pointOffsets = [0];
    const lats: number[] = [];
    const lngs: number[] = [];
    const pointLocation: Array<Provider['locations'][number]> = [];
    this.homeLocation = new Int32Array(this.size);
    providers.forEach((provider, i) => {
      provider.locations.forEach((location) => {
        if (!isPoint(location.lat, location.lng)) return;
        lats.push(location.lat!);
        lngs.push(location.lng!);
        pointLocation.push(location);
      });
      pointOffsets.push(lats.length);
      const home =
        this.country === undefined ? -1 : provider.locations.findIndex((location) => this.inCountry(location));
      this.homeLocation[i] = home >= 0 ? home : provider.locations.length > 0 ? 0 : -1;
    });
    this.pointOffsets = Uint32Array.from(pointOffsets);
    this.latRad = Float64Array.from(lats, (lat) => lat * RADIANS);
    this.lngRad = Float64Array.from(lngs, (lng) => lng * RADIANS);
    this.cosLat = Float64Array.from(this.latRad, Math.cos);
    this.pointLocation = pointLocation;
    this.plainResults = providers.map((provider, i) => {
      const home = this.homeLocation[i]!;
      return Object.freeze(home >= 0 ? { provider, nearest: provider.locations[home] } : { provider });
    });

    this.servedRegions = providers.map((provider) =>
      provider.regions === undefined || provider.regions.length === 0 ? undefined : new Set(provider.regions),
    );
    this.servedRegionCountries = providers.map((provider) =>
      provider.regions === undefined ? EMPTY_SET : new Set(provider.regions.map(countryOfRegion)),
    );
    this.officeRegions = providers.map((provider) => {
      const regions = new Set<string>();
      for (const location of provider.locations) {
        const region = location.address?.region;
        if (region !== undefined) regions.add(region.toUpperCase());
      }
      return regions;
    });

    const regions = new Map<string, RegionInfo>();
    const regionsByCountry = new Map<string, RegionInfo[]>();
    for (const entry of feed.countries) {
      const list: RegionInfo[] = [];
      for (const region of entry.regions) {
        const info: RegionInfo = {
          code: region.code,
          country: entry.code,
          centre: region.centre !== undefined && isPoint(region.centre.lat, region.centre.lng) ? region.centre : undefined,
        };
        if (regions.has(info.code)) continue;
        regions.set(info.code, info);
        list.push(info);
      }
      regionsByCountry.set(entry.code, list);
    }
    this.regions = regions;
    this.regionsByCountry = regionsByCountry;
  }

  inCountry(location: Provider['locations'][number]): boolean {
    const address = location.address;
    if (address === undefined) return false;
    if (address.country !== undefined) return address.country.toUpperCase() === this.country;
    return address.region !== undefined && countryOfRegion(address.region.toUpperCase()) === this.country;
  }

  /** Whether provider `i` serves `region` (upper case), by the rule in the module comment. */
  serves(i: number, region: string, country: string): boolean {
    if (!this.providers[i]!.countries.includes(country)) return false;
    const listed = this.servedRegions[i];
    return listed === undefined || listed.has(region) || !this.servedRegionCountries[i]!.has(country);
  }

  /** Which providers serve `region`, and which have an office in it (kept per region). */
  regionFlags(region: string): RegionFlags {
    let flags = this.#regionFlags.get(region);
    if (flags === undefined) {
      const country = countryOfRegion(region);
      const serves = new Uint8Array(this.size);
      const located = new Uint8Array(this.size);
      for (let i = 0; i < this.size; i++) {
        if (this.serves(i, region, country)) serves[i] = 1;
        if (this.officeRegions[i]!.has(region)) located[i] = 1;
      }
      flags = { serves, located };
      this.#regionFlags.set(region, flags);
    }
    return flags;
  }

  /** Ids of the indexed words that start with `prefix` (the word itself included). */
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
}

/**
 * Index a feed's providers for one page language and, optionally, one country.
 * Providers that serve `country` (provider.countries includes it); no country = all.
 * Build once per feed × language × country and keep it; queries are cheap, building is not.
 */
export function buildDirectory(feed: Feed, options: DirectoryOptions): Directory {
  return new DirectoryIndex(feed, options);
}

function asIndex(directory: Directory): DirectoryIndex {
  if (directory instanceof DirectoryIndex) return directory;
  throw new TypeError('queryDirectory needs a directory made by buildDirectory');
}

// ---------------------------------------------------------------- querying

interface TextMatch {
  /** Providers matching every word, ascending. */
  readonly docs: number[];
  /** Score per provider index (only meaningful for `docs`). */
  readonly scores: Float64Array;
}

function matchText(index: DirectoryIndex, words: readonly string[]): TextMatch {
  const n = index.size;
  const scores = new Float64Array(n);
  const hits = new Uint8Array(n);
  const best = new Float64Array(n);
  let docs: number[] = [];
  for (let w = 0; w < words.length; w++) {
    const word = words[w]!;
    const candidates: Array<[number, number]> = [];
    const exact = index.tokenIds.get(word);
    if (exact !== undefined) candidates.push([exact, MATCH_QUALITY.exact]);
    if (w === words.length - 1) {
      const [start, end] = index.prefixRange(word);
      for (let id = start; id < end; id++) if (id !== exact) candidates.push([id, MATCH_QUALITY.prefix]);
    }
    const touched: number[] = [];
    for (const [id, quality] of candidates) {
      const { docs: list, weights } = index.postings[id]!;
      for (let k = 0; k < list.length; k++) {
        const doc = list[k]!;
        // Only providers that matched every earlier word can still match.
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
  return { docs: docs.sort((a, b) => a - b), scores };
}

type Selection =
  | {
      /** The values asked for (deduplicated, as given). */
      readonly values: readonly string[];
      /** 1 for each selected value id of the facet. */
      readonly flags: Uint8Array;
    }
  | undefined;

type Selections = Record<ProviderFacet, Selection>;

function flagsFor(facet: FacetIndex, values: readonly string[]): Selection {
  const flags = new Uint8Array(facet.values.length);
  for (const value of values) {
    const id = facet.ids.get(facet.key(value));
    if (id !== undefined) flags[id] = 1;
  }
  return { values, flags };
}

function selectionsOf(index: DirectoryIndex, filters: ProviderQuery['filters']): Selections {
  const out = {} as Selections;
  for (const facet of PROVIDER_FACETS) {
    const asked = (filters[facet] ?? []).filter((value) => typeof value === 'string');
    out[facet] = asked.length === 0 ? undefined : flagsFor(index.facets[facet], [...new Set(asked)]);
  }
  return out;
}

function hasAny(facet: FacetIndex, provider: number, flags: Uint8Array): boolean {
  for (let k = facet.offsets[provider]!, end = facet.offsets[provider + 1]!; k < end; k++) {
    if (flags[facet.data[k]!] === 1) return true;
  }
  return false;
}

/** Bit f set when the provider fails facet f's selection. */
function failMask(index: DirectoryIndex, provider: number, selections: Selections): number {
  let mask = 0;
  for (let f = 0; f < PROVIDER_FACETS.length; f++) {
    const facet = PROVIDER_FACETS[f]!;
    const selection = selections[facet];
    if (selection !== undefined && !hasAny(index.facets[facet], provider, selection.flags)) mask |= 1 << f;
  }
  return mask;
}

function countValues(facet: FacetIndex, provider: number, counts: Uint32Array): void {
  for (let k = facet.offsets[provider]!, end = facet.offsets[provider + 1]!; k < end; k++) counts[facet.data[k]!]!++;
}

function facetValues(facet: FacetIndex, counts: Uint32Array, selected: readonly string[]): FacetValue[] {
  const chosen = new Set<number>();
  const out: FacetValue[] = [];
  const missing: string[] = [];
  for (const value of selected) {
    const id = facet.ids.get(facet.key(value));
    if (id === undefined) missing.push(value);
    else chosen.add(id);
  }
  facet.values.forEach((value, id) => {
    const count = counts[id]!;
    if (count > 0 || chosen.has(id)) out.push({ value, count, selected: chosen.has(id) });
  });
  // A selected value the directory does not have (from a link, another country) still shows, at 0.
  for (const value of missing) out.push({ value, count: 0, selected: true });
  return out.sort((a, b) => b.count - a.count || compareCodeUnits(a.value, b.value));
}

/** Providers that match the text and serve the region, ascending; `undefined` = every provider. */
function poolOf(index: DirectoryIndex, words: readonly string[], region: string | undefined): number[] | undefined {
  let pool: number[] | undefined;
  if (words.length > 0) pool = matchText(index, words).docs;
  if (region !== undefined) {
    const { serves } = index.regionFlags(region);
    if (pool === undefined) {
      pool = [];
      for (let i = 0; i < index.size; i++) if (serves[i] === 1) pool.push(i);
    } else {
      pool = pool.filter((i) => serves[i] === 1);
    }
  }
  return pool;
}

function countPassing(index: DirectoryIndex, pool: ArrayLike<number>, selections: Selections): number {
  let count = 0;
  for (let k = 0; k < pool.length; k++) if (failMask(index, pool[k]!, selections) === 0) count++;
  return count;
}

function countFor(
  index: DirectoryIndex,
  words: readonly string[],
  region: string | undefined,
  selections: Selections,
): number {
  return countPassing(index, poolOf(index, words, region) ?? index.all, selections);
}

function widen(
  index: DirectoryIndex,
  words: readonly string[],
  region: string | undefined,
  selections: Selections,
  pool: ArrayLike<number>,
): Widening[] {
  const out: Widening[] = [];
  for (const facet of PROVIDER_FACETS) {
    const selection = selections[facet];
    if (selection === undefined) continue;
    for (const value of selection.values) {
      const rest = selection.values.filter((v) => v !== value);
      const count = countPassing(index, pool, {
        ...selections,
        [facet]: rest.length === 0 ? undefined : flagsFor(index.facets[facet], rest),
      });
      out.push({ kind: 'drop-filter', facet, value, count });
    }
  }
  if (words.length > 0) out.push({ kind: 'drop-text', count: countFor(index, [], region, selections) });
  if (region !== undefined) {
    out.push({ kind: 'whole-country', count: countFor(index, words, undefined, selections) });
    const chosen = index.regions.get(region);
    const centre = chosen?.centre;
    if (chosen !== undefined && centre !== undefined) {
      const nearby = (index.regionsByCountry.get(chosen.country) ?? [])
        .filter((other) => other.code !== region && other.centre !== undefined)
        .map((other) => ({ code: other.code, km: distanceKm(centre, other.centre!) }))
        .sort((a, b) => a.km - b.km || compareCodeUnits(a.code, b.code))
        .slice(0, 3);
      for (const { code } of nearby) {
        out.push({ kind: 'nearby-region', region: code, count: countFor(index, words, code, selections) });
      }
    }
  }
  // Stable: equal counts keep the order above.
  return out.filter((widening) => widening.count > 0).sort((a, b) => b.count - a.count);
}

/** The location to show without a distance: first in the region, else the directory's country, else the first. */
function shownLocation(index: DirectoryIndex, i: number, region: string | undefined): number {
  if (region !== undefined) {
    const k = index.providers[i]!.locations.findIndex((location) => location.address?.region?.toUpperCase() === region);
    if (k >= 0) return k;
  }
  return index.homeLocation[i]!;
}

/** Tie-break positions in a packed sort key stay below this (LIMITS.providers is 50,000). */
const TIE_RANGE = 2 ** 17;
/** Distances are compared to the metre; "no coordinates" sorts after any distance on Earth (≤ 20,016 km). */
const NO_DISTANCE_M = 2 ** 25;

/**
 * Matched providers in result order without an origin: those with an office in
 * the region first, then by score (with text), then by name. Without text the
 * order is a number per provider, sorted natively (no comparator).
 */
function secondaryOrder(
  index: DirectoryIndex,
  matched: number[],
  located: Uint8Array | undefined,
  scores: Float64Array | undefined,
): number[] {
  const rank = index.nameRank;
  if (scores !== undefined) {
    return matched.sort(
      (a, b) => (located === undefined ? 0 : located[b]! - located[a]!) || scores[b]! - scores[a]! || rank[a]! - rank[b]!,
    );
  }
  const n = index.size;
  const keys = new Uint32Array(matched.length);
  for (let k = 0; k < matched.length; k++) {
    const i = matched[k]!;
    keys[k] = located !== undefined && located[i] === 0 ? n + rank[i]! : rank[i]!;
  }
  keys.sort();
  const out = new Array<number>(keys.length);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k]!;
    out[k] = index.nameOrder[key >= n ? key - n : key]!;
  }
  return out;
}

/**
 * Results by distance from `origin` to each provider's nearest office (to the
 * metre), then in `ordered`'s order; providers without coordinates last.
 */
function byDistance(index: DirectoryIndex, ordered: readonly number[], origin: GeoPoint, region: string | undefined): ProviderResult[] {
  const m = ordered.length;
  const oLat = origin.lat * RADIANS;
  const oLng = origin.lng * RADIANS;
  const oCos = Math.cos(oLat);
  const km = new Float64Array(m);
  const points = new Int32Array(m);
  const { pointOffsets, latRad, lngRad, cosLat } = index;
  for (let k = 0; k < m; k++) {
    const i = ordered[k]!;
    let best = Number.POSITIVE_INFINITY;
    let point = -1;
    for (let p = pointOffsets[i]!, end = pointOffsets[i + 1]!; p < end; p++) {
      const h = haversine(oLat, oLng, oCos, latRad[p]!, lngRad[p]!, cosLat[p]!);
      if (h < best) {
        best = h;
        point = p;
      }
    }
    points[k] = point;
    km[k] = point < 0 ? Number.POSITIVE_INFINITY : kmOf(best);
  }
  let positions: ArrayLike<number>;
  if (m < TIE_RANGE) {
    // One number per result (metres × range + position), sorted natively: exact below 2^53.
    const keys = new Float64Array(m);
    for (let k = 0; k < m; k++) {
      const metres = points[k]! < 0 ? NO_DISTANCE_M : Math.min(NO_DISTANCE_M - 1, Math.round(km[k]! * 1000));
      keys[k] = metres * TIE_RANGE + k;
    }
    keys.sort();
    const sorted = new Uint32Array(m);
    for (let r = 0; r < m; r++) sorted[r] = keys[r]! % TIE_RANGE;
    positions = sorted;
  } else {
    positions = Array.from(ordered.keys()).sort((a, b) => km[a]! - km[b]! || a - b);
  }
  const out = new Array<ProviderResult>(m);
  for (let r = 0; r < m; r++) {
    const k = positions[r]!;
    const i = ordered[k]!;
    const provider = index.providers[i]!;
    const point = points[k]!;
    if (point >= 0) {
      out[r] = { provider, distanceKm: Math.round(km[k]! * 10) / 10, nearest: index.pointLocation[point] };
    } else {
      const shown = shownLocation(index, i, region);
      out[r] = shown === index.homeLocation[i] ? index.plainResults[i]! : { provider, nearest: provider.locations[shown] };
    }
  }
  return out;
}

function validOrigin(origin: GeoPoint | undefined): GeoPoint | undefined {
  return origin !== undefined && isPoint(origin.lat, origin.lng) ? { lat: origin.lat, lng: origin.lng } : undefined;
}

function validRegion(region: string | undefined): string | undefined {
  if (typeof region !== 'string') return undefined;
  const code = region.trim().toUpperCase();
  return code === '' ? undefined : code;
}

/**
 * Run a query: the matching providers in order, the facet counts and, when
 * there is nothing, how to get something (`widenings`).
 */
export function queryDirectory(directory: Directory, query: ProviderQuery): DirectoryResult {
  const index = asIndex(directory);
  const words = queryWords(typeof query.text === 'string' ? query.text : '');
  const region = validRegion(query.region);
  const origin = validOrigin(query.origin);

  let pool: ArrayLike<number> = index.all;
  let scores: Float64Array | undefined;
  if (words.length > 0) {
    const match = matchText(index, words);
    pool = match.docs;
    scores = match.scores;
  }
  let located: Uint8Array | undefined;
  if (region !== undefined) {
    const flags = index.regionFlags(region);
    located = flags.located;
    const kept: number[] = [];
    for (let k = 0; k < pool.length; k++) if (flags.serves[pool[k]!] === 1) kept.push(pool[k]!);
    pool = kept;
  }

  // One pass: the matches, and the disjunctive facet counts.
  const selections = selectionsOf(index, query.filters ?? EMPTY_PROVIDER_QUERY.filters);
  const counts = PROVIDER_FACETS.map((facet) => new Uint32Array(index.facets[facet].values.length));
  const matched: number[] = [];
  for (let k = 0; k < pool.length; k++) {
    const provider = pool[k]!;
    const mask = failMask(index, provider, selections);
    if (mask === 0) {
      matched.push(provider);
      for (let f = 0; f < PROVIDER_FACETS.length; f++) countValues(index.facets[PROVIDER_FACETS[f]!], provider, counts[f]!);
    } else if ((mask & (mask - 1)) === 0) {
      // Fails only facet f: counts for f's values, as if that value were selected.
      const f = 31 - Math.clz32(mask);
      countValues(index.facets[PROVIDER_FACETS[f]!], provider, counts[f]!);
    }
  }
  const facets = {} as Record<ProviderFacet, FacetValue[]>;
  PROVIDER_FACETS.forEach((facet, f) => {
    facets[facet] = facetValues(index.facets[facet], counts[f]!, selections[facet]?.values ?? []);
  });

  // ---- order
  let results: ProviderResult[];
  const ordered = secondaryOrder(index, matched, located, scores);
  if (origin !== undefined) {
    results = byDistance(index, ordered, origin, region);
  } else {
    results = ordered.map((i) => {
      // Only a provider with an office in the region may show another office than usual.
      if (located === undefined || located[i] === 0) return index.plainResults[i]!;
      const k = shownLocation(index, i, region);
      return k === index.homeLocation[i] ? index.plainResults[i]! : { provider: index.providers[i]!, nearest: index.providers[i]!.locations[k] };
    });
  }

  const widenings = results.length === 0 ? widen(index, words, region, selections, pool) : [];
  return { results, facets, widenings };
}
