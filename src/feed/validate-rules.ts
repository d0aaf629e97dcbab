/**
 * The plain data of the feed contract, version 1: vocabularies, limits, formats.
 *
 * No zod here: both descriptions of the contract read these — the zod schemas
 * (`schema.ts`, for the validator CLI and the JSON Schema) and the small
 * browser validator (`validate-feed.ts`, for the widgets) — so a vocabulary,
 * a limit or a pattern is written once. `schema.ts` re-exports the public
 * names, which is where consumers import them from.
 */
import type { FeedSectionName } from './schema.js';

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
/**
 * What a cash-flow line is, where the calculator needs to know: `wages` is staff pay
 * (the base of the country's `extraPay`), `extra-pay` a legal bonus on it (aguinaldo…),
 * `drawings` the owner's household draw, `tax` a tax payment (never a purchase with VAT).
 * `sales` and `other-in` are money in; the others money out.
 */
export const CASHFLOW_LINE_KINDS = ['sales', 'other-in', 'cost', 'other-out', 'wages', 'extra-pay', 'drawings', 'tax'] as const;
/**
 * How a tax regime charges: `vat` a rate on sales minus the tax paid on purchases,
 * `gross-sales` a rate on gross sales without credit, `fixed-fee` one fee a month.
 */
export const TAX_REGIME_KINDS = ['vat', 'gross-sales', 'fixed-fee'] as const;
export const OUTLINE_KINDS = ['traditional', 'lean', 'micro', 'other'] as const;

/** The item sections of the feed, in the order of the document (and of the reports). */
export const FEED_SECTION_NAMES: FeedSectionName[] = [
  'countries',
  'topics',
  'services',
  'publishers',
  'tools',
  'providers',
  'cashflowTemplates',
  'planOutlines',
];

// ---------------------------------------------------------------- limits

/** Upper bounds that keep a hostile or broken feed from exhausting a phone. */
export const LIMITS = {
  countries: 50,
  regions: 400,
  topics: 500,
  services: 500,
  publishers: 500,
  tools: 50_000,
  providers: 50_000,
  cashflowTemplates: 500,
  planOutlines: 200,
  /** Deepest nesting of plan sections. */
  sectionDepth: 4,
} as const;

// ---------------------------------------------------------------- formats

export const ID_RE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,79}$/;
export const COUNTRY_RE = /^[A-Z]{2}$/;
export const REGION_RE = /^[A-Z]{2}-[A-Z0-9]{1,3}$/;
export const CURRENCY_RE = /^[A-Z]{3}$/;
export const LANG_RE = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;
/** Written without flags so the JSON Schema pattern means the same. */
export const WEB_URL_RE = /^[Hh][Tt][Tt][Pp][Ss]?:\/\/[^\s/?#@]+(?:[/?#][^\s]*)?$/;
export const EMAIL_RE = /^[^\s@<>()[\]\\,;:"]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}[A-Za-z0-9])?)+$/;
export const PHONE_RE = /^\+?[0-9][0-9 ().-]{2,24}$/;
export const DATE_RE = /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})?)?$/;

/** An absolute `https:` or `http:` address with a host, as the browser's URL parser reads it. */
export function isWebUrl(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** The `YYYY-MM-DD` at the start of `value` is a day of the calendar (no 30 February). */
export function isRealDate(value: string): boolean {
  const [y, m, d] = value.slice(0, 10).split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** At most two decimals (money in major units). */
export const isWholeCents = (n: number): boolean => Math.abs(Math.round(n * 100) - n * 100) < 1e-6;

/** Major units (`1250.5`) to integer minor units (`125050`). */
export const toCents = (n: number): number => Math.round(n * 100);

/** No value twice (a list of calendar months). */
export const isUnique = (list: readonly unknown[]): boolean => new Set(list).size === list.length;

/**
 * A tax regime's amount, which its `kind` needs: `ratePct` for `vat` and `gross-sales`,
 * `monthlyFee` for `fixed-fee`. The issue both validators raise when it is missing: the
 * general "required" one, at that field. A new object each time (zod adds to it).
 */
export function missingRegimeAmount(regime: { kind: string; ratePct?: unknown; monthlyFee?: unknown }) {
  const key = regime.kind === 'fixed-fee' ? 'monthlyFee' : 'ratePct';
  return regime[key] === undefined ? { code: 'invalid_type' as const, expected: 'number' as const, input: undefined, path: [key] } : undefined;
}

/** A localized text object needs one language at least. */
export const hasKeys = (value: object): boolean => Object.keys(value).length > 0;
