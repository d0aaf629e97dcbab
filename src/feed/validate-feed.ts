/**
 * The feed contract, version 1, for the browser: `schema.ts` written again
 * with the small combinators of `validate.ts`, field for field and check for
 * check, so the widgets validate a feed without zod (issue #9). It is what
 * `parseFeed` runs unless given other validators (the CLI gives zod's,
 * `validate-zod.ts`). tests/feed/validate-parity.test.ts runs both on every
 * fixture, the sample feed, generated feeds and thousands of fuzzed ones, and
 * requires the same values and issues: change this file with `schema.ts`.
 *
 * The types of what comes out (`Tool`, `Feed`, …) are zod's (`schema.ts`).
 */
import { message, type MessageKey } from './messages.js';
import type { FeedSectionName } from './schema.js';
import {
  AUDIENCES,
  CASHFLOW_LINE_KINDS,
  COSTS,
  COUNTRY_RE,
  CURRENCY_RE,
  DATE_RE,
  EMAIL_RE,
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
import {
  arr,
  bool,
  fallback,
  gte,
  int,
  lazy,
  lte,
  maxLength,
  minLength,
  num,
  obj,
  oneOf,
  optional,
  pattern,
  pipe,
  record,
  refine,
  str,
  superRefine,
  trim,
  union,
  validator,
  withDefault,
  type Schema,
  type Validate,
} from './validate.js';

/** The top-level fields `parseFeed` validates (the version it checks itself). */
export type FeedMetaName = 'title' | 'updated' | 'publisher' | 'languages';

/** What `parseFeed` validates a feed with: each top-level field, and each section's items one by one. */
export interface FeedValidators {
  readonly meta: Readonly<Record<FeedMetaName, Validate>>;
  readonly sections: Readonly<Record<FeedSectionName, Validate>>;
}

// ---------------------------------------------------------------- primitives

const matching = (re: RegExp, key: MessageKey) => str(pattern(re, key));
const id = matching(ID_RE, 'id');
const countryCode = matching(COUNTRY_RE, 'country-code');
const regionCode = matching(REGION_RE, 'region-code');
const languageCode = matching(LANG_RE, 'language-code');
const currency = matching(CURRENCY_RE, 'currency');

/** A non-empty text of at most `max` characters (surrounding spaces removed). */
const text = (max: number) => str(trim, minLength(1), maxLength(max));

/** One text, or one per language; a missing one is "required" (the general message). */
const localized = (max: number) =>
  union([text(max), record(languageCode, text(max), refine(hasKeys, 'localized-empty'))], (issue) =>
    issue.input === undefined ? undefined : message('localized'),
  );

const webUrl = str(maxLength(2048), pattern(WEB_URL_RE, 'web-url'), refine(isWebUrl, 'web-url'));
const email = str(maxLength(254), pattern(EMAIL_RE, 'email'));
const phoneNumber = str(maxLength(30), pattern(PHONE_RE, 'phone'));
const date = str(pattern(DATE_RE, 'date'), refine(isRealDate, 'date'));
const between = (min: number, max: number) => num(gte(min), lte(max));
const wholeBetween = (min: number, max: number) => int(gte(min), lte(max));
const latitude = between(-90, 90);
const longitude = between(-180, 180);

/** An unknown or missing value is read as `value`. */
const openEnum = (values: readonly string[], value: string) => withDefault(fallback(oneOf(values), value), value);
/** An unknown value is left out. */
const optionalOpenEnum = (values: readonly string[]) => fallback(optional(oneOf(values)), undefined);

const listOrEmpty = (item: Schema, max: number) => withDefault(arr(item, max), []);
/** Bad entries are left out (the parser warns about them); absent stays absent. */
const leniently = (item: Schema, max: number) =>
  pipe(arr(fallback(optional(item), undefined), max), (entries: unknown[]) => entries.filter((entry) => entry !== undefined));
/** The same, absent means empty. */
const lenientList = (item: Schema, max: number) => withDefault(leniently(item, max), []);
/** Calendar months, each once; absent means none. */
const monthList = withDefault(arr(wholeBetween(1, 12), 12, undefined, refine(isUnique)), []);
const countryList = arr(countryCode, LIMITS.countries, 1);
/** Major units in the feed, integer minor units once parsed. */
const amount = (min: number) => pipe(num(gte(min), lte(1e12), refine(isWholeCents, 'money')), toCents);
const money = amount(-1e12);

// ---------------------------------------------------------------- items

const region = obj({
  code: regionCode,
  name: localized(120),
  centre: optional(obj({ lat: latitude, lng: longitude })),
});

const country = obj({
  code: countryCode,
  name: localized(120),
  currency,
  locale: languageCode,
  regions: lenientList(region, LIMITS.regions),
  salesTax: optional(obj({ name: text(20), rate: between(0, 100) })),
  extraPay: optional(
    leniently(obj({ id, name: localized(120), month: wholeBetween(1, 12), sharePct: between(0, 200), note: optional(localized(1000)) }), 10),
  ),
  taxRegimes: optional(
    leniently(
      obj(
        {
          id,
          name: localized(120),
          kind: oneOf(TAX_REGIME_KINDS),
          ratePct: optional(between(0, 100)),
          monthlyFee: optional(amount(0)),
          note: optional(localized(1000)),
        },
        superRefine(missingRegimeAmount),
      ),
      10,
    ),
  ),
  seasonPresets: optional(leniently(obj({ id, name: localized(120), high: monthList, low: monthList, note: optional(localized(500)) }), 20)),
});

const topic = obj({
  id,
  name: localized(120),
  description: optional(localized(1000)),
});

const publisherEntry = obj({
  id,
  name: localized(300),
  url: optional(webUrl),
  email: optional(email),
});

const tool = obj({
  id,
  title: localized(300),
  summary: optional(localized(2000)),
  type: openEnum(TOOL_TYPES, 'other'),
  topics: listOrEmpty(id, 30),
  audience: lenientList(oneOf(AUDIENCES), AUDIENCES.length),
  level: optionalOpenEnum(LEVELS),
  countries: optional(countryList),
  languages: listOrEmpty(languageCode, 10),
  url: webUrl,
  format: optionalOpenEnum(TOOL_FORMATS),
  updated: optional(date),
  providerId: optional(id),
  keywords: lenientList(text(80), 40),
  licence: optional(text(200)),
  durationMinutes: optional(wholeBetween(0, 100_000)),
  cashflowTemplateIds: optional(arr(id, 10)),
  planOutlineIds: optional(arr(id, 10)),
  serviceIds: optional(arr(id, 10)),
  publisher: optional(id),
  verified: optional(date),
});

const phone = obj({
  number: phoneNumber,
  type: openEnum(PHONE_TYPES, 'voice'),
  description: optional(localized(120)),
});

const address = obj({
  address1: optional(text(300)),
  city: optional(text(120)),
  region: optional(regionCode),
  postalCode: optional(text(20)),
  country: optional(countryCode),
});

const location = obj({
  name: optional(localized(200)),
  address: optional(address),
  lat: optional(latitude),
  lng: optional(longitude),
});

const provider = obj({
  id,
  name: localized(300),
  alternateName: optional(text(120)),
  kind: openEnum(PROVIDER_KINDS, 'other'),
  description: optional(localized(4000)),
  services: listOrEmpty(id, 60),
  sectors: lenientList(text(80), 40),
  countries: countryList,
  regions: optional(arr(regionCode, LIMITS.regions)),
  cost: optionalOpenEnum(COSTS),
  website: optional(webUrl),
  email: optional(email),
  phones: lenientList(phone, 10),
  locations: lenientList(location, 100),
  hours: optional(localized(300)),
  languages: listOrEmpty(languageCode, 10),
  example: withDefault(bool(), false),
  verified: optional(date),
  publisher: optional(id),
});

const cashflowLine = obj({
  id,
  label: localized(160),
  flow: oneOf(FLOWS, 'flow'),
  group: openEnum(LINE_GROUPS, 'operations'),
  kind: optionalOpenEnum(CASHFLOW_LINE_KINDS),
  hint: optional(localized(1000)),
  amounts: optional(arr(money, 36)),
  preStart: optional(money),
});

const cashflowTemplate = obj({
  id,
  name: localized(160),
  description: optional(localized(2000)),
  sector: optional(localized(120)),
  countries: optional(countryList),
  currency: optional(currency),
  months: optional(wholeBetween(1, 36)),
  firstMonth: optional(wholeBetween(1, 12)),
  lines: arr(cashflowLine, 200, 1),
  serviceIds: optional(arr(id, 10)),
  publisher: optional(id),
});

const question = obj({
  id,
  text: localized(600),
  hint: optional(localized(2000)),
  example: optional(localized(4000)),
});

const planSection: Schema = obj({
  id,
  title: localized(300),
  guidance: optional(localized(8000)),
  questions: listOrEmpty(question, 60),
  toolIds: listOrEmpty(id, 30),
  serviceIds: optional(arr(id, 10)),
  sections: optional(arr(lazy(() => planSection), 40)),
});

const planOutline = obj({
  id,
  name: localized(200),
  description: optional(localized(2000)),
  kind: openEnum(OUTLINE_KINDS, 'other'),
  countries: optional(countryList),
  sections: arr(planSection, 80, 1),
  publisher: optional(id),
});

// ---------------------------------------------------------------- the feed

export const feedValidators: FeedValidators = {
  meta: {
    title: validator(localized(300)),
    updated: validator(optional(date)),
    publisher: validator(optional(obj({ name: localized(300), url: optional(webUrl), email: optional(email) }))),
    languages: validator(optional(arr(languageCode, 20))),
  },
  sections: {
    countries: validator(country),
    topics: validator(topic),
    services: validator(topic),
    publishers: validator(publisherEntry),
    tools: validator(tool),
    providers: validator(provider),
    cashflowTemplates: validator(cashflowTemplate),
    planOutlines: validator(planOutline),
  },
};

/**
 * The validators `parseFeed` and `parseFeedText` use when given none: the ones
 * above, unless a program chooses otherwise for all its parses (the validator
 * CLI chooses zod's: `checkWithZod()` in validate-zod.ts).
 */
export const defaultFeedValidators: { current: FeedValidators } = { current: feedValidators };
