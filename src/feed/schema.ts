/**
 * The feed contract, version 1, as zod schemas.
 *
 * This is the only module that imports zod at run time. It uses `zod/mini`
 * (tree-shakeable, about a third of full zod in a bundle); every message a
 * person reads comes from `messages.ts` through `msg()`, never from zod.
 *
 * Two views of the same contract:
 * - the item schemas (`countrySchema`, `toolSchema`, …) are what `parseFeed`
 *   runs item by item, so one bad item is dropped without losing the feed;
 * - `feedSchema` assembles them into the whole document, for the types and
 *   for the JSON Schema generated at build time (`dist/feed.schema.json`).
 *
 * Money in the feed is written in the currency's major unit (`1250.5`);
 * parsing turns it into integer minor units (`125050`).
 */
import * as z from 'zod/mini';
import { message } from './messages.js';

/** The feed format's major version this library reads. */
export const FEED_VERSION = 1;

// ---------------------------------------------------------------- vocabularies

export const TOOL_TYPES = [
  'guide',
  'template',
  'calculator',
  'course',
  'video',
  'checklist',
  'article',
  'toolkit',
  'webinar',
  'podcast',
  'other',
] as const;
export const TOOL_FORMATS = [
  'web',
  'pdf',
  'document',
  'spreadsheet',
  'slides',
  'video',
  'audio',
  'online-course',
  'in-person',
  'app',
  'other',
] as const;
export const LEVELS = ['basic', 'intermediate', 'advanced'] as const;
export const AUDIENCES = ['entrepreneur', 'advisor'] as const;
export const PROVIDER_KINDS = [
  'public',
  'private',
  'ngo',
  'chamber',
  'training',
  'finance',
  'university',
  'cooperative',
  'international',
  'other',
] as const;
export const COSTS = ['free', 'subsidised', 'paid'] as const;
export const PHONE_TYPES = ['voice', 'whatsapp', 'sms', 'fax'] as const;
export const FLOWS = ['in', 'out'] as const;
export const LINE_GROUPS = ['operations', 'investment', 'financing'] as const;
export const OUTLINE_KINDS = ['traditional', 'lean', 'micro', 'other'] as const;

export type ToolType = (typeof TOOL_TYPES)[number];
export type ToolFormat = (typeof TOOL_FORMATS)[number];
export type Level = (typeof LEVELS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type Cost = (typeof COSTS)[number];
export type PhoneType = (typeof PHONE_TYPES)[number];
export type Flow = (typeof FLOWS)[number];
export type LineGroup = (typeof LINE_GROUPS)[number];
export type OutlineKind = (typeof OUTLINE_KINDS)[number];

// ---------------------------------------------------------------- limits

/** Upper bounds that keep a hostile or broken feed from exhausting a phone. */
export const LIMITS = {
  countries: 50,
  regions: 400,
  topics: 500,
  services: 500,
  tools: 50_000,
  providers: 50_000,
  cashflowTemplates: 500,
  planOutlines: 200,
  /** Deepest nesting of plan sections. */
  sectionDepth: 4,
} as const;

// ---------------------------------------------------------------- primitives

const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
const COUNTRY_RE = /^[A-Z]{2}$/;
const REGION_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
const CURRENCY_RE = /^[A-Z]{3}$/;
const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Written without flags so the JSON Schema pattern means the same. */
const WEB_URL_RE = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/;
const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
const PHONE_RE = /^\+?[0-9][0-9 ().-]{2,24}$/;
const DATE_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

const id = () => z.string().check(z.regex(ID_RE, { error: () => message('id') }));
const countryCode = () =>
  z.string().check(z.regex(COUNTRY_RE, { error: () => message('country-code') }));
const regionCode = () =>
  z.string().check(z.regex(REGION_RE, { error: () => message('region-code') }));
const languageCode = () =>
  z.string().check(z.regex(LANG_RE, { error: () => message('language-code') }));

/** A non-empty text of at most `max` characters (surrounding spaces removed). */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A text shown to people: either one string, or one string per language
 * (`{ "es": "…", "en": "…" }`). Widgets pick the page's language, then
 * Spanish, then the first one given.
 */
const localized = (max: number) =>
  z.union(
    [
      text(max),
      z.record(languageCode(), text(max)).check(
        z.refine((value) => Object.keys(value).length > 0, {
          error: () => message('localized-empty'),
        }),
      ),
    ],
    // A missing text is reported as "required" by the general error map.
    { error: (issue) => (issue.input === undefined ? undefined : message('localized')) },
  );

function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** An absolute `https:` or `http:` address; nothing else can become a link. */
const webUrl = () =>
  z.string().check(
    z.maxLength(2048),
    z.regex(WEB_URL_RE, { error: () => message('web-url') }),
    z.refine(isWebUrl, { error: () => message('web-url') }),
  );

const email = () =>
  z.string().check(z.maxLength(254), z.regex(EMAIL_RE, { error: () => message('email') }));

function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, optionally followed by a time (ISO 8601). */
const date = () =>
  z.string().check(
    z.regex(DATE_RE, { error: () => message('date') }),
    z.refine(isRealDate, { error: () => message('date') }),
  );

const latitude = () => z.number().check(z.gte(-90), z.lte(90));
const longitude = () => z.number().check(z.gte(-180), z.lte(180));
const geoPoint = () => z.object({ lat: latitude(), lng: longitude() });

/**
 * A closed vocabulary that may grow in later feed versions: an unknown value
 * is read as `fallback` (and reported as a warning) instead of dropping the item;
 * a missing one is `fallback` too.
 */
const openEnum = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  // Missing also means `fallback` (a default), so the JSON Schema does not require the field.
  z._default(z.catch(z.enum(values), fallback), fallback);

/** Like `openEnum`, for an optional field: an unknown value is left out. */
const optionalOpenEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.catch(z.optional(z.enum(values)), undefined);

const list = <T extends z.core.SomeType>(item: T, max: number) =>
  z.array(item).check(z.maxLength(max));

/**
 * A list whose bad entries are left out (and reported as warnings by the
 * parser) instead of dropping the whole item: one mistyped phone number must
 * not hide a provider, one bad region must not hide a country.
 */
const lenientList = <T extends z.core.SomeType>(item: T, max: number) =>
  z._default(
    z.pipe(
      list(z.catch(z.optional(item), undefined), max),
      z.transform((entries: Array<z.output<T> | undefined>) =>
        entries.filter((entry): entry is z.output<T> => entry !== undefined),
      ),
    ),
    [],
  );

/** A list of countries; absent means every country, so it may not be empty. */
const countryList = () => list(countryCode(), LIMITS.countries).check(z.minLength(1));

const isWholeCents = (n: number) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/** An amount in the currency's major unit in the feed (`1250.5`), minor units once parsed (`125050`). */
const money = () =>
  z.pipe(
    z.number().check(
      z.gte(-1e12),
      z.lte(1e12),
      z.refine(isWholeCents, { error: () => message('money') }),
    ),
    z.transform((n: number) => Math.round(n * 100)),
  );

// ---------------------------------------------------------------- items

export const regionSchema = z.object({
  /** ISO 3166-2 code, e.g. `GT-01`, `SV-SS`. */
  code: regionCode(),
  name: localized(120),
  /** The region's centre, used to sort providers by distance when the user picks a region. */
  centre: z.optional(geoPoint()),
});

export const salesTaxSchema = z.object({
  /** What people call it: `IVA`, `ISV`, `ITBIS`. */
  name: text(20),
  /** Standard rate in percent, e.g. `13`. */
  rate: z.number().check(z.gte(0), z.lte(100)),
});

export const countrySchema = z.object({
  /** ISO 3166-1 alpha-2, e.g. `SV`. */
  code: countryCode(),
  name: localized(120),
  /** ISO 4217, e.g. `USD`, `GTQ`. */
  currency: z.string().check(z.regex(CURRENCY_RE, { error: () => message('currency') })),
  /** BCP 47 locale for numbers and dates, e.g. `es-SV`. */
  locale: languageCode(),
  regions: lenientList(regionSchema, LIMITS.regions),
  salesTax: z.optional(salesTaxSchema),
});

export const topicSchema = z.object({
  id: id(),
  name: localized(120),
  description: z.optional(localized(1000)),
});

/** An entry of the provider service vocabulary (training, advice, credit, …). */
export const serviceSchema = topicSchema;

export const toolSchema = z.object({
  id: id(),
  title: localized(300),
  summary: z.optional(localized(2000)),
  type: openEnum(TOOL_TYPES, 'other'),
  topics: z._default(list(id(), 30), []),
  /** Who it is written for; empty means everyone. */
  audience: lenientList(z.enum(AUDIENCES), AUDIENCES.length),
  level: optionalOpenEnum(LEVELS),
  /** Countries it applies to; absent means every country. */
  countries: z.optional(countryList()),
  /** Languages of the material itself. */
  languages: z._default(list(languageCode(), 10), []),
  url: webUrl(),
  format: optionalOpenEnum(TOOL_FORMATS),
  updated: z.optional(date()),
  providerId: z.optional(id()),
  keywords: lenientList(text(80), 40),
  licence: z.optional(text(200)),
  /** How long it takes to use, in minutes (courses, videos). */
  durationMinutes: z.optional(z.int().check(z.gte(0), z.lte(100_000))),
});

export const phoneSchema = z.object({
  number: z.string().check(z.maxLength(30), z.regex(PHONE_RE, { error: () => message('phone') })),
  type: openEnum(PHONE_TYPES, 'voice'),
  description: z.optional(localized(120)),
});

export const addressSchema = z.object({
  address1: z.optional(text(300)),
  city: z.optional(text(120)),
  region: z.optional(regionCode()),
  postalCode: z.optional(text(20)),
  country: z.optional(countryCode()),
});

export const locationSchema = z.object({
  name: z.optional(localized(200)),
  address: z.optional(addressSchema),
  lat: z.optional(latitude()),
  lng: z.optional(longitude()),
});

export const providerSchema = z.object({
  id: id(),
  name: localized(300),
  alternateName: z.optional(text(120)),
  kind: openEnum(PROVIDER_KINDS, 'other'),
  description: z.optional(localized(4000)),
  /** Ids from the feed's `services` vocabulary. */
  services: z._default(list(id(), 60), []),
  sectors: lenientList(text(80), 40),
  countries: countryList(),
  /** ISO 3166-2 regions served; absent means the whole of each country. */
  regions: z.optional(list(regionCode(), LIMITS.regions)),
  cost: optionalOpenEnum(COSTS),
  website: z.optional(webUrl()),
  email: z.optional(email()),
  phones: lenientList(phoneSchema, 10),
  locations: lenientList(locationSchema, 100),
  hours: z.optional(localized(300)),
  languages: z._default(list(languageCode(), 10), []),
  /** An invented provider, shown only to illustrate the widgets. */
  example: z._default(z.boolean(), false),
  /** When the network last checked this record. */
  verified: z.optional(date()),
});

export const cashflowLineSchema = z.object({
  id: id(),
  label: localized(160),
  flow: z.enum(FLOWS, { error: () => message('flow') }),
  group: openEnum(LINE_GROUPS, 'operations'),
  hint: z.optional(localized(1000)),
  /** Example amounts per month, first month first, in the template's currency (major units in the feed). */
  amounts: z.optional(list(money(), 36)),
  /** Example amount spent or received before opening (the pre-start column). */
  preStart: z.optional(money()),
});

export const cashflowTemplateSchema = z.object({
  id: id(),
  name: localized(160),
  description: z.optional(localized(2000)),
  sector: z.optional(localized(120)),
  countries: z.optional(countryList()),
  /** Currency of the example amounts; absent means the country's own. */
  currency: z.optional(z.string().check(z.regex(CURRENCY_RE, { error: () => message('currency') }))),
  months: z.optional(z.int().check(z.gte(1), z.lte(36))),
  /** Calendar month (1 = January) of the first example amount, so seasons line up with any start month. */
  firstMonth: z.optional(z.int().check(z.gte(1), z.lte(12))),
  lines: list(cashflowLineSchema, 200).check(z.minLength(1)),
});

export const questionSchema = z.object({
  id: id(),
  text: localized(600),
  hint: z.optional(localized(2000)),
  example: z.optional(localized(4000)),
});

export interface PlanSectionInput {
  id: string;
  title: unknown;
  guidance?: unknown;
  questions?: unknown[];
  toolIds?: string[];
  sections?: PlanSectionInput[];
}

const sectionFields = {
  id: id(),
  title: localized(300),
  guidance: z.optional(localized(8000)),
  questions: z._default(list(questionSchema, 60), []),
  /** Ids of tools in the catalogue that help with this section. */
  toolIds: z._default(list(id(), 30), []),
};

type SectionShape = typeof sectionFields & {
  sections: z.ZodMiniOptional<z.ZodMiniArray<z.ZodMiniObject<SectionShape>>>;
};

export const planSectionSchema: z.ZodMiniObject<SectionShape> = z.object({
  ...sectionFields,
  get sections() {
    return z.optional(list(planSectionSchema, 40));
  },
});

export const planOutlineSchema = z.object({
  id: id(),
  name: localized(200),
  description: z.optional(localized(2000)),
  kind: openEnum(OUTLINE_KINDS, 'other'),
  countries: z.optional(countryList()),
  sections: list(planSectionSchema, 80).check(z.minLength(1)),
});

export const publisherSchema = z.object({
  name: localized(300),
  url: z.optional(webUrl()),
  email: z.optional(email()),
});

// ---------------------------------------------------------------- document

/** Top-level fields besides the sections. */
export const feedMetaFields = {
  /** Format version; this library reads `1` (and `1.x`). */
  version: z.number().check(z.gte(1), z.lt(FEED_VERSION + 1)),
  title: localized(300),
  /** When the feed was last published. */
  updated: z.optional(date()),
  publisher: z.optional(publisherSchema),
  /** Languages the feed's texts are written in. */
  languages: z.optional(list(languageCode(), 20)),
};

export const feedSections = {
  countries: countrySchema,
  topics: topicSchema,
  services: serviceSchema,
  tools: toolSchema,
  providers: providerSchema,
  cashflowTemplates: cashflowTemplateSchema,
  planOutlines: planOutlineSchema,
} as const;

export type FeedSectionName = keyof typeof feedSections;
export const FEED_SECTION_NAMES = Object.keys(feedSections) as FeedSectionName[];

/** The whole feed document; used for types and the generated JSON Schema. */
export const feedSchema = z.object({
  ...feedMetaFields,
  countries: z._default(list(countrySchema, LIMITS.countries), []),
  topics: z._default(list(topicSchema, LIMITS.topics), []),
  services: z._default(list(serviceSchema, LIMITS.services), []),
  tools: z._default(list(toolSchema, LIMITS.tools), []),
  providers: z._default(list(providerSchema, LIMITS.providers), []),
  cashflowTemplates: z._default(list(cashflowTemplateSchema, LIMITS.cashflowTemplates), []),
  planOutlines: z._default(list(planOutlineSchema, LIMITS.planOutlines), []),
});

// ---------------------------------------------------------------- types

/** A text shown to people: one string, or one per language code. */
export type LocalizedText = z.output<ReturnType<typeof localized>>;
export type Region = z.output<typeof regionSchema>;
export type SalesTax = z.output<typeof salesTaxSchema>;
export type Country = z.output<typeof countrySchema>;
export type Topic = z.output<typeof topicSchema>;
export type Service = z.output<typeof serviceSchema>;
export type Tool = z.output<typeof toolSchema>;
export type Phone = z.output<typeof phoneSchema>;
export type Address = z.output<typeof addressSchema>;
export type ProviderLocation = z.output<typeof locationSchema>;
export type Provider = z.output<typeof providerSchema>;
export type CashflowLine = z.output<typeof cashflowLineSchema>;
export type CashflowTemplate = z.output<typeof cashflowTemplateSchema>;
export type Question = z.output<typeof questionSchema>;
export interface PlanSection {
  id: string;
  title: LocalizedText;
  guidance?: LocalizedText | undefined;
  questions: Question[];
  toolIds: string[];
  sections?: PlanSection[] | undefined;
}
export type PlanOutline = Omit<z.output<typeof planOutlineSchema>, 'sections'> & {
  sections: PlanSection[];
};
export type Publisher = z.output<typeof publisherSchema>;

/** A parsed, validated feed: every item in it passed its schema and reference checks. */
export interface Feed {
  version: number;
  title?: LocalizedText | undefined;
  updated?: string | undefined;
  publisher?: Publisher | undefined;
  languages?: string[] | undefined;
  countries: Country[];
  topics: Topic[];
  services: Service[];
  tools: Tool[];
  providers: Provider[];
  cashflowTemplates: CashflowTemplate[];
  planOutlines: PlanOutline[];
}
