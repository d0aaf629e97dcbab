/**
 * Helpers that fill a cash-flow line with monthly amounts: the same every month,
 * growing, seasonal, a one-off, every N months, sales on credit, a loan, VAT.
 *
 * Pure: no DOM, no Lit. Every helper returns integer minor units, one entry per
 * month (month 1 first). Each cell is computed in floating point and rounded
 * **once** with {@link roundMinor} (half away from zero).
 *
 * Where a helper splits an amount into parts, the parts add up exactly:
 * - {@link collections}: each month's sale splits into the part on credit
 *   (`roundMinor(sale × share)`) and the part paid at once (the sale minus that
 *   part, so the complement absorbs the rounding); every cent of every sale is
 *   either collected in the horizon or in `owedAtEnd`.
 * - {@link loan} / {@link amortisation}: the payment is rounded once and each
 *   month's interest is rounded once; the principal part is the payment minus the
 *   interest, and **the last payment absorbs the difference** (its principal is
 *   whatever is still owed), so the principal parts add up exactly to the amount.
 *
 * Nothing here is tax or financial advice: rates are defaults the owner can change.
 *
 * @module
 */
import { minorSeries, zeros } from './checks.js';
import { calendarMonthAt, roundMinor } from './projection.js';

// ---------------------------------------------------------------- argument checks

function count(name: string, value: number, min = 0): number {
  if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be an integer ≥ ${min}, not ${value}.`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new RangeError(`${name} must be a finite number ≥ 0, not ${value}.`);
  return value;
}

function percentage(name: string, value: number, min: number, max = Infinity): number {
  if (!Number.isFinite(value) || value < min || value > max) {
    throw new RangeError(`${name} must be a number from ${min}${Number.isFinite(max) ? ` to ${max}` : ''}, not ${value}.`);
  }
  return value;
}


// ---------------------------------------------------------------- simple shapes

/** `amount` in every month. */
export function sameEveryMonth(amount: number, months: number): number[] {
  nonNegative('amount', amount);
  count('months', months);
  return new Array<number>(months).fill(roundMinor(amount));
}

/**
 * `start × (1 + g)^i` in month `i` (0-based), `g = monthlyGrowthPct / 100`; a
 * negative growth shrinks (down to −100 %). Each cell is rounded from the exact
 * power, never from the previous rounded cell, so rounding does not compound.
 */
export function growing(start: number, monthlyGrowthPct: number, months: number): number[] {
  nonNegative('start', start);
  percentage('monthlyGrowthPct', monthlyGrowthPct, -100);
  count('months', months);
  const factor = (100 + monthlyGrowthPct) / 100;
  return Array.from({ length: months }, (_, i) => roundMinor(start * factor ** i));
}

/**
 * weights: 12 numbers for Jan..Dec (1 = normal, 1.5 = 50 % more, 0.5 = half); base ×
 * weight of the calendar month of each period.
 */
export function seasonal(base: number, weights: readonly number[], startMonth: string, months: number): number[] {
  nonNegative('base', base);
  if (weights.length !== 12) throw new RangeError(`Seasonal weights need 12 numbers (January to December), not ${weights.length}.`);
  weights.forEach((weight, i) => nonNegative(`weights[${i}]`, weight));
  count('months', months);
  return Array.from({ length: months }, (_, i) => roundMinor(base * weights[calendarMonthAt(startMonth, i) - 1]!));
}

/** `amount` in month `monthIndex` (0-based) only; all zeros when that month is past the horizon. */
export function oneOff(amount: number, monthIndex: number, months: number): number[] {
  nonNegative('amount', amount);
  count('monthIndex', monthIndex);
  const cells = zeros(count('months', months));
  if (monthIndex < months) cells[monthIndex] = roundMinor(amount);
  return cells;
}

/** amount every `every` months starting at `firstIndex` (quarterly tax, insurance). */
export function everyNMonths(amount: number, every: number, firstIndex: number, months: number): number[] {
  nonNegative('amount', amount);
  count('every', every, 1);
  count('firstIndex', firstIndex);
  const cells = zeros(count('months', months));
  const cell = roundMinor(amount);
  for (let i = firstIndex; i < months; i += every) cells[i] = cell;
  return cells;
}

// ---------------------------------------------------------------- sales on credit

/**
 * Sales on credit: `sharePct` of each month's sales is collected `delayMonths` later
 * (the rest at once). Returns what comes in each month and what is still owed at
 * the end.
 *
 * Per month, the part on credit is `roundMinor(sale × sharePct / 100)` and the part
 * paid at once is the rest of the sale, so `sum(cash) + owedAtEnd = sum(sales)`
 * exactly. Credit sales made before the first month (receivables at the start) are
 * not included: enter them as their own line.
 */
export function collections(sales: readonly number[], sharePct: number, delayMonths: number): { cash: number[]; owedAtEnd: number } {
  minorSeries('sales', sales);
  percentage('sharePct', sharePct, 0, 100);
  count('delayMonths', delayMonths);
  const cash = zeros(sales.length);
  let owedAtEnd = 0;
  sales.forEach((sale, i) => {
    const later = delayMonths === 0 ? 0 : roundMinor((sale * sharePct) / 100);
    cash[i] += sale - later;
    if (i + delayMonths < sales.length) cash[i + delayMonths] += later;
    else owedAtEnd += later;
  });
  return { cash, owedAtEnd };
}

// ---------------------------------------------------------------- loans

/** One loan's repayment schedule, one entry per payment (first payment first). */
export interface Amortisation {
  readonly payments: number[];
  readonly interest: number[];
  readonly principal: number[];
}

/**
 * The level monthly payment of a French-amortised loan, rounded once:
 * `amount × r / (1 − (1 + r)^−termMonths)` with `r = annualRatePct / 1200`; at 0 %,
 * `amount / termMonths`. The last payment of {@link amortisation} may differ by a few
 * cents (it absorbs the rounding).
 */
export function loanPayment(amount: number, annualRatePct: number, termMonths: number): number {
  nonNegative('amount', amount);
  percentage('annualRatePct', annualRatePct, 0);
  count('termMonths', termMonths, 1);
  if (annualRatePct === 0) return roundMinor(amount / termMonths);
  const r = annualRatePct / 1200;
  return roundMinor((amount * r) / (1 - (1 + r) ** -termMonths));
}

/**
 * The full schedule of a French-amortised loan (equal payments, interest at
 * `annualRatePct / 12` per month on the balance still owed; at 0 %, equal principal).
 * Each month: interest = `roundMinor(balance × annualRatePct / 1200)`, principal =
 * payment − interest (kept between 0 and the balance); the last month's principal is
 * the whole balance left, so the principal parts add up exactly to the amount.
 */
export function amortisation(amount: number, annualRatePct: number, termMonths: number): Amortisation {
  const payment = loanPayment(amount, annualRatePct, termMonths);
  let balance = roundMinor(amount);
  const payments: number[] = [];
  const interest: number[] = [];
  const principal: number[] = [];
  for (let k = 0; k < termMonths; k++) {
    const due = roundMinor((balance * annualRatePct) / 1200);
    const part = k === termMonths - 1 ? balance : Math.min(balance, Math.max(0, payment - due));
    interest.push(due);
    principal.push(part);
    payments.push(due + part);
    balance -= part;
  }
  return { payments, interest, principal };
}

/**
 * A loan received in month `receivedIndex`, repaid over `termMonths` from the next
 * month at `annualRatePct` (French amortisation: equal payments, rate/12 per month;
 * 0 % → equal principal). Principal parts add up exactly to `amount`.
 *
 * `receivedIndex` may be `-1`: received in the pre-start column (a start-up loan);
 * then `received` is all zeros, `preStart` holds the amount and the first payment is
 * in month 1. Payments past the horizon are left out; `owedAtEnd` is the principal
 * still owed after the last month (0 when the loan arrives after the horizon).
 * Put `received` (and `preStart`) on an in-flow financing line and `payments` on an
 * out-flow financing line.
 */
export function loan(p: { amount: number; receivedIndex: number; termMonths: number; annualRatePct: number; months: number }): {
  received: number[];
  payments: number[];
  interest: number[];
  principal: number[];
  preStart: number;
  owedAtEnd: number;
} {
  const { receivedIndex, months } = p;
  count('receivedIndex', receivedIndex, -1);
  count('months', months);
  const schedule = amortisation(p.amount, p.annualRatePct, p.termMonths);
  const amount = roundMinor(p.amount);
  const received = zeros(months);
  const payments = zeros(months);
  const interest = zeros(months);
  const principal = zeros(months);
  if (receivedIndex >= months) return { received, payments, interest, principal, preStart: 0, owedAtEnd: 0 };
  if (receivedIndex >= 0) received[receivedIndex] = amount;
  let owedAtEnd = amount;
  for (let k = 0; k < p.termMonths; k++) {
    const month = receivedIndex + 1 + k;
    if (month >= months) break;
    payments[month] = schedule.payments[k]!;
    interest[month] = schedule.interest[k]!;
    principal[month] = schedule.principal[k]!;
    owedAtEnd -= schedule.principal[k]!;
  }
  return { received, payments, interest, principal, preStart: receivedIndex < 0 ? amount : 0, owedAtEnd };
}

// ---------------------------------------------------------------- VAT

/**
 * VAT (IVA/ITBIS/ISV) owed on the difference between tax on sales and tax on
 * purchases, paid the month after (the usual monthly declaration). Inputs per month
 * are amounts INCLUDING tax when `pricesIncludeTax`, else excluding it. A negative
 * difference is carried forward as a credit (no refund). Returns the payment per
 * month (what is due after the last month is in `dueAfterEnd`).
 *
 * Each month's tax is rounded once: `roundMinor(amount × rate / (100 + rate))` when
 * prices include tax, else `roundMinor(amount × rate / 100)`. Month 1 pays nothing
 * (the declaration for the month before the plan is not part of it). `sales` and
 * `purchases` must have the same length. A regime without credit for purchases
 * (e.g. Guatemala's small taxpayer, 5 % of gross sales) is `purchases` all zeros.
 */
export function vatPayments(p: { sales: readonly number[]; purchases: readonly number[]; ratePct: number; pricesIncludeTax: boolean }): {
  payments: number[];
  dueAfterEnd: number;
  creditAtEnd: number;
} {
  const { sales, purchases, ratePct, pricesIncludeTax } = p;
  minorSeries('sales', sales);
  minorSeries('purchases', purchases);
  percentage('ratePct', ratePct, 0, 100);
  if (sales.length !== purchases.length) {
    throw new RangeError(`sales (${sales.length} months) and purchases (${purchases.length} months) must have the same length.`);
  }
  const tax = (amount: number): number => roundMinor((amount * ratePct) / (pricesIncludeTax ? 100 + ratePct : 100));
  const payments = zeros(sales.length);
  let credit = 0;
  let dueAfterEnd = 0;
  for (let i = 0; i < sales.length; i++) {
    const difference = tax(sales[i]!) - tax(purchases[i]!) - credit;
    const due = Math.max(0, difference);
    credit = Math.max(0, -difference);
    if (i + 1 < sales.length) payments[i + 1] = due;
    else dueAfterEnd = due;
  }
  return { payments, dueAfterEnd, creditAtEnd: credit };
}
