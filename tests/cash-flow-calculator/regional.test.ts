/**
 * regional.ts: legal bonuses on wages, tax regimes, weekly and fortnightly instalments, fiado
 * with bad debt, seasons without numbers and the owner's drawings. Every expected figure is
 * worked out by hand in the comment beside it (amounts in minor units: Q 3,200.00 = 320000).
 */
import { expect } from '@open-wc/testing';
import { amortisation, loan, loanPayment, seasonal, vatPayments } from '../../src/cash-flow-calculator/line-helpers.js';
import type { CashFlowLine, CashFlowPlan } from '../../src/cash-flow-calculator/projection.js';
import {
  creditSales,
  drawingsSummary,
  extraPayAmounts,
  flatEquivalentRate,
  instalmentLoan,
  presetLevels,
  SEASON_DEFAULTS,
  seasonAmounts,
  seasonWeights,
  taxPayments,
  wagesByMonth,
  type ExtraPayRule,
  type InstalmentFrequency,
  type InterestMethod,
  type SeasonLevel,
  type TaxRule,
} from '../../src/cash-flow-calculator/regional.js';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const fill = (value: number, months: number): number[] => new Array<number>(months).fill(value);
/** `value` at the given month indexes, 0 elsewhere. */
const at = (months: number, cells: Record<number, number>): number[] => Array.from({ length: months }, (_, i) => cells[i] ?? 0);

function line(id: string, flow: 'in' | 'out', amounts: readonly number[], extra: Partial<CashFlowLine> = {}): CashFlowLine {
  return { id, label: id, flow, group: 'operations', preStart: 0, amounts, ...extra };
}

function plan(months: number, lines: readonly CashFlowLine[], extra: Partial<CashFlowPlan> = {}): CashFlowPlan {
  return { currency: 'USD', startMonth: '2027-01', months, openingBalance: 0, safetyMinimum: 0, lines, ...extra };
}

// ---------------------------------------------------------------- legal bonuses

describe('extraPayAmounts: the five countries’ legal bonuses', () => {
  const rows: Array<{ name: string; input: [readonly number[], string, ExtraPayRule]; expected: number[] }> = [
    // Oct 2026 … Mar 2027: December is index 2. $400.00 × 50 % = 40000 × 50 / 100 = 20000.
    { name: 'SV aguinaldo, December 50 %, from October', input: [fill(40000, 6), '2026-10', { month: 12, sharePct: 50 }], expected: at(6, { 2: 20000 }) },
    // $365.25 in December: 36525 × 50 % = 18262.5 → 18263 (half away from zero).
    { name: 'SV aguinaldo on odd cents', input: [[36000, 36525, 36000], '2026-11', { month: 12, sharePct: 50 }], expected: [0, 18263, 0] },
    // May 2026 … Apr 2027: July is index 2. Bono 14: wages Q 3,200.00 in July → 320000 × 100 % = 320000.
    { name: 'GT Bono 14, July 100 %, from May', input: [fill(320000, 12), '2026-05', { month: 7, sharePct: 100 }], expected: at(12, { 2: 320000 }) },
    // May 2026 … Apr 2027: December is index 7; pay rose to Q 3,500.00 in September (index 4):
    // the base is December's wages, 350000 × 100 % = 350000.
    {
      name: 'GT aguinaldo, December 100 %, on that month’s wages',
      input: [[...fill(320000, 4), ...fill(350000, 8)], '2026-05', { month: 12, sharePct: 100 }],
      expected: at(12, { 7: 350000 }),
    },
    // Mar 2026 … Feb 2027: June is index 3. 14th month: L 12,000.00 → 1200000 × 100 % = 1200000.
    { name: 'HN 14th month, June 100 %, from March', input: [fill(1200000, 12), '2026-03', { month: 6, sharePct: 100 }], expected: at(12, { 3: 1200000 }) },
    // Mar 2026 … Feb 2027: December is index 9. 13th month: 1200000 × 100 % = 1200000.
    { name: 'HN 13th month, December 100 %, from March', input: [fill(1200000, 12), '2026-03', { month: 12, sharePct: 100 }], expected: at(12, { 9: 1200000 }) },
    // Jul 2026 … Mar 2027: December is index 5. 13th month: C$ 9,000.00 → 900000 × 100 % = 900000.
    { name: 'NI 13th month, December 100 %, from July', input: [fill(900000, 9), '2026-07', { month: 12, sharePct: 100 }], expected: at(9, { 5: 900000 }) },
    // Dec 2026 … Feb 2027: December is index 0. Salario de Navidad: RD$ 25,000.50 → 2500050 × 100 % = 2500050.
    { name: 'DO salario de Navidad, December 100 %, from December', input: [fill(2500050, 3), '2026-12', { month: 12, sharePct: 100 }], expected: [2500050, 0, 0] },
    // Feb 2026 … Jan 2028 (24 months): Decembers at index 10 (2026) and 22 (2027). 40000 × 50 % = 20000 each.
    { name: '24 months have two Decembers', input: [fill(40000, 24), '2026-02', { month: 12, sharePct: 50 }], expected: at(24, { 10: 20000, 22: 20000 }) },
    // Jan … May 2027: no July in the horizon.
    { name: 'the month is not in the horizon', input: [fill(320000, 5), '2027-01', { month: 7, sharePct: 100 }], expected: fill(0, 5) },
    // No wages in December: 0 × 100 % = 0.
    { name: 'no wages in that month', input: [[50000, 0, 50000], '2026-11', { month: 12, sharePct: 100 }], expected: [0, 0, 0] },
    // 0 % → 0; 200 % → 40000 × 2 = 80000; 33.3 % of 100000 = 33300; 50 % of 1 = 0.5 → 1.
    { name: 'share 0 %', input: [fill(40000, 2), '2026-12', { month: 12, sharePct: 0 }], expected: [0, 0] },
    { name: 'share 200 %', input: [fill(40000, 2), '2026-12', { month: 12, sharePct: 200 }], expected: [80000, 0] },
    { name: 'share 33.3 %', input: [[100000], '2026-12', { month: 12, sharePct: 33.3 }], expected: [33300] },
    { name: 'half a cent rounds up', input: [[1], '2026-12', { month: 12, sharePct: 50 }], expected: [1] },
    { name: 'no months', input: [[], '2026-12', { month: 12, sharePct: 100 }], expected: [] },
  ];
  for (const { name, input, expected } of rows) {
    it(name, () => expect(extraPayAmounts(...input)).to.deep.equal(expected));
  }

  const bad: Array<[string, readonly number[], string, ExtraPayRule]> = [
    ['month 0', [100], '2026-12', { month: 0, sharePct: 50 }],
    ['month 13', [100], '2026-12', { month: 13, sharePct: 50 }],
    ['month 6.5', [100], '2026-12', { month: 6.5, sharePct: 50 }],
    ['share −1 %', [100], '2026-12', { month: 12, sharePct: -1 }],
    ['share 200.5 %', [100], '2026-12', { month: 12, sharePct: 200.5 }],
    ['share NaN', [100], '2026-12', { month: 12, sharePct: Number.NaN }],
    ['negative wages', [-100], '2026-12', { month: 12, sharePct: 50 }],
    ['wages in fractions of a cent', [100.5], '2026-12', { month: 12, sharePct: 50 }],
    ['a bad start month', [100], '2026-13', { month: 12, sharePct: 50 }],
    ['a bad start month with no wages', [], '2026-1', { month: 12, sharePct: 50 }],
  ];
  it('refuses wrong arguments', () => {
    for (const [name, ...input] of bad) expect(() => extraPayAmounts(...input), name).to.throw(RangeError);
  });
});

describe('wagesByMonth', () => {
  it('sums the money-out wages lines, month by month, without the pre-start column', () => {
    const p = plan(3, [
      line('sales', 'in', [900000, 900000, 900000], { kind: 'sales' }),
      line('cashier', 'out', [300000, 300000, 320000], { kind: 'wages', preStart: 50000 }),
      line('cook', 'out', [250000, 0, 250000], { kind: 'wages' }),
      line('rent', 'out', [100000, 100000, 100000], { kind: 'cost' }),
      line('aguinaldo', 'out', [0, 0, 570000], { kind: 'extra-pay' }),
      // 'wages' on a money-in line contradicts the flow: its kind becomes sales, not wages.
      line('odd', 'in', [7, 7, 7], { kind: 'wages' }),
    ]);
    // 300000 + 250000 = 550000; 300000 + 0 = 300000; 320000 + 250000 = 570000.
    expect(wagesByMonth(p)).to.deep.equal([550000, 300000, 570000]);
  });

  it('is all zeros without wages lines', () => expect(wagesByMonth(plan(2, [line('rent', 'out', [5, 5])]))).to.deep.equal([0, 0]));

  it('feeds extraPayAmounts: GT from May with a raise in December', () => {
    const p = plan(12, [line('staff', 'out', [...fill(320000, 7), ...fill(350000, 5)], { kind: 'wages' })], { startMonth: '2026-05', currency: 'GTQ' });
    const wages = wagesByMonth(p);
    // Bono 14 in July (index 2): 320000 × 100 %; aguinaldo in December (index 7): 350000 × 100 %.
    expect(extraPayAmounts(wages, p.startMonth, { month: 7, sharePct: 100 })).to.deep.equal(at(12, { 2: 320000 }));
    expect(extraPayAmounts(wages, p.startMonth, { month: 12, sharePct: 100 })).to.deep.equal(at(12, { 7: 350000 }));
  });
});

// ---------------------------------------------------------------- tax regimes

describe('taxPayments', () => {
  // Guatemala, prices with 12 % VAT included: sales Q 11,200.00, 5,600.00, 22,400.00 and purchases
  // Q 4,480.00, 0, 11,200.00.
  const sales = [1120000, 560000, 2240000];
  const purchases = [448000, 0, 1120000];
  type Row = { name: string; rule: TaxRule; sales: number[]; purchases: number[]; includes: boolean; expected: { payments: number[]; dueAfterEnd: number; creditAtEnd: number } };
  const rows: Row[] = [
    // VAT in the prices: 1120000 × 12/112 = 120000, 560000 → 60000, 2240000 → 240000; purchases
    // 448000 → 48000, 0, 1120000 → 120000. Due: 72000, 60000, 120000, each paid the month after.
    { name: 'GT 12 % VAT', rule: { kind: 'vat', ratePct: 12 }, sales, purchases, includes: true, expected: { payments: [0, 72000, 60000], dueAfterEnd: 120000, creditAtEnd: 0 } },
    // 5 % of gross sales, no credit for purchases: 1120000 × 5 % = 56000, 560000 → 28000,
    // 2240000 → 112000. In all 196000 against 252000 of VAT.
    { name: 'GT 5 % of gross sales on the same sales', rule: { kind: 'gross-sales', ratePct: 5 }, sales, purchases, includes: true, expected: { payments: [0, 56000, 28000], dueAfterEnd: 112000, creditAtEnd: 0 } },
    // Whether the prices include tax changes nothing on gross sales.
    { name: 'gross sales ignore pricesIncludeTax', rule: { kind: 'gross-sales', ratePct: 5 }, sales, purchases, includes: false, expected: { payments: [0, 56000, 28000], dueAfterEnd: 112000, creditAtEnd: 0 } },
    // 12345 × 5 % = 617.25 → 617; 12350 × 5 % = 617.5 → 618 (half away from zero); purchases
    // (however large) give nothing back.
    { name: 'gross sales round once per month', rule: { kind: 'gross-sales', ratePct: 5 }, sales: [12345, 12350], purchases: [999999, 999999], includes: false, expected: { payments: [0, 617], dueAfterEnd: 618, creditAtEnd: 0 } },
    // DO RST on gross sales at the sample feed's 2 %: RD$ 50,000.00 × 2 % = 5000000 × 2 / 100 = 100000.
    { name: 'DO RST 2 %', rule: { kind: 'gross-sales', ratePct: 2 }, sales: [5000000, 5000000], purchases: [0, 0], includes: true, expected: { payments: [0, 100000], dueAfterEnd: 100000, creditAtEnd: 0 } },
    { name: 'gross sales at 0 %', rule: { kind: 'gross-sales', ratePct: 0 }, sales: [5000, 5000], purchases: [0, 0], includes: true, expected: { payments: [0, 0], dueAfterEnd: 0, creditAtEnd: 0 } },
    // NI cuota fija C$500.00 = 50000 a month whatever the sales (even none).
    { name: 'NI fixed fee C$500.00', rule: { kind: 'fixed-fee', monthlyFee: 50000 }, sales: [0, 3000000, 100, 0], purchases: [0, 0, 0, 0], includes: true, expected: { payments: [0, 50000, 50000, 50000], dueAfterEnd: 50000, creditAtEnd: 0 } },
    // The rate is ignored for a fixed fee.
    { name: 'a fixed fee ignores ratePct', rule: { kind: 'fixed-fee', monthlyFee: 50000, ratePct: 15 }, sales: [1000000], purchases: [0], includes: true, expected: { payments: [0], dueAfterEnd: 50000, creditAtEnd: 0 } },
    { name: 'a fixed fee with no months', rule: { kind: 'fixed-fee', monthlyFee: 50000 }, sales: [], purchases: [], includes: true, expected: { payments: [], dueAfterEnd: 0, creditAtEnd: 0 } },
    // VAT 12 % on prices without tax: 12000; 0 − 24000 → credit 24000; 36000 − 24000 = 12000.
    { name: 'VAT carries a credit forward', rule: { kind: 'vat', ratePct: 12 }, sales: [100000, 0, 300000], purchases: [0, 200000, 0], includes: false, expected: { payments: [0, 12000, 0], dueAfterEnd: 12000, creditAtEnd: 0 } },
    // 0 − 100000 × 13 % = −13000: nothing due, a credit of 13000 at the end.
    { name: 'VAT ending with a credit', rule: { kind: 'vat', ratePct: 13 }, sales: [0], purchases: [100000], includes: false, expected: { payments: [0], dueAfterEnd: 0, creditAtEnd: 13000 } },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(taxPayments({ rule: row.rule, sales: row.sales, purchases: row.purchases, pricesIncludeTax: row.includes })).to.deep.equal(row.expected);
    });
  }

  it('vat is exactly vatPayments', () => {
    for (const includes of [true, false]) {
      for (const ratePct of [0, 12, 13, 15, 18]) {
        const s = [1120000, 0, 333333, 560001];
        const p = [0, 448000, 1000000, 7];
        expect(taxPayments({ rule: { kind: 'vat', ratePct }, sales: s, purchases: p, pricesIncludeTax: includes })).to.deep.equal(
          vatPayments({ sales: s, purchases: p, ratePct, pricesIncludeTax: includes }),
        );
      }
    }
  });

  const bad: Array<[string, TaxRule, number[], number[]]> = [
    ['vat without ratePct', { kind: 'vat' }, [100], [0]],
    ['gross sales without ratePct', { kind: 'gross-sales', monthlyFee: 500 }, [100], [0]],
    ['a fixed fee without monthlyFee', { kind: 'fixed-fee', ratePct: 5 }, [100], [0]],
    ['a rate of 101 %', { kind: 'gross-sales', ratePct: 101 }, [100], [0]],
    ['a rate of −1 %', { kind: 'vat', ratePct: -1 }, [100], [0]],
    ['a NaN rate', { kind: 'gross-sales', ratePct: Number.NaN }, [100], [0]],
    ['a negative fee', { kind: 'fixed-fee', monthlyFee: -1 }, [100], [0]],
    ['a fee in fractions of a cent', { kind: 'fixed-fee', monthlyFee: 500.5 }, [100], [0]],
    ['an unknown regime', { kind: 'flat' } as unknown as TaxRule, [100], [0]],
    ['sales and purchases of different lengths', { kind: 'gross-sales', ratePct: 5 }, [100, 100], [0]],
    ['negative sales', { kind: 'fixed-fee', monthlyFee: 500 }, [-100], [0]],
  ];
  it('refuses wrong arguments', () => {
    for (const [name, rule, s, p] of bad) expect(() => taxPayments({ rule, sales: s, purchases: p, pricesIncludeTax: true }), name).to.throw(RangeError);
  });
});

// ---------------------------------------------------------------- instalments

describe('instalmentLoan', () => {
  type Input = Parameters<typeof instalmentLoan>[0];
  const base: Input = { amount: 100000, annualRatePct: 52, instalments: 4, frequency: 'weekly', receivedIndex: 0, startMonth: '2027-01', months: 3 };

  it('weekly: the schedule is amortisation at annual/52 per week', () => {
    // 52 % a year is 1 % a week: 100000 × 0.01 / (1 − 1.01^−4) = 25628.10… → 25628.
    // Week 1: interest 1000, principal 24628, owed 75372. Week 2: 753.72 → 754, 24874, owed 50498.
    // Week 3: 504.98 → 505, 25123, owed 25375. Week 4: 253.75 → 254, the last 25375: 25629.
    expect(amortisation(100000, (52 * 12) / 52, 4)).to.deep.equal({
      payments: [25628, 25628, 25628, 25629],
      interest: [1000, 754, 505, 254],
      principal: [24628, 24874, 25123, 25375],
    });
    // Received 1 Jan 2027: instalments on 8, 15, 22, 29 January, all in month 0.
    // 25628 × 3 + 25629 = 102513; interest 1000 + 754 + 505 + 254 = 2513.
    expect(instalmentLoan(base)).to.deep.equal({
      received: [100000, 0, 0],
      payments: [102513, 0, 0],
      interest: [2513, 0, 0],
      principal: [100000, 0, 0],
      preStart: 0,
      owedAtEnd: 0,
      instalmentsPerMonth: [4, 0, 0],
    });
  });

  it('weekly: a loan on 1 January 2027 pays 5 instalments in April', () => {
    // 0 %, L 10,000.00 in 20 weekly instalments of 1000000 / 20 = 50000: Jan 8, 15, 22, 29;
    // Feb 5, 12, 19, 26; Mar 5, 12, 19, 26; Apr 2, 9, 16, 23, 30; May 7, 14, 21.
    const result = instalmentLoan({ ...base, amount: 1000000, annualRatePct: 0, instalments: 20, months: 6 });
    expect(result.instalmentsPerMonth).to.deep.equal([4, 4, 4, 5, 3, 0]);
    expect(result.payments).to.deep.equal([200000, 200000, 200000, 250000, 150000, 0]);
    expect(result.principal).to.deep.equal(result.payments);
    expect(result.interest).to.deep.equal(fill(0, 6));
    expect(result.owedAtEnd).to.equal(0);
  });

  it('weekly: 52 instalments over 2027, the principal adds up to the amount', () => {
    // Fridays of 2027 from 8 January to 31 December (1 January + 364 days):
    // Jan 4, Feb 4, Mar 4, Apr 5, May 4, Jun 4, Jul 5, Aug 4, Sep 4, Oct 5, Nov 4, Dec 5 = 52.
    const result = instalmentLoan({ ...base, amount: 5000000, instalments: 52, months: 12 });
    expect(result.instalmentsPerMonth).to.deep.equal([4, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 5]);
    expect(sum(result.principal)).to.equal(5000000);
    expect(result.owedAtEnd).to.equal(0);
    const schedule = amortisation(5000000, 12, 52);
    expect(sum(result.payments)).to.equal(sum(schedule.payments));
    expect(sum(result.interest)).to.equal(sum(schedule.interest));
    // January holds instalments 1–4, April 13–17.
    expect(result.payments[0]).to.equal(sum(schedule.payments.slice(0, 4)));
    expect(result.payments[3]).to.equal(sum(schedule.payments.slice(12, 17)));
    result.payments.forEach((payment, i) => expect(payment).to.equal(result.interest[i]! + result.principal[i]!));
  });

  it('weekly: instalments after the horizon are left out and still owed', () => {
    // Received 1 Feb 2027 (index 1 of Jan–Feb): Feb 8, 15, 22 and Mar 1 (past the end).
    // Owed at the end: the last principal part, 25375.
    const result = instalmentLoan({ ...base, receivedIndex: 1, months: 2 });
    expect(result.received).to.deep.equal([0, 100000]);
    expect(result.instalmentsPerMonth).to.deep.equal([0, 3]);
    expect(result.payments).to.deep.equal([0, 25628 * 3]);
    expect(result.principal).to.deep.equal([0, 24628 + 24874 + 25123]);
    expect(result.owedAtEnd).to.equal(25375);
  });

  it('weekly: February 2028 has a 29th', () => {
    // From 1 Feb 2028: Feb 8, 15, 22, 29 — four in February. From 1 Feb 2027: Feb 8, 15, 22, Mar 1.
    const leap = instalmentLoan({ ...base, startMonth: '2028-02', months: 2 });
    const common = instalmentLoan({ ...base, startMonth: '2027-02', months: 2 });
    expect(leap.instalmentsPerMonth).to.deep.equal([4, 0]);
    expect(common.instalmentsPerMonth).to.deep.equal([3, 1]);
  });

  it('weekly across the year end', () => {
    // Start Nov 2026, received 1 Dec 2026 (index 1): Dec 8, 15, 22, 29 and Jan 5, 12 (0 %, 6 × 10000).
    const result = instalmentLoan({ ...base, amount: 60000, annualRatePct: 0, instalments: 6, receivedIndex: 1, startMonth: '2026-11', months: 3 });
    expect(result.instalmentsPerMonth).to.deep.equal([0, 4, 2]);
    expect(result.payments).to.deep.equal([0, 40000, 20000]);
  });

  it('fortnightly: the schedule is amortisation at annual/26 per fortnight', () => {
    // 26 % a year is 1 % a fortnight: the same schedule as the weekly one above. Received 1 Jan
    // 2027: Jan 15, 29; Feb 12, 26. January: 25628 × 2 = 51256, interest 1000 + 754 = 1754,
    // principal 24628 + 24874 = 49502. February: 25628 + 25629 = 51257, 505 + 254 = 759,
    // 25123 + 25375 = 50498.
    expect(instalmentLoan({ ...base, annualRatePct: 26, frequency: 'fortnightly' })).to.deep.equal({
      received: [100000, 0, 0],
      payments: [51256, 51257, 0],
      interest: [1754, 759, 0],
      principal: [49502, 50498, 0],
      preStart: 0,
      owedAtEnd: 0,
      instalmentsPerMonth: [2, 2, 0],
    });
  });

  it('fortnightly over the leap-year February of 2028', () => {
    // 0 %, 600000 in 6 × 100000. From 1 Feb 2028: Feb 15, Feb 29; Mar 14, 28; Apr 11, 25.
    const leap = instalmentLoan({ ...base, amount: 600000, annualRatePct: 0, instalments: 6, frequency: 'fortnightly', receivedIndex: 1, startMonth: '2028-01', months: 4 });
    expect(leap.instalmentsPerMonth).to.deep.equal([0, 2, 2, 2]);
    expect(leap.payments).to.deep.equal([0, 200000, 200000, 200000]);
    // From 1 Feb 2027 (28 days): Feb 15; Mar 1, 15, 29; Apr 12, 26.
    const common = instalmentLoan({ ...base, amount: 600000, annualRatePct: 0, instalments: 6, frequency: 'fortnightly', receivedIndex: 1, startMonth: '2027-01', months: 4 });
    expect(common.instalmentsPerMonth).to.deep.equal([0, 1, 3, 2]);
    expect(common.payments).to.deep.equal([0, 100000, 300000, 200000]);
  });

  it('received before opening: pre-start holds the amount, the loan date is day 1 of month 1', () => {
    // Weekly from 1 Jan 2027: all four instalments in January, 102513 in all.
    const result = instalmentLoan({ ...base, receivedIndex: -1, months: 2 });
    expect(result).to.deep.equal({
      received: [0, 0],
      payments: [102513, 0],
      interest: [2513, 0],
      principal: [100000, 0],
      preStart: 100000,
      owedAtEnd: 0,
      instalmentsPerMonth: [4, 0],
    });
  });

  for (const frequency of ['weekly', 'fortnightly', 'monthly'] as InstalmentFrequency[]) {
    it(`${frequency}: received after the horizon gives all zeros`, () => {
      expect(instalmentLoan({ ...base, frequency, receivedIndex: 3, months: 3 })).to.deep.equal({
        received: [0, 0, 0],
        payments: [0, 0, 0],
        interest: [0, 0, 0],
        principal: [0, 0, 0],
        preStart: 0,
        owedAtEnd: 0,
        instalmentsPerMonth: [0, 0, 0],
      });
    });
  }

  const monthly: Array<{ receivedIndex: number; months: number; instalments: number }> = [
    { receivedIndex: 0, months: 6, instalments: 12 }, // payments in months 1–5, 7 still to pay
    { receivedIndex: -1, months: 12, instalments: 12 }, // payments in months 0–11, all repaid
    { receivedIndex: 2, months: 4, instalments: 1 }, // one payment in month 3
  ];
  for (const m of monthly) {
    it(`monthly is exactly loan() (received ${m.receivedIndex}, ${m.instalments} over ${m.months} months)`, () => {
      const result = instalmentLoan({ ...base, amount: 1200000, annualRatePct: 24, frequency: 'monthly', startMonth: '2026-09', ...m });
      const expected = loan({ amount: 1200000, annualRatePct: 24, termMonths: m.instalments, receivedIndex: m.receivedIndex, months: m.months });
      const { instalmentsPerMonth, ...rest } = result;
      expect(rest).to.deep.equal(expected);
      // One instalment in each month from the one after the loan, up to the end or the last one.
      const first = m.receivedIndex + 1;
      expect(instalmentsPerMonth).to.deep.equal(Array.from({ length: m.months }, (_, i) => (i >= first && i < first + m.instalments ? 1 : 0)));
    });
  }

  const bad: Array<[string, Partial<Input>]> = [
    ['0 instalments', { instalments: 0 }],
    ['521 instalments', { instalments: 521 }],
    ['1.5 instalments', { instalments: 1.5 }],
    ['a daily frequency', { frequency: 'daily' as InstalmentFrequency }],
    ['receivedIndex −2', { receivedIndex: -2 }],
    ['receivedIndex 0.5', { receivedIndex: 0.5 }],
    ['a negative amount', { amount: -1 }],
    ['an amount in fractions of a cent', { amount: 100.5 }],
    ['a negative rate', { annualRatePct: -1 }],
    ['a NaN rate', { annualRatePct: Number.NaN }],
    ['−1 months', { months: -1 }],
    ['a bad start month', { startMonth: '2027-1' }],
    ['a bad start month, monthly', { startMonth: 'enero', frequency: 'monthly' }],
  ];
  it('refuses wrong arguments', () => {
    for (const [name, change] of bad) expect(() => instalmentLoan({ ...base, ...change }), name).to.throw(RangeError);
  });
});

describe('instalmentLoan: flat interest (on the original amount)', () => {
  type Input = Parameters<typeof instalmentLoan>[0];
  type Result = ReturnType<typeof instalmentLoan>;
  const base: Input = { amount: 100000, annualRatePct: 26, instalments: 13, frequency: 'weekly', receivedIndex: 0, startMonth: '2027-01', months: 4, method: 'flat' };

  const rows: Array<{ name: string; input: Partial<Input>; expected: Result }> = [
    {
      // 1,000.00 at 26 % a year flat, 13 weekly instalments: interest 100000 × 0.26 × 13 / 52 = 6500.
      // Principal 100000 / 13 = 7692.31 → 7692 (× 12 = 92304), the last 100000 − 92304 = 7696;
      // interest 6500 / 13 = 500 each. Received 1 Jan 2027: Jan 8, 15, 22, 29; Feb 5, 12, 19, 26;
      // Mar 5, 12, 19, 26; Apr 2. January: 4 × 7692 = 30768 + 4 × 500 = 2000 → 32768;
      // April: 7696 + 500 = 8196.
      name: 'weekly',
      input: {},
      expected: {
        received: [100000, 0, 0, 0],
        payments: [32768, 32768, 32768, 8196],
        interest: [2000, 2000, 2000, 500],
        principal: [30768, 30768, 30768, 7696],
        preStart: 0,
        owedAtEnd: 0,
        instalmentsPerMonth: [4, 4, 4, 1],
      },
    },
    {
      // 1,000.00 at 26 % a year flat (1 % a fortnight), 6 fortnightly: interest 100000 × 0.26 × 6 / 26
      // = 6000, 1000 each. Principal 100000 / 6 = 16666.67 → 16667 (× 5 = 83335), the last 16665.
      // Jan 15, 29; Feb 12, 26; Mar 12, 26. March: 16667 + 16665 = 33332 of principal.
      name: 'fortnightly',
      input: { frequency: 'fortnightly', instalments: 6, months: 3 },
      expected: {
        received: [100000, 0, 0],
        payments: [35334, 35334, 35332],
        interest: [2000, 2000, 2000],
        principal: [33334, 33334, 33332],
        preStart: 0,
        owedAtEnd: 0,
        instalmentsPerMonth: [2, 2, 2],
      },
    },
    {
      // 12,000.00 at 2 % a month flat (24 % a year), 12 monthly: interest 1200000 × 0.24 × 12 / 12
      // = 288000, 24000 a month; principal 100000 a month; 124000 from the month after the loan.
      // (On the balance at 24 % the instalment would be 113472 and the interest 161659 in all.)
      name: 'monthly, 2 % a month',
      input: { amount: 1200000, annualRatePct: 24, instalments: 12, frequency: 'monthly', startMonth: '2026-09', months: 13 },
      expected: {
        received: [1200000, ...fill(0, 12)],
        payments: [0, ...fill(124000, 12)],
        interest: [0, ...fill(24000, 12)],
        principal: [0, ...fill(100000, 12)],
        preStart: 0,
        owedAtEnd: 0,
        instalmentsPerMonth: [0, ...fill(1, 12)],
      },
    },
    {
      // Received before opening, weekly: the loan date is 1 Jan 2027 as for receivedIndex 0; the
      // amount is pre-start and nothing is received in the months.
      name: 'weekly, received before opening',
      input: { receivedIndex: -1 },
      expected: {
        received: [0, 0, 0, 0],
        payments: [32768, 32768, 32768, 8196],
        interest: [2000, 2000, 2000, 500],
        principal: [30768, 30768, 30768, 7696],
        preStart: 100000,
        owedAtEnd: 0,
        instalmentsPerMonth: [4, 4, 4, 1],
      },
    },
    {
      // Received before opening, monthly: the first instalment is in month 0 (as loan()).
      name: 'monthly, received before opening',
      input: { amount: 1200000, annualRatePct: 24, instalments: 12, frequency: 'monthly', receivedIndex: -1, months: 12 },
      expected: {
        received: fill(0, 12),
        payments: fill(124000, 12),
        interest: fill(24000, 12),
        principal: fill(100000, 12),
        preStart: 1200000,
        owedAtEnd: 0,
        instalmentsPerMonth: fill(1, 12),
      },
    },
    {
      // The horizon ends in February: 8 weekly instalments paid, 8 × 7692 = 61536 of principal;
      // still owed 100000 − 61536 = 38464 (the last instalment's larger part included).
      name: 'weekly, horizon shorter than the loan',
      input: { months: 2 },
      expected: {
        received: [100000, 0],
        payments: [32768, 32768],
        interest: [2000, 2000],
        principal: [30768, 30768],
        preStart: 0,
        owedAtEnd: 38464,
        instalmentsPerMonth: [4, 4],
      },
    },
    {
      // Monthly, received in month 0 of 6: instalments 1–5 in months 1–5; 7 × 100000 still owed.
      name: 'monthly, horizon shorter than the loan',
      input: { amount: 1200000, annualRatePct: 24, instalments: 12, frequency: 'monthly', months: 6 },
      expected: {
        received: [1200000, 0, 0, 0, 0, 0],
        payments: [0, ...fill(124000, 5)],
        interest: [0, ...fill(24000, 5)],
        principal: [0, ...fill(100000, 5)],
        preStart: 0,
        owedAtEnd: 700000,
        instalmentsPerMonth: [0, 1, 1, 1, 1, 1],
      },
    },
  ];
  for (const row of rows) {
    it(row.name, () => {
      expect(instalmentLoan({ ...base, ...row.input })).to.deep.equal(row.expected);
    });
  }

  // One instalment a month (monthly, received in month 0, one month more than instalments), so
  // each cell is one instalment: the split can be read instalment by instalment.
  const splits: Array<{ name: string; amount: number; annualRatePct: number; instalments: number; interest: number; principalParts: number[]; interestParts: number[] }> = [
    {
      // 100000 × 0.12 × 3 / 12 = 3000: 1000 each. 100000 / 3 = 33333.33 → 33333, 33333, the last 33334.
      name: 'the amount does not divide: the last takes the extra cent',
      amount: 100000, annualRatePct: 12, instalments: 3, interest: 3000,
      principalParts: [33333, 33333, 33334], interestParts: [1000, 1000, 1000],
    },
    {
      // 200000 × 0.10 × 3 / 12 = 5000. 200000 / 3 = 66666.67 → 66667, 66667, the last 66666;
      // 5000 / 3 = 1666.67 → 1667, 1667, the last 1666.
      name: 'rounded up: the last is a cent smaller',
      amount: 200000, annualRatePct: 10, instalments: 3, interest: 5000,
      principalParts: [66667, 66667, 66666], interestParts: [1667, 1667, 1666],
    },
    {
      // 100001 × 0.31 × 7 / 12 = 18083.51 → 18084; 18084 / 7 = 2583.43 → 2583 (× 6 = 15498), the
      // last 2586. 100001 / 7 = 14285.86 → 14286 (× 6 = 85716), the last 14285.
      name: 'odd amount, odd rate',
      amount: 100001, annualRatePct: 31, instalments: 7, interest: 18084,
      principalParts: [...fill(14286, 6), 14285], interestParts: [...fill(2583, 6), 2586],
    },
    {
      // 1050 × 0.12 × 5 / 12 = 52.5 → 53 (half away from zero); 53 / 5 = 10.6 → 11 (× 4 = 44), the
      // last 9. 1050 / 5 = 210 each.
      name: 'a total interest of exactly half a cent rounds away from zero',
      amount: 1050, annualRatePct: 12, instalments: 5, interest: 53,
      principalParts: fill(210, 5), interestParts: [11, 11, 11, 11, 9],
    },
    {
      // 5 cents in 8: 5 / 8 = 0.625 → 1 a month while there is some left: 1, 1, 1, 1, 1, then 0.
      // 5 × 0.12 × 8 / 12 = 0.4 → 0 of interest.
      name: 'a few cents over many instalments: never a negative part',
      amount: 5, annualRatePct: 12, instalments: 8, interest: 0,
      principalParts: [1, 1, 1, 1, 1, 0, 0, 0], interestParts: fill(0, 8),
    },
  ];
  for (const row of splits) {
    it(`cents add up: ${row.name}`, () => {
      const result = instalmentLoan({ ...base, frequency: 'monthly', amount: row.amount, annualRatePct: row.annualRatePct, instalments: row.instalments, months: row.instalments + 1 });
      expect(result.principal).to.deep.equal([0, ...row.principalParts]);
      expect(result.interest).to.deep.equal([0, ...row.interestParts]);
      expect(sum(result.principal)).to.equal(row.amount);
      expect(sum(result.interest)).to.equal(row.interest);
      result.payments.forEach((payment, i) => expect(payment).to.equal(result.interest[i]! + result.principal[i]!));
      expect(result.owedAtEnd).to.equal(0);
    });
  }

  it('cents add up over a year of weekly instalments', () => {
    // 5,000.00 at 36 % flat, 52 weekly: interest 500000 × 0.36 × 52 / 52 = 180000.
    // 500000 / 52 = 9615.38 → 9615 (× 51 = 490365), the last 9635; 180000 / 52 = 3461.54 → 3462
    // (× 51 = 176562), the last 3438. The 52nd falls on 31 December 2027.
    const result = instalmentLoan({ ...base, amount: 500000, annualRatePct: 36, instalments: 52, months: 12 });
    expect(result.instalmentsPerMonth).to.deep.equal([4, 4, 4, 5, 4, 4, 5, 4, 4, 5, 4, 5]);
    expect(sum(result.principal)).to.equal(500000);
    expect(sum(result.interest)).to.equal(180000);
    expect(result.principal[0]).to.equal(4 * 9615);
    expect(result.principal[11]).to.equal(4 * 9615 + 9635);
    expect(result.interest[11]).to.equal(4 * 3462 + 3438);
    expect(result.owedAtEnd).to.equal(0);
  });

  const zeroRate: Array<Partial<Input>> = [
    { frequency: 'weekly', amount: 1000000, instalments: 20, months: 6 },
    { frequency: 'fortnightly', amount: 200000, instalments: 3, months: 3 },
    { frequency: 'monthly', amount: 200000, instalments: 3, months: 4 },
    { frequency: 'monthly', amount: 5, instalments: 8, receivedIndex: -1, months: 6 },
    { frequency: 'weekly', amount: 100001, instalments: 7, receivedIndex: 1, months: 2 },
  ];
  for (const input of zeroRate) {
    it(`at 0 % flat is the declining loan (${input.frequency}, ${input.amount} in ${input.instalments})`, () => {
      // Both split the amount in roundMinor(amount / n) with the last taking what is left.
      const flat = instalmentLoan({ ...base, ...input, annualRatePct: 0, method: 'flat' });
      expect(flat).to.deep.equal(instalmentLoan({ ...base, ...input, annualRatePct: 0, method: 'declining' }));
      expect(sum(flat.interest)).to.equal(0);
    });
  }

  for (const frequency of ['weekly', 'fortnightly', 'monthly'] as InstalmentFrequency[]) {
    it(`${frequency}: no method is 'declining' (the existing schedule)`, () => {
      const { method: _, ...rest } = base;
      const input = { ...rest, frequency, annualRatePct: 24, months: 6 };
      expect(instalmentLoan({ ...input, method: 'declining' })).to.deep.equal(instalmentLoan(input));
    });
    it(`${frequency}: flat, received after the horizon gives all zeros`, () => {
      const result = instalmentLoan({ ...base, frequency, receivedIndex: 3, months: 3 });
      expect([result.received, result.payments, result.interest, result.principal, result.instalmentsPerMonth]).to.deep.equal(Array.from({ length: 5 }, () => fill(0, 3)));
      expect([result.preStart, result.owedAtEnd]).to.deep.equal([0, 0]);
    });
  }

  const bad: Array<[string, Partial<Input>]> = [
    ['an unknown method', { method: 'simple' as InterestMethod }],
    ['method null', { method: null as unknown as InterestMethod }],
    ['flat, a negative amount', { amount: -1 }],
    ['flat, a negative rate', { annualRatePct: -1 }],
    ['flat, an infinite rate', { annualRatePct: Number.POSITIVE_INFINITY }],
    ['flat, 0 instalments', { instalments: 0 }],
    ['flat, a daily frequency', { frequency: 'daily' as InstalmentFrequency }],
    ['flat, receivedIndex −2', { receivedIndex: -2 }],
    ['flat, a bad start month', { startMonth: '2027-13' }],
  ];
  it('refuses wrong arguments', () => {
    for (const [name, change] of bad) expect(() => instalmentLoan({ ...base, ...change }), name).to.throw(RangeError);
    expect(() => instalmentLoan({ ...base, method: 'simple' as InterestMethod })).to.throw(RangeError, /method must be declining or flat/);
  });
});

describe('flatEquivalentRate', () => {
  type Input = Parameters<typeof flatEquivalentRate>[0];
  // Per 100 borrowed the flat instalment is 100/n + the flat rate per period; the rate r per period
  // on the balance gives 100 × r / (1 − (1 + r)^−n); the answer is r × periods a year, one decimal.
  const rows: Array<{ input: Input; expected: number; working: string }> = [
    {
      input: { annualRatePct: 24, instalments: 12, frequency: 'monthly' },
      expected: 41.7,
      // 2 % a month flat: 100/12 + 2 = 10.3333. r = 3.5 % gives 10.3484 (too much), 3.475 % gives
      // 10.3332; the root 3.47526 % × 12 = 41.703 → 41.7.
      working: '2 % a month flat over a year',
    },
    {
      input: { annualRatePct: 36, instalments: 6, frequency: 'monthly' },
      expected: 59.3,
      // 3 % a month: 100/6 + 3 = 19.6667; r = 4.94430 % gives 19.6667; × 12 = 59.33 → 59.3.
      working: '3 % a month flat over six months',
    },
    {
      input: { annualRatePct: 26, instalments: 13, frequency: 'weekly' },
      expected: 47.4,
      // 0.5 % a week: 100/13 + 0.5 = 8.1923; r = 0.91202 % a week gives 8.1923; × 52 = 47.42 → 47.4.
      working: '0.5 % a week flat over 13 weeks',
    },
    {
      input: { annualRatePct: 52, instalments: 52, frequency: 'weekly' },
      expected: 89.3,
      // 1 % a week: 100/52 + 1 = 2.9231; r = 1.71699 % gives 2.9231; × 52 = 89.28 → 89.3.
      working: '1 % a week flat over a year',
    },
    {
      input: { annualRatePct: 26, instalments: 26, frequency: 'fortnightly' },
      expected: 46.6,
      // 1 % a fortnight: 100/26 + 1 = 4.8462; r = 1.79355 % gives 4.8462; × 26 = 46.63 → 46.6.
      working: '1 % a fortnight flat over a year',
    },
    {
      input: { annualRatePct: 24, instalments: 1, frequency: 'monthly' },
      expected: 24,
      // One instalment: 100 + 2 either way (100 × (1 + r)), so the same rate.
      working: 'one instalment: the same rate',
    },
    { input: { annualRatePct: 0, instalments: 12, frequency: 'weekly' }, expected: 0, working: '0 %' },
  ];
  for (const row of rows) {
    it(`${row.working}: ${row.expected} %`, () => {
      expect(flatEquivalentRate(row.input)).to.equal(row.expected);
    });
  }

  it('the declining loan at that rate pays (nearly) the flat instalment', () => {
    // 12,000.00 at 41.7 % on the balance, 12 months: 123998, against the flat 124000 (the rate is
    // rounded to one decimal). 1,000.00, 13 weeks, 47.4 %: 8192 both (flat: 7692 + 500).
    expect(loanPayment(1200000, 41.7, 12)).to.be.closeTo(124000, 10);
    expect(loanPayment(100000, (47.4 * 12) / 52, 13)).to.equal(8192);
  });

  it('with two instalments or more, a flat rate always costs more on the balance (not always more the longer)', () => {
    // 24 % flat, monthly: 2 → 31.9, 3 → 35.7, 6 → 40.0, 12 → 41.7, 24 → 40.9, 48 → 38.0, 520 → 26.3.
    // It peaks near a year: over very long loans the instalment is mostly interest, and the rate on
    // the balance comes back towards the flat rate.
    const rates = [2, 3, 6, 12, 24, 48, 520].map((instalments) => flatEquivalentRate({ annualRatePct: 24, instalments, frequency: 'monthly' }));
    expect(rates).to.deep.equal([31.9, 35.7, 40, 41.7, 40.9, 38, 26.3]);
    rates.forEach((rate) => expect(rate).to.be.above(24));
  });

  const bad: Array<[string, Partial<Input>]> = [
    ['a negative rate', { annualRatePct: -1 }],
    ['a NaN rate', { annualRatePct: Number.NaN }],
    ['an infinite rate', { annualRatePct: Number.POSITIVE_INFINITY }],
    ['0 instalments', { instalments: 0 }],
    ['521 instalments', { instalments: 521 }],
    ['1.5 instalments', { instalments: 1.5 }],
    ['a daily frequency', { frequency: 'daily' as InstalmentFrequency }],
  ];
  it('refuses wrong arguments', () => {
    for (const [name, change] of bad) {
      expect(() => flatEquivalentRate({ annualRatePct: 24, instalments: 12, frequency: 'monthly', ...change }), name).to.throw(RangeError);
    }
  });
});

// ---------------------------------------------------------------- fiado

describe('creditSales: fiado', () => {
  type Input = Parameters<typeof creditSales>[0];
  type Output = ReturnType<typeof creditSales>;
  const rows: Array<{ name: string; input: Input; expected: Output }> = [
    // January 2027 (31 days): 620000 × 50 % = 310000 on credit, 10000 a day; 310000 paid at once.
    // 2 weeks: Jan 1–17 are collected Jan 15–31 (170000), Jan 18–31 on Feb 1–14 (140000).
    {
      name: '2 weeks over a 31-day month',
      input: { sales: [620000, 0, 0], startMonth: '2027-01', sharePct: 50, weeks: 2, badDebtPct: 0 },
      expected: { cash: [480000, 140000, 0], owedAtEnd: 0, badDebt: 0, badDebtByMonth: [0, 0, 0] },
    },
    // April 2027 (30 days): 1000000 × 40 % = 400000 on credit, 600000 at once; 25 % never paid =
    // 100000; 300000 collectable, 10000 a day. 4 weeks (28 days): Apr 1–2 → Apr 29–30 (20000),
    // Apr 3–30 → May 1–28 (280000). 620000 + 280000 + 100000 = 1000000.
    {
      name: '4 weeks with 25 % bad debt',
      input: { sales: [1000000, 0], startMonth: '2027-04', sharePct: 40, weeks: 4, badDebtPct: 25 },
      expected: { cash: [620000, 280000], owedAtEnd: 0, badDebt: 100000, badDebtByMonth: [100000, 0] },
    },
    // The same sale, 6 weeks (42 days): Apr 1–19 → May 13–31 (190000); Apr 20–30 → Jun 1–11,
    // past the horizon (110000 owed). 600000 + 190000 + 110000 + 100000 = 1000000.
    {
      name: '6 weeks with 25 % bad debt, some still owed',
      input: { sales: [1000000, 0], startMonth: '2027-04', sharePct: 40, weeks: 6, badDebtPct: 25 },
      expected: { cash: [600000, 190000], owedAtEnd: 110000, badDebt: 100000, badDebtByMonth: [100000, 0] },
    },
    // December 2026, 2 weeks, a one-month horizon: Dec 1–17 → Dec 15–31 (170000); Dec 18–31 →
    // Jan 2027, past the end (140000).
    {
      name: '2 weeks across the year end',
      input: { sales: [620000], startMonth: '2026-12', sharePct: 50, weeks: 2, badDebtPct: 0 },
      expected: { cash: [480000], owedAtEnd: 140000, badDebt: 0, badDebtByMonth: [0] },
    },
    // February 2028 has 29 days: 580000 × 50 % = 290000, 10000 a day. 2 weeks: Feb 1–15 →
    // Feb 15–29 (150000), Feb 16–29 → Mar 1–14 (140000).
    {
      name: '2 weeks over the leap-year February of 2028',
      input: { sales: [580000, 0], startMonth: '2028-02', sharePct: 50, weeks: 2, badDebtPct: 0 },
      expected: { cash: [440000, 140000], owedAtEnd: 0, badDebt: 0, badDebtByMonth: [0, 0] },
    },
    // 200 × 50 % = 100 over 31 days with cumulative rounding: days 1–17 come to
    // roundMinor(100 × 17 / 31) = roundMinor(54.84) = 55, days 18–31 to 45 (past the end).
    {
      name: 'uneven days: cumulative rounding',
      input: { sales: [200], startMonth: '2027-01', sharePct: 50, weeks: 2, badDebtPct: 0 },
      expected: { cash: [155], owedAtEnd: 45, badDebt: 0, badDebtByMonth: [0] },
    },
    // 0 weeks: collected the same day. 333 all on credit; 10 % never paid: 33.3 → 33; cash 300.
    {
      name: '0 weeks: collected at once, bad debt still lost',
      input: { sales: [333, 1000], startMonth: '2027-02', sharePct: 100, weeks: 0, badDebtPct: 10 },
      expected: { cash: [300, 900], owedAtEnd: 0, badDebt: 133, badDebtByMonth: [33, 100] },
    },
    // 12.5 % of 1000 = 125 on credit; 12.5 % of that = 15.625 → 16 never paid; 875 at once.
    // 109 collectable over 31 days; 52 weeks later is past a 2-month horizon: all owed.
    {
      name: '52 weeks: all still owed',
      input: { sales: [1000, 0], startMonth: '2027-01', sharePct: 12.5, weeks: 52, badDebtPct: 12.5 },
      expected: { cash: [875, 0], owedAtEnd: 109, badDebt: 16, badDebtByMonth: [16, 0] },
    },
    {
      name: 'nothing on credit',
      input: { sales: [1000, 2000], startMonth: '2027-01', sharePct: 0, weeks: 4, badDebtPct: 50 },
      expected: { cash: [1000, 2000], owedAtEnd: 0, badDebt: 0, badDebtByMonth: [0, 0] },
    },
    {
      name: 'all on credit, none ever paid',
      input: { sales: [1000, 2000], startMonth: '2027-01', sharePct: 100, weeks: 4, badDebtPct: 100 },
      expected: { cash: [0, 0], owedAtEnd: 0, badDebt: 3000, badDebtByMonth: [1000, 2000] },
    },
    { name: 'no months', input: { sales: [], startMonth: '2027-01', sharePct: 50, weeks: 2, badDebtPct: 5 }, expected: { cash: [], owedAtEnd: 0, badDebt: 0, badDebtByMonth: [] } },
  ];
  for (const { name, input, expected } of rows) {
    it(name, () => {
      const result = creditSales(input);
      expect(result).to.deep.equal(expected);
      expect(sum(result.cash) + result.owedAtEnd + result.badDebt).to.equal(sum(input.sales));
    });
  }

  it('a steady month: 4 weeks after a 31-day month with sales every month', () => {
    // Jan and Feb 2027, 310000 each, all on credit, no bad debt. January: 10000 a day; Jan 1–3 →
    // Jan 29–31 (30000), Jan 4–31 → Feb 1–28 (280000). February (28 days): 310000 / 28 a day,
    // every day → Mar 1–28, past the end: 310000 owed. Cash: [30000, 280000].
    expect(creditSales({ sales: [310000, 310000], startMonth: '2027-01', sharePct: 100, weeks: 4, badDebtPct: 0 })).to.deep.equal({
      cash: [30000, 280000],
      owedAtEnd: 310000,
      badDebt: 0,
      badDebtByMonth: [0, 0],
    });
  });

  // Every cent of every sale is counted once, over a grid of sales, start months, shares, delays
  // and bad debts.
  const salesSets: number[][] = [
    [1, 2, 3, 4, 5],
    [100000, 0, 99999, 31, 28, 29, 30],
    Array.from({ length: 36 }, (_, i) => 10001 + i * 3737),
    [987654321, 123456789],
  ];
  const starts = ['2026-12', '2027-02', '2028-01', '2028-02', '2099-11'];
  for (const weeks of [0, 1, 2, 4, 6, 13, 52]) {
    it(`every cent counted once: ${weeks} weeks, over the grid`, () => {
      for (const sales of salesSets) {
        for (const startMonth of starts) {
          for (const sharePct of [0, 12.5, 33.3, 50, 100]) {
            for (const badDebtPct of [0, 5, 12.5, 100]) {
              const r = creditSales({ sales, startMonth, sharePct, weeks, badDebtPct });
              expect(sum(r.cash) + r.owedAtEnd + r.badDebt, `${startMonth} ${sharePct} ${badDebtPct}`).to.equal(sum(sales));
              expect(sum(r.badDebtByMonth)).to.equal(r.badDebt);
              expect(r.cash.every((c) => Number.isSafeInteger(c) && c >= 0)).to.equal(true);
              expect(r.owedAtEnd).to.be.at.least(0);
              if (weeks === 0) expect(r.owedAtEnd).to.equal(0);
            }
          }
        }
      }
    });
  }

  const good: Input = { sales: [1000], startMonth: '2027-01', sharePct: 50, weeks: 2, badDebtPct: 5 };
  const bad: Array<[string, Partial<Input>]> = [
    ['a share of 101 %', { sharePct: 101 }],
    ['a share of −1 %', { sharePct: -1 }],
    ['a NaN share', { sharePct: Number.NaN }],
    ['bad debt of 101 %', { badDebtPct: 101 }],
    ['bad debt of −0.5 %', { badDebtPct: -0.5 }],
    ['53 weeks', { weeks: 53 }],
    ['−1 weeks', { weeks: -1 }],
    ['1.5 weeks', { weeks: 1.5 }],
    ['negative sales', { sales: [-1] }],
    ['a bad start month', { startMonth: '27-01' }],
  ];
  it('refuses wrong arguments', () => {
    for (const [name, change] of bad) expect(() => creditSales({ ...good, ...change }), name).to.throw(RangeError);
  });
});

// ---------------------------------------------------------------- seasons

describe('seasons without numbers', () => {
  const n = 'normal' as const;
  const h = 'high' as const;
  const l = 'low' as const;

  const presets: Array<{ name: string; preset: { high?: number[]; low?: number[] }; expected: SeasonLevel[] }> = [
    // The sample feed's "fin de año": high in November and December, low in January.
    { name: 'year end', preset: { high: [11, 12], low: [1] }, expected: [l, n, n, n, n, n, n, n, n, n, h, h] },
    // "Inicio de clases": high in January and February, no low months.
    { name: 'school start', preset: { high: [1, 2] }, expected: [h, h, n, n, n, n, n, n, n, n, n, n] },
    // "Cosecha de café": November to February.
    { name: 'coffee harvest', preset: { high: [11, 12, 1, 2] }, expected: [h, h, n, n, n, n, n, n, n, n, h, h] },
    // July is in both lists: the contradiction cancels, July is normal.
    { name: 'a month in both lists is normal', preset: { high: [6, 7], low: [7, 8] }, expected: [n, n, n, n, n, h, n, l, n, n, n, n] },
    // 0, 13, −1, 2.5 and NaN are not months; 12 is listed twice and counts once.
    { name: 'numbers that are not months are ignored', preset: { high: [0, 13, -1, 2.5, Number.NaN, 12, 12], low: [14] }, expected: [n, n, n, n, n, n, n, n, n, n, n, h] },
    { name: 'no lists', preset: {}, expected: fill(0, 12).map(() => n) },
  ];
  for (const { name, preset, expected } of presets) {
    it(`presetLevels: ${name}`, () => expect(presetLevels(preset)).to.deep.equal(expected));
  }

  const yearEnd = presetLevels({ high: [11, 12], low: [1] });

  it('SEASON_DEFAULTS are 30 % more and 30 % less', () => expect(SEASON_DEFAULTS).to.deep.equal({ highPct: 30, lowPct: 30 }));

  const weights: Array<{ input: [readonly SeasonLevel[], number, number]; expected: number[] }> = [
    // high 1 + 30/100 = 1.3, low 1 − 30/100 = 0.7.
    { input: [yearEnd, 30, 30], expected: [0.7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.3, 1.3] },
    // 500 % more = 6; 100 % less = 0.
    { input: [yearEnd, 500, 100], expected: [0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6, 6] },
    { input: [yearEnd, 0, 0], expected: fill(1, 12) },
    // 12.5 % → 1.125 and 0.875.
    { input: [yearEnd, 12.5, 12.5], expected: [0.875, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1.125, 1.125] },
  ];
  for (const { input, expected } of weights) {
    it(`seasonWeights: +${input[1]} % / −${input[2]} %`, () => expect(seasonWeights(...input)).to.deep.equal(expected));
  }

  const badWeights: Array<[string, readonly SeasonLevel[], number, number]> = [
    ['11 levels', yearEnd.slice(0, 11), 30, 30],
    ['an unknown level', [...yearEnd.slice(0, 11), 'peak' as SeasonLevel], 30, 30],
    ['highPct 501', yearEnd, 501, 30],
    ['highPct −1', yearEnd, -1, 30],
    ['lowPct 101', yearEnd, 30, 101],
    ['lowPct NaN', yearEnd, 30, Number.NaN],
  ];
  it('seasonWeights refuses wrong arguments', () => {
    for (const [name, ...input] of badWeights) expect(() => seasonWeights(...input), name).to.throw(RangeError);
  });

  it('seasonAmounts: year end from October, across the year', () => {
    // Q 1,000.00 a normal month: Oct 100000, Nov and Dec × 1.3 = 130000, Jan × 0.7 = 70000, Feb 100000.
    expect(seasonAmounts(100000, yearEnd, SEASON_DEFAULTS.highPct, SEASON_DEFAULTS.lowPct, '2026-10', 5)).to.deep.equal([100000, 130000, 130000, 70000, 100000]);
  });

  it('seasonAmounts: half a cent rounds away from zero', () => {
    // 12345 × 1.3 = 16048.5 → 16049; 12345 × 0.7 = 8641.5 → 8642 (exact decimal, whatever the float says).
    expect(seasonAmounts(12345, yearEnd, 30, 30, '2026-12', 2)).to.deep.equal([16049, 8642]);
  });

  it('seasonAmounts is seasonal() with seasonWeights()', () => {
    const levels = presetLevels({ high: [6, 7], low: [2, 9] });
    expect(seasonAmounts(77777, levels, 45, 20, '2026-05', 36)).to.deep.equal(seasonal(77777, seasonWeights(levels, 45, 20), '2026-05', 36));
  });

  it('seasonAmounts refuses a bad start month', () => expect(() => seasonAmounts(100, yearEnd, 30, 30, '2026-00', 0)).to.throw(RangeError));
});

// ---------------------------------------------------------------- drawings

describe('drawingsSummary', () => {
  const drawings = (amounts: number[], preStart = 0): CashFlowLine => line('owner', 'out', amounts, { kind: 'drawings', group: 'financing', preStart });

  it('drawings that cause a shortfall', () => {
    // Sales 100000, costs 80000, drawings 30000 a month: net −10000 → closings −10000, −20000,
    // −30000: funding 30000, first negative month 0. Without the drawings net +20000: lowest is the
    // pre-start column's 0, no funding. Drawings 90000 of 330000 out = 27.27 % → 27.
    const p = plan(3, [line('sales', 'in', fill(100000, 3)), line('costs', 'out', fill(80000, 3)), drawings(fill(30000, 3))]);
    expect(drawingsSummary(p)).to.deep.equal({
      total: 90000,
      preStart: 0,
      monthly: [30000, 30000, 30000],
      shareOfOutPct: 27,
      fundingNeeded: 30000,
      fundingNeededWithout: 0,
      firstNegative: 0,
      firstNegativeWithout: null,
      causesShortfall: true,
      worsensShortfall: false,
    });
  });

  it('drawings that worsen a shortfall', () => {
    // Sales 100000, costs 120000, drawings 10000: net −30000 a month → lowest −90000, funding
    // 90000; without: net −20000 → −60000, funding 60000. Share: 30000 of 390000 = 7.69 % → 8.
    const p = plan(3, [line('sales', 'in', fill(100000, 3)), line('costs', 'out', fill(120000, 3)), drawings(fill(10000, 3))]);
    const d = drawingsSummary(p);
    expect([d.total, d.shareOfOutPct, d.fundingNeeded, d.fundingNeededWithout, d.firstNegative, d.firstNegativeWithout]).to.deep.equal([30000, 8, 90000, 60000, 0, 0]);
    expect([d.causesShortfall, d.worsensShortfall]).to.deep.equal([false, true]);
  });

  it('drawings that take the cash below the safety minimum, never below zero', () => {
    // Opening 50000, minimum 40000; sales 100000, costs 90000, drawings 20000: net −10000 →
    // closings 50000 (pre-start), 40000, 30000: funding 40000 − 30000 = 10000; no negative.
    // Without: net +10000, lowest 50000, no funding.
    const p = plan(2, [line('sales', 'in', fill(100000, 2)), line('costs', 'out', fill(90000, 2)), drawings(fill(20000, 2))], { openingBalance: 50000, safetyMinimum: 40000 });
    const d = drawingsSummary(p);
    expect([d.fundingNeeded, d.fundingNeededWithout, d.firstNegative, d.firstNegativeWithout]).to.deep.equal([10000, 0, null, null]);
    expect([d.causesShortfall, d.worsensShortfall]).to.deep.equal([true, false]);
  });

  it('a shortfall the drawings do not change', () => {
    // Pre-start equipment 50000 with no opening balance: −50000 at pre-start (funding 50000) both
    // ways (first negative: the pre-start column, −1); afterwards net 100000 − 50000 − 20000 =
    // +30000 a month (+50000 without the drawings), never lower.
    const p = plan(2, [line('equipment', 'out', [0, 0], { preStart: 50000, group: 'investment' }), line('sales', 'in', fill(100000, 2)), line('costs', 'out', fill(50000, 2)), drawings(fill(20000, 2))]);
    const d = drawingsSummary(p);
    expect([d.fundingNeeded, d.fundingNeededWithout, d.firstNegative, d.firstNegativeWithout]).to.deep.equal([50000, 50000, -1, -1]);
    expect([d.causesShortfall, d.worsensShortfall]).to.deep.equal([false, false]);
  });

  it('pre-start drawings count in the total, not in the months', () => {
    // Drawings 5000 before opening and 1000, 2000 after: total 8000. Money out: 8000 + costs
    // 3000 × 2 = 14000: 57.14 % → 57. Opening 10000, sales 10000 a month: closings 5000, 11000,
    // 16000 → no funding either way.
    const p = plan(2, [line('sales', 'in', fill(10000, 2)), line('costs', 'out', fill(3000, 2)), drawings([1000, 2000], 5000)], { openingBalance: 10000 });
    const d = drawingsSummary(p);
    expect([d.total, d.preStart, d.monthly, d.shareOfOutPct, d.fundingNeeded, d.causesShortfall, d.worsensShortfall]).to.deep.equal([8000, 5000, [1000, 2000], 57, 0, false, false]);
  });

  it('no drawings: nothing changes', () => {
    // A 'drawings' kind on a money-in line is not drawings (the flow wins).
    const p = plan(2, [line('sales', 'in', fill(100000, 2)), line('odd', 'in', fill(5, 2), { kind: 'drawings' }), line('costs', 'out', fill(150000, 2))]);
    const d = drawingsSummary(p);
    // Net 100005 − 150000 = −49995 a month → lowest −99990, the same both ways.
    expect(d).to.deep.equal({
      total: 0,
      preStart: 0,
      monthly: [0, 0],
      shareOfOutPct: 0,
      fundingNeeded: 99990,
      fundingNeededWithout: 99990,
      firstNegative: 0,
      firstNegativeWithout: 0,
      causesShortfall: false,
      worsensShortfall: false,
    });
  });

  it('no money out: the share is 0', () => {
    expect(drawingsSummary(plan(1, [line('sales', 'in', [100])])).shareOfOutPct).to.equal(0);
  });

  it('all money out is drawings: 100 %', () => {
    expect(drawingsSummary(plan(1, [line('sales', 'in', [100]), drawings([40])])).shareOfOutPct).to.equal(100);
  });

  it('refuses a plan that cannot be projected', () => {
    expect(() => drawingsSummary(plan(2, [drawings([100])]))).to.throw(RangeError);
  });
});
