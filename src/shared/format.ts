/**
 * Formatting numbers, money and dates for the user's country, through cached
 * `Intl` formatters. Pure: the locale is always a parameter.
 *
 * Never plain `es` or `es-ES` (they write `1234,5` and `12.345,5`, wrong for every
 * user here): a Spanish page without a country formats as `es-419`.
 */
import type { Country } from '../feed/schema.js';
import type { UiLanguage } from './locale.js';

/** Generic Latin American Spanish: `1,234.5`, like all five countries. */
export const FALLBACK_SPANISH_LOCALE = 'es-419';

/**
 * The locale to format with: the country's own (`es-SV`, `es-GT`…) for a Spanish
 * page, English with the country's region for an English page (`en-SV`…).
 */
export function formatLocale(lang: UiLanguage, country?: Pick<Country, 'code' | 'locale'>): string {
  if (lang === 'en') return country ? `en-${country.code}` : 'en-US';
  const locale = country?.locale;
  if (!locale || /^es(-ES)?$/i.test(locale) || !isLanguageTag(locale)) return FALLBACK_SPANISH_LOCALE;
  return locale;
}

/**
 * The feed's pattern for a locale lets through tags `Intl` refuses (`es-SVX`,
 * `es-12`, `es-SV-SV`); formatting with one would throw in every widget.
 */
function isLanguageTag(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1;
  } catch {
    return false;
  }
}

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator | Intl.PluralRules>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat | Intl.Collator | Intl.PluralRules>(
  key: string,
  make: () => T,
): T {
  let formatter = formatters.get(key) as T | undefined;
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

export function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(`d|${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

export function collator(locale: string): Intl.Collator {
  return cached(`c|${locale}`, () => new Intl.Collator(locale, { sensitivity: 'base', numeric: true }));
}

export function formatNumber(value: number, locale: string): string {
  return numberFormat(locale).format(value);
}

/** Minor units per major unit for a currency (100 for all five currencies here). */
export function minorUnits(currency: string, locale = FALLBACK_SPANISH_LOCALE): number {
  const digits = numberFormat(locale, { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** `125050` USD minor units → `$1,250.50` (es-SV). */
export function formatMoney(minor: number, currency: string, locale: string): string {
  return numberFormat(locale, { style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(
    minor / minorUnits(currency, locale),
  );
}

/**
 * A feed date (`YYYY-MM-DD` or ISO date-time) for people: `4 may 2026`.
 * Date-only values are read as calendar dates (no time-zone shift).
 * Returns `''` for a missing or unreadable date.
 */
export function formatDate(value: string | number | undefined, locale: string, style: 'medium' | 'long' = 'medium'): string {
  if (value === undefined || value === '') return '';
  const dateOnly = typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
  const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
  if (Number.isNaN(date.getTime())) return '';
  return dateFormat(locale, { dateStyle: style, ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(date);
}

/** A time of day (`10:00 a. m.`, `10:00`), as the locale writes it. */
export function formatTime(value: number, locale: string): string {
  return dateFormat(locale, { hour: 'numeric', minute: '2-digit' }).format(value);
}

/** `2026-05` → `may 2026` (short) or `mayo de 2026` (long), in `locale`. */
export function formatMonth(yearMonth: string, locale: string, style: 'short' | 'long' = 'short'): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (!match) return yearMonth;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, 1));
  return dateFormat(locale, { month: style, year: 'numeric', timeZone: 'UTC' }).format(date);
}

/** The current month as `YYYY-MM` (local time of `now`). */
export function currentMonth(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
}
