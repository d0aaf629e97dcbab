/**
 * The feed contract, version 1, as zod schemas: the source of truth for the
 * validator CLI (`npx infomipyme-widgets validate`, see `validate-zod.ts`) and
 * for the JSON Schema generated at build time (`dist/feed.schema.json`).
 *
 * The widgets do not run these schemas: in the browser `parseFeed` checks the
 * feed with `validate-feed.ts`, the same contract written with a few small
 * combinators (`validate.ts`), so the cdn/ bundles carry no zod (issue #9).
 * tests/feed/validate-parity.test.ts proves that both give the same value and
 * the same issues for every input. Change both together.
 *
 * This is the only module that imports zod (`zod/mini`; never at run time in
 * a widget): every top-level schema is built through a `@__NO_SIDE_EFFECTS__`
 * factory or a zod function marked so, which lets a bundler drop the lot from
 * a widget that imports only the vocabularies and types below. Every message
 * a person reads comes from `messages.ts` through `msg()`, never from zod.
 *
 * Two views of the same contract:
 * - the item schemas (`countrySchema`, `toolSchema`, …) are what `parseFeed`
 *   runs item by item, so one bad item is dropped without losing the feed;
 * - `feedSchema` assembles them into the whole document, for the types and
 *   for the JSON Schema.
 *
 * Money in the feed is written in the currency's major unit (`1250.5`);
 * parsing turns it into integer minor units (`125050`).
 */
import * as z from 'zod/mini';
import { message, type MessageKey } from './messages.js';
import {
  AUDIENCES,
  CASHFLOW_LINE_KINDS,
  COSTS,
  COUNTRY_RE,
  CURRENCY_RE,
  DATE_RE,
  EMAIL_RE,
  FEED_VERSION,
  FLOWS,
  ID_RE,
  LANG_RE,
  LEVELS,
  LIMITS,
  LINE_GROUPS,
  OUTLINE_KINDS,
  PHONE_RE,
  PHONE_TYPES,
  PROVIDER_KINDS,
  REGION_RE,
  TAX_REGIME_KINDS,
  TOOL_FORMATS,
  TOOL_TYPES,
  WEB_URL_RE,
  hasKeys,
  isRealDate,
  isUnique,
  isWebUrl,
  isWholeCents,
  missingRegimeAmount,
  toCents,
} from './validate-rules.js';

// The vocabularies and limits are plain data, shared with the browser validator.
export {
  AUDIENCES,
  CASHFLOW_LINE_KINDS,
  COSTS,
  FEED_SECTION_NAMES,
  FEED_VERSION,
  FLOWS,
  LEVELS,
  LIMITS,
  LINE_GROUPS,
  OUTLINE_KINDS,
  PHONE_TYPES,
  PROVIDER_KINDS,
  TAX_REGIME_KINDS,
  TOOL_FORMATS,
  TOOL_TYPES,
} from './validate-rules.js';

export type ToolType = (typeof TOOL_TYPES)[number];
export type ToolFormat = (typeof TOOL_FORMATS)[number];
export type Level = (typeof LEVELS)[number];
export type Audience = (typeof AUDIENCES)[number];
export type ProviderKind = (typeof PROVIDER_KINDS)[number];
export type Cost = (typeof COSTS)[number];
export type PhoneType = (typeof PHONE_TYPES)[number];
export type Flow = (typeof FLOWS)[number];
export type LineGroup = (typeof LINE_GROUPS)[number];
export type CashflowLineKind = (typeof CASHFLOW_LINE_KINDS)[number];
export type TaxRegimeKind = (typeof TAX_REGIME_KINDS)[number];
export type OutlineKind = (typeof OUTLINE_KINDS)[number];

// ---------------------------------------------------------------- primitives
//
// Each factory is marked `@__NO_SIDE_EFFECTS__` (as zod marks its own): a call to it is
// dropped by a bundler when its value is not used. At the top level, use only such calls,
// zod's own functions and local names: a method call (`.check()`) or a property read of an
// imported object (`LIMITS.tools`, `AUDIENCES.length`: rollup cannot rule out a getter once
// the object is used elsewhere) would keep the schemas, and zod, in every widget's bundle.

/* @__NO_SIDE_EFFECTS__ */
const says = (key: MessageKey) => ({ error: () => message(key) });

/** One of the `LIMITS`, read through a call (see above). */
/* @__NO_SIDE_EFFECTS__ */
const limit = (name: keyof typeof LIMITS): number => LIMITS[name];

/** A text that must match `pattern`, with its own message. */
/* @__NO_SIDE_EFFECTS__ */
const matching = (pattern: RegExp, key: MessageKey) => z.string().check(z.regex(pattern, says(key)));

/* @__NO_SIDE_EFFECTS__ */
const id = () => matching(ID_RE, 'id');
/* @__NO_SIDE_EFFECTS__ */
const countryCode = () => matching(COUNTRY_RE, 'country-code');
/* @__NO_SIDE_EFFECTS__ */
const regionCode = () => matching(REGION_RE, 'region-code');
/* @__NO_SIDE_EFFECTS__ */
const languageCode = () => matching(LANG_RE, 'language-code');
/* @__NO_SIDE_EFFECTS__ */
const currency = () => matching(CURRENCY_RE, 'currency');

/** A non-empty text of at most `max` characters (surrounding spaces removed). */
/* @__NO_SIDE_EFFECTS__ */
const text = (max: number) => z.string().check(z.trim(), z.minLength(1), z.maxLength(max));

/**
 * A text shown to people: either one string, or one string per language
 * (`{ "es": "…", "en": "…" }`). Widgets pick the page's language, then
 * Spanish, then the first one given.
 */
/* @__NO_SIDE_EFFECTS__ */
const localized = (max: number) =>
  z.union(
    [text(max), z.record(languageCode(), text(max)).check(z.refine(hasKeys, says('localized-empty')))],
    // A missing text is reported as "required" by the general error map.
    { error: (issue) => (issue.input === undefined ? undefined : message('localized')) },
  );

/** An absolute `https:` or `http:` address; nothing else can become a link. */
/* @__NO_SIDE_EFFECTS__ */
const webUrl = () =>
  z.string().check(z.maxLength(2048), z.regex(WEB_URL_RE, says('web-url')), z.refine(isWebUrl, says('web-url')));

/* @__NO_SIDE_EFFECTS__ */
const email = () => z.string().check(z.maxLength(254), z.regex(EMAIL_RE, says('email')));

/* @__NO_SIDE_EFFECTS__ */
const phoneNumber = () => z.string().check(z.maxLength(30), z.regex(PHONE_RE, says('phone')));

/** `YYYY-MM-DD`, optionally followed by a time (ISO 8601). */
/* @__NO_SIDE_EFFECTS__ */
const date = () => z.string().check(z.regex(DATE_RE, says('date')), z.refine(isRealDate, says('date')));

/** A number from `min` to `max`. */
/* @__NO_SIDE_EFFECTS__ */
const between = (min: number, max: number) => z.number().check(z.gte(min), z.lte(max));

/** A whole number from `min` to `max`. */
/* @__NO_SIDE_EFFECTS__ */
const wholeBetween = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));

/** The format version: `1`, or a minor version of it (`1.3`). */
/* @__NO_SIDE_EFFECTS__ */
const versionNumber = () => z.number().check(z.gte(1), z.lt(FEED_VERSION + 1));

/* @__NO_SIDE_EFFECTS__ */
const latitude = () => between(-90, 90);
/* @__NO_SIDE_EFFECTS__ */
const longitude = () => between(-180, 180);
/* @__NO_SIDE_EFFECTS__ */
const geoPoint = () => z.object({ lat: latitude(), lng: longitude() });

/**
 * A closed vocabulary that may grow in later feed versions: an unknown value
 * is read as `fallback` (and reported as a warning) instead of dropping the item;
 * a missing one is `fallback` too.
 */
/* @__NO_SIDE_EFFECTS__ */
const openEnum = <const T extends readonly [string, ...string[]]>(values: T, fallback: T[number]) =>
  // Missing also means `fallback` (a default), so the JSON Schema does not require the field.
  z._default(z.catch(z.enum(values), fallback), fallback);

/** Like `openEnum`, for an optional field: an unknown value is left out. */
/* @__NO_SIDE_EFFECTS__ */
const optionalOpenEnum = <const T extends readonly [string, ...string[]]>(values: T) =>
  z.catch(z.optional(z.enum(values)), undefined);

/* @__NO_SIDE_EFFECTS__ */
const list = <T extends z.core.SomeType>(item: T, max: number) => z.array(item).check(z.maxLength(max));

/** A list of calendar months (1 = January), each at most once. */
/* @__NO_SIDE_EFFECTS__ */
const monthList = () => z._default(list(wholeBetween(1, 12), 12).check(z.refine(isUnique)), []);

/** A list that may be left out: absent means empty. */
/* @__NO_SIDE_EFFECTS__ */
const listOrEmpty = <T extends z.core.SomeType>(item: T, max: number) => z._default(list(item, max), []);

/** A list whose bad entries are left out (see `lenientList`); absent stays absent. */
/* @__NO_SIDE_EFFECTS__ */
const leniently = <T extends z.core.SomeType>(item: T, max: number) =>
  z.pipe(
    list(z.catch(z.optional(item), undefined), max),
    z.transform((entries: Array<z.output<T> | undefined>) => entries.filter((entry): entry is z.output<T> => entry !== undefined)),
  );

/**
 * A list whose bad entries are left out (and reported as warnings by the
 * parser) instead of dropping the whole item: one mistyped phone number must
 * not hide a provider, one bad region must not hide a country.
 */
/* @__NO_SIDE_EFFECTS__ */
const lenientList = <T extends z.core.SomeType>(item: T, max: number) => z._default(leniently(item, max), []);

/** Who a tool is written for: a lenient list of `AUDIENCES`. */
/* @__NO_SIDE_EFFECTS__ */
const audienceList = () => lenientList(z.enum(AUDIENCES), AUDIENCES.length);

/** A list of at least one entry. */
/* @__NO_SIDE_EFFECTS__ */
const nonEmptyList = <T extends z.core.SomeType>(item: T, max: number) => list(item, max).check(z.minLength(1));

/** A list of countries; absent means every country, so it may not be empty. */
/* @__NO_SIDE_EFFECTS__ */
const countryList = () => nonEmptyList(countryCode(), limit('countries'));

/**
 * An amount in the currency's major unit in the feed (`1250.5`), minor units once parsed (`125050`);
 * `min` 0 for an amount that cannot be negative.
 */
/* @__NO_SIDE_EFFECTS__ */
const money = (min = -1e12) =>
  z.pipe(
    z.number().check(z.gte(min), z.lte(1e12), z.refine(isWholeCents, says('money'))),
    z.transform(toCents),
  );

/** A tax regime (see `taxRegimeSchema`): a factory, as its `.check()` must not run at the top level. */
/* @__NO_SIDE_EFFECTS__ */
function taxRegime() {
  return z
    .object({
      id: id(),
      name: localized(120),
      kind: z.enum(TAX_REGIME_KINDS),
      /** Percent of sales (`vat`: output tax, credited with the tax paid on purchases; `gross-sales`: no credit). */
      ratePct: z.optional(between(0, 100)),
      /** The fee each month (`fixed-fee`), in the country's currency (major units in the feed). */
      monthlyFee: z.optional(money(0)),
      note: z.optional(localized(1000)),
    })
    .check(
      z.superRefine((regime, ctx) => {
        const missing = missingRegimeAmount(regime);
        if (missing) ctx.addIssue(missing);
      }),
    );
}

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
  rate: between(0, 100),
});

/**
 * A payment the law makes employers add to the wages in one month of the year
 * (aguinaldo, Bono 14, 13th and 14th month, salario de Navidad). The calculator
 * offers it as its own line, computed from the lines of `kind` `wages`.
 */
export const extraPaySchema = z.object({
  id: id(),
  /** What people call it: `Aguinaldo`, `Bono 14`, `Décimo tercer mes`. */
  name: localized(120),
  /** Calendar month it is paid (1 = January). */
  month: wholeBetween(1, 12),
  /** Percent of one month of the wage lines paid then: `100` is one month's pay, `50` half (15 days of 30). */
  sharePct: between(0, 200),
  /** Who gets how much and by when, in plain words. */
  note: z.optional(localized(1000)),
});

/**
 * A way a business can be taxed on its sales, offered to the owner per projection.
 * `ratePct` is required for `vat` and `gross-sales`, `monthlyFee` for `fixed-fee`.
 * An unknown `kind` makes the regime invalid: it is left out of the list (with a
 * warning), never read as another kind, whose sums would be wrong.
 */
export const taxRegimeSchema = taxRegime();

/** Months when sales run high or low, for the calculator's seasons (a suggestion the owner adjusts). */
export const seasonPresetSchema = z.object({
  id: id(),
  name: localized(120),
  /** Calendar months (1 = January) of high sales; absent means none. */
  high: monthList(),
  /** Calendar months of low sales; absent means none. */
  low: monthList(),
  note: z.optional(localized(500)),
});

export const countrySchema = z.object({
  /** ISO 3166-1 alpha-2, e.g. `SV`. */
  code: countryCode(),
  name: localized(120),
  /** ISO 4217, e.g. `USD`, `GTQ`. */
  currency: currency(),
  /** BCP 47 locale for numbers and dates, e.g. `es-SV`. */
  locale: languageCode(),
  regions: lenientList(regionSchema, limit('regions')),
  salesTax: z.optional(salesTaxSchema),
  /** Mandatory extra pay (bad entries are left out). */
  extraPay: z.optional(leniently(extraPaySchema, 10)),
  /** Tax regimes on sales, the standard one first (bad entries, and unknown kinds, are left out). */
  taxRegimes: z.optional(leniently(taxRegimeSchema, 10)),
  /** Seasons a cash-flow projection can start from (bad entries are left out). */
  seasonPresets: z.optional(leniently(seasonPresetSchema, 20)),
});

export const topicSchema = z.object({
  id: id(),
  name: localized(120),
  description: z.optional(localized(1000)),
});

/** An entry of the provider service vocabulary (training, advice, credit, …). */
export const serviceSchema = topicSchema;

/**
 * A partner of the network that publishes records in the shared feed (#12, trust): tools,
 * providers, templates and outlines name it by id in `publisher`, and a widget's
 * `publisher="…"` attribute shows only that partner's records.
 */
export const publisherEntrySchema = z.object({
  id: id(),
  name: localized(300),
  url: z.optional(webUrl()),
  email: z.optional(email()),
});

export const toolSchema = z.object({
  id: id(),
  title: localized(300),
  summary: z.optional(localized(2000)),
  type: openEnum(TOOL_TYPES, 'other'),
  topics: listOrEmpty(id(), 30),
  /** Who it is written for; empty means everyone. */
  audience: audienceList(),
  level: optionalOpenEnum(LEVELS),
  /** Countries it applies to; absent means every country. */
  countries: z.optional(countryList()),
  /** Languages of the material itself. */
  languages: listOrEmpty(languageCode(), 10),
  url: webUrl(),
  format: optionalOpenEnum(TOOL_FORMATS),
  updated: z.optional(date()),
  providerId: z.optional(id()),
  keywords: lenientList(text(80), 40),
  licence: z.optional(text(200)),
  /** How long it takes to use, in minutes (courses, videos). */
  durationMinutes: z.optional(wholeBetween(0, 100_000)),
  /** Cash-flow templates it goes with (ids in `cashflowTemplates`); unknown ids are dropped, with a warning. */
  cashflowTemplateIds: z.optional(list(id(), 10)),
  /** Plan outlines it goes with (ids in `planOutlines`). */
  planOutlineIds: z.optional(list(id(), 10)),
  /** Provider services that help with what it is about (ids in `services`). */
  serviceIds: z.optional(list(id(), 10)),
  /** The partner that published it (an id in `publishers`). */
  publisher: z.optional(id()),
  /** When the network last checked this record. */
  verified: z.optional(date()),
});

export const phoneSchema = z.object({
  number: phoneNumber(),
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
  services: listOrEmpty(id(), 60),
  sectors: lenientList(text(80), 40),
  countries: countryList(),
  /** ISO 3166-2 regions served; absent means the whole of each country. */
  regions: z.optional(list(regionCode(), limit('regions'))),
  cost: optionalOpenEnum(COSTS),
  website: z.optional(webUrl()),
  email: z.optional(email()),
  phones: lenientList(phoneSchema, 10),
  locations: lenientList(locationSchema, 100),
  hours: z.optional(localized(300)),
  languages: listOrEmpty(languageCode(), 10),
  /** An invented provider, shown only to illustrate the widgets. */
  example: z._default(z.boolean(), false),
  /** When the network last checked this record. */
  verified: z.optional(date()),
  /** The partner that published it (an id in `publishers`). */
  publisher: z.optional(id()),
});

export const cashflowLineSchema = z.object({
  id: id(),
  label: localized(160),
  flow: z.enum(FLOWS, says('flow')),
  group: openEnum(LINE_GROUPS, 'operations'),
  /** What the line is, where it matters: `wages` (the base of `extraPay`), `drawings` (the owner's household draw), … */
  kind: optionalOpenEnum(CASHFLOW_LINE_KINDS),
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
  currency: z.optional(currency()),
  months: z.optional(wholeBetween(1, 36)),
  /** Calendar month (1 = January) of the first example amount, so seasons line up with any start month. */
  firstMonth: z.optional(wholeBetween(1, 12)),
  lines: nonEmptyList(cashflowLineSchema, 200),
  /** Provider services that help when this business runs short of cash (ids in `services`: credit, advice…). */
  serviceIds: z.optional(list(id(), 10)),
  /** The partner that published it (an id in `publishers`). */
  publisher: z.optional(id()),
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
  serviceIds?: string[];
  sections?: PlanSectionInput[];
}

const sectionFields = {
  id: id(),
  title: localized(300),
  guidance: z.optional(localized(8000)),
  questions: listOrEmpty(questionSchema, 60),
  /** Ids of tools in the catalogue that help with this section. */
  toolIds: listOrEmpty(id(), 30),
  /** Provider services that help with this section (ids in `services`). */
  serviceIds: z.optional(list(id(), 10)),
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
  sections: nonEmptyList(planSectionSchema, 80),
  /** The partner that published it (an id in `publishers`). */
  publisher: z.optional(id()),
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
  version: versionNumber(),
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
  publishers: publisherEntrySchema,
  tools: toolSchema,
  providers: providerSchema,
  cashflowTemplates: cashflowTemplateSchema,
  planOutlines: planOutlineSchema,
} as const;

export type FeedSectionName = keyof typeof feedSections;

/** The whole feed document; used for types and the generated JSON Schema. */
export const feedSchema = z.object({
  ...feedMetaFields,
  countries: listOrEmpty(countrySchema, limit('countries')),
  topics: listOrEmpty(topicSchema, limit('topics')),
  services: listOrEmpty(serviceSchema, limit('services')),
  publishers: listOrEmpty(publisherEntrySchema, limit('publishers')),
  tools: listOrEmpty(toolSchema, limit('tools')),
  providers: listOrEmpty(providerSchema, limit('providers')),
  cashflowTemplates: listOrEmpty(cashflowTemplateSchema, limit('cashflowTemplates')),
  planOutlines: listOrEmpty(planOutlineSchema, limit('planOutlines')),
});

// ---------------------------------------------------------------- types

/** A text shown to people: one string, or one per language code. */
export type LocalizedText = z.output<ReturnType<typeof localized>>;
export type Region = z.output<typeof regionSchema>;
export type SalesTax = z.output<typeof salesTaxSchema>;
export type ExtraPay = z.output<typeof extraPaySchema>;
export type TaxRegime = z.output<typeof taxRegimeSchema>;
export type SeasonPreset = z.output<typeof seasonPresetSchema>;
export type Country = z.output<typeof countrySchema>;
export type Topic = z.output<typeof topicSchema>;
export type Service = z.output<typeof serviceSchema>;
/** A partner that publishes records in the feed (the `publishers` section). */
export type PublisherEntry = z.output<typeof publisherEntrySchema>;
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
  /** Provider services that help with this section (ids in `services`). */
  serviceIds?: string[] | undefined;
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
  /** The partners that publish records in the feed; absent in a feed written before the section existed. */
  publishers: PublisherEntry[];
  tools: Tool[];
  providers: Provider[];
  cashflowTemplates: CashflowTemplate[];
  planOutlines: PlanOutline[];
}
