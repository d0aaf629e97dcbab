/**
 * Hostile feed text (issue #8): every payload of `payloads.ts` goes into every text and URL
 * field of the feed, and into its ids, codes, dates and fixed lists.
 *
 * 1. The field matrix: each field of the schema, one payload at a time, through `parseFeed`:
 *    it never fails on the text, and what it keeps is the payload (trimmed, for texts), or
 *    a safe fallback, or nothing (the item or value dropped, with an issue).
 * 2. The widgets: the payloads are spread over eight feeds of 48 or 49 each (item i of a feed
 *    carries payload i in every field it has — the whole payload where the field's limit
 *    takes it, and a copy of the item with the payload everywhere, which the feed then
 *    drops, where it does not). Each of the four widgets renders each feed and is used
 *    (search, filters, every provider's details, every plan section and outline, every
 *    cash-flow template, the helpers, print and exports). After each step: the trap global
 *    is unset; the shadow root holds only the elements the widget draws, no `on*` or
 *    `style` attribute, no link but https/http/mailto/tel; the widget stays inside a 360 px
 *    column (and a 1,024 px one at the end); nothing threw. What the widget shows of the
 *    feed is the feed's text, verbatim, as text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { parseFeed } from '../../src/feed/parse.js';
import { pickText } from '../../src/feed/text.js';
import type { Feed, LocalizedText } from '../../src/feed/schema.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import { flattenSections, newPlan, planToHtml, planToMarkdown, sectionHeading } from '../../src/business-plan-outline/plan-model.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import type { MipymeBusinessPlanOutline } from '../../src/business-plan-outline/business-plan-outline.element.js';
import { until } from '../helpers/until.js';
import {
  ALL_PAYLOADS,
  EXPORT_TAGS,
  PAYLOAD_GROUPS,
  PRINT_TAGS,
  TRAP,
  URL_PAYLOADS,
  blockNavigation,
  describePayload,
  dialogLayoutFindings,
  exportedLine,
  layoutFindings,
  markdownProblems,
  settle,
  trapValue,
  unsafeFindings,
  unsafeHref,
  watchErrors,
} from './payloads.js';

type Json = Record<string, any>;
type Widget = HTMLElement & { updateComplete: Promise<boolean>; data?: unknown };

const CHUNK = Math.ceil(ALL_PAYLOADS.length / 8);
const CHUNKS: string[][] = [];
for (let i = 0; i < ALL_PAYLOADS.length; i += CHUNK) CHUNKS.push(ALL_PAYLOADS.slice(i, i + CHUNK));

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => Array.from(shadow(el).querySelectorAll<T>(selector));
const es = (value: LocalizedText | undefined) => pickText(value, 'es');
const sorted = (list: readonly string[]) => [...list].sort();

/** What an `<input>` shows of a text: its line breaks dropped (the HTML value sanitization). */
const oneLineInput = (text: string) => text.replace(/[\r\n]/g, '');

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
}

// ---------------------------------------------------------------- the field matrix

/** A complete feed with one item per section and every optional field filled. */
function baseFeed(): Json {
  return {
    version: 1,
    title: 'Feed',
    updated: '2026-01-01',
    publisher: { name: 'Red', url: 'https://example.org', email: 'feed@example.org' },
    languages: ['es'],
    countries: [
      {
        code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV',
        regions: [{ code: 'SV-SS', name: 'San Salvador', centre: { lat: 13.69, lng: -89.19 } }],
        salesTax: { name: 'IVA', rate: 13 },
        extraPay: [{ id: 'pay', name: 'Aguinaldo', month: 12, sharePct: 50, note: 'N' }],
        taxRegimes: [{ id: 'regime', name: 'IVA', kind: 'vat', ratePct: 13, note: 'N' }],
        seasonPresets: [{ id: 'season', name: 'Fin de año', high: [12], low: [1], note: 'N' }],
      },
    ],
    topics: [{ id: 'topic', name: 'Topic', description: 'About' }],
    services: [{ id: 'service', name: 'Service', description: 'About' }],
    publishers: [{ id: 'partner', name: 'Partner', url: 'https://example.org/partner', email: 'partner@example.org' }],
    providers: [
      {
        id: 'provider', name: 'Provider', alternateName: 'P', kind: 'training', description: 'D', services: ['service'],
        sectors: ['Comercio'], countries: ['SV'], regions: ['SV-SS'], cost: 'free', website: 'https://example.org/p',
        email: 'p@example.org', phones: [{ number: '+503 2200 0000', type: 'voice', description: 'Main' }],
        locations: [{ name: 'Office', address: { address1: 'Calle 1', city: 'San Salvador', region: 'SV-SS', postalCode: '1101', country: 'SV' }, lat: 13.7, lng: -89.2 }],
        hours: 'Mon', languages: ['es'], verified: '2026-01-01', publisher: 'partner',
      },
    ],
    tools: [
      {
        id: 'tool', title: 'Tool', summary: 'S', type: 'guide', topics: ['topic'], audience: ['entrepreneur'], level: 'basic',
        countries: ['SV'], languages: ['es'], url: 'https://example.org/t', format: 'pdf', updated: '2026-01-01',
        providerId: 'provider', keywords: ['k'], licence: 'CC BY', durationMinutes: 5, publisher: 'partner', verified: '2026-02-01',
      },
    ],
    cashflowTemplates: [
      {
        id: 'template', name: 'T', description: 'D', sector: 'S', countries: ['SV'], currency: 'USD', months: 2, firstMonth: 1,
        lines: [{ id: 'line', label: 'L', flow: 'in', group: 'operations', kind: 'sales', hint: 'H', amounts: [1, 2], preStart: 0 }],
        publisher: 'partner',
      },
    ],
    planOutlines: [
      {
        id: 'outline', name: 'O', description: 'D', kind: 'micro', countries: ['SV'], publisher: 'partner',
        sections: [
          {
            id: 'section', title: 'S', guidance: 'G', questions: [{ id: 'question', text: 'Q', hint: 'H', example: 'E' }],
            toolIds: ['tool'], sections: [{ id: 'sub', title: 'Sub' }],
          },
        ],
      },
    ],
  };
}

type Kind =
  | { kind: 'text' }
  | { kind: 'url' }
  | { kind: 'exact' }
  | { kind: 'enum'; values: readonly string[]; fallback?: string };

interface Field {
  /** The field's path in the feed, as docs/feed.md names it. */
  readonly name: string;
  /** Localized text (one string or one per language). */
  readonly localized?: boolean;
  /** A list of such values (keywords, sectors, ids…). */
  readonly list?: boolean;
  readonly check: Kind;
  /** The object holding the field, in a feed as written or as parsed (undefined when dropped). */
  readonly at: (feed: Json) => Json | undefined;
  readonly key: string;
}

const text: Kind = { kind: 'text' };
const url: Kind = { kind: 'url' };
const exact: Kind = { kind: 'exact' };
const oneOf = (values: readonly string[], fallback?: string): Kind => (fallback === undefined ? { kind: 'enum', values } : { kind: 'enum', values, fallback });

const meta = (f: Json) => f;
const publisher = (f: Json) => f['publisher'] as Json | undefined;
const country = (f: Json) => f['countries']?.[0] as Json | undefined;
const region = (f: Json) => country(f)?.['regions']?.[0] as Json | undefined;
const salesTax = (f: Json) => country(f)?.['salesTax'] as Json | undefined;
const extraPay = (f: Json) => country(f)?.['extraPay']?.[0] as Json | undefined;
const taxRegime = (f: Json) => country(f)?.['taxRegimes']?.[0] as Json | undefined;
const seasonPreset = (f: Json) => country(f)?.['seasonPresets']?.[0] as Json | undefined;
const topic = (f: Json) => f['topics']?.[0] as Json | undefined;
const service = (f: Json) => f['services']?.[0] as Json | undefined;
const tool = (f: Json) => f['tools']?.[0] as Json | undefined;
const partner = (f: Json) => f['publishers']?.[0] as Json | undefined;
const provider = (f: Json) => f['providers']?.[0] as Json | undefined;
const phone = (f: Json) => provider(f)?.['phones']?.[0] as Json | undefined;
const location = (f: Json) => provider(f)?.['locations']?.[0] as Json | undefined;
const address = (f: Json) => location(f)?.['address'] as Json | undefined;
const template = (f: Json) => f['cashflowTemplates']?.[0] as Json | undefined;
const line = (f: Json) => template(f)?.['lines']?.[0] as Json | undefined;
const outline = (f: Json) => f['planOutlines']?.[0] as Json | undefined;
const section = (f: Json) => outline(f)?.['sections']?.[0] as Json | undefined;
const question = (f: Json) => section(f)?.['questions']?.[0] as Json | undefined;
const subsection = (f: Json) => section(f)?.['sections']?.[0] as Json | undefined;

/** Every field of the feed (docs/feed.md, src/feed/schema.ts). */
const FIELDS: readonly Field[] = [
  { name: 'title', localized: true, check: text, at: meta, key: 'title' },
  { name: 'updated', check: exact, at: meta, key: 'updated' },
  { name: 'languages[]', list: true, check: exact, at: meta, key: 'languages' },
  { name: 'publisher.name', localized: true, check: text, at: publisher, key: 'name' },
  { name: 'publisher.url', check: url, at: publisher, key: 'url' },
  { name: 'publisher.email', check: exact, at: publisher, key: 'email' },
  { name: 'countries[].code', check: exact, at: country, key: 'code' },
  { name: 'countries[].name', localized: true, check: text, at: country, key: 'name' },
  { name: 'countries[].currency', check: exact, at: country, key: 'currency' },
  { name: 'countries[].locale', check: exact, at: country, key: 'locale' },
  { name: 'countries[].regions[].code', check: exact, at: region, key: 'code' },
  { name: 'countries[].regions[].name', localized: true, check: text, at: region, key: 'name' },
  { name: 'countries[].salesTax.name', check: text, at: salesTax, key: 'name' },
  { name: 'countries[].extraPay[].id', check: exact, at: extraPay, key: 'id' },
  { name: 'countries[].extraPay[].name', localized: true, check: text, at: extraPay, key: 'name' },
  { name: 'countries[].extraPay[].note', localized: true, check: text, at: extraPay, key: 'note' },
  { name: 'countries[].taxRegimes[].id', check: exact, at: taxRegime, key: 'id' },
  { name: 'countries[].taxRegimes[].name', localized: true, check: text, at: taxRegime, key: 'name' },
  { name: 'countries[].taxRegimes[].kind', check: oneOf(['vat', 'gross-sales', 'fixed-fee']), at: taxRegime, key: 'kind' },
  { name: 'countries[].taxRegimes[].note', localized: true, check: text, at: taxRegime, key: 'note' },
  { name: 'countries[].seasonPresets[].id', check: exact, at: seasonPreset, key: 'id' },
  { name: 'countries[].seasonPresets[].name', localized: true, check: text, at: seasonPreset, key: 'name' },
  { name: 'countries[].seasonPresets[].note', localized: true, check: text, at: seasonPreset, key: 'note' },
  { name: 'topics[].id', check: exact, at: topic, key: 'id' },
  { name: 'topics[].name', localized: true, check: text, at: topic, key: 'name' },
  { name: 'topics[].description', localized: true, check: text, at: topic, key: 'description' },
  { name: 'services[].id', check: exact, at: service, key: 'id' },
  { name: 'services[].name', localized: true, check: text, at: service, key: 'name' },
  { name: 'services[].description', localized: true, check: text, at: service, key: 'description' },
  { name: 'publishers[].id', check: exact, at: partner, key: 'id' },
  { name: 'publishers[].name', localized: true, check: text, at: partner, key: 'name' },
  { name: 'publishers[].url', check: url, at: partner, key: 'url' },
  { name: 'publishers[].email', check: exact, at: partner, key: 'email' },
  { name: 'tools[].publisher', check: exact, at: tool, key: 'publisher' },
  { name: 'tools[].verified', check: exact, at: tool, key: 'verified' },
  { name: 'providers[].publisher', check: exact, at: provider, key: 'publisher' },
  { name: 'cashflowTemplates[].publisher', check: exact, at: template, key: 'publisher' },
  { name: 'planOutlines[].publisher', check: exact, at: outline, key: 'publisher' },
  { name: 'tools[].id', check: exact, at: tool, key: 'id' },
  { name: 'tools[].title', localized: true, check: text, at: tool, key: 'title' },
  { name: 'tools[].summary', localized: true, check: text, at: tool, key: 'summary' },
  { name: 'tools[].type', check: oneOf(['guide', 'template', 'calculator', 'course', 'video', 'checklist', 'article', 'toolkit', 'webinar', 'podcast', 'other'], 'other'), at: tool, key: 'type' },
  { name: 'tools[].topics[]', list: true, check: exact, at: tool, key: 'topics' },
  { name: 'tools[].audience[]', list: true, check: oneOf(['entrepreneur', 'advisor']), at: tool, key: 'audience' },
  { name: 'tools[].level', check: oneOf(['basic', 'intermediate', 'advanced']), at: tool, key: 'level' },
  { name: 'tools[].countries[]', list: true, check: exact, at: tool, key: 'countries' },
  { name: 'tools[].languages[]', list: true, check: exact, at: tool, key: 'languages' },
  { name: 'tools[].url', check: url, at: tool, key: 'url' },
  { name: 'tools[].format', check: oneOf(['web', 'pdf', 'document', 'spreadsheet', 'slides', 'video', 'audio', 'online-course', 'in-person', 'app', 'other']), at: tool, key: 'format' },
  { name: 'tools[].updated', check: exact, at: tool, key: 'updated' },
  { name: 'tools[].providerId', check: exact, at: tool, key: 'providerId' },
  { name: 'tools[].keywords[]', list: true, check: text, at: tool, key: 'keywords' },
  { name: 'tools[].licence', check: text, at: tool, key: 'licence' },
  { name: 'providers[].id', check: exact, at: provider, key: 'id' },
  { name: 'providers[].name', localized: true, check: text, at: provider, key: 'name' },
  { name: 'providers[].alternateName', check: text, at: provider, key: 'alternateName' },
  { name: 'providers[].kind', check: oneOf(['public', 'private', 'ngo', 'chamber', 'training', 'finance', 'university', 'cooperative', 'international', 'other'], 'other'), at: provider, key: 'kind' },
  { name: 'providers[].description', localized: true, check: text, at: provider, key: 'description' },
  { name: 'providers[].services[]', list: true, check: exact, at: provider, key: 'services' },
  { name: 'providers[].sectors[]', list: true, check: text, at: provider, key: 'sectors' },
  { name: 'providers[].countries[]', list: true, check: exact, at: provider, key: 'countries' },
  { name: 'providers[].regions[]', list: true, check: exact, at: provider, key: 'regions' },
  { name: 'providers[].cost', check: oneOf(['free', 'subsidised', 'paid']), at: provider, key: 'cost' },
  { name: 'providers[].website', check: url, at: provider, key: 'website' },
  { name: 'providers[].email', check: exact, at: provider, key: 'email' },
  { name: 'providers[].phones[].number', check: exact, at: phone, key: 'number' },
  { name: 'providers[].phones[].type', check: oneOf(['voice', 'whatsapp', 'sms', 'fax'], 'voice'), at: phone, key: 'type' },
  { name: 'providers[].phones[].description', localized: true, check: text, at: phone, key: 'description' },
  { name: 'providers[].locations[].name', localized: true, check: text, at: location, key: 'name' },
  { name: 'providers[].locations[].address.address1', check: text, at: address, key: 'address1' },
  { name: 'providers[].locations[].address.city', check: text, at: address, key: 'city' },
  { name: 'providers[].locations[].address.region', check: exact, at: address, key: 'region' },
  { name: 'providers[].locations[].address.postalCode', check: text, at: address, key: 'postalCode' },
  { name: 'providers[].locations[].address.country', check: exact, at: address, key: 'country' },
  { name: 'providers[].hours', localized: true, check: text, at: provider, key: 'hours' },
  { name: 'providers[].languages[]', list: true, check: exact, at: provider, key: 'languages' },
  { name: 'providers[].verified', check: exact, at: provider, key: 'verified' },
  { name: 'cashflowTemplates[].id', check: exact, at: template, key: 'id' },
  { name: 'cashflowTemplates[].name', localized: true, check: text, at: template, key: 'name' },
  { name: 'cashflowTemplates[].description', localized: true, check: text, at: template, key: 'description' },
  { name: 'cashflowTemplates[].sector', localized: true, check: text, at: template, key: 'sector' },
  { name: 'cashflowTemplates[].countries[]', list: true, check: exact, at: template, key: 'countries' },
  { name: 'cashflowTemplates[].currency', check: exact, at: template, key: 'currency' },
  { name: 'cashflowTemplates[].lines[].id', check: exact, at: line, key: 'id' },
  { name: 'cashflowTemplates[].lines[].label', localized: true, check: text, at: line, key: 'label' },
  { name: 'cashflowTemplates[].lines[].flow', check: oneOf(['in', 'out']), at: line, key: 'flow' },
  { name: 'cashflowTemplates[].lines[].group', check: oneOf(['operations', 'investment', 'financing'], 'operations'), at: line, key: 'group' },
  { name: 'cashflowTemplates[].lines[].kind', check: oneOf(['sales', 'other-in', 'cost', 'other-out', 'wages', 'drawings']), at: line, key: 'kind' },
  { name: 'cashflowTemplates[].lines[].hint', localized: true, check: text, at: line, key: 'hint' },
  { name: 'planOutlines[].id', check: exact, at: outline, key: 'id' },
  { name: 'planOutlines[].name', localized: true, check: text, at: outline, key: 'name' },
  { name: 'planOutlines[].description', localized: true, check: text, at: outline, key: 'description' },
  { name: 'planOutlines[].kind', check: oneOf(['traditional', 'lean', 'micro', 'other'], 'other'), at: outline, key: 'kind' },
  { name: 'planOutlines[].countries[]', list: true, check: exact, at: outline, key: 'countries' },
  { name: 'planOutlines[].sections[].id', check: exact, at: section, key: 'id' },
  { name: 'planOutlines[].sections[].title', localized: true, check: text, at: section, key: 'title' },
  { name: 'planOutlines[].sections[].guidance', localized: true, check: text, at: section, key: 'guidance' },
  { name: 'planOutlines[].sections[].toolIds[]', list: true, check: exact, at: section, key: 'toolIds' },
  { name: 'planOutlines[].sections[].questions[].id', check: exact, at: question, key: 'id' },
  { name: 'planOutlines[].sections[].questions[].text', localized: true, check: text, at: question, key: 'text' },
  { name: 'planOutlines[].sections[].questions[].hint', localized: true, check: text, at: question, key: 'hint' },
  { name: 'planOutlines[].sections[].questions[].example', localized: true, check: text, at: question, key: 'example' },
  { name: 'planOutlines[].sections[].sections[].title', localized: true, check: text, at: subsection, key: 'title' },
];

/** The shapes a value is written in: one string, `{ es, en }` (the payload in `es`, then in `en`). */
type Shape = 'plain' | 'es' | 'en';
const SHAPES_OF = (field: Field): Shape[] => (field.localized ? ['plain', 'es', 'en'] : ['plain']);

function written(payload: string, shape: Shape): unknown {
  if (shape === 'es') return { es: payload, en: 'English' };
  if (shape === 'en') return { es: 'Español', en: payload };
  return payload;
}

function keptValue(field: Field, parsed: Feed, shape: Shape): unknown {
  const holder = field.at(parsed as unknown as Json);
  if (!holder || !Object.prototype.hasOwnProperty.call(holder, field.key)) return undefined;
  const value = holder[field.key];
  if (field.list) return Array.isArray(value) ? value[0] : value;
  if (shape !== 'plain') return value && typeof value === 'object' ? value[shape] : `not the shape written: ${JSON.stringify(value)}`;
  return value;
}

/** Why what the parser kept is wrong, or undefined. */
function keptProblem(check: Kind, payload: string, kept: unknown): string | undefined {
  if (kept === undefined) return undefined; // dropped: the item, the entry, or the value
  switch (check.kind) {
    case 'text':
      return kept === payload.trim() ? undefined : `kept ${describePayload(String(kept))}, not the trimmed text`;
    case 'exact':
      return kept === payload ? undefined : `kept ${describePayload(String(kept))}, not the payload`;
    case 'url': {
      if (kept !== payload) return `kept ${describePayload(String(kept))}, not the payload`;
      const protocol = new URL(payload).protocol;
      return protocol === 'https:' || protocol === 'http:' ? undefined : `kept a ${protocol} address`;
    }
    case 'enum':
      if (!check.values.includes(String(kept))) return `kept ${describePayload(String(kept))}, outside the list`;
      return kept === payload || kept === check.fallback ? undefined : `kept ${String(kept)} for ${describePayload(payload)}`;
  }
}

// ---------------------------------------------------------------- feeds for the widgets

/** The text itself when the field takes it (1 to `max` characters once trimmed), else a stand-in. */
function fits(payload: string, max: number): boolean {
  const trimmed = payload.trim();
  return trimmed.length >= 1 && trimmed.length <= max;
}

interface Built {
  readonly feed: Json;
  /** Ids of the items that must survive parsing (all their texts fit). */
  readonly kept: { tools: string[]; providers: string[]; templates: string[]; outlines: string[] };
  /** Ids of the items that must be dropped (a text too long, empty or only spaces). */
  readonly dropped: { tools: string[]; providers: string[]; templates: string[]; outlines: string[] };
}

/**
 * A feed for one chunk of payloads: item `i` of each kind carries payload `i` in every field.
 * Odd items write their localized texts as `{ es, en }` (`en` the next payload).
 */
function buildFeed(chunk: readonly string[], chunkIndex: number): Built {
  const n = chunk.length;
  const kept: Built['kept'] = { tools: [], providers: [], templates: [], outlines: [] };
  const dropped: Built['dropped'] = { tools: [], providers: [], templates: [], outlines: [] };
  const regions: Json[] = [{ code: 'SV-SS', name: 'San Salvador', centre: { lat: 13.69, lng: -89.19 } }];
  const topics: Json[] = [];
  const services: Json[] = [];
  const tools: Json[] = [];
  const providers: Json[] = [];
  const templates: Json[] = [];
  const outlines: Json[] = [];
  const sections: Json[] = [];

  chunk.forEach((p, i) => {
    const next = chunk[(i + 1) % n]!;
    /** The payload where it fits `max`, else a stand-in; odd items in `{ es, en }`. */
    const fit = (max: number) => (fits(p, max) ? p : `stand-in ${chunkIndex}.${i}`);
    const loc = (value: string, max: number): unknown =>
      i % 2 === 0 ? value : { es: value, en: fits(next, max) ? next : `English ${i}` };
    const whole = (max: number) => loc(p, max);
    const misfit = (...maxes: number[]) => maxes.some((max) => !fits(p, max));

    regions.push({ code: `SV-${i}`, name: whole(120), centre: { lat: 13 + i / 100, lng: -89 - i / 100 } });
    topics.push({ id: `topic-${i}`, name: whole(120), description: whole(1000) });
    services.push({ id: `service-${i}`, name: whole(120), description: whole(1000) });

    // Tools: the main one, one whose address is the payload, one whose id is, one whose references are.
    tools.push({
      id: `tool-${i}`, title: loc(fit(300), 300), summary: loc(fit(2000), 2000), type: p, level: p, format: p,
      topics: [`topic-${i}`], audience: [p, 'entrepreneur'], languages: ['es'], url: `https://example.org/tool/${i}`,
      providerId: `provider-${i}`, keywords: [p, `kw${i}`], licence: fit(200), updated: '2026-01-01',
    });
    kept.tools.push(`tool-${i}`);
    tools.push({ id: `url-tool-${i}`, title: `url tool ${i}`, url: p });
    tools.push({ id: p, title: `id tool ${i}`, url: `https://example.org/id/${i}` });
    tools.push({ id: `ref-tool-${i}`, title: `ref tool ${i}`, url: `https://example.org/ref/${i}`, providerId: p, languages: [p], topics: [p], countries: [p] });
    tools.push({ id: `key-tool-${i}`, title: { es: `key tool ${i}`, [p]: 'x' }, url: `https://example.org/key/${i}` });
    if (misfit(300, 2000, 200)) {
      tools.push({ id: `x-tool-${i}`, title: whole(300), summary: whole(2000), licence: p, url: `https://example.org/x/${i}` });
      dropped.tools.push(`x-tool-${i}`);
    }

    // Providers: the main one (with phones, offices and sectors from the payload), and by website, e-mail, id, references.
    providers.push({
      id: `provider-${i}`, name: loc(fit(300), 300), alternateName: fit(120), description: loc(fit(4000), 4000),
      kind: p, cost: p, services: [`service-${i}`], sectors: [p, `sector ${i}`], countries: ['SV'], regions: [`SV-${i}`],
      website: `https://example.org/provider/${i}`, email: `p${i}@example.org`,
      phones: [
        { number: `+503 2200 ${String(1000 + i)}`, type: 'voice', description: whole(120) },
        { number: p, type: 'voice' },
        { number: p, type: 'whatsapp' },
        { number: '7000 0000', type: p },
      ],
      locations: [
        { address: { address1: p, region: `SV-${i}`, country: 'SV' } },
        { address: { city: p } },
        { name: whole(200), lat: 13.7, lng: -89.2 },
        { address: { postalCode: p } },
      ],
      hours: loc(fit(300), 300), languages: ['es'], example: true, verified: '2026-01-01',
    });
    kept.providers.push(`provider-${i}`);
    providers.push({ id: `web-provider-${i}`, name: `web provider ${i}`, countries: ['SV'], website: p });
    providers.push({ id: `mail-provider-${i}`, name: `mail provider ${i}`, countries: ['SV'], email: p });
    providers.push({ id: p, name: `id provider ${i}`, countries: ['SV'] });
    providers.push({ id: `ref-provider-${i}`, name: `ref provider ${i}`, countries: ['SV'], services: [p], regions: [p], languages: [p] });
    if (misfit(300, 120, 4000)) {
      providers.push({ id: `x-provider-${i}`, name: whole(300), alternateName: p, description: whole(4000), hours: whole(300), countries: ['SV'] });
      dropped.providers.push(`x-provider-${i}`);
    }

    // Cash-flow templates.
    templates.push({
      id: `template-${i}`, name: loc(fit(160), 160), description: loc(fit(2000), 2000), sector: loc(fit(120), 120),
      countries: ['SV'], currency: 'USD', months: 3,
      lines: [
        { id: 'in', label: loc(fit(160), 160), flow: 'in', group: p, hint: loc(fit(1000), 1000), amounts: [100, 200, 300] },
        { id: 'out', label: loc(fit(160), 160), flow: 'out', amounts: [50, 50, 50], preStart: 10 },
      ],
    });
    kept.templates.push(`template-${i}`);
    templates.push({ id: p, name: `id template ${i}`, lines: [{ id: p, label: 'x', flow: 'in' }] });
    templates.push({ id: `flow-template-${i}`, name: `flow template ${i}`, lines: [{ id: 'a', label: 'x', flow: p }] });
    if (misfit(160, 2000, 120, 1000)) {
      templates.push({ id: `x-template-${i}`, name: whole(160), description: whole(2000), sector: whole(120), lines: [{ id: 'a', label: whole(160), flow: 'in', hint: whole(1000) }] });
      dropped.templates.push(`x-template-${i}`);
    }

    // Plan outlines: a section of the main outline, an outline of its own, and by id.
    sections.push({
      id: `section-${i}`, title: loc(fit(300), 300), guidance: loc(fit(8000), 8000),
      questions: [{ id: 'q', text: loc(fit(600), 600), hint: loc(fit(2000), 2000), example: loc(fit(4000), 4000) }],
      toolIds: [`tool-${i}`],
      sections: [{ id: `section-${i}-sub`, title: loc(fit(300), 300) }],
    });
    outlines.push({ id: `outline-${i}`, name: loc(fit(200), 200), description: loc(fit(2000), 2000), kind: p, countries: ['SV'], sections: [{ id: 's', title: 'S' }] });
    kept.outlines.push(`outline-${i}`);
    outlines.push({ id: p, name: `id outline ${i}`, sections: [{ id: p, title: 'x', questions: [{ id: p, text: 'q' }] }] });
    if (misfit(200, 2000, 300, 8000, 600, 4000)) {
      outlines.push({
        id: `x-outline-${i}`, name: whole(200), description: whole(2000),
        sections: [{ id: 's', title: whole(300), guidance: whole(8000), questions: [{ id: 'q', text: whole(600), hint: whole(2000), example: whole(4000) }] }],
      });
      dropped.outlines.push(`x-outline-${i}`);
    }
  });
  sections.push({ id: 'plan-financiero', title: 'Plan financiero', questions: [{ id: 'q', text: '¿Cuánto vende?' }] });
  outlines.unshift({ id: 'main', name: 'Main outline', kind: 'micro', countries: ['SV'], sections });
  kept.outlines.unshift('main');

  const feed = {
    version: 1,
    title: { es: chunk[0]!, en: chunk[0]! },
    publisher: { name: chunk[1] ?? 'x', url: chunk[2] ?? 'https://example.org', email: chunk[3] ?? 'x@example.org' },
    countries: [
      { code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV', regions, salesTax: { name: 'IVA', rate: 13 } },
      { code: 'GT', name: 'Guatemala', currency: 'GTQ', locale: 'es-GT' },
    ],
    topics,
    services,
    tools,
    providers,
    cashflowTemplates: templates,
    planOutlines: outlines,
  };
  return { feed, kept, dropped };
}

/** A feed whose countries carry the payloads (names, region names, sales-tax names), with a tool in each. */
function countryFeed(chunk: readonly string[]): Json {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  // El Salvador and up to 49 countries of payloads: the 50 countries a feed may have.
  const countries: Json[] = [{ code: 'SV', name: 'El Salvador', currency: 'USD', locale: 'es-SV' }];
  const tools: Json[] = [];
  chunk.forEach((p, i) => {
    const code = `${i < 26 ? 'X' : 'Y'}${letters[i % 26]}`;
    countries.push({
      code, name: i % 2 === 0 ? p : { es: p, en: 'English' }, currency: 'USD', locale: 'es',
      regions: [{ code: `${code}-1`, name: p }],
      ...(fits(p, 20) ? { salesTax: { name: p, rate: 10 } } : {}),
    });
    tools.push({ id: `country-tool-${i}`, title: `country tool ${i}`, url: `https://example.org/c/${i}`, countries: ['SV', code] });
  });
  return { version: 1, title: 'Countries', countries, tools };
}

// ---------------------------------------------------------------- rendering and checks

interface Run {
  readonly problems: string[];
  readonly errors: string[];
}

let run: Run & { stop(): void };

function checkpoint(el: Widget, container: HTMLElement, step: string): void {
  if (trapValue() !== undefined) run.problems.push(`${step}: the trap was set`);
  for (const finding of unsafeFindings(shadow(el)).slice(0, 5)) run.problems.push(`${step}: ${finding}`);
  for (const finding of layoutFindings(el, container).slice(0, 5)) run.problems.push(`${step} (${container.style.width}): ${finding}`);
}

/** The checks of an open dialog alone (the list behind it is checked now and then). */
function dialogCheckpoint(dialog: HTMLDialogElement, step: string): void {
  if (trapValue() !== undefined) run.problems.push(`${step}: the trap was set`);
  for (const finding of unsafeFindings(dialog).slice(0, 5)) run.problems.push(`${step}: ${finding}`);
  for (const finding of dialogLayoutFindings(dialog).slice(0, 5)) run.problems.push(`${step}: ${finding}`);
}

function finish(): void {
  expect(trapValue(), 'the trap global').to.equal(undefined);
  expect((Object.prototype as Record<string, unknown>)['polluted'], 'Object.prototype polluted').to.equal(undefined);
  expect(run.errors, 'errors thrown').to.deep.equal([]);
  expect(run.problems.slice(0, 20), `${run.problems.length} problem(s)`).to.deep.equal([]);
}

async function mount<T extends Widget>(tag: string, data: Json, attrs: Record<string, string>): Promise<{ el: T; container: HTMLDivElement }> {
  const container = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.data = data;
  container.append(el);
  // A feed given as data is ready at once: one update renders it (a second catches a follow-up).
  await el.updateComplete;
  await el.updateComplete;
  return { el, container };
}

async function widen(el: Widget, container: HTMLDivElement, step: string): Promise<void> {
  container.style.width = '1024px';
  await settle(el);
  checkpoint(el, container, step);
}

function parsed(built: Built | Json): Feed {
  const result = parseFeed('feed' in built ? built.feed : built);
  if (!result.ok) throw new Error(`the test feed was refused: ${result.error.message}`);
  return result.feed;
}

const BUILT = CHUNKS.map((chunk, index) => buildFeed(chunk, index));

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
});
after(() => {
  document.removeEventListener('click', blockNavigation);
  clearStorage();
});
beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  clearStorage();
  const watch = watchErrors();
  run = { problems: [], errors: watch.errors, stop: watch.stop };
});
afterEach(() => {
  run.stop();
  // A payload that ran late still fails this test; the next one starts clean.
  const ran = trapValue();
  delete (window as unknown as Record<string, unknown>)[TRAP];
  if (ran !== undefined) throw new Error('a payload ran (the trap global was set)');
});

describe('hostile feed text: the corpus', () => {
  it(`has ${ALL_PAYLOADS.length} distinct payloads in ${Object.keys(PAYLOAD_GROUPS).length} groups, ${URL_PAYLOADS.length} for URL fields`, () => {
    expect(ALL_PAYLOADS.length).to.be.at.least(200);
    expect(new Set(ALL_PAYLOADS).size).to.equal(ALL_PAYLOADS.length);
    expect(URL_PAYLOADS.every((p) => ALL_PAYLOADS.includes(p))).to.equal(true);
    expect(FIELDS.length).to.be.at.least(80);
  });
});

describe('hostile feed text: every field of the schema, one payload at a time', () => {
  for (const field of FIELDS) {
    it(`${field.name}${field.localized ? ' (one string, { es }, { en })' : ''}`, () => {
      const problems: string[] = [];
      for (const payload of ALL_PAYLOADS) {
        for (const shape of SHAPES_OF(field)) {
          const feed = baseFeed();
          const holder = field.at(feed)!;
          const value = written(payload, shape);
          holder[field.key] = field.list ? [value] : value;
          const result = parseFeed(feed);
          if (!result.ok) {
            problems.push(`${describePayload(payload)} (${shape}): the whole feed was refused: ${result.error.message}`);
            continue;
          }
          const why = keptProblem(field.check, payload, keptValue(field, result.feed, shape));
          if (why) problems.push(`${describePayload(payload)} (${shape}): ${why}`);
        }
      }
      expect(trapValue()).to.equal(undefined);
      expect(problems.slice(0, 10), `${problems.length} problem(s)`).to.deep.equal([]);
    });
  }

  it('a language key that is a payload drops the text, never the feed', () => {
    for (const payload of ALL_PAYLOADS) {
      const feed = baseFeed();
      feed['tools'][0]['title'] = { [payload]: 'x' };
      const result = parseFeed(feed);
      expect(result.ok, describePayload(payload)).to.equal(true);
    }
  });
});

describe('hostile feed text: the feeds the widgets get', () => {
  it(`${BUILT.length} feeds of ${CHUNK} payloads: the items whose texts fit are kept verbatim, the others dropped`, () => {
    for (const built of BUILT) {
      const feed = parsed(built);
      const ids = {
        tools: new Set(feed.tools.map((t) => t.id)),
        providers: new Set(feed.providers.map((p) => p.id)),
        templates: new Set(feed.cashflowTemplates.map((t) => t.id)),
        outlines: new Set(feed.planOutlines.map((o) => o.id)),
      };
      for (const kind of ['tools', 'providers', 'templates', 'outlines'] as const) {
        for (const id of built.kept[kind]) expect(ids[kind].has(id), `${kind} ${id} kept`).to.equal(true);
        for (const id of built.dropped[kind]) expect(ids[kind].has(id), `${kind} ${id} dropped`).to.equal(false);
      }
      // What fits is kept exactly (trimmed): the main tool's title is the payload's.
      built.feed['tools'].filter((t: Json) => /^tool-\d+$/.test(t['id'])).forEach((written: Json) => {
        const tool = feed.tools.find((t) => t.id === written['id'])!;
        const title = typeof written['title'] === 'string' ? written['title'] : written['title']['es'];
        expect(es(tool.title)).to.equal(title.trim());
      });
      // No link but http(s) survives.
      for (const t of feed.tools) expect(unsafeHref(t.url), t.url).to.equal(undefined);
      for (const p of feed.providers) if (p.website) expect(unsafeHref(p.website), p.website).to.equal(undefined);
    }
  });
});

// ---------------------------------------------------------------- the toolbox

async function exerciseToolbox(built: Built, chunk: readonly string[], label: string): Promise<void> {
  const feed = parsed(built);
  const { el, container } = await mount<MipymeToolboxBrowser>('mipyme-toolbox-browser', built.feed, { country: 'SV', 'page-size': '1000' });
  checkpoint(el, container, `${label} render`);
  // Every tool shows its title and summary as text.
  const visible = feed.tools.filter((t) => !t.countries || t.countries.includes('SV'));
  expect(sorted($$(el, '.item h3 .title').map((n) => n.textContent!)), 'titles').to.deep.equal(sorted(visible.map((t) => es(t.title))));
  expect(sorted($$(el, '.item .summary').map((n) => n.textContent!)), 'summaries').to.deep.equal(
    sorted(visible.map((t) => es(t.summary)).filter((s) => s !== '')),
  );
  const key = (title: string, href: string | null) => `${title} → ${href}`;
  const items = $$(el, '.item');
  expect(sorted(items.map((item) => key(item.querySelector('.title')!.textContent!, item.querySelector('a')!.getAttribute('href')))), 'title and link of each tool').to.deep.equal(
    sorted(visible.map((t) => key(es(t.title), t.url))),
  );
  for (const item of items) {
    const meta = item.querySelector('.meta')!.textContent!;
    const candidates = visible.filter((t) => key(es(t.title), t.url) === key(item.querySelector('.title')!.textContent!, item.querySelector('a')!.getAttribute('href')));
    const prefixes = candidates.map((t) => {
      const provider = feed.providers.find((p) => p.id === t.providerId);
      return [provider ? es(provider.name) : '', 'Todos los países'].filter(Boolean).join(' · ');
    });
    expect(prefixes.some((prefix) => meta.startsWith(prefix)), `provider and countries in ${describePayload(meta)}`).to.equal(true);
  }
  // The filters (topic names) open on a narrow screen.
  $<HTMLButtonElement>(el, '[part="filter-toggle"]').click();
  await settle(el);
  checkpoint(el, container, `${label} filters`);
  const topicNames = $$(el, '[part="filter"]')[0]!.querySelectorAll('.option .name');
  const shownTopics = new Set(Array.from(topicNames).map((n) => n.textContent!));
  for (const t of feed.topics.filter((t) => visible.some((tool) => tool.topics.includes(t.id)))) {
    expect(shownTopics.has(es(t.name)), `topic ${describePayload(es(t.name))}`).to.equal(true);
  }
  // A topic filter, its chip, sort by title, a star.
  (topicNames[0]!.closest('label')!.querySelector('input') as HTMLInputElement).click();
  await settle(el);
  checkpoint(el, container, `${label} topic chip`);
  const sort = $<HTMLSelectElement>(el, '#sort');
  sort.value = 'title';
  sort.dispatchEvent(new Event('change'));
  $$<HTMLButtonElement>(el, '[part="star"]')[0]?.click();
  await settle(el);
  checkpoint(el, container, `${label} sorted`);
  $<HTMLButtonElement>(el, '.clear-all').click();
  await settle(el);
  // Searching for each payload.
  const search = $<HTMLInputElement>(el, '#search');
  for (const payload of chunk) {
    search.value = payload;
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    if (trapValue() !== undefined || unsafeFindings(shadow(el)).length > 0) checkpoint(el, container, `${label} search ${describePayload(payload)}`);
  }
  await settle(el);
  checkpoint(el, container, `${label} searched`);
  search.value = '';
  search.dispatchEvent(new Event('input'));
  await widen(el, container, `${label} wide`);
}

describe('hostile feed text: <mipyme-toolbox-browser>', () => {
  BUILT.forEach((built, index) => {
    it(`feed ${index + 1}/${BUILT.length}`, async () => {
      await exerciseToolbox(built, CHUNKS[index]!, `toolbox feed ${index + 1}`);
      finish();
    });
  });

  CHUNKS.forEach((chunk, index) => {
    it(`country names, feed ${index + 1}/${CHUNKS.length}`, async () => {
      const data = countryFeed(chunk);
      const feed = parsed(data);
      const { el, container } = await mount<MipymeToolboxBrowser>('mipyme-toolbox-browser', data, { country: 'SV', 'page-size': '1000' });
      checkpoint(el, container, `countries ${index + 1}`);
      const metas = $$(el, '.item .meta').map((m) => m.textContent!);
      for (const tool of feed.tools) {
        const other = feed.countries.find((c) => c.code === tool.countries![1])!;
        expect(metas, `country ${describePayload(es(other.name))}`).to.include(`El Salvador, ${es(other.name)}`);
      }
      await widen(el, container, `countries ${index + 1} wide`);
      finish();
    });
  });
});

// ---------------------------------------------------------------- the provider finder

/** How the details dialog differs from the provider's record (texts shown verbatim). */
function detailsProblems(dialog: HTMLDialogElement, provider: Feed['providers'][number]): string[] {
  const problems: string[] = [];
  const same = (what: string, shown: string | null | undefined, expected: string) => {
    if (shown !== expected) problems.push(`${what}: ${describePayload(String(shown))} instead of ${describePayload(expected)}`);
  };
  same('name', dialog.querySelector('h2')?.textContent, es(provider.name));
  if (provider.alternateName) same('alternate name', dialog.querySelector('.meta')?.textContent, provider.alternateName);
  if (provider.description) same('description', dialog.querySelector('.description')?.textContent, es(provider.description));
  const dds = Array.from(dialog.querySelectorAll('dd')).map((d) => d.textContent!);
  const has = (what: string, text: string) => {
    if (!dds.some((d) => d.includes(text))) problems.push(`${what} ${describePayload(text)} not shown`);
  };
  if (provider.hours) has('hours', es(provider.hours));
  if (provider.sectors.length) has('sectors', provider.sectors.join(', '));
  if (provider.phones.length) has('phones', provider.phones.map((p) => p.number).join('\n'));
  if (provider.email) has('e-mail', provider.email);
  for (const location of provider.locations) {
    for (const part of [es(location.name), location.address?.address1, location.address?.city].filter(Boolean) as string[]) has('office', part);
  }
  if (provider.website && !Array.from(dialog.querySelectorAll('a')).some((a) => a.getAttribute('href') === provider.website)) {
    problems.push(`no link to ${describePayload(provider.website)}`);
  }
  return problems;
}

describe('hostile feed text: <mipyme-provider-finder>', () => {
  BUILT.forEach((built, index) => {
    it(`feed ${index + 1}/${BUILT.length}: list, every provider's details, regions, search`, async () => {
      const label = `providers feed ${index + 1}`;
      const feed = parsed(built);
      const { el, container } = await mount<MipymeProviderFinder>('mipyme-provider-finder', built.feed, { country: 'SV', 'page-size': '1000' });
      checkpoint(el, container, `${label} render`);
      const names = $$<HTMLButtonElement>(el, '.item h3 button');
      expect(sorted(names.map((b) => b.textContent!)), 'names').to.deep.equal(sorted(feed.providers.map((p) => es(p.name))));
      // Every provider's details dialog.
      for (let i = 0; i < names.length; i++) {
        const button = $$<HTMLButtonElement>(el, '.item h3 button')[i]!;
        button.click();
        // showModal() runs once the dialog is rendered (its code loads on first use, #9)
        await until(() => $<HTMLDialogElement>(el, 'dialog').open, 'the dialog to open');
        const dialog = $<HTMLDialogElement>(el, 'dialog');
        expect(dialog.open, 'the dialog opened').to.equal(true);
        const step = `${label} details of ${describePayload(button.textContent!)}`;
        if (i % 12 === 0) checkpoint(el, container, step);
        else dialogCheckpoint(dialog, step);
        // Names may repeat (two payloads that differ only by spaces at their ends): one of them must match.
        const candidates = feed.providers.filter((p) => es(p.name) === button.textContent);
        const mismatches = candidates.map((provider) => detailsProblems(dialog, provider));
        expect(candidates.length, 'a provider of that name').to.be.greaterThan(0);
        if (!mismatches.some((list) => list.length === 0)) expect(mismatches[0], `details of ${describePayload(candidates[0]!.id)}`).to.deep.equal([]);
        const closed = new Promise((resolve) => dialog.addEventListener('close', resolve, { once: true }));
        Array.from(dialog.querySelectorAll<HTMLButtonElement>('.dialog-actions button')).at(-1)!.click();
        await closed;
        await el.updateComplete;
      }
      // Every region.
      const regionSelect = $<HTMLSelectElement>(el, '#region');
      const optionNames = Array.from(regionSelect.options).slice(1).map((o) => o.textContent!);
      const sv = feed.countries.find((c) => c.code === 'SV')!;
      expect(sorted(optionNames), 'region names').to.deep.equal(sorted(sv.regions.map((r) => es(r.name))));
      for (const option of Array.from(regionSelect.options).slice(1)) {
        regionSelect.value = option.value;
        regionSelect.dispatchEvent(new Event('change'));
        await el.updateComplete;
      }
      await settle(el);
      checkpoint(el, container, `${label} regions`);
      const note = $(el, '.location-note').textContent!;
      const lastRegion = sv.regions.find((r) => r.code === regionSelect.value)!;
      expect(note, 'region in the note').to.contain(es(lastRegion.name));
      regionSelect.value = '';
      regionSelect.dispatchEvent(new Event('change'));
      // Filters, then a search for each payload.
      $<HTMLButtonElement>(el, '[part="filter-toggle"]').click();
      await settle(el);
      checkpoint(el, container, `${label} filters`);
      const search = $<HTMLInputElement>(el, '#search');
      for (const payload of CHUNKS[index]!) {
        search.value = payload;
        search.dispatchEvent(new Event('input'));
        await el.updateComplete;
        if (trapValue() !== undefined || unsafeFindings(shadow(el)).length > 0) checkpoint(el, container, `${label} search ${describePayload(payload)}`);
      }
      await settle(el);
      checkpoint(el, container, `${label} searched`);
      search.value = '';
      search.dispatchEvent(new Event('input'));
      await widen(el, container, `${label} wide`);
      finish();
    });
  });
});

// ---------------------------------------------------------------- the business-plan outline

describe('hostile feed text: <mipyme-business-plan-outline>', () => {
  BUILT.forEach((built, index) => {
    it(`feed ${index + 1}/${BUILT.length}: every section, every outline, the exports`, async () => {
      const label = `plan feed ${index + 1}`;
      const feed = parsed(built);
      const main = feed.planOutlines.find((o) => o.id === 'main')!;
      const flat = flattenSections(main);
      const { el, container } = await mount<MipymeBusinessPlanOutline>('mipyme-business-plan-outline', built.feed, { country: 'SV', outline: 'main' });
      checkpoint(el, container, `${label} render`);
      const navTexts = $$(el, 'nav button > span:first-child').map((s) => s.textContent!);
      expect(navTexts, 'the navigator').to.deep.equal(flat.map(({ number, section }) => `${number}. ${es(section.title)}`));
      for (let i = 0; i < flat.length; i++) {
        const { number, section } = flat[i]!;
        $$<HTMLButtonElement>(el, 'nav button')[i]!.click();
        await el.updateComplete;
        expect($(el, '#section-title').textContent, 'section title').to.equal(`${number}. ${es(section.title)}`);
        expect(shadow(el).querySelector('.guidance')?.textContent ?? '', 'guidance').to.equal(es(section.guidance));
        const q = section.questions[0];
        if (q) {
          expect($(el, '.question label').textContent, 'question').to.equal(es(q.text));
          expect(shadow(el).querySelector('.question .hint')?.textContent ?? '', 'hint').to.equal(es(q.hint));
          expect(shadow(el).querySelector('.example')?.textContent ?? '', 'example').to.equal(es(q.example));
          shadow(el).querySelector<HTMLElement>('details')?.setAttribute('open', '');
        }
        for (const id of section.toolIds) {
          const tool = feed.tools.find((t) => t.id === id)!;
          expect($$(el, '.tools a').some((a) => a.textContent!.startsWith(es(tool.title))), 'tool link').to.equal(true);
        }
        if (i % 8 === 0 || i === flat.length - 1) {
          await settle(el);
          checkpoint(el, container, `${label} section ${number}`);
        } else if (trapValue() !== undefined || unsafeFindings(shadow(el)).length > 0) {
          checkpoint(el, container, `${label} section ${number}`);
        }
      }
      await settle(el);
      checkpoint(el, container, `${label} sections`);
      // Every outline of the country, from "New plan".
      const outlines = feed.planOutlines.filter((o) => !o.countries || o.countries.includes('SV'));
      const options = () => Array.from($<HTMLSelectElement>(el, '#new-plan').options).slice(1);
      expect(sorted(options().map((o) => o.textContent!)), 'outline names').to.deep.equal(sorted(outlines.map((o) => es(o.name))));
      for (const o of outlines) {
        if (o.id === 'main') continue;
        const select = $<HTMLSelectElement>(el, '#new-plan');
        select.value = o.id;
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
        const tips = $$(el, 'nav .tip');
        expect(tips.at(-1)!.textContent, `description of ${describePayload(o.id)}`).to.equal(es(o.description));
        expect($<HTMLSelectElement>(el, '#plan').selectedOptions[0]!.textContent, 'plan name').to.equal(es(o.name).slice(0, 120));
        if (trapValue() !== undefined || unsafeFindings(shadow(el)).length > 0) checkpoint(el, container, `${label} outline ${describePayload(o.id)}`);
      }
      await settle(el);
      checkpoint(el, container, `${label} outlines`);
      await widen(el, container, `${label} wide`);

      // The exports of the main outline, every question shown: feed text is text.
      const plan = newPlan({ id: 'p', outlineId: 'main', name: 'Plan', now: 0 });
      const options2 = { lang: 'es', includeEmpty: true, labels: { contents: 'Contenido', preparedOn: 'Hoy', notAnswered: 'Sin respuesta', cashFlowTitle: 'Flujo' } };
      const doc = new DOMParser().parseFromString(planToHtml(main, plan, options2), 'text/html');
      const exempt = new Set<Element>([doc.querySelector('head > style')!, ...Array.from(doc.querySelectorAll('head > meta'))]);
      expect(unsafeFindings(doc, { allowed: EXPORT_TAGS, allowFragments: true, exempt }), 'the HTML export').to.deep.equal([]);
      expect(doc.querySelectorAll('style').length, 'one style element').to.equal(1);
      expect(doc.querySelectorAll('meta').length, 'charset, CSP and viewport').to.equal(3);
      expect(doc.querySelector('meta[http-equiv]')!.getAttribute('content')).to.equal("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
      const headings = Array.from(doc.querySelectorAll('main section > :is(h2, h3, h4, h5, h6):not(.question)')).map((h) => h.textContent);
      expect(headings, 'export headings').to.deep.equal(flat.map(({ number, section }) => sectionHeading(number, exportedLine(es(section.title)))));
      const questions = Array.from(doc.querySelectorAll('.question')).map((h) => h.textContent);
      expect(questions, 'export questions').to.deep.equal(flat.flatMap(({ section }) => section.questions.map((q) => exportedLine(es(q.text)))));
      const markdown = planToMarkdown(main, plan, options2);
      expect(markdownProblems(markdown), 'the Markdown export').to.deep.equal([]);
      finish();
    });
  });
});

// ---------------------------------------------------------------- the cash-flow calculator

describe('hostile feed text: <mipyme-cash-flow-calculator>', () => {
  BUILT.forEach((built, index) => {
    it(`feed ${index + 1}/${BUILT.length}: every template, the helpers, print and CSV`, async () => {
      const label = `calculator feed ${index + 1}`;
      const feed = parsed(built);
      const templates = feed.cashflowTemplates.filter((t) => !t.countries || t.countries.includes('SV'));
      const { el, container } = await mount<MipymeCashFlowCalculator>('mipyme-cash-flow-calculator', built.feed, { country: 'SV', template: 'template-0' });
      checkpoint(el, container, `${label} render`);
      const newFrom = () => $<HTMLSelectElement>(el, '#new-from');
      expect(sorted(Array.from(newFrom().options).slice(2).map((o) => o.textContent!)), 'template names').to.deep.equal(sorted(templates.map((t) => es(t.name))));
      const blobs: Blob[] = [];
      const createObjectURL = URL.createObjectURL;
      const open = window.open;
      URL.createObjectURL = (blob: Blob | MediaSource) => {
        blobs.push(blob as Blob);
        return createObjectURL.call(URL, blob);
      };
      try {
        for (const t of templates) {
          const step = `${label} template ${describePayload(t.id)}`;
          const select = newFrom();
          select.value = t.id;
          select.dispatchEvent(new Event('change'));
          await el.updateComplete;
          const labels = $$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value);
          const lines = [...t.lines.filter((l) => l.flow === 'in'), ...t.lines.filter((l) => l.flow === 'out')];
          // (A one-line input drops line breaks from what it shows.)
          expect(labels, `${step}: line names`).to.deep.equal(lines.map((l) => oneLineInput(es(l.label).slice(0, 160))));
          expect($<HTMLSelectElement>(el, '#draft').selectedOptions[0]!.textContent, `${step}: projection name`).to.equal(es(t.name).slice(0, 120));
          // The fill panel, the "sales on credit" helper (a list of the sales lines), removing a line (and undo).
          $<HTMLButtonElement>(el, 'button[data-fill]').click();
          await until(() => shadow(el).querySelector('.fill-panel') !== null, 'the fill panel'); // loads on first use (#9)
          const credit = $$<HTMLButtonElement>(el, '.helpers .actions button')[2]!;
          credit.click();
          await until(() => shadow(el).querySelector('#credit-line') !== null, 'the credit helper');
          expect(Array.from($<HTMLSelectElement>(el, '#credit-line').options).map((o) => o.textContent)).to.deep.equal(
            t.lines.filter((l) => l.flow === 'in').map((l) => es(l.label).slice(0, 160)),
          );
          $$<HTMLButtonElement>(el, 'button[aria-label^="Quitar"]').at(-1)!.click();
          await el.updateComplete;
          checkpoint(el, container, step);
          $<HTMLButtonElement>(el, '#undo').click();
          credit.click();
          await el.updateComplete;
          // Print: a page built from text.
          const doc = document.implementation.createHTMLDocument('');
          window.open = () => ({ document: doc, focus: () => {}, print: () => {}, close: () => {} }) as unknown as Window;
          await el.print(); // the print code loads on first use (#9)
          window.open = open;
          expect(unsafeFindings(doc, { allowed: PRINT_TAGS, exempt: new Set([doc.querySelector('style')!]) }), `${step}: print`).to.deep.equal([]);
          expect(doc.querySelector('h1')!.textContent).to.equal(es(t.name).slice(0, 120));
          const rows = Array.from(doc.querySelectorAll('tr')).slice(1, -1).map((tr) => tr.firstElementChild!.textContent);
          expect(rows, `${step}: printed lines`).to.deep.equal(t.lines.map((l) => `${l.flow === 'in' ? '+' : '−'} ${es(l.label).slice(0, 160)}`));
          await el.exportCsv();
        }
      } finally {
        URL.createObjectURL = createObjectURL;
        window.open = open;
      }
      await settle(el);
      checkpoint(el, container, `${label} templates`);
      // The CSV: every text cell that could start a formula is neutralised.
      for (const blob of blobs) {
        const bytes = new Uint8Array(await blob.arrayBuffer());
        const csv = new TextDecoder('utf-16le').decode(bytes.subarray(2));
        for (const row of csv.split('\r\n')) {
          const first = row.split('\t')[0]!;
          expect(/^[=+\-@\uff1d\uff0b\uff0d\uff20]/.test(first), `CSV cell ${describePayload(first)}`).to.equal(false);
        }
      }
      await widen(el, container, `${label} wide`);
      finish();
    });
  });

  CHUNKS.forEach((chunk, index) => {
    it(`sales-tax names, feed ${index + 1}/${CHUNKS.length}`, async () => {
      const data = countryFeed(chunk);
      const feed = parsed(data);
      const withTax = feed.countries.filter((c) => c.salesTax);
      const { el, container } = await mount<MipymeCashFlowCalculator>('mipyme-cash-flow-calculator', data, { country: 'SV' });
      for (const c of withTax) {
        el.country = c.code;
        await el.updateComplete;
        const vat = $$<HTMLButtonElement>(el, '.helpers .actions button')[1]!;
        expect(vat.textContent!.trim(), `button for ${describePayload(c.salesTax!.name)}`).to.equal(`Calcular el ${c.salesTax!.name}`);
        vat.click();
        await until(() => shadow(el).querySelector('.helper-form') !== null, 'the tax helper'); // loads on first use (#9)
        $$<HTMLButtonElement>(el, '.helper-form button').find((b) => b.textContent!.trim() === 'Aplicar')!.click();
        await el.updateComplete;
        const labels = $$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value);
        expect(labels.some((l) => l.includes(oneLineInput(c.salesTax!.name))), `the tax line of ${describePayload(c.salesTax!.name)}`).to.equal(true);
        await el.updateComplete;
        checkpoint(el, container, `sales tax ${describePayload(c.salesTax!.name)}`);
      }
      await widen(el, container, `sales tax ${index + 1} wide`);
      finish();
    });
  });
});
