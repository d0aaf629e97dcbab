import { expect } from '@open-wc/testing';
import {
  MAX_MONTHS,
  PRE_START_LABEL,
  applyScenario,
  blankPlan,
  calendarMonthAt,
  isMonth,
  lineKind,
  lineTotal,
  monthAt,
  monthlyByKind,
  planProblems,
  projectCashFlow,
  rememberAmounts,
  resizePlan,
  roundMinor,
  type CashFlowLine,
  type CashFlowPlan,
  type LineKind,
  type PeriodFigures,
  type Projection,
} from '../../src/cash-flow-calculator/projection.js';
import { loan, sameEveryMonth, seasonal } from '../../src/cash-flow-calculator/line-helpers.js';

// ---------------------------------------------------------------- builders

function line(id: string, flow: 'in' | 'out', amounts: readonly number[], extra: Partial<CashFlowLine> = {}): CashFlowLine {
  return { id, label: id, flow, group: 'operations', preStart: 0, amounts, ...extra };
}

function plan(extra: Partial<CashFlowPlan> & { lines?: readonly CashFlowLine[] }): CashFlowPlan {
  const months = extra.months ?? extra.lines?.[0]?.amounts.length ?? 3;
  return { currency: 'USD', startMonth: '2026-01', months, openingBalance: 0, safetyMinimum: 0, lines: [], ...extra };
}

/** The identities every projection must satisfy, whatever the plan. */
function checkIdentities(input: CashFlowPlan, result: Projection): void {
  const periods: PeriodFigures[] = [result.preStart, ...result.months];
  expect(result.months).to.have.length(input.months);
  expect(result.preStart.opening).to.equal(input.openingBalance);
  let sumIn = 0;
  let sumOut = 0;
  periods.forEach((period, p) => {
    expect(period.net, `net of ${period.label}`).to.equal(period.totalIn - period.totalOut);
    expect(period.closing, `closing of ${period.label}`).to.equal(period.opening + period.net);
    expect(period.closing, `cumulative of ${period.label}`).to.equal(input.openingBalance + period.cumulativeNet);
    if (p > 0) expect(period.opening, `opening of ${period.label}`).to.equal(periods[p - 1]!.closing);
    sumIn += period.totalIn;
    sumOut += period.totalOut;
  });
  expect(result.totals).to.deep.equal({ in: sumIn, out: sumOut, net: sumIn - sumOut });
  const lineSums = input.lines.reduce(
    (acc, l) => (l.flow === 'in' ? { ...acc, in: acc.in + lineTotal(l) } : { ...acc, out: acc.out + lineTotal(l) }),
    { in: 0, out: 0 },
  );
  expect(lineSums).to.deep.equal({ in: result.totals.in, out: result.totals.out });
  expect(result.fundingNeeded).to.equal(Math.max(0, input.safetyMinimum - result.lowest.balance));
  expect(Math.min(...periods.map((p) => p.closing))).to.equal(result.lowest.balance);
}

// ---------------------------------------------------------------- roundMinor

describe('roundMinor: half away from zero, once', () => {
  const rows: Array<{ input: number; expected: number }> = [
    { input: 0, expected: 0 },
    { input: 7, expected: 7 },
    { input: 0.4, expected: 0 },
    { input: 0.5, expected: 1 },
    { input: 1.5, expected: 2 },
    { input: 2.5, expected: 3 },
    { input: 2.4999, expected: 2 },
    { input: 2.51, expected: 3 },
    { input: -0.5, expected: -1 },
    { input: -2.5, expected: -3 },
    { input: -2.4, expected: -2 },
    { input: -0.4, expected: 0 },
    // 1.005 × 100 is 100.49999999999999 in binary floating point; exactly 100.5 in decimal.
    { input: 1.005 * 100, expected: 101 },
    // 253 647 × 18 / 1200 = 3 804.705 (the third interest cell of the worked example's loan).
    { input: (253647 * 18) / 1200, expected: 3805 },
    { input: 1e12 + 0.5, expected: 1e12 + 1 },
    { input: 1e12 + 0.49, expected: 1e12 },
  ];
  for (const { input, expected } of rows) {
    it(`${input} → ${expected}`, () => expect(roundMinor(input)).to.equal(expected));
  }

  it('never returns -0', () => {
    expect(Object.is(roundMinor(-0.4), 0)).to.equal(true);
    expect(Object.is(roundMinor(-0), 0)).to.equal(true);
  });

  for (const input of [Number.NaN, Infinity, -Infinity]) {
    it(`refuses ${input}`, () => expect(() => roundMinor(input)).to.throw(RangeError));
  }
});

// ---------------------------------------------------------------- months

describe('monthAt', () => {
  const rows: Array<{ input: [string, number]; expected: string }> = [
    { input: ['2026-01', 0], expected: '2026-01' },
    { input: ['2026-01', 11], expected: '2026-12' },
    { input: ['2026-11', 2], expected: '2027-01' },
    { input: ['2026-12', 1], expected: '2027-01' },
    { input: ['2026-07', 35], expected: '2029-06' },
    { input: ['2026-03', 12], expected: '2027-03' },
    { input: ['2026-01', -1], expected: '2025-12' },
    { input: ['0999-12', 1], expected: '1000-01' },
  ];
  for (const { input, expected } of rows) {
    it(`${input[0]} + ${input[1]} → ${expected}`, () => expect(monthAt(...input)).to.equal(expected));
  }

  const bad: Array<[string, number]> = [['2026-13', 0], ['2026-00', 0], ['2026-1', 0], ['26-01', 0], ['2026-01-01', 0], ['', 0], ['2026-01', 1.5]];
  for (const input of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => expect(() => monthAt(...input)).to.throw(RangeError));
  }

  it('calendarMonthAt and isMonth', () => {
    expect(calendarMonthAt('2026-11', 2)).to.equal(1);
    expect(calendarMonthAt('2026-11', 1)).to.equal(12);
    expect(isMonth('2026-09')).to.equal(true);
    expect(isMonth('2026-9')).to.equal(false);
  });
});

// ---------------------------------------------------------------- blank, resize

describe('blankPlan', () => {
  const rows: Array<{ input: [string, string, number?]; expected: CashFlowPlan }> = [
    {
      input: ['USD', '2026-07'],
      expected: { currency: 'USD', startMonth: '2026-07', months: 12, openingBalance: 0, safetyMinimum: 0, lines: [] },
    },
    {
      input: ['GTQ', '2027-01', 1],
      expected: { currency: 'GTQ', startMonth: '2027-01', months: 1, openingBalance: 0, safetyMinimum: 0, lines: [] },
    },
    {
      input: ['DOP', '2026-12', 36],
      expected: { currency: 'DOP', startMonth: '2026-12', months: 36, openingBalance: 0, safetyMinimum: 0, lines: [] },
    },
  ];
  for (const { input, expected } of rows) {
    it(`${input.join(' ')}`, () => {
      const result = blankPlan(...input);
      expect(result).to.deep.equal(expected);
      expect(planProblems(result)).to.deep.equal([]);
    });
  }

  const bad: Array<[string, string, number]> = [['USD', '2026-07', 0], ['USD', '2026-07', 37], ['USD', '2026-07', 6.5], ['USD', '2026-7', 12]];
  for (const input of bad) {
    it(`refuses ${input.join(' ')}`, () => expect(() => blankPlan(...input)).to.throw(RangeError));
  }
});

describe('resizePlan', () => {
  const base = plan({
    months: 3,
    lines: [line('a', 'in', [100, 200, 300], { preStart: 50 }), line('b', 'out', [0, 0, 7])],
  });
  const rows: Array<{ input: number; expected: number[][] }> = [
    { input: 3, expected: [[100, 200, 300], [0, 0, 7]] },
    { input: 5, expected: [[100, 200, 300, 300, 300], [0, 0, 7, 7, 7]] },
    { input: 2, expected: [[100, 200], [0, 0]] },
    { input: 1, expected: [[100], [0]] },
    { input: 36, expected: [[100, 200, ...new Array<number>(34).fill(300)], [0, 0, ...new Array<number>(34).fill(7)]] },
  ];
  for (const { input, expected } of rows) {
    it(`3 → ${input} months`, () => {
      const result = resizePlan(base, input);
      expect(result.months).to.equal(input);
      expect(result.lines.map((l) => l.amounts)).to.deep.equal(expected);
      expect(result.lines[0]!.preStart).to.equal(50);
      expect(planProblems(result)).to.deep.equal([]);
    });
  }

  it('pads a line without amounts with zeros', () => {
    const result = resizePlan(plan({ months: 3, lines: [line('x', 'out', [])] }), 2);
    expect(result.lines[0]!.amounts).to.deep.equal([0, 0]);
  });

  it('leaves the original plan alone', () => {
    resizePlan(base, 6);
    expect(base.months).to.equal(3);
    expect(base.lines[0]!.amounts).to.deep.equal([100, 200, 300]);
  });

  for (const months of [0, 37, 2.5, Number.NaN]) {
    it(`refuses ${months} months`, () => expect(() => resizePlan(base, months)).to.throw(RangeError));
  }

  it('a horizon shrunk and grown again gets the cut amounts back (edits made meanwhile win)', () => {
    const long = plan({ months: 5, lines: [line('a', 'in', [1, 2, 3, 4, 5]), line('b', 'out', [9, 8, 7, 6, 5])] });
    let kept = rememberAmounts(long);
    const short = resizePlan(long, 2, kept);
    expect(short.lines.map((l) => l.amounts)).to.deep.equal([[1, 2], [9, 8]]);
    // The owner changes month 2 of "a" while the horizon is short, then a line "c" is added.
    const edited = { ...short, lines: [{ ...short.lines[0]!, amounts: [1, 20] }, short.lines[1]!, line('c', 'out', [4, 4])] };
    kept = rememberAmounts(edited, kept);
    const grown = resizePlan(edited, 6, kept);
    expect(grown.lines.map((l) => l.amounts)).to.deep.equal([
      [1, 20, 3, 4, 5, 5],
      [9, 8, 7, 6, 5, 5],
      [4, 4, 4, 4, 4, 4],
    ]);
    expect(planProblems(grown)).to.deep.equal([]);
  });

  it('rememberAmounts keeps what it knew past each line, and forgets removed lines', () => {
    const earlier = new Map([['a', [1, 2, 3]], ['gone', [7]]]);
    const known = rememberAmounts(plan({ months: 1, lines: [line('a', 'in', [10])] }), earlier);
    expect([...known]).to.deep.equal([['a', [10, 2, 3]]]);
  });
});

// ---------------------------------------------------------------- kinds

describe('lineKind', () => {
  const rows: Array<{ input: Pick<CashFlowLine, 'flow' | 'group' | 'kind'>; expected: LineKind }> = [
    { input: { flow: 'in', group: 'operations' }, expected: 'sales' },
    { input: { flow: 'out', group: 'operations' }, expected: 'cost' },
    { input: { flow: 'in', group: 'financing' }, expected: 'other-in' },
    { input: { flow: 'in', group: 'investment' }, expected: 'other-in' },
    { input: { flow: 'out', group: 'investment' }, expected: 'other-out' },
    { input: { flow: 'out', group: 'financing' }, expected: 'other-out' },
    { input: { flow: 'in', group: 'operations', kind: 'other-in' }, expected: 'other-in' },
    { input: { flow: 'out', group: 'operations', kind: 'other-out' }, expected: 'other-out' },
    { input: { flow: 'in', group: 'financing', kind: 'sales' }, expected: 'sales' },
    // The out kinds of #11: staff pay, a legal bonus, the owner's drawings, a tax payment.
    { input: { flow: 'out', group: 'operations', kind: 'wages' }, expected: 'wages' },
    { input: { flow: 'out', group: 'operations', kind: 'extra-pay' }, expected: 'extra-pay' },
    { input: { flow: 'out', group: 'operations', kind: 'drawings' }, expected: 'drawings' },
    { input: { flow: 'out', group: 'financing', kind: 'tax' }, expected: 'tax' },
    // A kind that contradicts the flow is ignored.
    { input: { flow: 'out', group: 'operations', kind: 'sales' }, expected: 'cost' },
    { input: { flow: 'in', group: 'operations', kind: 'wages' }, expected: 'sales' },
    { input: { flow: 'in', group: 'financing', kind: 'drawings' }, expected: 'other-in' },
    { input: { flow: 'in', group: 'operations', kind: 'cost' }, expected: 'sales' },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)} → ${expected}`, () => expect(lineKind(input)).to.equal(expected));
  }

  it('monthlyByKind sums the lines of a kind, month by month, pre-start left out', () => {
    const p = plan({
      lines: [
        line('shop', 'in', [100, 200, 300], { preStart: 999 }),
        line('online', 'in', [1, 2, 3]),
        line('rent', 'out', [50, 50, 50]),
        line('grant', 'in', [7, 7, 7], { group: 'financing' }),
      ],
    });
    expect(monthlyByKind(p, 'sales')).to.deep.equal([101, 202, 303]);
    expect(monthlyByKind(p, 'cost')).to.deep.equal([50, 50, 50]);
    expect(monthlyByKind(p, 'other-in')).to.deep.equal([7, 7, 7]);
    expect(monthlyByKind(p, 'other-out')).to.deep.equal([0, 0, 0]);
  });

  it('lineTotal is pre-start plus every month', () => {
    expect(lineTotal({ preStart: 5, amounts: [1, 2, 3] })).to.equal(11);
    expect(lineTotal({ preStart: 0, amounts: [] })).to.equal(0);
  });
});

// ---------------------------------------------------------------- scenarios

describe('applyScenario', () => {
  const base = plan({
    months: 3,
    lines: [
      line('sales', 'in', [1000, 15, 5], { preStart: 10 }),
      line('goods', 'out', [600, 25, 1], { preStart: 200 }),
      line('loan', 'in', [5000, 0, 0], { group: 'financing' }),
      line('fridge', 'out', [900, 0, 0], { group: 'investment' }),
      line('tips', 'in', [333, 333, 333], { kind: 'other-in' }),
    ],
  });
  const rows: Array<{ input: { salesPct: number; costsPct: number }; expected: Record<string, { preStart: number; amounts: number[] }> }> = [
    {
      // sales × 0.9: 1000 → 900, 15 → 13.5 → 14, 5 → 4.5 → 5, pre 10 → 9;
      // costs × 1.05: 600 → 630, 25 → 26.25 → 26, 1 → 1.05 → 1, pre 200 → 210.
      input: { salesPct: -10, costsPct: 5 },
      expected: {
        sales: { preStart: 9, amounts: [900, 14, 5] },
        goods: { preStart: 210, amounts: [630, 26, 1] },
        loan: { preStart: 0, amounts: [5000, 0, 0] },
        fridge: { preStart: 0, amounts: [900, 0, 0] },
        tips: { preStart: 0, amounts: [333, 333, 333] },
      },
    },
    {
      // sales × 1.1: 15 → 16.5 → 17, 5 → 5.5 → 6; costs × 1.1: 25 → 27.5 → 28, 1 → 1.1 → 1.
      input: { salesPct: 10, costsPct: 10 },
      expected: {
        sales: { preStart: 11, amounts: [1100, 17, 6] },
        goods: { preStart: 220, amounts: [660, 28, 1] },
        loan: { preStart: 0, amounts: [5000, 0, 0] },
        fridge: { preStart: 0, amounts: [900, 0, 0] },
        tips: { preStart: 0, amounts: [333, 333, 333] },
      },
    },
    {
      // 2.5 %: 1000 × 1.025 = 1025, 15 × 1.025 = 15.375 → 15, 5 × 1.025 = 5.125 → 5; costs −100 % → 0.
      input: { salesPct: 2.5, costsPct: -100 },
      expected: {
        sales: { preStart: 10, amounts: [1025, 15, 5] },
        goods: { preStart: 0, amounts: [0, 0, 0] },
        loan: { preStart: 0, amounts: [5000, 0, 0] },
        fridge: { preStart: 0, amounts: [900, 0, 0] },
        tips: { preStart: 0, amounts: [333, 333, 333] },
      },
    },
    {
      // Below −100 % counts as −100 %: never a negative amount.
      input: { salesPct: -150, costsPct: 0 },
      expected: {
        sales: { preStart: 0, amounts: [0, 0, 0] },
        goods: { preStart: 200, amounts: [600, 25, 1] },
        loan: { preStart: 0, amounts: [5000, 0, 0] },
        fridge: { preStart: 0, amounts: [900, 0, 0] },
        tips: { preStart: 0, amounts: [333, 333, 333] },
      },
    },
  ];
  for (const { input, expected } of rows) {
    it(`sales ${input.salesPct} %, costs ${input.costsPct} %`, () => {
      const result = applyScenario(base, input);
      const byId = Object.fromEntries(result.lines.map((l) => [l.id, { preStart: l.preStart, amounts: [...l.amounts] }]));
      expect(byId).to.deep.equal(expected);
      expect(planProblems(result)).to.deep.equal([]);
      expect(base.lines[0]!.amounts).to.deep.equal([1000, 15, 5]);
    });
  }

  it('0 % / 0 % returns the plan as it is', () => expect(applyScenario(base, { salesPct: 0, costsPct: 0 })).to.equal(base));

  it('wages and legal bonuses move with costs; the drawings and taxes stay as they are', () => {
    const staffed = plan({
      months: 2,
      lines: [
        line('wages', 'out', [30000, 30000], { kind: 'wages' }),
        line('aguinaldo', 'out', [0, 15000], { kind: 'extra-pay' }),
        line('drawings', 'out', [8000, 8000], { kind: 'drawings' }),
        line('tax', 'out', [0, 1300], { kind: 'tax' }),
      ],
    });
    // Costs +10 %: 30,000 → 33,000; 15,000 → 16,500. Sales −50 % touches none of them.
    const result = applyScenario(staffed, { salesPct: -50, costsPct: 10 });
    expect(result.lines.map((l) => [...l.amounts])).to.deep.equal([[33000, 33000], [0, 16500], [8000, 8000], [0, 1300]]);
  });

  it('refuses a non-finite percentage', () =>
    expect(() => applyScenario(base, { salesPct: Number.NaN, costsPct: 0 })).to.throw(RangeError));
});

// ---------------------------------------------------------------- plan problems

describe('planProblems', () => {
  const good = plan({ lines: [line('a', 'in', [1, 2, 3])] });
  const rows: Array<{ input: CashFlowPlan; expected: RegExp | null }> = [
    { input: good, expected: null },
    { input: { ...good, startMonth: '2026-13' }, expected: /startMonth/ },
    { input: { ...good, months: 0, lines: [] }, expected: /months/ },
    { input: { ...good, months: 37, lines: [] }, expected: /months/ },
    { input: { ...good, openingBalance: 1.5 }, expected: /openingBalance/ },
    { input: { ...good, safetyMinimum: -1 }, expected: /safetyMinimum/ },
    { input: { ...good, lines: [line('a', 'in', [1, 2])] }, expected: /2 amounts for 3 months/ },
    { input: { ...good, lines: [line('a', 'in', [1, -2, 3])] }, expected: /amount 1/ },
    { input: { ...good, lines: [line('a', 'in', [1, 2.5, 3])] }, expected: /amount 1/ },
    { input: { ...good, lines: [line('a', 'in', [1, 2, 3], { preStart: -4 })] }, expected: /preStart/ },
  ];
  for (const { input, expected } of rows) {
    it(expected ? `finds ${expected}` : 'finds nothing wrong with a good plan', () => {
      const problems = planProblems(input);
      if (expected === null) {
        expect(problems).to.deep.equal([]);
        expect(() => projectCashFlow(input)).not.to.throw();
      } else {
        expect(problems.join(' ')).to.match(expected);
        expect(() => projectCashFlow(input)).to.throw(RangeError, expected);
      }
    });
  }
});

// ---------------------------------------------------------------- projection: edge cases

interface Expected {
  closings: number[];
  preClosing?: number;
  cumulative?: number[];
  totals?: { in: number; out: number; net: number };
  lowest: { balance: number; index: number };
  firstNegative: number | null;
  fundingNeeded: number;
  breakEven: number | null;
  runwayMonths: number | null;
}

describe('projectCashFlow: edge cases', () => {
  const rows: Array<{ name: string; input: CashFlowPlan; expected: Expected }> = [
    {
      name: '1 month, all zeros (the tie for lowest goes to the earliest period)',
      input: plan({ months: 1 }),
      expected: {
        closings: [0],
        preClosing: 0,
        cumulative: [0],
        totals: { in: 0, out: 0, net: 0 },
        lowest: { balance: 0, index: -1 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: 0,
        runwayMonths: null,
      },
    },
    {
      name: '1 month that loses money',
      input: plan({ openingBalance: 1000, lines: [line('rent', 'out', [400])] }),
      expected: {
        closings: [600],
        lowest: { balance: 600, index: 0 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 1.5,
      },
    },
    {
      name: '36 months, steady burn of 500: the last month is the lowest',
      input: plan({
        startMonth: '2026-07',
        openingBalance: 20000,
        lines: [line('sales', 'in', sameEveryMonth(1000, 36)), line('costs', 'out', sameEveryMonth(1500, 36))],
      }),
      expected: {
        closings: Array.from({ length: 36 }, (_, i) => 20000 - 500 * (i + 1)),
        cumulative: Array.from({ length: 36 }, (_, i) => -500 * (i + 1)),
        totals: { in: 36000, out: 54000, net: -18000 },
        lowest: { balance: 2000, index: 35 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 4,
      },
    },
    {
      name: 'negative opening balance, nothing else: negative from the pre-start column',
      input: plan({ openingBalance: -5000, months: 3 }),
      expected: {
        closings: [-5000, -5000, -5000],
        preClosing: -5000,
        lowest: { balance: -5000, index: -1 },
        firstNegative: -1,
        fundingNeeded: 5000,
        breakEven: 0,
        runwayMonths: null,
      },
    },
    {
      name: 'pre-start spending is the low point; months win it back',
      input: plan({ lines: [line('sales', 'in', [2000, 2000, 2000]), line('stock', 'out', [0, 0, 0], { preStart: 5000 })] }),
      expected: {
        closings: [-3000, -1000, 1000],
        preClosing: -5000,
        cumulative: [-3000, -1000, 1000],
        totals: { in: 6000, out: 5000, net: 1000 },
        lowest: { balance: -5000, index: -1 },
        firstNegative: -1,
        fundingNeeded: 5000,
        breakEven: 0,
        runwayMonths: null,
      },
    },
    {
      name: 'safety minimum: funding keeps the balance at 5 000',
      input: plan({ openingBalance: 10000, safetyMinimum: 5000, lines: [line('costs', 'out', [3000, 3000, 3000])] }),
      expected: {
        closings: [7000, 4000, 1000],
        lowest: { balance: 1000, index: 2 },
        firstNegative: null,
        fundingNeeded: 4000,
        breakEven: null,
        runwayMonths: 0.3,
      },
    },
    {
      name: 'safety minimum never reached: no funding',
      input: plan({ openingBalance: 100000, safetyMinimum: 5000, lines: [line('sales', 'in', [1000, 1000, 1000])] }),
      expected: {
        closings: [101000, 102000, 103000],
        lowest: { balance: 100000, index: -1 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: 0,
        runwayMonths: null,
      },
    },
    {
      name: 'safety minimum and a negative balance add up',
      input: plan({ safetyMinimum: 2500, lines: [line('sales', 'in', [0, 0, 3000]), line('costs', 'out', [1000, 1000, 500])] }),
      expected: {
        closings: [-1000, -2000, 500],
        lowest: { balance: -2000, index: 1 },
        firstNegative: 0,
        fundingNeeded: 4500,
        breakEven: 2,
        runwayMonths: null,
      },
    },
    {
      name: 'break-even after a dip: +100, −200, +50, +50 → month index 2',
      input: plan({ openingBalance: 1000, lines: [line('sales', 'in', [300, 100, 350, 350]), line('costs', 'out', [200, 300, 300, 300])] }),
      expected: {
        closings: [1100, 900, 950, 1000],
        cumulative: [100, -100, -50, 0],
        lowest: { balance: 900, index: 1 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: 2,
        runwayMonths: null,
      },
    },
    {
      name: 'break-even at the first month: no month loses money (a zero net counts)',
      input: plan({ lines: [line('sales', 'in', [100, 100, 100]), line('costs', 'out', [100, 50, 0])] }),
      expected: {
        closings: [0, 50, 150],
        lowest: { balance: 0, index: -1 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: 0,
        runwayMonths: null,
      },
    },
    {
      name: 'break-even never: profitable, then the last month loses',
      input: plan({ openingBalance: 1000, lines: [line('sales', 'in', [500, 500, 100]), line('costs', 'out', [300, 300, 300])] }),
      expected: {
        closings: [1200, 1400, 1200],
        lowest: { balance: 1000, index: -1 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 6,
      },
    },
    {
      name: 'runway 0: the last closing balance is exactly 0 and still burning',
      input: plan({ openingBalance: 600, lines: [line('costs', 'out', [200, 200, 200])] }),
      expected: {
        closings: [400, 200, 0],
        lowest: { balance: 0, index: 2 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 0,
      },
    },
    {
      name: 'runway 0: already negative',
      input: plan({ openingBalance: 100, lines: [line('costs', 'out', [200, 200, 200])] }),
      expected: {
        closings: [-100, -300, -500],
        lowest: { balance: -500, index: 2 },
        firstNegative: 0,
        fundingNeeded: 500,
        breakEven: null,
        runwayMonths: 0,
      },
    },
    {
      name: 'runway rounded down: 2 / 3 = 0.66… → 0.6',
      input: plan({ openingBalance: 8, lines: [line('costs', 'out', [3, 3])] }),
      expected: {
        closings: [5, 2],
        lowest: { balance: 2, index: 1 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 0.6,
      },
    },
    {
      name: 'runway rounded down: 999 / 100 = 9.99 → 9.9',
      input: plan({ openingBalance: 1099, lines: [line('costs', 'out', [100])] }),
      expected: {
        closings: [999],
        lowest: { balance: 999, index: 0 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 9.9,
      },
    },
    {
      name: 'runway only looks at the last month: earlier burn does not count',
      input: plan({ openingBalance: 10000, lines: [line('sales', 'in', [0, 0, 1000]), line('costs', 'out', [3000, 3000, 1300])] }),
      expected: {
        closings: [7000, 4000, 3700],
        lowest: { balance: 3700, index: 2 },
        firstNegative: null,
        fundingNeeded: 0,
        breakEven: null,
        runwayMonths: 12.3,
      },
    },
  ];

  for (const { name, input, expected } of rows) {
    it(name, () => {
      const result = projectCashFlow(input);
      checkIdentities(input, result);
      expect(result.months.map((m) => m.closing)).to.deep.equal(expected.closings);
      if (expected.preClosing !== undefined) expect(result.preStart.closing).to.equal(expected.preClosing);
      if (expected.cumulative) expect(result.months.map((m) => m.cumulativeNet)).to.deep.equal(expected.cumulative);
      if (expected.totals) expect(result.totals).to.deep.equal(expected.totals);
      expect(result.lowest).to.deep.equal(expected.lowest);
      expect(result.firstNegative).to.equal(expected.firstNegative);
      expect(result.fundingNeeded).to.equal(expected.fundingNeeded);
      expect(result.breakEven).to.equal(expected.breakEven);
      expect(result.runwayMonths).to.equal(expected.runwayMonths);
    });
  }

  it('labels the pre-start column and every month', () => {
    const result = projectCashFlow(plan({ startMonth: '2026-11', months: 3 }));
    expect(result.preStart.label).to.equal(PRE_START_LABEL);
    expect(result.preStart.label).to.equal('pre');
    expect(result.months.map((m) => m.label)).to.deep.equal(['2026-11', '2026-12', '2027-01']);
    const longest = projectCashFlow(plan({ startMonth: '2026-01', months: MAX_MONTHS }));
    expect(longest.months.at(-1)!.label).to.equal('2028-12');
  });

  it('funding needed is enough, and no more: re-projecting with it added touches the safety minimum', () => {
    const input = plan({ safetyMinimum: 2500, lines: [line('sales', 'in', [0, 0, 3000]), line('costs', 'out', [1000, 1000, 500])] });
    const { fundingNeeded } = projectCashFlow(input);
    const funded = projectCashFlow({ ...input, openingBalance: input.openingBalance + fundingNeeded });
    expect(funded.lowest.balance).to.equal(2500);
    expect(funded.fundingNeeded).to.equal(0);
  });
});

// ---------------------------------------------------------------- the worked example

/*
 * A worked example, computed by hand: "Tienda La Esquina", a small grocery shop in
 * San Salvador (USD; every figure in cents). It opens in July 2026; six months.
 *
 * Plan
 *   opening balance (the owner's savings)   120 000  ($1,200.00)
 *   safety minimum                            50 000  ($500.00)
 *
 * Lines (pre-start │ Jul Aug Sep Oct Nov Dec)
 *   ventas          in  operations  seasonal: base 200 000 × weight of the calendar month
 *                                   weights Jul 0.75, Aug 0.8, Sep 0.9, Oct 1.0, Nov 1.2, Dec 1.7
 *                                   →  0 │ 150 000  160 000  180 000  200 000  240 000  340 000
 *   mercadería      out operations  first stock, then 70 % of each month's sales
 *                                   → 150 000 │ 105 000  112 000  126 000  140 000  168 000  238 000
 *   alquiler        out operations  deposit + first rent, then 350.00 a month
 *                                   →  70 000 │ 35 000 × 6
 *   equipo          out investment  fridge and shelves
 *                                   → 180 000 │ 0 × 6
 *   préstamo        in  financing   $3,000 received before opening (pre-start)
 *                                   → 300 000 │ 0 × 6
 *   cuota préstamo  out financing   18 % a year over 12 months, French amortisation
 *                                   →       0 │ 27 504 × 6
 *
 * The loan: r = 18 / 1200 = 0.015 a month, n = 12.
 *   payment = 300 000 × 0.015 / (1 − 1.015^−12) = 4 500 / 0.163 612 5… = 27 503.998 → 27 504
 *   month │ balance owed │ balance × 0.015 │ interest │ principal = 27 504 − interest │ owed after
 *   1 Jul │     300 000  │    4 500.000    │   4 500  │   23 004                      │  276 996
 *   2 Aug │     276 996  │    4 154.940    │   4 155  │   23 349                      │  253 647
 *   3 Sep │     253 647  │    3 804.705    │   3 805  │   23 699                      │  229 948
 *   4 Oct │     229 948  │    3 449.220    │   3 449  │   24 055                      │  205 893
 *   5 Nov │     205 893  │    3 088.395    │   3 088  │   24 416                      │  181 477
 *   6 Dec │     181 477  │    2 722.155    │   2 722  │   24 782                      │  156 695
 *   within the horizon: interest 21 719, principal 143 305, still owed 156 695 (= 300 000 − 143 305)
 *   (months 7–12, past the horizon: interest 2 350, 1 973, 1 590, 1 201, 807, 406; the last
 *   payment is 406 + 27 096 = 27 502; interest over the whole loan 30 046; principal 300 000.)
 *
 * Projection
 *   period │ opening │    in   │   out   │   net    │ closing │ cumulative net
 *   pre    │ 120 000 │ 300 000 │ 400 000 │ −100 000 │  20 000 │ −100 000      out = 150 000 + 70 000 + 180 000
 *   2026-07│  20 000 │ 150 000 │ 167 504 │  −17 504 │   2 496 │ −117 504      out = 105 000 + 35 000 + 27 504
 *   2026-08│   2 496 │ 160 000 │ 174 504 │  −14 504 │ −12 008 │ −132 008      out = 112 000 + 35 000 + 27 504
 *   2026-09│ −12 008 │ 180 000 │ 188 504 │   −8 504 │ −20 512 │ −140 512      out = 126 000 + 35 000 + 27 504
 *   2026-10│ −20 512 │ 200 000 │ 202 504 │   −2 504 │ −23 016 │ −143 016      out = 140 000 + 35 000 + 27 504
 *   2026-11│ −23 016 │ 240 000 │ 230 504 │   +9 496 │ −13 520 │ −133 520      out = 168 000 + 35 000 + 27 504
 *   2026-12│ −13 520 │ 340 000 │ 300 504 │  +39 496 │  25 976 │  −94 024      out = 238 000 + 35 000 + 27 504
 *   totals: in 300 000 + 1 270 000 = 1 570 000; out 400 000 + 1 264 024 = 1 664 024; net −94 024
 *   check: 120 000 − 94 024 = 25 976 = December's closing
 *
 *   lowest balance   −23 016 in October (index 3)
 *   first negative   August (index 1)
 *   funding needed   50 000 − (−23 016) = 73 016  ($730.16 keeps $500 in the till all along)
 *   break-even       November (index 3 is the last loss; Nov and Dec have net ≥ 0) → index 4
 *   runway           December's net is +39 496 ≥ 0 → null (no burn)
 *
 * Scenario: sales −10 % (costs unchanged). Sales become 135 000, 144 000, 162 000, 180 000,
 * 216 000, 306 000 (exact: no rounding needed). Nets: −32 504, −30 504, −26 504, −22 504,
 * −14 504, +5 496. Closings from 20 000: −12 504, −43 008, −69 512, −92 016, −106 520,
 * −101 024. Lowest −106 520 in November (index 4); first negative July (index 0); funding
 * 50 000 + 106 520 = 156 520; break-even December (index 5); runway null.
 */
describe('projectCashFlow: the worked example (Tienda La Esquina, San Salvador)', () => {
  const months = 6;
  const startMonth = '2026-07';
  const weights = [0.85, 0.8, 0.9, 0.95, 1.0, 0.9, 0.75, 0.8, 0.9, 1.0, 1.2, 1.7];
  const sales = seasonal(200000, weights, startMonth, months);
  const credit = loan({ amount: 300000, receivedIndex: -1, termMonths: 12, annualRatePct: 18, months });
  const shop: CashFlowPlan = {
    currency: 'USD',
    startMonth,
    months,
    openingBalance: 120000,
    safetyMinimum: 50000,
    lines: [
      { id: 'ventas', label: 'Ventas', flow: 'in', group: 'operations', preStart: 0, amounts: sales },
      {
        id: 'mercaderia',
        label: 'Mercadería',
        flow: 'out',
        group: 'operations',
        preStart: 150000,
        amounts: [105000, 112000, 126000, 140000, 168000, 238000],
      },
      { id: 'alquiler', label: 'Alquiler y servicios', flow: 'out', group: 'operations', preStart: 70000, amounts: sameEveryMonth(35000, months) },
      { id: 'equipo', label: 'Equipo', flow: 'out', group: 'investment', preStart: 180000, amounts: [0, 0, 0, 0, 0, 0] },
      { id: 'prestamo', label: 'Préstamo', flow: 'in', group: 'financing', preStart: credit.preStart, amounts: credit.received },
      { id: 'cuota', label: 'Cuota del préstamo', flow: 'out', group: 'financing', preStart: 0, amounts: credit.payments },
    ],
  };

  it('the helpers give the hand-computed lines', () => {
    expect(sales).to.deep.equal([150000, 160000, 180000, 200000, 240000, 340000]);
    expect(credit).to.deep.equal({
      preStart: 300000,
      received: [0, 0, 0, 0, 0, 0],
      payments: [27504, 27504, 27504, 27504, 27504, 27504],
      interest: [4500, 4155, 3805, 3449, 3088, 2722],
      principal: [23004, 23349, 23699, 24055, 24416, 24782],
      owedAtEnd: 156695,
    });
    expect(credit.interest.reduce((a, b) => a + b, 0)).to.equal(21719);
    expect(credit.principal.reduce((a, b) => a + b, 0)).to.equal(143305);
  });

  it('every figure of the projection', () => {
    const result = projectCashFlow(shop);
    checkIdentities(shop, result);
    expect(result.preStart).to.deep.equal({
      label: 'pre',
      opening: 120000,
      totalIn: 300000,
      totalOut: 400000,
      net: -100000,
      closing: 20000,
      cumulativeNet: -100000,
    });
    const table: Array<[string, number, number, number, number, number, number]> = [
      // label      opening   in       out      net      closing  cumulative
      ['2026-07', 20000, 150000, 167504, -17504, 2496, -117504],
      ['2026-08', 2496, 160000, 174504, -14504, -12008, -132008],
      ['2026-09', -12008, 180000, 188504, -8504, -20512, -140512],
      ['2026-10', -20512, 200000, 202504, -2504, -23016, -143016],
      ['2026-11', -23016, 240000, 230504, 9496, -13520, -133520],
      ['2026-12', -13520, 340000, 300504, 39496, 25976, -94024],
    ];
    expect(result.months).to.deep.equal(
      table.map(([label, opening, totalIn, totalOut, net, closing, cumulativeNet]) => ({
        label,
        opening,
        totalIn,
        totalOut,
        net,
        closing,
        cumulativeNet,
      })),
    );
    expect(result.totals).to.deep.equal({ in: 1570000, out: 1664024, net: -94024 });
    expect(result.lowest).to.deep.equal({ balance: -23016, index: 3 });
    expect(result.firstNegative).to.equal(1);
    expect(result.fundingNeeded).to.equal(73016);
    expect(result.breakEven).to.equal(4);
    expect(result.runwayMonths).to.equal(null);
  });

  it('with the funding added, the balance never goes below the safety minimum', () => {
    const funded = projectCashFlow({ ...shop, openingBalance: shop.openingBalance + 73016 });
    expect(funded.lowest).to.deep.equal({ balance: 50000, index: 3 });
    expect(funded.firstNegative).to.equal(null);
    expect(funded.fundingNeeded).to.equal(0);
  });

  it('the scenario "sales −10 %"', () => {
    const scenario = applyScenario(shop, { salesPct: -10, costsPct: 0 });
    const result = projectCashFlow(scenario);
    checkIdentities(scenario, result);
    expect(result.months.map((m) => m.totalIn)).to.deep.equal([135000, 144000, 162000, 180000, 216000, 306000]);
    expect(result.months.map((m) => m.net)).to.deep.equal([-32504, -30504, -26504, -22504, -14504, 5496]);
    expect(result.months.map((m) => m.closing)).to.deep.equal([-12504, -43008, -69512, -92016, -106520, -101024]);
    expect(result.lowest).to.deep.equal({ balance: -106520, index: 4 });
    expect(result.firstNegative).to.equal(0);
    expect(result.fundingNeeded).to.equal(156520);
    expect(result.breakEven).to.equal(5);
    expect(result.runwayMonths).to.equal(null);
  });
});
