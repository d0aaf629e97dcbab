/**
 * The cash realities of small firms in El Salvador, Guatemala, Honduras, Nicaragua and the
 * Dominican Republic, as line amounts: the legal bonuses on wages (aguinaldo, Bono 14, 13th and
 * 14th month, salario de Navidad), the tax regimes (VAT, a tax on gross sales, a fixed monthly
 * fee), microfinance loans repaid weekly or fortnightly (interest on the balance or "flat", on
 * the original amount), sales on credit to known customers (*fiado*) collected weeks later with
 * some never paid, seasons marked high / normal / low without numbers, and what the owner's
 * drawings do to the cash.
 *
 * Pure: no DOM, no Lit, no clock, no locale (like projection.ts and line-helpers.ts, which it
 * builds on). Every amount is an integer number of minor units, one entry per projection month
 * (month 1 first); each cell is computed in floating point and rounded **once** with
 * {@link roundMinor} (half away from zero). Where an amount is split into parts the parts add
 * up exactly, to the cent.
 *
 * **Weeks and calendar dates.** Weekly and fortnightly instalments and the collection of fiado
 * fall on real calendar dates: a date plus 7 days is a week later, across month and year ends,
 * with leap years (29 February 2028) counted. A date belongs to the projection month of its
 * calendar month; a date after the last month of the horizon is outside the projection.
 *
 * Every function checks its arguments and throws a `RangeError` naming the first wrong one.
 * Nothing here is tax, legal or financial advice: rates, shares and fees are defaults the owner
 * can change.
 *
 * @module
 */
// The tax-regime vocabulary is the feed's own (a country's `taxRegimes[].kind`): re-exported,
// type only, so there is one definition and the package entry can re-export both modules.
import type { TaxRegimeKind } from '../feed/schema.js';
import { minorSeries, zeros } from './checks.js';
import { amortisation, loan, seasonal, vatPayments, type Amortisation } from './line-helpers.js';
import { calendarMonthAt, monthAt, monthlyByKind, roundMinor, type CashFlowPlan } from './projection.js';

export type { TaxRegimeKind };

// ---------------------------------------------------------------- argument checks

function integer(name: string, value: number, min: number, max = Number.MAX_SAFE_INTEGER): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min}${max < Number.MAX_SAFE_INTEGER ? ` to ${max}` : ' up'}, not ${value}.`);
  }
  return value;
}

function between(name: string, value: number, min: number, max = Infinity): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ' up'}, not ${value}.`);
  }
  return value;
}


// ---------------------------------------------------------------- calendar

/** The year and month (1..12) of a `'YYYY-MM'` start month; a RangeError when it is not one. */
function startOf(startMonth: string): { year: number; month: number } {
  const first = monthAt(startMonth, 0); // throws RangeError unless 'YYYY-MM'
  return { year: Number(first.slice(0, 4)), month: Number(first.slice(5, 7)) };
}

/** Days in a calendar month (Gregorian: February has 29 days in 2028, 28 in 2100). */
function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0); // day 0 of the next month = the last day of this one
  return date.getUTCDate();
}

/**
 * The projection month index (0 = the start month) of the date `days` days after day `day` of
 * projection month `index`: UTC date arithmetic, so month ends, year ends and leap years are
 * right. `setUTCFullYear` (not `Date.UTC`) keeps years below 100 as written.
 */
function monthIndexAfter(start: { year: number; month: number }, index: number, day: number, days: number): number {
  const date = new Date(0);
  date.setUTCFullYear(start.year, start.month - 1 + index, day + days);
  return (date.getUTCFullYear() - start.year) * 12 + date.getUTCMonth() - (start.month - 1);
}

// ---------------------------------------------------------------- legal bonuses on wages

/**
 * One legal bonus ("extra pay"): the calendar month it is paid in and its share of that month's
 * wages. The sample feed's rules: El Salvador's aguinaldo `{ month: 12, sharePct: 50 }` (15 days
 * of 30, the minimum for 1 to 3 years of service); Guatemala's Bono 14 `{ month: 7, sharePct: 100 }`
 * and aguinaldo `{ month: 12, sharePct: 100 }`; Honduras's 14th month `{ month: 6, sharePct: 100 }`
 * and 13th month `{ month: 12, sharePct: 100 }`; Nicaragua's 13th month `{ month: 12, sharePct: 100 }`;
 * the Dominican Republic's salario de Navidad `{ month: 12, sharePct: 100 }`.
 */
export interface ExtraPayRule {
  /** The calendar month it is paid in: 1 = January … 12 = December. */
  readonly month: number;
  /** Its share of that month's wages, in percent: 0..200 (100 = one month's pay). */
  readonly sharePct: number;
}

/**
 * A legal bonus month by month: for each month index `i` of `wages` (one entry per projection
 * month, from `startMonth`), when the calendar month of `i` is `rule.month` the cell is
 * `roundMinor(wages[i] × rule.sharePct / 100)`, else 0.
 *
 * The base is **that month's** wages (what the staff earn in the month the bonus is paid), not a
 * yearly average: raise the share when pay rose during the year. Every occurrence of the month in
 * the horizon gets the bonus: a 24-month horizon has two Decembers, so two aguinaldos.
 *
 * @throws RangeError unless `rule.month` is an integer 1..12, `rule.sharePct` a finite number
 *   0..200, every wage an integer ≥ 0 and `startMonth` is `'YYYY-MM'`.
 */
export function extraPayAmounts(wages: readonly number[], startMonth: string, rule: ExtraPayRule): number[] {
  minorSeries('wages', wages);
  startOf(startMonth);
  integer('rule.month', rule.month, 1, 12);
  between('rule.sharePct', rule.sharePct, 0, 200);
  return wages.map((wage, i) => (calendarMonthAt(startMonth, i) === rule.month ? roundMinor((wage * rule.sharePct) / 100) : 0));
}

/**
 * The staff pay of each month: the sum of the plan's money-out lines whose kind
 * ({@link lineKind}) is `wages`, one entry per month (the pre-start column excluded: the base
 * of {@link extraPayAmounts}). A line marked `wages` but flowing in is not wages (its kind is
 * then derived from its flow and group).
 */
export function wagesByMonth(plan: CashFlowPlan): number[] {
  return monthlyByKind(plan, 'wages');
}

// ---------------------------------------------------------------- tax regimes

/**
 * How a tax regime charges, with its rate or fee:
 * - `vat` (IVA / ISV / ITBIS): `ratePct` on sales minus the tax on purchases.
 * - `gross-sales` (Guatemala's pequeño contribuyente 5 %, the Dominican RST): `ratePct` of the
 *   gross sales as received, with no credit for purchases.
 * - `fixed-fee` (Nicaragua's cuota fija): `monthlyFee` minor units a month whatever the sales.
 */
export interface TaxRule {
  readonly kind: TaxRegimeKind;
  /** Percent, 0..100; required for `vat` and `gross-sales`, ignored for `fixed-fee`. */
  readonly ratePct?: number;
  /** Minor units, an integer ≥ 0 (C$500.00 = 50000); required for `fixed-fee`, ignored otherwise. */
  readonly monthlyFee?: number;
}

/**
 * The tax payments of a regime, month by month. In every regime each month's tax is paid **the
 * month after** (the usual monthly declaration): month 1 pays nothing (the declaration for the
 * month before the plan is not part of it) and the last month's tax is `dueAfterEnd`.
 *
 * - `vat`: exactly {@link vatPayments} (tax on sales minus tax on purchases, each rounded once;
 *   a negative difference is carried forward as a credit, never refunded; `creditAtEnd` is the
 *   credit left). `pricesIncludeTax` says whether the amounts include the tax.
 * - `gross-sales`: month `i`'s tax is `roundMinor(sales[i] × ratePct / 100)` on the sales as
 *   received (the amounts as they are: `pricesIncludeTax` is ignored), purchases give no
 *   credit; `creditAtEnd` is 0.
 * - `fixed-fee`: `monthlyFee` for every month whatever the sales (even a month without sales),
 *   so `payments` is `[0, fee, fee, …]` and `dueAfterEnd` is the fee; `creditAtEnd` is 0.
 *
 * `payments` has one entry per month of `sales` (with no months: `[]` and nothing due).
 *
 * @throws RangeError when `rule.kind` is not one of the three; when `ratePct` is missing or
 *   not 0..100 for `vat` and `gross-sales`; when `monthlyFee` is missing or not an integer ≥ 0
 *   for `fixed-fee`; when a sale or purchase is not an integer ≥ 0; or when `sales` and
 *   `purchases` differ in length (checked in every regime, so a caller's mistake shows whatever
 *   the regime).
 */
export function taxPayments(p: { rule: TaxRule; sales: readonly number[]; purchases: readonly number[]; pricesIncludeTax: boolean }): {
  payments: number[];
  dueAfterEnd: number;
  creditAtEnd: number;
} {
  const { rule, sales, purchases, pricesIncludeTax } = p;
  minorSeries('sales', sales);
  minorSeries('purchases', purchases);
  if (sales.length !== purchases.length) {
    throw new RangeError(`sales (${sales.length} months) and purchases (${purchases.length} months) must have the same length.`);
  }
  const rate = (): number => {
    if (rule.ratePct === undefined) throw new RangeError(`A ${rule.kind} tax regime needs ratePct.`);
    return between('ratePct', rule.ratePct, 0, 100);
  };
  switch (rule.kind) {
    case 'vat':
      return vatPayments({ sales, purchases, ratePct: rate(), pricesIncludeTax });
    case 'gross-sales': {
      const ratePct = rate();
      return paidMonthAfter(sales.map((sale) => roundMinor((sale * ratePct) / 100)));
    }
    case 'fixed-fee': {
      if (rule.monthlyFee === undefined) throw new RangeError('A fixed-fee tax regime needs monthlyFee.');
      const fee = integer('monthlyFee', rule.monthlyFee, 0);
      return paidMonthAfter(sales.map(() => fee));
    }
    default:
      throw new RangeError(`Unknown tax regime kind: ${JSON.stringify((rule as { kind: unknown }).kind)}.`);
  }
}

/** Each month's tax paid the month after: `[0, tax₀, tax₁, …]`, the last month's tax due after the end. */
function paidMonthAfter(tax: readonly number[]): { payments: number[]; dueAfterEnd: number; creditAtEnd: number } {
  const payments = zeros(tax.length);
  for (let i = 0; i + 1 < tax.length; i++) payments[i + 1] = tax[i]!;
  return { payments, dueAfterEnd: tax.length > 0 ? tax[tax.length - 1]! : 0, creditAtEnd: 0 };
}

// ---------------------------------------------------------------- microfinance instalments

/** How often a loan's instalments (cuotas) fall due. */
export type InstalmentFrequency = 'weekly' | 'fortnightly' | 'monthly';

/**
 * How a loan's interest is charged:
 * - `declining`: on the balance still owed (French amortisation, level instalments);
 * - `flat`: on the **original** amount every period, as many microfinance institutions quote it
 *   ("2 % flat a month"), so the interest does not fall as the loan is repaid.
 */
export type InterestMethod = 'declining' | 'flat';

const FREQUENCIES: readonly InstalmentFrequency[] = ['weekly', 'fortnightly', 'monthly'];
const METHODS: readonly InterestMethod[] = ['declining', 'flat'];
/** Instalment periods in a year: the yearly rate is divided by these. */
const PERIODS_PER_YEAR: Readonly<Record<InstalmentFrequency, number>> = { weekly: 52, fortnightly: 26, monthly: 12 };
/** The most instalments a loan may have (ten years of weekly cuotas). */
const MAX_INSTALMENTS = 520;

function frequencyOf(frequency: InstalmentFrequency): InstalmentFrequency {
  if (!FREQUENCIES.includes(frequency)) throw new RangeError(`frequency must be weekly, fortnightly or monthly, not ${JSON.stringify(frequency)}.`);
  return frequency;
}

/**
 * `total` minor units in `parts` equal whole parts, `roundMinor(total / parts)` each, the last
 * one absorbing the remainder, so the parts add up exactly to `total` (the way {@link amortisation}
 * splits an interest-free loan). A part never exceeds what is left, so with a few cents over many
 * parts the later ones can be 0, never negative.
 */
function equalParts(total: number, parts: number): number[] {
  const part = roundMinor(total / parts);
  const shares: number[] = [];
  let left = total;
  for (let k = 0; k < parts; k++) {
    const share = k === parts - 1 ? left : Math.min(left, part);
    shares.push(share);
    left -= share;
  }
  return shares;
}

/**
 * The schedule of a loan with flat interest: the total interest is
 * `roundMinor(amount × annualRatePct / 100 × instalments / periodsPerYear)` (the rate on the
 * original amount for every period), and both the amount and that interest are split in equal
 * parts ({@link equalParts}, the last absorbing the remainder); each payment is its principal
 * part plus its interest part.
 */
function flatSchedule(amount: number, annualRatePct: number, instalments: number, periodsPerYear: number): Amortisation {
  const totalInterest = roundMinor((amount * annualRatePct * instalments) / (100 * periodsPerYear));
  const principal = equalParts(amount, instalments);
  const interest = equalParts(totalInterest, instalments);
  return { payments: principal.map((part, k) => part + interest[k]!), interest, principal };
}

/**
 * A loan repaid in instalments, monthly, fortnightly or weekly, as microfinance institutions do,
 * laid on the projection's months. `method` says how the interest is charged (`'declining'` when
 * left out):
 *
 * - `declining` (French amortisation: equal instalments, interest on the balance still owed):
 *   - `monthly`: exactly {@link loan} with `termMonths = instalments` (received in month
 *     `receivedIndex`, the first payment the month after, one payment a month).
 *   - `weekly` / `fortnightly`: the schedule is `amortisation(amount, annualRatePct × 12 / 52,
 *     instalments)` (resp. `× 12 / 26`), i.e. equal instalments with interest at
 *     `annualRatePct / 52` (resp. `/ 26`) per period on the balance still owed; each period's
 *     interest is rounded once and the last instalment absorbs the rounding, so the principal
 *     parts add up exactly to the amount.
 * - `flat` (interest on the original amount every period), for every frequency with
 *   `periodsPerYear` 52, 26 or 12: the total interest is `roundMinor(amount × annualRatePct / 100
 *   × instalments / periodsPerYear)`; the amount and the total interest are each split in equal
 *   whole minor units (`roundMinor(total / instalments)`, as an interest-free declining loan is)
 *   with the **last** instalment absorbing the remainder, so the principal parts add up exactly
 *   to the amount and the interest parts to the total interest; each payment is its principal
 *   part plus its interest part. At 0 % a flat loan is the declining one. See
 *   {@link flatEquivalentRate} for what a flat rate costs on the balance.
 *
 * Placement, whatever the method: a monthly loan's instalment `k` (0-based) is in month
 * `receivedIndex + 1 + k` (as {@link loan}). A weekly or fortnightly loan is received on day 1
 * of month `receivedIndex`; instalment `k` (1-based) falls on that date + 7·k days (weekly) or
 * + 14·k days (fortnightly), on real calendar dates, and is added to the projection month
 * containing its date. So a month gets 4 or 5 weekly instalments (a loan on 1 January 2027 pays on
 * 8, 15, 22, 29 January … and on 2, 9, 16, 23, 30 April: 5 in April), and the first one falls in
 * the month the loan is received.
 *
 * `receivedIndex` may be `-1`: received before opening (a start-up loan); then `preStart` is the
 * amount, `received` is all zeros and the loan date is day 1 of month index 0 (a monthly loan's
 * first payment is then in month 1). Instalments after the last month are left out; `owedAtEnd`
 * is the principal not yet repaid at the end of the horizon. When `receivedIndex ≥ months` (the
 * loan comes after the horizon) every figure is zero, `owedAtEnd` too.
 *
 * `instalmentsPerMonth[i]` is how many instalments fall in month `i` (for a monthly loan 1 in
 * each month holding one): counted by date, so an instalment of 0 (a loan of 0) still counts.
 * Put `received` (and `preStart`) on a money-in financing line and `payments` on a money-out
 * financing line.
 *
 * @throws RangeError unless `amount` is an integer ≥ 0, `annualRatePct` a finite number ≥ 0,
 *   `instalments` an integer 1..520, `frequency` one of the three, `method` (when given)
 *   `'declining'` or `'flat'`, `receivedIndex` an integer ≥ −1, `startMonth` `'YYYY-MM'` and
 *   `months` an integer ≥ 0.
 */
export function instalmentLoan(p: {
  amount: number;
  annualRatePct: number;
  instalments: number;
  frequency: InstalmentFrequency;
  receivedIndex: number;
  startMonth: string;
  months: number;
  method?: InterestMethod;
}): {
  received: number[];
  payments: number[];
  interest: number[];
  principal: number[];
  preStart: number;
  owedAtEnd: number;
  instalmentsPerMonth: number[];
} {
  const { amount, annualRatePct, instalments, frequency, receivedIndex, months, method = 'declining' } = p;
  integer('amount', amount, 0);
  between('annualRatePct', annualRatePct, 0);
  integer('instalments', instalments, 1, MAX_INSTALMENTS);
  frequencyOf(frequency);
  if (!METHODS.includes(method)) throw new RangeError(`method must be declining or flat, not ${JSON.stringify(method)}.`);
  integer('receivedIndex', receivedIndex, -1);
  const start = startOf(p.startMonth);
  integer('months', months, 0);

  const instalmentsPerMonth = zeros(months);
  if (frequency === 'monthly' && method === 'declining') {
    const result = loan({ amount, receivedIndex, termMonths: instalments, annualRatePct, months });
    for (let k = 0; k < instalments; k++) {
      const month = receivedIndex + 1 + k;
      if (month >= months) break;
      instalmentsPerMonth[month] = 1;
    }
    return { ...result, instalmentsPerMonth };
  }

  const received = zeros(months);
  const payments = zeros(months);
  const interest = zeros(months);
  const principal = zeros(months);
  if (receivedIndex >= months) return { received, payments, interest, principal, preStart: 0, owedAtEnd: 0, instalmentsPerMonth };

  const periodsPerYear = PERIODS_PER_YEAR[frequency];
  const daysApart = frequency === 'weekly' ? 7 : 14;
  const schedule =
    method === 'flat'
      ? flatSchedule(amount, annualRatePct, instalments, periodsPerYear)
      : amortisation(amount, (annualRatePct * 12) / periodsPerYear, instalments);
  const loanMonth = Math.max(0, receivedIndex);
  if (receivedIndex >= 0) received[receivedIndex] = amount;
  let owedAtEnd = amount;
  for (let k = 1; k <= instalments; k++) {
    const month = frequency === 'monthly' ? receivedIndex + k : monthIndexAfter(start, loanMonth, 1, daysApart * k);
    if (month >= months) break; // the dates only move forward: every later one is past the end too
    payments[month] += schedule.payments[k - 1]!;
    interest[month] += schedule.interest[k - 1]!;
    principal[month] += schedule.principal[k - 1]!;
    instalmentsPerMonth[month] += 1;
    owedAtEnd -= schedule.principal[k - 1]!;
  }
  return { received, payments, interest, principal, preStart: receivedIndex < 0 ? amount : 0, owedAtEnd, instalmentsPerMonth };
}

/**
 * What a flat rate really costs: the yearly rate (%) on the **declining balance** whose level
 * instalment equals the flat loan's instalment, rounded to one decimal (half away from zero).
 * It depends on neither the amount nor the dates.
 *
 * Per unit borrowed, the flat instalment is `1/n + f` with `n = instalments` and
 * `f = annualRatePct / 100 / periodsPerYear` (52, 26 or 12); the declining one at a period rate
 * `r` is `r / (1 − (1 + r)^−n)`, which grows with `r` from `1/n` (at 0) and is above `r`. So the
 * period rate is found by bisection between 0 and `1/n + f` and the result is `r × periodsPerYear
 * × 100` (a nominal yearly rate, as the rate the owner types; not compounded).
 *
 * Worked example: 24 % a year flat (2 % a month) over 12 monthly instalments. Per 100 borrowed
 * the instalment is 100/12 + 2 = 10.3333. On the balance: at r = 3.5 % a month
 * 100 × 0.035 / (1 − 1.035^−12) = 10.3484 (too much); at r = 3.475 %, 10.3332 (a hair too
 * little); the root is r = 3.47526 %, × 12 = 41.703 → **41.7 %** a year on the balance. With one
 * instalment the two methods are the same: the flat rate itself. At 0 %: 0.
 *
 * @throws RangeError unless `annualRatePct` is a finite number ≥ 0, `instalments` an integer
 *   1..520 and `frequency` one of the three.
 */
export function flatEquivalentRate(p: { annualRatePct: number; instalments: number; frequency: InstalmentFrequency }): number {
  const annualRatePct = between('annualRatePct', p.annualRatePct, 0);
  const n = integer('instalments', p.instalments, 1, MAX_INSTALMENTS);
  const periodsPerYear = PERIODS_PER_YEAR[frequencyOf(p.frequency)];
  const flat = annualRatePct / 100 / periodsPerYear;
  if (flat === 0) return 0;
  const target = 1 / n + flat;
  // 1 − (1 + r)^−n as −expm1(−n·log1p(r)): exact enough for the smallest rates too.
  const level = (r: number): number => r / -Math.expm1(-n * Math.log1p(r));
  let low = 0;
  let high = target;
  for (let i = 0; i < 200; i++) {
    const mid = (low + high) / 2;
    if (mid <= low || mid >= high) break; // as close as doubles go
    if (level(mid) < target) low = mid;
    else high = mid;
  }
  return roundMinor(((low + high) / 2) * periodsPerYear * 1000) / 10;
}

// ---------------------------------------------------------------- fiado

/**
 * Fiado: sales on credit to known customers, collected `weeks` weeks later, some never paid.
 * Returns the cash that comes in each month, what customers still owe at the end of the horizon
 * and the bad debt (never collected), in total and by the month of the sale.
 *
 * For each month `i` with sales `sale`:
 * - the part on credit is `credit = roundMinor(sale × sharePct / 100)`; the part paid at once,
 *   `sale − credit`, is cash in month `i`;
 * - the part never paid is `bad = roundMinor(credit × badDebtPct / 100)`, recorded in
 *   `badDebtByMonth[i]` (and in `badDebt`), never in the cash;
 * - the collectable part `c = credit − bad` is spread evenly over the `D` real days of that
 *   calendar month (28 to 31) with cumulative rounding: day `d`'s share is
 *   `roundMinor(c·d/D) − roundMinor(c·(d−1)/D)`, so the days add up exactly to `c`;
 * - each day's share is collected on that date + 7·`weeks` days, and lands in the projection
 *   month of that date, or in `owedAtEnd` when that date is after the last month.
 *
 * So with 2 weeks, sales of the last 14 days of a 31-day month are collected the month after;
 * with 0 weeks everything collectable comes in the same day (the same month), and the bad debt
 * is still never collected. Every cent of every sale is counted once:
 * `sum(cash) + owedAtEnd + badDebt = sum(sales)` exactly. Credit sales made before the first
 * month (receivables at the start) are not included: enter them as their own line.
 *
 * @throws RangeError unless every sale is an integer ≥ 0, `startMonth` is `'YYYY-MM'`,
 *   `sharePct` and `badDebtPct` are finite numbers 0..100 and `weeks` an integer 0..52.
 */
export function creditSales(p: { sales: readonly number[]; startMonth: string; sharePct: number; weeks: number; badDebtPct: number }): {
  cash: number[];
  owedAtEnd: number;
  badDebt: number;
  badDebtByMonth: number[];
} {
  const { sales, sharePct, weeks, badDebtPct } = p;
  minorSeries('sales', sales);
  const start = startOf(p.startMonth);
  between('sharePct', sharePct, 0, 100);
  between('badDebtPct', badDebtPct, 0, 100);
  integer('weeks', weeks, 0, 52);

  const months = sales.length;
  const cash = zeros(months);
  const badDebtByMonth = zeros(months);
  let owedAtEnd = 0;
  let badDebt = 0;
  sales.forEach((sale, i) => {
    const credit = roundMinor((sale * sharePct) / 100);
    const bad = roundMinor((credit * badDebtPct) / 100);
    cash[i] += sale - credit;
    badDebtByMonth[i] = bad;
    badDebt += bad;
    const collectable = credit - bad;
    if (collectable === 0) return;
    const days = daysInMonth(start.year, start.month + i);
    for (let d = 1; d <= days; d++) {
      const share = roundMinor((collectable * d) / days) - roundMinor((collectable * (d - 1)) / days);
      if (share === 0) continue;
      const month = monthIndexAfter(start, i, d, 7 * weeks);
      if (month < months) cash[month] += share;
      else owedAtEnd += share;
    }
  });
  return { cash, owedAtEnd, badDebt, badDebtByMonth };
}

// ---------------------------------------------------------------- seasons

/** How a calendar month sells compared with a normal one. */
export type SeasonLevel = 'high' | 'normal' | 'low';

const LEVELS: readonly SeasonLevel[] = ['high', 'normal', 'low'];

/**
 * The percentages a season's high and low months start from when the owner gives none: a high
 * month sells 30 % more than a normal one, a low month 30 % less.
 */
export const SEASON_DEFAULTS = { highPct: 30, lowPct: 30 } as const;

/**
 * The levels of a season preset (a feed country's `seasonPresets` entry), January to December:
 * 12 entries; a month listed in `high` is `'high'`, one listed in `low` is `'low'`, every other
 * month `'normal'`. A month listed in **both** is `'normal'`: the contradiction cancels out
 * rather than one list silently winning. Months are numbered 1..12; anything else (0, 13, 2.5,
 * NaN) is ignored, and a month listed twice in one list counts once.
 */
export function presetLevels(preset: { readonly high?: readonly number[]; readonly low?: readonly number[] }): SeasonLevel[] {
  const months = (list: readonly number[] | undefined): Set<number> =>
    new Set((list ?? []).filter((month) => Number.isInteger(month) && month >= 1 && month <= 12));
  const high = months(preset.high);
  const low = months(preset.low);
  return Array.from({ length: 12 }, (_, i): SeasonLevel => {
    const month = i + 1;
    if (high.has(month) === low.has(month)) return 'normal';
    return high.has(month) ? 'high' : 'low';
  });
}

/**
 * The 12 weights (January to December) of marked seasons, for {@link seasonal}: a `'high'` month
 * weighs `1 + highPct / 100`, a `'normal'` one 1, a `'low'` one `1 − lowPct / 100` (computed as
 * `(100 ± pct) / 100`, one division, so 30 % gives exactly 1.3 and 0.7).
 *
 * @throws RangeError unless `levels` has 12 entries, each `'high'`, `'normal'` or `'low'`,
 *   `highPct` is a finite number 0..500 and `lowPct` 0..100 (a low month never goes below 0).
 */
export function seasonWeights(levels: readonly SeasonLevel[], highPct: number, lowPct: number): number[] {
  if (levels.length !== 12) throw new RangeError(`Season levels need 12 months (January to December), not ${levels.length}.`);
  const bad = levels.findIndex((level) => !LEVELS.includes(level));
  if (bad >= 0) throw new RangeError(`levels[${bad}] must be high, normal or low, not ${JSON.stringify(levels[bad])}.`);
  between('highPct', highPct, 0, 500);
  between('lowPct', lowPct, 0, 100);
  return levels.map((level) => (level === 'high' ? (100 + highPct) / 100 : level === 'low' ? (100 - lowPct) / 100 : 1));
}

/**
 * A normal month's amount `base` shaped by marked seasons: `seasonal(base, seasonWeights(levels,
 * highPct, lowPct), startMonth, months)`, i.e. month `i` is `roundMinor(base × weight)` of its
 * calendar month.
 *
 * @throws RangeError as {@link seasonWeights} and {@link seasonal} do (`base` a finite number
 *   ≥ 0, `months` an integer ≥ 0, `startMonth` `'YYYY-MM'`).
 */
export function seasonAmounts(base: number, levels: readonly SeasonLevel[], highPct: number, lowPct: number, startMonth: string, months: number): number[] {
  startOf(startMonth);
  return seasonal(base, seasonWeights(levels, highPct, lowPct), startMonth, months);
}

// ---------------------------------------------------------------- owner's drawings

// In their own module (drawings.ts): the calculator's summary needs them at once, while the rest
// of this module loads with the helpers, on first use.
export { drawingsSummary, type DrawingsSummary } from './drawings.js';
