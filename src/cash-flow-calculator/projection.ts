/**
 * The cash-flow model: a plan of monthly cash in and cash out, and its projection.
 *
 * Pure: no DOM, no Lit, no zod, no clock, no locale. It runs in the browser, in
 * Node, in a worker and in benches, and is where every figure the calculator
 * shows comes from.
 *
 * ## Rules
 *
 * - **Integer minor units everywhere.** Every amount in a plan and every figure of
 *   a projection is an integer number of the currency's minor units (cents for
 *   USD, centavos for GTQ, HNL, NIO and DOP). Line amounts are ≥ 0; the line's
 *   `flow` (`in` or `out`) gives the sign. Only the opening balance may be negative
 *   (an overdraft at the start).
 * - **Rounding happens once per cell**, with {@link roundMinor} (half away from
 *   zero), where a real number first becomes money: a helper's cell, a scenario's
 *   cell. Everything after that (totals, nets, balances, cumulative nets) is sums
 *   and differences of integers, so every total adds up exactly, to the cent.
 * - **The pre-start column** (money in and out before the business opens: first
 *   stock, equipment, deposits, a start-up loan) comes before month 1. Its opening
 *   is the plan's opening balance; its closing is the opening of month 1. It is part
 *   of the totals, the cumulative net, the lowest balance, the first negative
 *   balance and the funding needed. It has index `-1` wherever a period index is
 *   returned; months are `0 … months − 1`.
 * - For every period: `net = totalIn − totalOut`, `closing = opening + net`, the
 *   next period's `opening` is this `closing`, and
 *   `closing = openingBalance + cumulativeNet`.
 * - **Lowest balance**: the lowest closing balance over the pre-start column and
 *   all months; on a tie, the earliest period.
 * - **First negative**: the first period whose closing balance is below zero.
 * - **Funding needed** = `max(0, safetyMinimum − lowest closing balance)`: the money
 *   that, added at the start (before the pre-start column), keeps every closing
 *   balance at or above the safety minimum (0 = never below zero).
 * - **Break-even**: the first month with net ≥ 0 after which the cumulative net
 *   never falls again, i.e. the first month of the last unbroken run of months
 *   with net ≥ 0 that reaches the end of the horizon; `null` when the last month's
 *   net is negative. (It is 0 when no month loses money.)
 * - **Runway**: when the last month's net is negative (a burn), how many months
 *   the last closing balance lasts at that burn: `closing / −net`, **rounded down**
 *   to one decimal so the runway is never overstated; `0` when the last closing
 *   balance is already ≤ 0; `null` when the last month's net is ≥ 0.
 * - **Scenarios** ({@link applyScenario}) scale sales lines and cost lines (with
 *   wages and legal bonuses) cell by cell (pre-start cells included), each cell
 *   rounded once. The owner's drawings, taxes and other lines stay as they are.
 *
 * @module
 */

// `Flow` ('in' | 'out') and `LineGroup` ('operations' | 'investment' | 'financing') are
// the feed's own types (a template's lines use the same words): re-exported, types only,
// so there is one definition and the package entry can re-export both modules.
import type { CashflowLineKind, Flow, LineGroup } from '../feed/schema.js';
export type { Flow, LineGroup };

/**
 * What kind of money a line is; lets scenarios, taxes, legal bonuses and the drawings summary
 * tell lines apart. Money in: `sales`, `other-in`. Money out: `cost`, `other-out`, `wages`
 * (staff pay, the base of the legal bonuses), `extra-pay` (a legal bonus: aguinaldo, Bono 14,
 * 13th and 14th month, salario de Navidad), `drawings` (what the owner takes home, "retiro del
 * dueño"), `tax` (a tax payment). The same words as a feed template's line `kind`.
 */
export type LineKind = CashflowLineKind;

/** The kinds of money-in lines; every other kind is money out. */
export const IN_KINDS: readonly LineKind[] = ['sales', 'other-in'];

/** One row of the plan: a source or use of cash with an amount per month. */
export interface CashFlowLine {
  readonly id: string;
  readonly label: string;
  readonly flow: Flow;
  readonly group: LineGroup;
  /**
   * Optional: what kind of money the line is. When absent (or when it contradicts
   * `flow`), {@link lineKind} derives it: `in` + `operations` = `sales`, `out` +
   * `operations` = `cost`, other `in` lines = `other-in`, other `out` lines = `other-out`.
   */
  readonly kind?: LineKind;
  /** Integer minor units, always ≥ 0 (the flow gives the sign). */
  readonly preStart: number;
  /** Integer minor units ≥ 0, exactly `plan.months` entries, month 1 first. */
  readonly amounts: readonly number[];
}

/** A whole projection's input. */
export interface CashFlowPlan {
  /** ISO 4217 (USD, GTQ, HNL, NIO, DOP). */
  readonly currency: string;
  /** The first month, `'YYYY-MM'`. */
  readonly startMonth: string;
  /** The horizon, 1..36 months. */
  readonly months: number;
  /** Minor units, may be negative (overdraft). */
  readonly openingBalance: number;
  /** Minor units ≥ 0 (0 = never below zero). */
  readonly safetyMinimum: number;
  /**
   * Optional: the id of the tax regime the owner chose for this projection (a feed country's
   * `taxRegimes` entry: standard VAT, a small-taxpayer regime…). Only remembered for the
   * calculator's tax helper; the figures come from the lines.
   */
  readonly taxRegime?: string;
  readonly lines: readonly CashFlowLine[];
}

/** The figures of one column: the pre-start column or one month. */
export interface PeriodFigures {
  /** `'pre'` for the pre-start column, else `'YYYY-MM'`. */
  readonly label: string;
  readonly opening: number;
  readonly totalIn: number;
  readonly totalOut: number;
  readonly net: number;
  readonly closing: number;
  /** Cumulative net from the pre-start column through this period. */
  readonly cumulativeNet: number;
}

/** What {@link projectCashFlow} returns. */
export interface Projection {
  readonly preStart: PeriodFigures;
  /** `plan.months` entries. */
  readonly months: readonly PeriodFigures[];
  /** Pre-start included. */
  readonly totals: { readonly in: number; readonly out: number; readonly net: number };
  /** Lowest closing balance and where (-1 = the pre-start column). */
  readonly lowest: { readonly balance: number; readonly index: number };
  /** Index of the first period whose closing balance is below zero (-1 = pre-start), or null. */
  readonly firstNegative: number | null;
  /** Money that must be added at the start so the closing balance never goes below `safetyMinimum` (0 when none). */
  readonly fundingNeeded: number;
  /** First month index with net ≥ 0 after which the cumulative net never falls again, or null. */
  readonly breakEven: number | null;
  /** Months the last closing balance lasts at the last month's burn (net < 0); null when the last month's net ≥ 0; 0 when already ≤ 0. One decimal. */
  readonly runwayMonths: number | null;
}

/** The shortest horizon a plan may have. */
export const MIN_MONTHS = 1;
/** The longest horizon a plan may have. */
export const MAX_MONTHS = 36;
/** The label of the pre-start column in {@link PeriodFigures}. */
export const PRE_START_LABEL = 'pre';

const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;

// ---------------------------------------------------------------- rounding

/**
 * The one rounding helper: a real number of minor units → integer, half away from
 * zero (`2.5 → 3`, `-2.5 → -3`, `2.4999 → 2`).
 *
 * Binary floating point cannot hold most decimal fractions, so a product that is
 * exactly `x.5` in decimal arithmetic may come out as `x.49999999999999` (e.g.
 * `1.005 × 100`). A fraction within a few billionths of one half (a tolerance of
 * `1e-9 + |value| × 1e-14`, far below a cent and far above float noise) counts as
 * one half, so the result matches exact decimal arithmetic. Never returns `-0`.
 *
 * @throws RangeError for `NaN` and infinities.
 */
export function roundMinor(value: number): number {
  if (!Number.isFinite(value)) throw new RangeError(`Cannot round ${value} to minor units.`);
  const magnitude = Math.abs(value);
  let whole = Math.floor(magnitude);
  if (magnitude - whole >= 0.5 - (1e-9 + magnitude * 1e-14)) whole += 1;
  if (whole === 0) return 0;
  return value < 0 ? -whole : whole;
}

// ---------------------------------------------------------------- months

function parseMonth(month: string): { year: number; month: number } {
  const match = MONTH_PATTERN.exec(month);
  if (!match) throw new RangeError(`Not a month (YYYY-MM): ${JSON.stringify(month)}.`);
  return { year: Number(match[1]), month: Number(match[2]) };
}

/** Whether `value` is a month written `'YYYY-MM'` (month 01..12). */
export function isMonth(value: string): boolean {
  return MONTH_PATTERN.test(value);
}

/**
 * `'YYYY-MM'` of month `index` (0-based) from `startMonth`: `monthAt('2026-11', 2)`
 * is `'2027-01'`. A negative index counts back (`-1` is the month before the start).
 *
 * @throws RangeError when `startMonth` is not `'YYYY-MM'` or `index` is not an integer.
 */
export function monthAt(startMonth: string, index: number): string {
  if (!Number.isInteger(index)) throw new RangeError(`A month index must be an integer, not ${index}.`);
  const { year, month } = parseMonth(startMonth);
  const serial = year * 12 + (month - 1) + index;
  const y = Math.floor(serial / 12);
  const m = serial - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

/** The calendar month (1 = January … 12 = December) of month `index` from `startMonth`. */
export function calendarMonthAt(startMonth: string, index: number): number {
  return Number(monthAt(startMonth, index).slice(5, 7));
}

// ---------------------------------------------------------------- checks

/** Whether `value` is a valid horizon: an integer 1..36. */
export function isValidMonths(value: number): boolean {
  return Number.isInteger(value) && value >= MIN_MONTHS && value <= MAX_MONTHS;
}

const isMinor = (value: unknown): value is number => typeof value === 'number' && Number.isSafeInteger(value);

/**
 * Everything wrong with a plan, in plain English for developers (empty when the
 * plan can be projected). Checks: `startMonth` is `'YYYY-MM'`; `months` is an
 * integer 1..36; the opening balance is an integer; the safety minimum an integer
 * ≥ 0; each line has `preStart` and exactly `months` amounts, all integers ≥ 0.
 * (Only what the arithmetic needs: line ids and labels are the caller's business.)
 */
export function planProblems(plan: CashFlowPlan): string[] {
  const problems: string[] = [];
  if (!isMonth(plan.startMonth)) problems.push(`startMonth must be YYYY-MM, not ${JSON.stringify(plan.startMonth)}.`);
  if (!isValidMonths(plan.months)) problems.push(`months must be an integer from ${MIN_MONTHS} to ${MAX_MONTHS}, not ${plan.months}.`);
  if (!isMinor(plan.openingBalance)) problems.push(`openingBalance must be an integer number of minor units, not ${plan.openingBalance}.`);
  if (!isMinor(plan.safetyMinimum) || plan.safetyMinimum < 0) {
    problems.push(`safetyMinimum must be an integer ≥ 0, not ${plan.safetyMinimum}.`);
  }
  for (const line of plan.lines) {
    const name = `line ${JSON.stringify(line.id)}`;
    if (!isMinor(line.preStart) || line.preStart < 0) problems.push(`${name}: preStart must be an integer ≥ 0, not ${line.preStart}.`);
    if (line.amounts.length !== plan.months) {
      problems.push(`${name}: has ${line.amounts.length} amounts for ${plan.months} months.`);
    }
    const bad = line.amounts.findIndex((amount) => !isMinor(amount) || amount < 0);
    if (bad >= 0) problems.push(`${name}: amount ${bad} must be an integer ≥ 0, not ${line.amounts[bad]}.`);
  }
  return problems;
}

// ---------------------------------------------------------------- lines

/** A line's kind: its own `kind` when it agrees with its flow, else derived from flow and group. */
export function lineKind(line: Pick<CashFlowLine, 'flow' | 'group' | 'kind'>): LineKind {
  const { kind, flow, group } = line;
  if (kind !== undefined && (flow === 'in') === IN_KINDS.includes(kind)) return kind;
  if (flow === 'in') return group === 'operations' ? 'sales' : 'other-in';
  return group === 'operations' ? 'cost' : 'other-out';
}

/** A line's total: pre-start plus every month. */
export function lineTotal(line: Pick<CashFlowLine, 'preStart' | 'amounts'>): number {
  let total = line.preStart;
  for (const amount of line.amounts) total += amount;
  return total;
}

/**
 * Month by month, the sum of the plan's lines of one kind (pre-start excluded):
 * `monthlyByKind(plan, 'sales')` and `monthlyByKind(plan, 'cost')` are the inputs
 * for `vatPayments`.
 */
export function monthlyByKind(plan: CashFlowPlan, kind: LineKind): number[] {
  const sums = new Array<number>(plan.months).fill(0);
  for (const line of plan.lines) {
    if (lineKind(line) !== kind) continue;
    for (let i = 0; i < plan.months; i++) sums[i] += line.amounts[i] ?? 0;
  }
  return sums;
}

// ---------------------------------------------------------------- projection

/**
 * Projects a plan: per period opening, in, out, net, closing and cumulative net;
 * totals; lowest balance; first negative balance; funding needed; break-even;
 * runway. See the module's rules.
 *
 * @throws RangeError with the first of {@link planProblems} when the plan is not valid.
 */
export function projectCashFlow(plan: CashFlowPlan): Projection {
  const problems = planProblems(plan);
  if (problems.length > 0) throw new RangeError(`Invalid cash-flow plan: ${problems[0]}`);

  const n = plan.months;
  const ins = new Array<number>(n + 1).fill(0); // [0] = pre-start, [i + 1] = month i
  const outs = new Array<number>(n + 1).fill(0);
  for (const line of plan.lines) {
    const sums = line.flow === 'in' ? ins : outs;
    sums[0] += line.preStart;
    for (let i = 0; i < n; i++) sums[i + 1] += line.amounts[i]!;
  }

  const periods: PeriodFigures[] = [];
  let balance = plan.openingBalance;
  let cumulativeNet = 0;
  let lowest = { balance: 0, index: 0 };
  let firstNegative: number | null = null;
  for (let p = 0; p <= n; p++) {
    const index = p - 1;
    const totalIn = ins[p]!;
    const totalOut = outs[p]!;
    const net = totalIn - totalOut;
    const opening = balance;
    const closing = opening + net;
    cumulativeNet += net;
    periods.push({ label: index < 0 ? PRE_START_LABEL : monthAt(plan.startMonth, index), opening, totalIn, totalOut, net, closing, cumulativeNet });
    if (p === 0 || closing < lowest.balance) lowest = { balance: closing, index };
    if (firstNegative === null && closing < 0) firstNegative = index;
    balance = closing;
  }

  let totalIn = 0;
  let totalOut = 0;
  for (let p = 0; p <= n; p++) {
    totalIn += ins[p]!;
    totalOut += outs[p]!;
  }

  const months = periods.slice(1);
  let breakEven: number | null = n;
  while (breakEven > 0 && months[breakEven - 1]!.net >= 0) breakEven--;
  if (breakEven === n) breakEven = null;

  const last = months[n - 1]!;
  let runwayMonths: number | null = null;
  if (last.net < 0) runwayMonths = last.closing <= 0 ? 0 : tenthsDown(last.closing, -last.net);

  return {
    preStart: periods[0]!,
    months,
    totals: { in: totalIn, out: totalOut, net: totalIn - totalOut },
    lowest,
    firstNegative,
    fundingNeeded: Math.max(0, plan.safetyMinimum - lowest.balance),
    breakEven,
    runwayMonths,
  };
}

/** `numerator / denominator` (both positive integers) rounded down to one decimal, exactly. */
function tenthsDown(numerator: number, denominator: number): number {
  const scaled = numerator * 10;
  let tenths = Math.floor(scaled / denominator);
  // Guard the float division at the edges of an exact multiple.
  if (tenths * denominator > scaled) tenths--;
  else if ((tenths + 1) * denominator <= scaled) tenths++;
  return tenths / 10;
}

// ---------------------------------------------------------------- plan edits

/** A blank plan: given currency and start month, 12 months, no lines, zeros. */
export function blankPlan(currency: string, startMonth: string, months = 12): CashFlowPlan {
  parseMonth(startMonth);
  checkMonths(months);
  return { currency, startMonth, months, openingBalance: 0, safetyMinimum: 0, lines: [] };
}

/**
 * Resize to `months` (1..36): keep existing amounts, pad new months with the line's
 * last amount (or 0), cut extra. Pre-start amounts and everything else are kept.
 * `remembered` (from {@link rememberAmounts}) gives back, month by month, amounts that an
 * earlier, shorter resize cut: a horizon shrunk by mistake and grown again loses nothing.
 *
 * @throws RangeError when `months` is not an integer 1..36.
 */
export function resizePlan(plan: CashFlowPlan, months: number, remembered?: ReadonlyMap<string, readonly number[]>): CashFlowPlan {
  checkMonths(months);
  const lines = plan.lines.map((line) => {
    const known = remembered?.get(line.id) ?? [];
    const full = known.length > line.amounts.length ? [...line.amounts, ...known.slice(line.amounts.length)] : line.amounts;
    const pad = full.length > 0 ? full[full.length - 1]! : 0;
    const amounts = Array.from({ length: months }, (_, i) => (i < full.length ? full[i]! : pad));
    return { ...line, amounts };
  });
  return { ...plan, months, lines };
}

/**
 * Each line's amounts as far as they are known: the plan's own, then what `earlier` held past
 * them (months a shorter horizon cut). Keyed by line id; pass the result to {@link resizePlan}.
 */
export function rememberAmounts(plan: CashFlowPlan, earlier?: ReadonlyMap<string, readonly number[]>): Map<string, number[]> {
  const known = new Map<string, number[]>();
  for (const line of plan.lines) {
    known.set(line.id, [...line.amounts, ...(earlier?.get(line.id) ?? []).slice(line.amounts.length)]);
  }
  return known;
}

/**
 * Scenario: multiply the in-flow `operations` lines by (1 + salesPct/100) and out-flow
 * `operations` lines by (1 + costsPct/100), cell by cell, rounded once per cell (half
 * away from zero). Other lines unchanged.
 *
 * Precisely: lines whose {@link lineKind} is `sales` take `salesPct`, lines of kind
 * `cost`, `wages` or `extra-pay` take `costsPct` (without an explicit `kind`, that is
 * exactly the in/out operations lines above); `drawings`, `tax` and the other kinds
 * stay as they are. Pre-start cells are scaled too. A percentage below −100
 * is treated as −100 (amounts never go below zero).
 */
export function applyScenario(plan: CashFlowPlan, scenario: { readonly salesPct: number; readonly costsPct: number }): CashFlowPlan {
  const { salesPct, costsPct } = scenario;
  if (!Number.isFinite(salesPct) || !Number.isFinite(costsPct)) {
    throw new RangeError(`Scenario percentages must be finite numbers, not ${salesPct} and ${costsPct}.`);
  }
  if (salesPct === 0 && costsPct === 0) return plan;
  // amount × (100 + pct) / 100: one exact product (for integer or short-decimal
  // percentages) and one correctly rounded division, then one rounding per cell.
  const scale = (amount: number, pct: number): number => roundMinor((amount * Math.max(0, 100 + pct)) / 100);
  const lines = plan.lines.map((line) => {
    const kind = lineKind(line);
    const pct = kind === 'sales' ? salesPct : kind === 'cost' || kind === 'wages' || kind === 'extra-pay' ? costsPct : 0;
    if (pct === 0) return line;
    return { ...line, preStart: scale(line.preStart, pct), amounts: line.amounts.map((amount) => scale(amount, pct)) };
  });
  return { ...plan, lines };
}

function checkMonths(months: number): void {
  if (!isValidMonths(months)) throw new RangeError(`A plan has ${MIN_MONTHS} to ${MAX_MONTHS} months, not ${months}.`);
}
