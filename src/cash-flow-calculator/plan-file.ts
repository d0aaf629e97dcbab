/**
 * The projection's JSON file: the checks of a plan read from outside the widget — a stored draft
 * (drafts.ts) or an imported file (export.ts) — by hand, with its bounds; writing the file; and
 * file names. Pure: no DOM, no Lit, no zod.
 *
 * Loaded with the widget, unlike the CSV and the import (export.ts, loaded on first use): stored
 * drafts are read at start-up, and "Save a copy" — the way out when the device cannot save — must
 * work even offline, when a part that was never loaded cannot be.
 */
import { CASHFLOW_LINE_KINDS } from '../feed/validate-rules.js';
import type { CashFlowLine, CashFlowPlan, LineKind } from './projection.js';

/** Bounds of an importable plan (and of a stored draft). */
export const LIMITS = {
  nameLength: 120,
  labelLength: 160,
  idLength: 64,
  lines: 200,
  minMonths: 1,
  maxMonths: 36,
  /** 1e12 major units of a two-decimal currency, as in the amount input. */
  maxAmount: 1e14,
  /** A file larger than this is not read at all (a real plan is far below 1 MB). */
  fileLength: 2_000_000,
} as const;

const CURRENCY = /^[A-Z]{3}$/;
const MONTH = /^\d{4}-(?:0[1-9]|1[0-2])$/;
const FLOWS: ReadonlySet<string> = new Set(['in', 'out']);
const GROUPS: ReadonlySet<string> = new Set(['operations', 'investment', 'financing']);
const KINDS: ReadonlySet<string> = new Set<string>(CASHFLOW_LINE_KINDS);
const isKind = (value: unknown): value is LineKind => typeof value === 'string' && KINDS.has(value);


export type Fields = Readonly<Record<string, unknown>>;

export const isRecord = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

/** An own property only: nothing comes from a (possibly polluted) prototype. */
export function own(record: Fields, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

const isAmount = (value: unknown, min: number): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= min && value <= LIMITS.maxAmount;

export const isBoundedString = (value: unknown, max: number): value is string => typeof value === 'string' && value.length <= max;

/** Why a line is not valid, or the clean line. */
function readLine(value: unknown, months: number, at: string): CashFlowLine | string {
  if (!isRecord(value)) return `${at} is not an object`;
  const id = own(value, 'id');
  const label = own(value, 'label');
  const flow = own(value, 'flow');
  const group = own(value, 'group');
  const kind = own(value, 'kind');
  const preStart = own(value, 'preStart');
  const amounts = own(value, 'amounts');
  if (!isBoundedString(id, LIMITS.idLength) || id === '') return `${at}.id must be a text of 1 to ${LIMITS.idLength} characters`;
  if (!isBoundedString(label, LIMITS.labelLength)) return `${at}.label must be a text of at most ${LIMITS.labelLength} characters`;
  if (typeof flow !== 'string' || !FLOWS.has(flow)) return `${at}.flow must be "in" or "out"`;
  if (typeof group !== 'string' || !GROUPS.has(group)) return `${at}.group must be operations, investment or financing`;
  if (kind !== undefined && !isKind(kind)) return `${at}.kind is not a known kind`;
  if (!isAmount(preStart, 0)) return `${at}.preStart must be an integer number of minor units ≥ 0`;
  if (!Array.isArray(amounts)) return `${at}.amounts must be a list`;
  if (amounts.length !== months) return `${at}.amounts has ${amounts.length} values for ${months} months`;
  const clean: number[] = [];
  for (let i = 0; i < amounts.length; i++) {
    const amount: unknown = amounts[i];
    if (!isAmount(amount, 0)) return `${at}.amounts[${i}] must be an integer number of minor units ≥ 0`;
    clean.push(amount);
  }
  return {
    id,
    label,
    flow: flow === 'in' ? 'in' : 'out',
    group: group === 'operations' ? 'operations' : group === 'investment' ? 'investment' : 'financing',
    ...(isKind(kind) ? { kind } : {}),
    preStart,
    amounts: clean,
  };
}

/**
 * Validate anything as a plan, by hand: the clean plan (known fields only, fresh
 * objects, nothing shared with the input) or why it is not one.
 */
export function readPlan(value: unknown): { readonly ok: true; readonly plan: CashFlowPlan } | { readonly ok: false; readonly detail: string } {
  const bad = (detail: string) => ({ ok: false as const, detail });
  if (!isRecord(value)) return bad('plan is not an object');
  const currency = own(value, 'currency');
  const startMonth = own(value, 'startMonth');
  const months = own(value, 'months');
  const openingBalance = own(value, 'openingBalance');
  const safetyMinimum = own(value, 'safetyMinimum');
  const lines = own(value, 'lines');
  const taxRegime = own(value, 'taxRegime');
  if (typeof currency !== 'string' || !CURRENCY.test(currency)) return bad('plan.currency must be an ISO 4217 code (three capital letters)');
  if (typeof startMonth !== 'string' || !MONTH.test(startMonth)) return bad('plan.startMonth must be YYYY-MM');
  if (typeof months !== 'number' || !Number.isInteger(months) || months < LIMITS.minMonths || months > LIMITS.maxMonths) {
    return bad(`plan.months must be an integer from ${LIMITS.minMonths} to ${LIMITS.maxMonths}`);
  }
  if (!isAmount(openingBalance, -LIMITS.maxAmount)) return bad('plan.openingBalance must be an integer number of minor units');
  if (!isAmount(safetyMinimum, 0)) return bad('plan.safetyMinimum must be an integer number of minor units ≥ 0');
  if (taxRegime !== undefined && (!isBoundedString(taxRegime, LIMITS.idLength) || taxRegime === '')) {
    return bad(`plan.taxRegime must be a text of 1 to ${LIMITS.idLength} characters`);
  }
  if (!Array.isArray(lines)) return bad('plan.lines must be a list');
  if (lines.length > LIMITS.lines) return bad(`plan.lines has ${lines.length} lines; at most ${LIMITS.lines}`);
  const clean: CashFlowLine[] = [];
  const ids = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = readLine(lines[i], months, `plan.lines[${i}]`);
    if (typeof line === 'string') return bad(line);
    if (ids.has(line.id)) return bad(`plan.lines[${i}].id ${JSON.stringify(line.id)} appears twice`);
    ids.add(line.id);
    clean.push(line);
  }
  return {
    ok: true,
    plan: { currency, startMonth, months, openingBalance, safetyMinimum, ...(taxRegime !== undefined ? { taxRegime } : {}), lines: clean },
  };
}

/** Whether `value` is a valid plan (the same checks as an import). */
export function isValidPlan(value: unknown): value is CashFlowPlan {
  return readPlan(value).ok;
}

// ---------------------------------------------------------------- JSON

/** The JSON file that imports back exactly. */
export interface CashFlowFile {
  readonly format: 'infomipyme-cash-flow';
  readonly version: 1;
  readonly exportedAt: string;
  readonly name: string;
  readonly plan: CashFlowPlan;
}

export const FILE_FORMAT = 'infomipyme-cash-flow';
export const FILE_VERSION = 1;

/** A copy of the plan with only its known fields, in a stable order. */
function cleanPlan(plan: CashFlowPlan): CashFlowPlan {
  return {
    currency: plan.currency,
    startMonth: plan.startMonth,
    months: plan.months,
    openingBalance: plan.openingBalance,
    safetyMinimum: plan.safetyMinimum,
    ...(plan.taxRegime !== undefined ? { taxRegime: plan.taxRegime } : {}),
    lines: plan.lines.map(
      (line): CashFlowLine => ({
        id: line.id,
        label: line.label,
        flow: line.flow,
        group: line.group,
        ...(line.kind !== undefined ? { kind: line.kind } : {}),
        preStart: line.preStart,
        amounts: [...line.amounts],
      }),
    ),
  };
}

/** The `.json` file's text: `{ format, version: 1, exportedAt, name, plan }`, indented. */
export function planToJson(name: string, plan: CashFlowPlan, now: Date): string {
  const file: CashFlowFile = { format: FILE_FORMAT, version: FILE_VERSION, exportedAt: now.toISOString(), name, plan: cleanPlan(plan) };
  return `${JSON.stringify(file, null, 2)}\n`;
}

// ---------------------------------------------------------------- file names

/** `mi-tienda` from `Mi Tiénda!`: ASCII letters, digits and single hyphens, at most 60 characters. */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
}

/**
 * A file name safe on every OS: `flujo-de-caja-mi-tienda-2026-11-27.csv`. The
 * date is the local calendar day of `date`. Accents are dropped, anything else
 * becomes a hyphen; an empty or unusable name leaves only the prefix and date.
 * `prefix` (default `flujo-de-caja`) lets an English page say `cash-flow`.
 */
export function fileName(name: string, extension: 'csv' | 'json', date: Date, prefix = 'flujo-de-caja'): string {
  const day = Number.isNaN(date.getTime())
    ? ''
    : `${String(date.getFullYear()).padStart(4, '0')}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  const stem = [slug(prefix), slug(name), day].filter((part) => part !== '').join('-');
  return `${stem || 'export'}.${extension}`;
}
