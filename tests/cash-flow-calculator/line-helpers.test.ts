import { expect } from '@open-wc/testing';
import {
  amortisation,
  collections,
  everyNMonths,
  growing,
  loan,
  loanPayment,
  oneOff,
  sameEveryMonth,
  seasonal,
  vatPayments,
} from '../../src/cash-flow-calculator/line-helpers.js';

const sum = (values: readonly number[]): number => values.reduce((a, b) => a + b, 0);
const fill = (value: number, months: number): number[] => new Array<number>(months).fill(value);

// ---------------------------------------------------------------- same every month

describe('sameEveryMonth', () => {
  const rows: Array<{ input: [number, number]; expected: number[] }> = [
    { input: [2500, 3], expected: [2500, 2500, 2500] },
    { input: [0, 1], expected: [0] },
    { input: [2500, 0], expected: [] },
    { input: [12.5, 2], expected: [13, 13] },
    { input: [99, 36], expected: fill(99, 36) },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} × ${input[1]}`, () => expect(sameEveryMonth(...input)).to.deep.equal(expected));
  }

  const bad: Array<[number, number]> = [[-1, 3], [Number.NaN, 3], [Infinity, 3], [100, -1], [100, 1.5]];
  for (const input of bad) {
    it(`refuses ${input.join(', ')}`, () => expect(() => sameEveryMonth(...input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- growing

describe('growing', () => {
  const rows: Array<{ input: [number, number, number]; expected: number[] }> = [
    // 1 000.00 at 3.3 % a month: exact values 100 000 × 1.033^i =
    // 100000, 103300, 106708.9, 110230.2937, 113867.893…, 117625.533…, 121507.176…,
    // 125516.913…, 129658.971…, 133937.717…, 138357.662…, 142923.465…
    { input: [100000, 3.3, 12], expected: [100000, 103300, 106709, 110230, 113868, 117626, 121507, 125517, 129659, 133938, 138358, 142923] },
    // 1 250.50 at 3.3 %: 129 176.65 → 129 177, 133 439.479… → 133 439 (each cell from the exact
    // power, never from the rounded cell before it, so rounding does not compound).
    { input: [125050, 3.3, 12], expected: [125050, 129177, 133439, 137843, 142392, 147091, 151945, 156959, 162139, 167489, 173016, 178726] },
    // 100 × 1.005 is 100.49999999999999 in floating point, 100.5 in decimal: rounds to 101.
    { input: [100, 0.5, 2], expected: [100, 101] },
    { input: [5, 10, 3], expected: [5, 6, 6] }, // 5.5 → 6, 6.05 → 6
    { input: [1000, 0, 3], expected: [1000, 1000, 1000] },
    { input: [1000, -10, 4], expected: [1000, 900, 810, 729] },
    { input: [1000, -100, 3], expected: [1000, 0, 0] },
    { input: [0, 50, 2], expected: [0, 0] },
    { input: [1000, 5, 1], expected: [1000] },
    { input: [1000, 5, 0], expected: [] },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} at ${input[1]} % for ${input[2]} months`, () => expect(growing(...input)).to.deep.equal(expected));
  }

  it('36 months: the last cell is start × 1.02^35', () => {
    const cells = growing(100000, 2, 36);
    expect(cells).to.have.length(36);
    expect(cells[35]).to.equal(199989); // 100 000 × 1.02^35 = 199 988.955…
  });

  const bad: Array<[number, number, number]> = [[1000, -100.5, 3], [-5, 1, 3], [1000, Number.NaN, 3], [1000, 1, -1]];
  for (const input of bad) {
    it(`refuses ${input.join(', ')}`, () => expect(() => growing(...input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- seasonal

describe('seasonal', () => {
  //                    Jan   Feb  Mar  Apr  May  Jun  Jul   Aug  Sep  Oct  Nov  Dec
  const harvestAndXmas = [1.3, 0.8, 0.9, 0.9, 1.0, 1.0, 0.75, 0.8, 0.9, 1.0, 1.2, 1.75];
  const rows: Array<{ input: [number, readonly number[], string, number]; expected: number[] }> = [
    { input: [200000, harvestAndXmas, '2026-01', 12], expected: [260000, 160000, 180000, 180000, 200000, 200000, 150000, 160000, 180000, 200000, 240000, 350000] },
    // Starting in November: Nov, Dec, Jan, Feb. 199 999 × 1.75 = 349 998.25 → 349 998.
    { input: [199999, harvestAndXmas, '2026-11', 4], expected: [239999, 349998, 259999, 159999] },
    // 1 001 × 0.5 = 500.5 → 501 (half away from zero).
    { input: [1001, fill(0.5, 12), '2026-05', 2], expected: [501, 501] },
    { input: [5000, fill(1, 12), '2026-05', 1], expected: [5000] },
    { input: [5000, fill(0, 12), '2026-05', 3], expected: [0, 0, 0] },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} from ${input[2]} for ${input[3]} months`, () => expect(seasonal(...input)).to.deep.equal(expected));
  }

  it('36 months wrap the calendar three times', () => {
    const cells = seasonal(100, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], '2026-12', 36);
    expect(cells.slice(0, 3)).to.deep.equal([1200, 100, 200]);
    expect(cells[35]).to.equal(1100); // 2029-11
  });

  const bad: Array<[number, readonly number[], string, number]> = [
    [100, fill(1, 11), '2026-01', 3],
    [100, [...fill(1, 11), -1], '2026-01', 3],
    [100, fill(1, 12), '2026-13', 3],
    [-100, fill(1, 12), '2026-01', 3],
  ];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => expect(() => seasonal(...input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- one-off, every N months

describe('oneOff', () => {
  const rows: Array<{ input: [number, number, number]; expected: number[] }> = [
    { input: [5000, 0, 3], expected: [5000, 0, 0] },
    { input: [5000, 2, 3], expected: [0, 0, 5000] },
    { input: [5000, 3, 3], expected: [0, 0, 0] }, // past the horizon
    { input: [5000, 0, 1], expected: [5000] },
    { input: [1234.5, 1, 2], expected: [0, 1235] },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} in month ${input[1]} of ${input[2]}`, () => expect(oneOff(...input)).to.deep.equal(expected));
  }

  for (const input of [[5000, -1, 3], [5000, 0.5, 3], [-1, 0, 3]] as Array<[number, number, number]>) {
    it(`refuses ${input.join(', ')}`, () => expect(() => oneOff(...input)).to.throw(RangeError));
  }
});

describe('everyNMonths', () => {
  const rows: Array<{ input: [number, number, number, number]; expected: number[] }> = [
    { input: [900, 3, 2, 12], expected: [0, 0, 900, 0, 0, 900, 0, 0, 900, 0, 0, 900] },
    { input: [900, 1, 0, 3], expected: [900, 900, 900] },
    { input: [900, 1, 1, 3], expected: [0, 900, 900] },
    { input: [900, 6, 0, 6], expected: [900, 0, 0, 0, 0, 0] },
    { input: [900, 3, 5, 5], expected: [0, 0, 0, 0, 0] },
    { input: [900, 3, 0, 1], expected: [900] },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} every ${input[1]} from ${input[2]} over ${input[3]}`, () => expect(everyNMonths(...input)).to.deep.equal(expected));
  }

  it('once a year over 36 months', () => {
    const cells = everyNMonths(25000, 12, 11, 36);
    expect(cells.flatMap((cell, i) => (cell > 0 ? [i] : []))).to.deep.equal([11, 23, 35]);
    expect(sum(cells)).to.equal(75000);
  });

  for (const input of [[900, 0, 0, 3], [900, 1.5, 0, 3], [900, 3, -1, 3]] as Array<[number, number, number, number]>) {
    it(`refuses ${input.join(', ')}`, () => expect(() => everyNMonths(...input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- collections

describe('collections: sales on credit', () => {
  const rows: Array<{ input: [number[], number, number]; expected: { cash: number[]; owedAtEnd: number } }> = [
    // 40 % of 1 000 (= 400) comes a month later: 600 now; 1 000 = 600 + 400 afterwards.
    { input: [[1000, 1000, 1000], 40, 1], expected: { cash: [600, 1000, 1000], owedAtEnd: 400 } },
    { input: [[1000, 1000, 1000], 40, 0], expected: { cash: [1000, 1000, 1000], owedAtEnd: 0 } },
    { input: [[1000, 1000, 1000], 0, 2], expected: { cash: [1000, 1000, 1000], owedAtEnd: 0 } },
    { input: [[100, 200, 300, 400], 100, 2], expected: { cash: [0, 0, 100, 200], owedAtEnd: 700 } },
    // 333 × 50 % = 166.5 → 167 later, 166 now; 335 × 50 % = 167.5 → 168 later, 167 now.
    { input: [[333, 335], 50, 1], expected: { cash: [166, 167 + 167], owedAtEnd: 168 } },
    { input: [[1000, 2000], 30, 5], expected: { cash: [700, 1400], owedAtEnd: 900 } },
    { input: [[], 30, 1], expected: { cash: [], owedAtEnd: 0 } },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input[0])}, ${input[1]} % after ${input[2]}`, () => {
      const result = collections(...input);
      expect(result).to.deep.equal(expected);
      expect(sum(result.cash) + result.owedAtEnd).to.equal(sum(input[0]));
    });
  }

  it('every cent of 36 months of odd sales is accounted for', () => {
    const sales = Array.from({ length: 36 }, (_, i) => 10001 + i * 37);
    const result = collections(sales, 33.3, 2);
    expect(sum(result.cash) + result.owedAtEnd).to.equal(sum(sales));
  });

  for (const input of [[[100], -1, 1], [[100], 101, 1], [[100], 50, -1], [[100.5], 50, 1], [[-100], 50, 1]] as Array<[number[], number, number]>) {
    it(`refuses ${JSON.stringify(input)}`, () => expect(() => collections(...input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- loans

describe('loanPayment', () => {
  const rows: Array<{ input: [number, number, number]; expected: number }> = [
    { input: [100000, 18, 12], expected: 9168 }, // $1,000 at 18 % over a year: $91.68
    { input: [300000, 18, 12], expected: 27504 }, // 27 503.998 → 27 504
    { input: [123457, 18, 12], expected: 11319 },
    { input: [500000, 24, 6], expected: 89263 },
    { input: [100000, 0, 3], expected: 33333 },
    { input: [100000, 12, 1], expected: 101000 },
    { input: [0, 18, 12], expected: 0 },
  ];
  for (const { input, expected } of rows) {
    it(`${input.join(', ')} → ${expected}`, () => expect(loanPayment(...input)).to.equal(expected));
  }
});

describe('amortisation (French): interest + principal, the last payment absorbs the rounding', () => {
  const rows: Array<{ input: [number, number, number]; expected: { payments: number[]; interest: number[]; principal: number[] } }> = [
    {
      // 1 234.57 at 18 %: interest = balance × 0.015 rounded once (123 457 × 0.015 = 1 851.855 → 1 852),
      // principal = 11 319 − interest; the last principal is what is left (11 145), so its payment is 11 312.
      input: [123457, 18, 12],
      expected: {
        payments: [...fill(11319, 11), 11312],
        interest: [1852, 1710, 1566, 1419, 1271, 1120, 967, 812, 654, 494, 332, 167],
        principal: [9467, 9609, 9753, 9900, 10048, 10199, 10352, 10507, 10665, 10825, 10987, 11145],
      },
    },
    {
      input: [300000, 18, 12],
      expected: {
        payments: [...fill(27504, 11), 27502],
        interest: [4500, 4155, 3805, 3449, 3088, 2722, 2350, 1973, 1590, 1201, 807, 406],
        principal: [23004, 23349, 23699, 24055, 24416, 24782, 25154, 25531, 25914, 26303, 26697, 27096],
      },
    },
    {
      input: [500000, 24, 6],
      expected: {
        payments: [...fill(89263, 5), 89262],
        interest: [10000, 8415, 6798, 5148, 3466, 1750],
        principal: [79263, 80848, 82465, 84115, 85797, 87512],
      },
    },
    // 0 %: equal principal, the last absorbs: 33 333.33… → 33 333, 33 333, 33 334.
    { input: [100000, 0, 3], expected: { payments: [33333, 33333, 33334], interest: [0, 0, 0], principal: [33333, 33333, 33334] } },
    // Tiny amounts: principal never negative, never more than is owed.
    { input: [2, 0, 4], expected: { payments: [1, 1, 0, 0], interest: [0, 0, 0, 0], principal: [1, 1, 0, 0] } },
    { input: [1, 18, 3], expected: { payments: [0, 0, 1], interest: [0, 0, 0], principal: [0, 0, 1] } },
    { input: [100000, 12, 1], expected: { payments: [101000], interest: [1000], principal: [100000] } },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} at ${input[1]} % over ${input[2]} months`, () => {
      const result = amortisation(...input);
      expect(result).to.deep.equal(expected);
      expect(sum(result.principal)).to.equal(input[0]);
      result.payments.forEach((payment, k) => expect(payment).to.equal(result.interest[k]! + result.principal[k]!));
    });
  }

  it('36 months at 30 %: principal adds up exactly', () => {
    const result = amortisation(987655, 30, 36);
    expect(result.payments).to.have.length(36);
    expect(sum(result.principal)).to.equal(987655);
    expect(Math.abs(result.payments[35]! - result.payments[0]!)).to.be.below(36);
  });
});

describe('loan: placed on the plan months', () => {
  const rows: Array<{
    input: Parameters<typeof loan>[0];
    expected: ReturnType<typeof loan>;
  }> = [
    {
      // Received in month 1, paid from month 2; four of twelve payments fit in the horizon.
      input: { amount: 100000, receivedIndex: 0, termMonths: 12, annualRatePct: 18, months: 5 },
      expected: {
        received: [100000, 0, 0, 0, 0],
        payments: [0, 9168, 9168, 9168, 9168],
        interest: [0, 1500, 1385, 1268, 1150],
        principal: [0, 7668, 7783, 7900, 8018],
        preStart: 0,
        owedAtEnd: 100000 - 7668 - 7783 - 7900 - 8018,
      },
    },
    {
      // Received before opening (pre-start): the first payment is month 1.
      input: { amount: 100000, receivedIndex: -1, termMonths: 3, annualRatePct: 0, months: 4 },
      expected: {
        received: [0, 0, 0, 0],
        payments: [33333, 33333, 33334, 0],
        interest: [0, 0, 0, 0],
        principal: [33333, 33333, 33334, 0],
        preStart: 100000,
        owedAtEnd: 0,
      },
    },
    {
      // The whole loan inside the horizon: nothing owed at the end.
      input: { amount: 123457, receivedIndex: 1, termMonths: 12, annualRatePct: 18, months: 14 },
      expected: {
        received: [0, 123457, ...fill(0, 12)],
        payments: [0, 0, ...fill(11319, 11), 11312],
        interest: [0, 0, 1852, 1710, 1566, 1419, 1271, 1120, 967, 812, 654, 494, 332, 167],
        principal: [0, 0, 9467, 9609, 9753, 9900, 10048, 10199, 10352, 10507, 10665, 10825, 10987, 11145],
        preStart: 0,
        owedAtEnd: 0,
      },
    },
    {
      // Received in the last month: no payment within the horizon.
      input: { amount: 50000, receivedIndex: 2, termMonths: 6, annualRatePct: 20, months: 3 },
      expected: { received: [0, 0, 50000], payments: [0, 0, 0], interest: [0, 0, 0], principal: [0, 0, 0], preStart: 0, owedAtEnd: 50000 },
    },
    {
      // Received after the horizon: nothing at all.
      input: { amount: 50000, receivedIndex: 3, termMonths: 6, annualRatePct: 20, months: 3 },
      expected: { received: [0, 0, 0], payments: [0, 0, 0], interest: [0, 0, 0], principal: [0, 0, 0], preStart: 0, owedAtEnd: 0 },
    },
    {
      input: { amount: 100000, receivedIndex: 0, termMonths: 1, annualRatePct: 12, months: 2 },
      expected: { received: [100000, 0], payments: [0, 101000], interest: [0, 1000], principal: [0, 100000], preStart: 0, owedAtEnd: 0 },
    },
  ];
  for (const { input, expected } of rows) {
    it(JSON.stringify(input), () => {
      const result = loan(input);
      expect(result).to.deep.equal(expected);
      expect(sum(result.principal) + result.owedAtEnd).to.equal(input.receivedIndex < input.months ? input.amount : 0);
    });
  }

  const bad: Array<Parameters<typeof loan>[0]> = [
    { amount: 1000, receivedIndex: -2, termMonths: 12, annualRatePct: 18, months: 6 },
    { amount: 1000, receivedIndex: 0, termMonths: 0, annualRatePct: 18, months: 6 },
    { amount: 1000, receivedIndex: 0, termMonths: 12, annualRatePct: -1, months: 6 },
    { amount: -1000, receivedIndex: 0, termMonths: 12, annualRatePct: 18, months: 6 },
    { amount: 1000, receivedIndex: 0.5, termMonths: 12, annualRatePct: 18, months: 6 },
  ];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => expect(() => loan(input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- VAT

describe('vatPayments', () => {
  const rows: Array<{ name: string; input: Parameters<typeof vatPayments>[0]; expected: ReturnType<typeof vatPayments> }> = [
    {
      // SV 13 %, prices without tax. Tax on sales 13 000 a month; on purchases 6 500, 19 500, 2 600.
      // Jul: 13 000 − 6 500 = 6 500, paid in Aug. Aug: 13 000 − 19 500 = −6 500 → credit 6 500, nothing paid in Sep.
      // Sep: 13 000 − 2 600 − 6 500 = 3 900, due after the end.
      name: 'SV 13 %, without tax, a credit used up the next month',
      input: { sales: [100000, 100000, 100000], purchases: [50000, 150000, 20000], ratePct: 13, pricesIncludeTax: false },
      expected: { payments: [0, 6500, 0], dueAfterEnd: 3900, creditAtEnd: 0 },
    },
    {
      // DO 18 % with tax included: 118 000 holds 18 000 of tax, 59 000 holds 9 000.
      name: 'DO 18 %, prices include tax',
      input: { sales: [118000, 118000], purchases: [59000, 0], ratePct: 18, pricesIncludeTax: true },
      expected: { payments: [0, 9000], dueAfterEnd: 18000, creditAtEnd: 0 },
    },
    {
      // 1 000 with 13 % inside: 1 000 × 13 / 113 = 115.04 → 115; 500 → 57.52 → 58. 115 − 58 = 57.
      name: 'SV 13 % included, rounded once per month',
      input: { sales: [1000, 1000], purchases: [500, 500], ratePct: 13, pricesIncludeTax: true },
      expected: { payments: [0, 57], dueAfterEnd: 57, creditAtEnd: 0 },
    },
    {
      // HN 15 %: 115 with tax holds exactly 15.
      name: 'HN 15 % included',
      input: { sales: [115], purchases: [0], ratePct: 15, pricesIncludeTax: true },
      expected: { payments: [0], dueAfterEnd: 15, creditAtEnd: 0 },
    },
    {
      // Buying stock before selling: 11 300 × 13 % = 1 469 of credit, carried to the end (no refund).
      name: 'a credit that lasts to the end',
      input: { sales: [0, 1000], purchases: [11300, 0], ratePct: 13, pricesIncludeTax: false },
      expected: { payments: [0, 0], dueAfterEnd: 0, creditAtEnd: 1469 - 130 },
    },
    {
      // GT small taxpayer: 5 % of gross sales, no credit for purchases.
      name: 'GT small taxpayer, 5 % of sales',
      input: { sales: [200000, 300000, 0], purchases: [0, 0, 0], ratePct: 5, pricesIncludeTax: false },
      expected: { payments: [0, 10000, 15000], dueAfterEnd: 0, creditAtEnd: 0 },
    },
    {
      // NI 15 %, half a cent rounds away from zero: 10 × 15 % = 1.5 → 2; 3 × 15 % = 0.45 → 0.
      name: 'NI 15 %, half a cent',
      input: { sales: [10, 10], purchases: [3, 3], ratePct: 15, pricesIncludeTax: false },
      expected: { payments: [0, 2], dueAfterEnd: 2, creditAtEnd: 0 },
    },
    {
      name: 'no months',
      input: { sales: [], purchases: [], ratePct: 13, pricesIncludeTax: false },
      expected: { payments: [], dueAfterEnd: 0, creditAtEnd: 0 },
    },
  ];
  for (const { name, input, expected } of rows) {
    it(name, () => expect(vatPayments(input)).to.deep.equal(expected));
  }

  it('36 months: payments are each month’s tax difference, one month later', () => {
    const sales = fill(113000, 36);
    const purchases = fill(56500, 36);
    const result = vatPayments({ sales, purchases, ratePct: 13, pricesIncludeTax: true });
    expect(result.payments).to.deep.equal([0, ...fill(6500, 35)]);
    expect(result.dueAfterEnd).to.equal(6500);
  });

  const bad: Array<Parameters<typeof vatPayments>[0]> = [
    { sales: [1, 2], purchases: [1], ratePct: 13, pricesIncludeTax: false },
    { sales: [1], purchases: [1], ratePct: -1, pricesIncludeTax: false },
    { sales: [1.5], purchases: [1], ratePct: 13, pricesIncludeTax: false },
  ];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => expect(() => vatPayments(input)).to.throw(RangeError));
  }
});
