/**
 * What owners type into a money cell, read the region's way: comma thousands,
 * point decimals (`1,250.50`), with or without a currency symbol or code
 * (`Q 1,250`, `RD$ 2,000`, `L1,500`, `C$ 300`, `US$10`, `USD 10`, `GTQ 1,250`).
 *
 * Pure: no DOM, no Lit. The result is integer minor units, computed from the
 * digits as text (never through a float), so `0.29` is exactly `29`.
 *
 * Tolerated: surrounding and non-breaking spaces (U+00A0, U+202F, U+2007), a
 * space after the symbol, lower case (`q 50`), a symbol or code after the
 * number (`1250 GTQ`), `Q.` and `Lps.` as written on Guatemalan and Honduran
 * receipts, `+5`, a leading or trailing point (`.5`, `5.`), the Unicode minus
 * sign. Refused: anything else, with the reason, so the cell can say what to fix.
 */
import { numberFormat } from '../shared/format.js';

export type AmountError = 'format' | 'decimals' | 'negative' | 'too-large' | 'comma-decimal';

export type AmountResult = { readonly ok: true; readonly minor: number } | { readonly ok: false; readonly error: AmountError };

export interface AmountOptions {
  /** Accept `-5` and `(5)` (the opening balance can be an overdraft). Default false. */
  readonly allowNegative?: boolean;
  /** Minor units per major unit, a power of ten. Default 100 (all five currencies). */
  readonly minorPerMajor?: number;
}

/** The largest amount accepted, in major units (one trillion). */
export const MAX_MAJOR_UNITS = 1e12;

/** Symbols and codes accepted before or after the number, longest first. */
const SYMBOL = String.raw`(?:US\$|RD\$|C\$|\$|USD|GTQ|HNL|NIO|DOP|Lps\.?|Q\.?|L)`;
const PREFIX = new RegExp(`^${SYMBOL}\\s*`, 'i');
const SUFFIX = new RegExp(`\\s*${SYMBOL}$`, 'i');

/** `1,250` / `1,250,000` (groups of three) or plain digits, then optional decimals. */
const REGION_NUMBER = /^(\d{1,3}(?:,\d{3})+|\d*)(?:\.(\d*))?$/;
/** The Spain way: `1.250`, `1.250.000`, `1.250,50`, `12,5`, `1250,50`. */
const SPAIN_NUMBER = /^(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d*)?|\d+,\d{1,2})$/;

const SPACES = /[\u00a0\u2007\u202f\t]/g;
const fail = (error: AmountError): AmountResult => ({ ok: false, error });

function digitsOf(minorPerMajor: number): number | undefined {
  const digits = Math.round(Math.log10(minorPerMajor));
  return Number.isInteger(minorPerMajor) && minorPerMajor >= 1 && 10 ** digits === minorPerMajor ? digits : undefined;
}

/**
 * Parse typed money in the region's way. `""` (or only spaces) is 0.
 * Errors: `format` (not a number), `decimals` (more than the currency has),
 * `negative` (unless `allowNegative`), `too-large` (above one trillion),
 * `comma-decimal` (written the Spain way, `1.250,50` or `12,5`: tell the owner
 * to use a point for decimals).
 */
export function parseAmount(text: string, options: AmountOptions = {}): AmountResult {
  const minorPerMajor = options.minorPerMajor ?? 100;
  const digits = digitsOf(minorPerMajor);
  if (digits === undefined) throw new RangeError(`minorPerMajor must be a power of ten, got ${minorPerMajor}`);

  let rest = text.replace(SPACES, ' ').replace(/\u2212/g, '-').trim();
  if (rest === '') return { ok: true, minor: 0 };

  // At most one sign: a leading "-"/"+" or parentheses, before or after the symbol.
  let sign: '-' | '+' | undefined;
  const takeSign = (): boolean => {
    const paren = /^\((.*)\)$/.exec(rest);
    const lead = /^([-+])\s*(.*)$/.exec(rest);
    if (sign !== undefined) return !(paren || lead); // a second sign is a format error
    if (paren) {
      sign = '-';
      rest = (paren[1] ?? '').trim();
    } else if (lead) {
      sign = lead[1] === '-' ? '-' : '+';
      rest = lead[2] ?? '';
    }
    return true;
  };

  if (!takeSign()) return fail('format');
  const withoutPrefix = rest.replace(PREFIX, '');
  const hadPrefix = withoutPrefix !== rest;
  rest = withoutPrefix;
  if (!takeSign()) return fail('format');
  if (!hadPrefix) rest = rest.replace(SUFFIX, '');
  rest = rest.trim();
  if (/^[-+(]/.test(rest)) return fail('format');

  const match = REGION_NUMBER.exec(rest);
  const spain = SPAIN_NUMBER.test(rest);
  if (!match) return fail(spain ? 'comma-decimal' : 'format');
  const whole = (match[1] ?? '').replace(/,/g, '');
  const fraction = match[2] ?? '';
  if (whole === '' && fraction === '') return fail('format'); // "." or a lone symbol
  // "1.250" is a thousand and a quarter written the Spain way, not 1.25 with three decimals.
  if (fraction.length > digits) return fail(spain ? 'comma-decimal' : 'decimals');

  const significant = whole.replace(/^0+/, '');
  const limitDigits = String(MAX_MAJOR_UNITS).length; // 13
  if (significant.length > limitDigits) return fail('too-large');
  const minor = Number(significant || '0') * minorPerMajor + Number(fraction.padEnd(digits, '0') || '0');
  if (minor > MAX_MAJOR_UNITS * minorPerMajor) return fail('too-large');

  if (sign === '-') {
    if (!options.allowNegative) return fail('negative');
    return { ok: true, minor: minor === 0 ? 0 : -minor };
  }
  return { ok: true, minor };
}

/**
 * The text an input cell shows for an amount: `125050` → `1,250.50` (grouped,
 * always the currency's decimals, no symbol), with the locale's separators from
 * `Intl` (pass the country's locale, `es-GT`…, never `es-ES`). 0 → `""`, so an
 * empty cell stays empty. Exact for any safe integer (no float division).
 */
export function amountForInput(minor: number, locale: string, minorPerMajor = 100): string {
  if (minor === 0 || !Number.isFinite(minor)) return '';
  const digits = digitsOf(minorPerMajor) ?? 2;
  const size = Math.abs(Math.round(minor));
  const whole = Math.floor(size / minorPerMajor);
  const fraction = size - whole * minorPerMajor;
  const grouped = numberFormat(locale, { maximumFractionDigits: 0, useGrouping: true }).format(whole);
  const parts = numberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1.5);
  const decimal = parts.find((part) => part.type === 'decimal')?.value ?? '.';
  const minus = numberFormat(locale).formatToParts(-1).find((part) => part.type === 'minusSign')?.value ?? '-';
  const text = digits > 0 ? `${grouped}${decimal}${String(fraction).padStart(digits, '0')}` : grouped;
  return minor < 0 ? `${minus}${text}` : text;
}

export type PastedRow =
  | { readonly ok: true; readonly values: number[] }
  | { readonly ok: false; readonly column: number; readonly error: AmountError };

/**
 * A row pasted from a spreadsheet: cells separated by tabs (Excel, LibreOffice,
 * Google Sheets) or semicolons; of several lines, the first that is not blank.
 * A comma never separates cells (it is the thousands separator here). Each
 * cell goes through {@link parseAmount}; an empty cell is 0; a cell wrapped in
 * double quotes is unwrapped. Returns every value, or the first error and its
 * 0-based column.
 */
export function parsePastedRow(text: string, options: AmountOptions = {}): PastedRow {
  const lines = text.split(/\r\n|\n|\r/);
  const line = lines.find((candidate) => candidate.trim() !== '') ?? '';
  const separator = line.includes('\t') ? '\t' : line.includes(';') ? ';' : undefined;
  const cells = separator ? line.split(separator) : [line];
  const values: number[] = [];
  for (const [column, cell] of cells.entries()) {
    const trimmed = cell.trim();
    const unquoted = /^"(.*)"$/s.exec(trimmed)?.[1]?.replace(/""/g, '"') ?? trimmed;
    const result = parseAmount(unquoted, options);
    if (!result.ok) return { ok: false, column, error: result.error };
    values.push(result.minor);
  }
  return { ok: true, values };
}
