/**
 * Files the owner downloads: a CSV for the spreadsheet and a JSON file that
 * imports back exactly. Pure: no DOM, no Lit, no zod; the clock and the locale
 * are parameters.
 *
 * ## The CSV: UTF-16LE with a BOM, TAB-separated, CRLF lines
 *
 * The file must open by double-click, with every column in place and every
 * accent right, in Excel and LibreOffice on computers set to Spanish in El
 * Salvador, Guatemala, Honduras, Nicaragua, the Dominican Republic *and* Spain
 * (many computers in the region run with Spain's regional settings).
 *
 * - **Why not commas or semicolons.** On double-click Excel splits a `.csv` on the
 *   computer's *list separator*: `,` with the five countries' settings, `;` with
 *   Spain's. No one character works for both. The `sep=;` first line fixes the
 *   separator, but then Excel ignores a UTF-8 BOM and reads the file in the ANSI
 *   code page (`Año` becomes `AÃ±o`), and LibreOffice shows `sep=;` as data.
 * - **Why UTF-16LE + BOM + TAB.** It is what Excel itself writes as "Unicode Text":
 *   Excel (Windows, and Mac 2016+) recognises the `FF FE` BOM, decodes every
 *   character, and splits on TAB whatever the list separator. LibreOffice detects
 *   the BOM and its import dialog proposes TAB. A UTF-8 BOM file would need the
 *   right list separator, so it is not used.
 * - **Quoting.** A field is wrapped in `"` (inner `"` doubled) when it holds a TAB,
 *   a quote, a line break, a comma or a semicolon: TAB is the separator, and the
 *   comma and semicolon are quoted too because LibreOffice remembers the separators
 *   the user ticked last time and may split on them.
 * - **Formula injection.** A text field starting with `=`, `+`, `-`, `@`, TAB or CR
 *   (or their full-width forms) gets a leading apostrophe (OWASP's advice), so a
 *   label like `=HYPERLINK(…)` stays text. Numbers are written by this module and
 *   never neutralised, so `-1250` stays a number.
 * - **Numbers.** Amounts are major units as plain numbers, never a thousands
 *   separator. Whole amounts (most of a cash-flow plan) are written without a
 *   decimal part (`1250`), which every spreadsheet reads right whatever its decimal
 *   mark. Amounts with cents need the mark the *computer* uses, which no file can
 *   declare: it is `decimalMark`, by default the decimal mark of `locale` (a point
 *   for `es-SV`, `es-GT`, `es-HN`, `es-NI`, `es-DO`, `es-419` and English; a comma
 *   for `es-ES`). The widget can offer the other mark for an owner whose computer
 *   uses Spain's settings.
 * - **Month headers** are the UI language's short month and year (`ene 2026`,
 *   `Jan 2026`); Excel may show them as dates (`ene-26`), which they are.
 *
 * Rows: the projection's name; the header (line, pre-start, each month, total);
 * one row per line (amounts ≥ 0, the flow is the section they add to); a blank
 * row; total in, total out, net cash flow, opening balance, closing balance. The
 * total column adds the row (opening: the first opening; closing: the last
 * closing).
 */
import { dateFormat, minorUnits, numberFormat } from '../shared/format.js';
import type { CashFlowPlan, Projection } from './projection.js';
import { FILE_FORMAT, FILE_VERSION, isBoundedString, isRecord, LIMITS, own, readPlan } from './plan-file.js';

// The JSON file itself — its checks (shared with the stored drafts, read at start-up), writing
// it, and file names — is in plan-file.ts, which the widget loads with it: saving a copy must
// work even when this module cannot be loaded. Re-exported here, where it was.
export { FILE_FORMAT, FILE_VERSION, fileName, isValidPlan, LIMITS, planToJson, readPlan, type CashFlowFile } from './plan-file.js';

// ---------------------------------------------------------------- CSV

export interface CsvLabels {
  line: string;
  preStart: string;
  total: string;
  totalIn: string;
  totalOut: string;
  net: string;
  opening: string;
  closing: string;
}

/** The MIME type to give the CSV's `Blob`. */
export const CSV_MIME_TYPE = 'text/csv;charset=utf-16le';

const SEPARATOR = '\t';
const NEWLINE = '\r\n';
const FORMULA_START = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;
const NEEDS_QUOTES = /[\t"\r\n,;]/;

/** A text cell: neutralised against formulas, quoted when needed. */
function textCell(value: string): string {
  return quoted(FORMULA_START.test(value) ? `'${value}` : value);
}

function quoted(value: string): string {
  return NEEDS_QUOTES.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Minor units → `1250`, `1250.5`→`1250.50`, `-3.05`; no grouping, `mark` as decimal. */
export function csvNumber(minor: number, minorPerMajor: number, mark: '.' | ','): string {
  const size = Math.abs(Math.round(minor));
  const whole = Math.floor(size / minorPerMajor);
  const fraction = size - whole * minorPerMajor;
  const digits = Math.round(Math.log10(minorPerMajor));
  const text = fraction === 0 || digits <= 0 ? String(whole) : `${whole}${mark}${String(fraction).padStart(digits, '0')}`;
  return size !== 0 && minor < 0 ? `-${text}` : text;
}

/** `'2026-01'` + index → `ene 2026` / `Jan 2026` in `locale`. */
export function monthLabel(startMonth: string, index: number, locale: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(startMonth);
  const serial = Number(match?.[1] ?? 1970) * 12 + Number(match?.[2] ?? 1) - 1 + index;
  const date = new Date(0);
  date.setUTCFullYear(Math.floor(serial / 12), serial - Math.floor(serial / 12) * 12, 1); // years < 100 stay themselves
  return dateFormat(locale, { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date).replace(/\.(?= )/, '');
}

/** The decimal mark `locale` writes (`.` for the region's locales, `,` for `es-ES`). */
export function decimalMarkOf(locale: string): '.' | ',' {
  const mark = numberFormat(locale, { minimumFractionDigits: 1 }).formatToParts(1.5).find((part) => part.type === 'decimal')?.value;
  return mark === ',' ? ',' : '.';
}

/** UTF-16LE bytes with the `FF FE` byte-order mark. */
function utf16le(text: string): Uint8Array {
  const bytes = new Uint8Array(2 + text.length * 2);
  bytes[0] = 0xff;
  bytes[1] = 0xfe;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    bytes[2 + i * 2] = unit & 0xff;
    bytes[3 + i * 2] = unit >> 8;
  }
  return bytes;
}

/**
 * The projection as a spreadsheet file (see the module notes for the format):
 * UTF-16LE bytes with the BOM, TAB-separated, CRLF. `locale` names the months
 * (UI language + country, `es-GT`, `en-GT`); `decimalMark` defaults to the
 * locale's.
 */
export function projectionToCsv(p: {
  name: string;
  plan: CashFlowPlan;
  projection: Projection;
  locale: string;
  labels: CsvLabels;
  decimalMark?: '.' | ',' | undefined;
}): Uint8Array {
  const { name, plan, projection, locale, labels } = p;
  const mark = p.decimalMark ?? decimalMarkOf(locale);
  const perMajor = minorUnits(plan.currency);
  const money = (minor: number | undefined): string => (minor === undefined ? '' : quoted(csvNumber(minor, perMajor, mark)));
  const monthIndexes = Array.from({ length: plan.months }, (_, i) => i);

  const rows: string[][] = [];
  rows.push([textCell(name)]);
  rows.push([
    textCell(labels.line),
    textCell(labels.preStart),
    ...monthIndexes.map((i) => textCell(monthLabel(plan.startMonth, i, locale))),
    textCell(labels.total),
  ]);
  for (const line of plan.lines) {
    const cells = monthIndexes.map((i) => line.amounts[i] ?? 0);
    const total = cells.reduce((sum, value) => sum + value, line.preStart);
    rows.push([textCell(line.label), money(line.preStart), ...cells.map(money), money(total)]);
  }
  rows.push([]);

  const summary = (label: string, pick: (figures: Projection['preStart']) => number, total: 'sum' | 'first' | 'last'): string[] => {
    const values = [projection.preStart, ...monthIndexes.map((i) => projection.months[i])].map((figures) =>
      figures === undefined ? undefined : pick(figures),
    );
    const present = values.filter((value): value is number => value !== undefined);
    const totalValue =
      total === 'sum' ? present.reduce((sum, value) => sum + value, 0) : total === 'first' ? present[0] : present[present.length - 1];
    return [textCell(label), ...values.map(money), money(totalValue)];
  };
  rows.push(summary(labels.totalIn, (f) => f.totalIn, 'sum'));
  rows.push(summary(labels.totalOut, (f) => f.totalOut, 'sum'));
  rows.push(summary(labels.net, (f) => f.net, 'sum'));
  rows.push(summary(labels.opening, (f) => f.opening, 'first'));
  rows.push(summary(labels.closing, (f) => f.closing, 'last'));

  return utf16le(rows.map((row) => row.join(SEPARATOR) + NEWLINE).join(''));
}

// ---------------------------------------------------------------- JSON

export type ImportError = 'not-json' | 'wrong-format' | 'newer-version' | 'invalid';

export type ImportResult =
  | { readonly ok: true; readonly name: string; readonly plan: CashFlowPlan }
  | { readonly ok: false; readonly error: ImportError; readonly detail?: string };

/**
 * Read a `.json` file back. Never throws; checks everything (see {@link readPlan});
 * unknown fields are ignored and dropped; `__proto__` and `constructor` keys are
 * plain data that nothing reads. `detail` says what is wrong, in English, for
 * developers and support.
 */
export function jsonToPlan(text: string): ImportResult {
  if (typeof text !== 'string') return { ok: false, error: 'not-json' };
  if (text.length > LIMITS.fileLength) return { ok: false, error: 'invalid', detail: `the file is larger than ${LIMITS.fileLength} characters` };
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch {
    return { ok: false, error: 'not-json' };
  }
  if (!isRecord(data) || own(data, 'format') !== FILE_FORMAT) return { ok: false, error: 'wrong-format' };
  const version = own(data, 'version');
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, error: 'wrong-format' };
  if (version > FILE_VERSION) return { ok: false, error: 'newer-version', detail: `version ${version}` };
  const name = own(data, 'name');
  if (!isBoundedString(name, LIMITS.nameLength)) {
    return { ok: false, error: 'invalid', detail: `name must be a text of at most ${LIMITS.nameLength} characters` };
  }
  const plan = readPlan(own(data, 'plan'));
  if (!plan.ok) return { ok: false, error: 'invalid', detail: plan.detail };
  return { ok: true, name, plan: plan.plan };
}
