import { expect } from '@open-wc/testing';
import {
  amountForInput,
  parseAmount,
  parsePastedRow,
  type AmountError,
  type AmountOptions,
} from '../../src/cash-flow-calculator/amount-input.js';

describe('parseAmount: what owners type, the region’s way', () => {
  const accepted: Array<{ input: string; expected: number; options?: AmountOptions }> = [
    // plain numbers
    { input: '1,250.50', expected: 125050 },
    { input: '1250', expected: 125000 },
    { input: '1250.5', expected: 125050 },
    { input: '1,250,000', expected: 125000000 },
    { input: '0.29', expected: 29 },
    { input: '0.07', expected: 7 },
    { input: '.5', expected: 50 },
    { input: '5.', expected: 500 },
    { input: '007', expected: 700 },
    { input: ' 1250 ', expected: 125000 },
    { input: '', expected: 0 },
    { input: '   ', expected: 0 },
    { input: '0', expected: 0 },
    { input: '+5', expected: 500 },
    // every currency of the region, with and without a space
    { input: 'Q 1,250', expected: 125000 },
    { input: 'Q1,250.75', expected: 125075 },
    { input: 'Q.1,250.00', expected: 125000 },
    { input: 'GTQ 1,250', expected: 125000 },
    { input: '$1,250.5', expected: 125050 },
    { input: '$ 10', expected: 1000 },
    { input: 'US$10', expected: 1000 },
    { input: 'USD 10', expected: 1000 },
    { input: 'usd10', expected: 1000 },
    { input: 'RD$ 2,000', expected: 200000 },
    { input: 'RD$2,000.10', expected: 200010 },
    { input: 'DOP 2,000', expected: 200000 },
    { input: 'L1,500', expected: 150000 },
    { input: 'L 1,500', expected: 150000 },
    { input: 'Lps. 1,500', expected: 150000 },
    { input: 'HNL 1,500', expected: 150000 },
    { input: 'C$ 300', expected: 30000 },
    { input: 'C$300', expected: 30000 },
    { input: 'NIO 300', expected: 30000 },
    { input: '1,250 GTQ', expected: 125000 },
    // what Intl writes (non-breaking and narrow no-break spaces)
    { input: 'Q\u00a01,250.50', expected: 125050 },
    { input: 'L\u202f1,234.50', expected: 123450 },
    { input: '\u00a0300\u00a0', expected: 30000 },
    // the limit: one trillion major units
    { input: '1,000,000,000,000', expected: 1e14 },
    { input: '999,999,999,999.99', expected: 99999999999999 },
    // other minor units
    { input: '1,250', expected: 1250, options: { minorPerMajor: 1 } },
    { input: '1.5', expected: 1500, options: { minorPerMajor: 1000 } },
    // negatives where allowed (the opening balance)
    { input: '-5', expected: -500, options: { allowNegative: true } },
    { input: '(5)', expected: -500, options: { allowNegative: true } },
    { input: '(RD$1,234.00)', expected: -123400, options: { allowNegative: true } },
    { input: 'Q (5)', expected: -500, options: { allowNegative: true } },
    { input: '-Q 1,250', expected: -125000, options: { allowNegative: true } },
    { input: 'Q -1,250', expected: -125000, options: { allowNegative: true } },
    { input: '\u22125', expected: -500, options: { allowNegative: true } },
    { input: '-0', expected: 0, options: { allowNegative: true } },
  ];
  for (const { input, expected, options } of accepted) {
    it(`${JSON.stringify(input)}${options ? ` ${JSON.stringify(options)}` : ''} → ${expected}`, () => {
      const result = parseAmount(input, options);
      expect(result).to.deep.equal({ ok: true, minor: expected });
      if (result.ok) expect(Object.is(result.minor, -0)).to.equal(false);
    });
  }

  const refused: Array<{ input: string; expected: AmountError; options?: AmountOptions }> = [
    { input: 'abc', expected: 'format' },
    { input: '12a', expected: 'format' },
    { input: '$', expected: 'format' },
    { input: 'Q', expected: 'format' },
    { input: '.', expected: 'format' },
    { input: '1,25,000', expected: 'format' },
    { input: '12,34,5', expected: 'format' },
    { input: '1,2500', expected: 'format' },
    { input: '1 250', expected: 'format' },
    { input: '1.2.3', expected: 'format' },
    { input: '--5', expected: 'format', options: { allowNegative: true } },
    { input: '-(5)', expected: 'format', options: { allowNegative: true } },
    { input: '5-', expected: 'format' },
    { input: '€ 5', expected: 'format' },
    { input: 'Q 5 Q', expected: 'format' },
    { input: '1e5', expected: 'format' },
    { input: 'Infinity', expected: 'format' },
    { input: '0x10', expected: 'format' },
    { input: '1,250.505', expected: 'decimals' },
    { input: '0.001', expected: 'decimals' },
    { input: '0.500', expected: 'decimals' },
    { input: '5.5', expected: 'decimals', options: { minorPerMajor: 1 } },
    { input: '-5', expected: 'negative' },
    { input: '(5)', expected: 'negative' },
    { input: 'Q -5', expected: 'negative' },
    { input: '-0', expected: 'negative' },
    { input: '1,000,000,000,000.01', expected: 'too-large' },
    { input: '10000000000000', expected: 'too-large' },
    { input: '99999999999999999999999', expected: 'too-large' },
    // the Spain way: tell them to use a point
    { input: '1.250,50', expected: 'comma-decimal' },
    { input: '12,5', expected: 'comma-decimal' },
    { input: '12,50', expected: 'comma-decimal' },
    { input: '1250,50', expected: 'comma-decimal' },
    { input: '1.250', expected: 'comma-decimal' },
    { input: '1.250.000', expected: 'comma-decimal' },
    { input: 'Q 1.250,00', expected: 'comma-decimal' },
  ];
  for (const { input, expected, options } of refused) {
    it(`${JSON.stringify(input)}${options ? ` ${JSON.stringify(options)}` : ''} → ${expected}`, () =>
      expect(parseAmount(input, options)).to.deep.equal({ ok: false, error: expected }));
  }

  it('refuses a minor-unit count that is not a power of ten', () => {
    expect(() => parseAmount('1', { minorPerMajor: 12 })).to.throw(RangeError);
  });
});

describe('amountForInput', () => {
  const rows: Array<{ minor: number; locale: string; expected: string; minorPerMajor?: number }> = [
    { minor: 125050, locale: 'es-GT', expected: '1,250.50' },
    { minor: 125000, locale: 'es-SV', expected: '1,250.00' },
    { minor: 7, locale: 'es-HN', expected: '0.07' },
    { minor: 123456789, locale: 'es-DO', expected: '1,234,567.89' },
    { minor: 30000, locale: 'es-NI', expected: '300.00' },
    { minor: 125050, locale: 'es-419', expected: '1,250.50' },
    { minor: 125050, locale: 'en-GT', expected: '1,250.50' },
    { minor: -125050, locale: 'es-GT', expected: '-1,250.50' },
    { minor: 99999999999999, locale: 'es-GT', expected: '999,999,999,999.99' },
    { minor: 0, locale: 'es-GT', expected: '' },
    { minor: 1250, locale: 'es-GT', expected: '1,250', minorPerMajor: 1 },
  ];
  for (const { minor, locale, expected, minorPerMajor } of rows) {
    it(`${minor} in ${locale} → ${JSON.stringify(expected)}`, () =>
      expect(amountForInput(minor, locale, minorPerMajor)).to.equal(expected));
  }

  it('reads back what it writes, in every locale of the region', () => {
    for (const locale of ['es-SV', 'es-GT', 'es-HN', 'es-NI', 'es-DO', 'es-419', 'en-US']) {
      for (const minor of [1, 99, 100, 125050, 100000000, 99999999999999, -125050]) {
        expect(parseAmount(amountForInput(minor, locale), { allowNegative: true })).to.deep.equal({ ok: true, minor });
      }
    }
  });
});

describe('parsePastedRow', () => {
  const rows: Array<{ input: string; expected: ReturnType<typeof parsePastedRow> }> = [
    { input: '1,250.50\t300\tQ 1,000', expected: { ok: true, values: [125050, 30000, 100000] } },
    { input: '1250;300;0.5', expected: { ok: true, values: [125000, 30000, 50] } },
    { input: '100\t\t200', expected: { ok: true, values: [10000, 0, 20000] } },
    { input: '100\t200\r\n300\t400\r\n', expected: { ok: true, values: [10000, 20000] } },
    { input: '100\t200\n300', expected: { ok: true, values: [10000, 20000] } },
    { input: '\n\n 5 \t 6 ', expected: { ok: true, values: [500, 600] } },
    { input: '"1,250"\t"$2,000.00"', expected: { ok: true, values: [125000, 200000] } },
    { input: '1,250', expected: { ok: true, values: [125000] } },
    { input: '', expected: { ok: true, values: [0] } },
    { input: '100\tabc\t-5', expected: { ok: false, column: 1, error: 'format' } },
    { input: '100\t200\t-5', expected: { ok: false, column: 2, error: 'negative' } },
    { input: '1250,50;300', expected: { ok: false, column: 0, error: 'comma-decimal' } },
    { input: '1\t2.3456', expected: { ok: false, column: 1, error: 'decimals' } },
    { input: '1\t2.345', expected: { ok: false, column: 1, error: 'comma-decimal' } },
  ];
  for (const { input, expected } of rows) {
    it(`${JSON.stringify(input)}`, () => expect(parsePastedRow(input)).to.deep.equal(expected));
  }

  it('passes the options to every cell', () => {
    expect(parsePastedRow('-5\t(3)', { allowNegative: true })).to.deep.equal({ ok: true, values: [-500, -300] });
  });
});
