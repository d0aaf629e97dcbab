/**
 * The five worked examples of docs/cash-flow-calculator.md ("One projection per country"), built
 * with the same helpers the widget uses: every figure the docs quote is asserted here, so the docs
 * cannot drift from the code. Each runs from January to December 2027; amounts in minor units.
 */
import { expect } from '@open-wc/testing';
import { lineTotal, monthlyByKind, projectCashFlow, type CashFlowLine, type CashFlowPlan, type LineKind } from '../../src/cash-flow-calculator/projection.js';
import {
  creditSales,
  drawingsSummary,
  extraPayAmounts,
  instalmentLoan,
  presetLevels,
  seasonAmounts,
  taxPayments,
  type TaxRule,
} from '../../src/cash-flow-calculator/regional.js';

const start = '2027-01';
const months = 12;
const same = (value: number): number[] => new Array<number>(months).fill(value);
const januaryOnly = (value: number): number[] => [value, ...new Array<number>(months - 1).fill(0)];
const line = (id: string, flow: 'in' | 'out', amounts: number[], kind?: LineKind, group: CashFlowLine['group'] = 'operations'): CashFlowLine => ({
  id,
  label: id,
  flow,
  group,
  ...(kind ? { kind } : {}),
  preStart: 0,
  amounts,
});

/** The plan with its tax line, worked out as the widget's tax helper does (sales and cost lines as they are). */
function withTax(currency: string, openingBalance: number, lines: CashFlowLine[], rule: TaxRule): { plan: CashFlowPlan; tax: ReturnType<typeof taxPayments> } {
  const plan: CashFlowPlan = { currency, startMonth: start, months, openingBalance, safetyMinimum: 0, lines };
  const tax = taxPayments({ rule, sales: monthlyByKind(plan, 'sales'), purchases: monthlyByKind(plan, 'cost'), pricesIncludeTax: true });
  return { plan: { ...plan, lines: [...lines, line('tax', 'out', tax.payments, 'tax')] }, tax };
}

const byId = (plan: CashFlowPlan, id: string): CashFlowLine => plan.lines.find((l) => l.id === id)!;

describe('worked example SV: pupusería, aguinaldo, IVA 13 %, the "year end" season, drawings', () => {
  const wages = same(42000);
  const { plan, tax } = withTax(
    'USD',
    50000,
    [
      line('ventas', 'in', seasonAmounts(300000, presetLevels({ high: [11, 12], low: [1] }), 30, 30, start, months), 'sales'),
      line('ingredientes', 'out', same(120000), 'cost'),
      line('alquiler', 'out', same(35000), 'cost'),
      line('sueldo', 'out', wages, 'wages'),
      line('aguinaldo', 'out', extraPayAmounts(wages, start, { month: 12, sharePct: 50 }), 'extra-pay'),
      line('retiro', 'out', same(90000), 'drawings'),
    ],
    { kind: 'vat', ratePct: 13 },
  );
  const projection = projectCashFlow(plan);

  it('sales: January low (−30 %), November and December high (+30 %)', () =>
    expect(byId(plan, 'ventas').amounts).to.deep.equal([210000, ...new Array<number>(9).fill(300000), 390000, 390000]));
  it('aguinaldo: 50 % of $420.00 in December = $210.00', () => expect(byId(plan, 'aguinaldo').amounts[11]).to.equal(21000));
  it('IVA: January 210,000 × 13/113 = 24,159 − 155,000 × 13/113 = 17,832 → $63.27 in February; a normal month $166.81; $270.35 due after December', () => {
    expect(tax.payments.slice(0, 3)).to.deep.equal([0, 6327, 16681]);
    expect(tax.payments[11]).to.equal(27035); // November: 390,000 × 13/113 = 44,867 − 17,832
    expect(tax.dueAfterEnd).to.equal(27035);
  });
  it('cash: below zero from January, lowest −$497.75 in October; funding needed $497.75; the drawings cause it', () => {
    expect(projection.months.map((m) => m.closing)).to.deep.equal([-27000, -20327, -24008, -27689, -31370, -35051, -38732, -42413, -46094, -49775, 36544, 91509]);
    expect(projection.lowest).to.deep.equal({ balance: -49775, index: 9 });
    expect(projection.fundingNeeded).to.equal(49775);
    const d = drawingsSummary(plan);
    expect([d.total, d.shareOfOutPct, d.fundingNeededWithout, d.causesShortfall]).to.deep.equal([1080000, 30, 0, true]);
  });
});

describe('worked example GT: tienda, pequeño contribuyente 5 %, Bono 14 and aguinaldo, a weekly microcredit', () => {
  const wages = same(320000);
  const credit = instalmentLoan({ amount: 1000000, annualRatePct: 36, instalments: 26, frequency: 'weekly', receivedIndex: 0, startMonth: start, months });
  const { plan, tax } = withTax(
    'GTQ',
    200000,
    [
      line('ventas', 'in', same(2000000), 'sales'),
      line('mercaderia', 'out', same(1300000), 'cost'),
      line('sueldo', 'out', wages, 'wages'),
      line('bono14', 'out', extraPayAmounts(wages, start, { month: 7, sharePct: 100 }), 'extra-pay'),
      line('aguinaldo', 'out', extraPayAmounts(wages, start, { month: 12, sharePct: 100 }), 'extra-pay'),
      line('credito', 'in', credit.received, undefined, 'financing'),
      line('cuotas', 'out', credit.payments, undefined, 'financing'),
      line('refrigerador', 'out', januaryOnly(1000000), undefined, 'investment'),
      line('retiro', 'out', same(150000), 'drawings'),
    ],
    { kind: 'gross-sales', ratePct: 5 },
  );
  const projection = projectCashFlow(plan);

  it('Bono 14 in July and aguinaldo in December, one month of wages each (Q3,200.00)', () => {
    expect(byId(plan, 'bono14').amounts[6]).to.equal(320000);
    expect(byId(plan, 'aguinaldo').amounts[11]).to.equal(320000);
  });
  it('the tax: 5 % of Q20,000.00 = Q1,000.00 a month, paid the month after, with no credit for purchases', () => {
    expect(tax.payments).to.deep.equal([0, ...new Array<number>(11).fill(100000)]);
  });
  it('the microcredit: Q10,000.00 at 36 %, 26 weekly instalments of Q421.59 from 8 January; five in April, the last on 2 July', () => {
    expect(credit.instalmentsPerMonth).to.deep.equal([4, 4, 4, 5, 4, 4, 1, 0, 0, 0, 0, 0]);
    expect(credit.payments.slice(0, 7)).to.deep.equal([168636, 168636, 168636, 210795, 168636, 168636, 42176]);
    expect(credit.principal.reduce((a, b) => a + b, 0)).to.equal(1000000);
    expect(credit.interest.reduce((a, b) => a + b, 0)).to.equal(96151);
  });
  it('cash: enough until July, when Bono 14 takes it to −Q2,061.51; the drawings cause it', () => {
    expect(projection.months.map((m) => m.closing)).to.deep.equal([261364, 222728, 184092, 103297, 64661, 26025, -206151, -76151, 53849, 183849, 313849, 123849]);
    expect(projection.firstNegative).to.equal(6);
    expect(projection.fundingNeeded).to.equal(206151);
    const d = drawingsSummary(plan);
    expect([d.total, d.shareOfOutPct, d.fundingNeededWithout, d.causesShortfall]).to.deep.equal([1800000, 7, 0, true]);
  });
});

describe('worked example HN: taller, ISV 15 %, 14th and 13th month, a fortnightly loan', () => {
  const wages = same(2400000);
  const credit = instalmentLoan({ amount: 2000000, annualRatePct: 30, instalments: 24, frequency: 'fortnightly', receivedIndex: 0, startMonth: start, months });
  const { plan, tax } = withTax(
    'HNL',
    3000000,
    [
      line('servicios', 'in', same(9000000), 'sales'),
      line('repuestos', 'out', same(3000000), 'cost'),
      line('alquiler', 'out', same(800000), 'cost'),
      line('sueldos', 'out', wages, 'wages'),
      line('decimo-cuarto', 'out', extraPayAmounts(wages, start, { month: 6, sharePct: 100 }), 'extra-pay'),
      line('decimo-tercero', 'out', extraPayAmounts(wages, start, { month: 12, sharePct: 100 }), 'extra-pay'),
      line('credito', 'in', credit.received, undefined, 'financing'),
      line('cuotas', 'out', credit.payments, undefined, 'financing'),
      line('compresor', 'out', januaryOnly(2000000), undefined, 'investment'),
      line('retiro', 'out', same(1000000), 'drawings'),
    ],
    { kind: 'vat', ratePct: 15 },
  );
  const projection = projectCashFlow(plan);

  it('14th month in June and 13th month in December: L24,000.00 each', () => {
    expect(byId(plan, 'decimo-cuarto').amounts[5]).to.equal(2400000);
    expect(byId(plan, 'decimo-tercero').amounts[11]).to.equal(2400000);
  });
  it('ISV: 9,000,000 × 15/115 = 1,173,913 − 3,800,000 × 15/115 = 495,652 → L6,782.61 a month, paid the month after', () =>
    expect(tax.payments).to.deep.equal([0, ...new Array<number>(11).fill(678261)]));
  it('the loan: L20,000.00 at 30 %, 24 fortnightly instalments of L958.80 from 15 January; three in July, the last on 3 December', () => {
    expect(credit.payments).to.deep.equal([191760, 191760, 191760, 191760, 191760, 191760, 287640, 191760, 191760, 191760, 191760, 95895]);
    expect(credit.principal.reduce((a, b) => a + b, 0)).to.equal(2000000);
    expect(credit.owedAtEnd).to.equal(0);
  });
  it('cash: enough every month; June (14th month) is the only month that loses cash before December', () => {
    expect(projection.months.map((m) => m.closing)).to.deep.equal([4608240, 5538219, 6468198, 7398177, 8328156, 6858135, 7692234, 8622213, 9552192, 10482171, 11412150, 10037994]);
    expect(projection.fundingNeeded).to.equal(0);
    expect(drawingsSummary(plan).shareOfOutPct).to.equal(12);
  });
});

describe('worked example NI: comedor, cuota fija, 13th month, fiado after 2 weeks with 5 % never paid', () => {
  const wages = same(1400000);
  const fiado = creditSales({ sales: same(9000000), startMonth: start, sharePct: 30, weeks: 2, badDebtPct: 5 });
  const { plan, tax } = withTax(
    'NIO',
    1000000,
    [
      line('ventas', 'in', fiado.cash, 'sales'),
      line('ingredientes', 'out', same(4500000), 'cost'),
      line('alquiler', 'out', same(600000), 'cost'),
      line('sueldos', 'out', wages, 'wages'),
      line('decimo-tercero', 'out', extraPayAmounts(wages, start, { month: 12, sharePct: 100 }), 'extra-pay'),
      line('retiro', 'out', same(1500000), 'drawings'),
    ],
    { kind: 'fixed-fee', monthlyFee: 50000 },
  );
  const projection = projectCashFlow(plan);

  it('fiado: January collects 63,000 + the credit of days 1–17 (2,565,000 × 17/31 = 1,406,613): C$77,066.13', () => {
    // C$90,000 of sales: 70 % paid at once (6,300,000); 30 % on credit (2,700,000), 5 % of it never paid (135,000);
    // 2,565,000 collected 14 days after the day of the sale: days 1–17 of January come back in January.
    expect(fiado.cash[0]).to.equal(6300000 + 1406613);
    expect(fiado.badDebt).to.equal(12 * 135000);
    expect(fiado.owedAtEnd).to.equal(1158387); // December's days 18–31: 2,565,000 − 1,406,613
    expect(lineTotal(byId(plan, 'ventas')) + fiado.owedAtEnd + fiado.badDebt).to.equal(12 * 9000000);
  });
  it('cuota fija C$500.00 a month, paid the month after', () => expect(tax.payments).to.deep.equal([0, ...new Array<number>(11).fill(50000)]));
  it('cash: enough every month; the 13th month (C$14,000.00) in December', () => {
    expect(byId(plan, 'decimo-tercero').amounts[11]).to.equal(1400000);
    expect(projection.months.map((m) => m.closing)).to.deep.equal([706613, 1397500, 2336613, 3113000, 3966613, 4743000, 5596613, 6411613, 7188000, 8041613, 8818000, 8271613]);
    expect(projection.fundingNeeded).to.equal(0);
  });
});

describe('worked example DO: colmado, RST 2 % (example rate), salario de Navidad, fiado, drawings that leave it short', () => {
  const wages = same(2000000);
  const fiado = creditSales({ sales: same(30000000), startMonth: start, sharePct: 40, weeks: 2, badDebtPct: 5 });
  const { plan, tax } = withTax(
    'DOP',
    2000000,
    [
      line('ventas', 'in', fiado.cash, 'sales'),
      line('mercaderia', 'out', same(22000000), 'cost'),
      line('alquiler', 'out', same(1500000), 'cost'),
      line('sueldo', 'out', wages, 'wages'),
      line('navidad', 'out', extraPayAmounts(wages, start, { month: 12, sharePct: 100 }), 'extra-pay'),
      line('retiro', 'out', same(3000000), 'drawings'),
    ],
    { kind: 'gross-sales', ratePct: 2 },
  );
  const projection = projectCashFlow(plan);

  it('fiado: 40 % on credit, collected after 2 weeks, 5 % never paid (RD$6,000.00 a month)', () => {
    expect(fiado.cash[0]).to.equal(18000000 + 6251613); // 11,400,000 × 17/31 = 6,251,612.9 → 6,251,613
    expect(fiado.badDebtByMonth).to.deep.equal(same(600000));
    expect(fiado.owedAtEnd).to.equal(5148387);
  });
  it('RST: 2 % of what comes in from sales, paid the month after (January: 24,251,613 × 2 % = 485,032)', () =>
    expect(tax.payments.slice(0, 3)).to.deep.equal([0, 485032, 576968]));
  it('cash: short from January to July and again in December; without the drawings it would be enough', () => {
    expect(projection.months.map((m) => m.closing)).to.deep.equal([-2248387, -2385032, -1510387, -1381032, -893987, -757032, -269987, 38581, 178968, 666013, 802968, -709987]);
    expect(projection.lowest).to.deep.equal({ balance: -2385032, index: 1 });
    expect(projection.fundingNeeded).to.equal(2385032);
    const d = drawingsSummary(plan);
    expect([d.total, d.shareOfOutPct, d.fundingNeededWithout, d.causesShortfall]).to.deep.equal([36000000, 10, 0, true]);
  });
});
