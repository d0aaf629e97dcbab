import { expect } from '@open-wc/testing';
import { formatDate, formatLocale, formatMoney, formatNumber, minorUnits } from '../../src/shared/format.js';

const countries = {
  SV: { code: 'SV', locale: 'es-SV' },
  GT: { code: 'GT', locale: 'es-GT' },
  HN: { code: 'HN', locale: 'es-HN' },
  NI: { code: 'NI', locale: 'es-NI' },
  DO: { code: 'DO', locale: 'es-DO' },
};

describe('formatLocale', () => {
  const rows: Array<{ lang: 'es' | 'en'; country?: { code: string; locale: string }; expected: string }> = [
    { lang: 'es', country: countries.GT, expected: 'es-GT' },
    { lang: 'es', expected: 'es-419' },
    { lang: 'es', country: { code: 'ES', locale: 'es-ES' }, expected: 'es-419' },
    { lang: 'es', country: { code: 'XX', locale: 'es' }, expected: 'es-419' },
    // The feed's pattern lets these through, but Intl refuses them (found by fuzzing, #8).
    { lang: 'es', country: { code: 'SV', locale: 'es-SVX' }, expected: 'es-419' },
    { lang: 'es', country: { code: 'SV', locale: 'es-12' }, expected: 'es-419' },
    { lang: 'es', country: { code: 'SV', locale: 'es-SV-SV' }, expected: 'es-419' },
    { lang: 'en', country: countries.DO, expected: 'en-DO' },
    { lang: 'en', expected: 'en-US' },
  ];
  for (const { lang, country, expected } of rows) {
    it(`${lang} + ${country?.locale ?? 'no country'} → ${expected}`, () =>
      expect(formatLocale(lang, country)).to.equal(expected));
  }
});

describe('formatMoney: the way each country writes it (comma thousands, point decimals)', () => {
  const rows: Array<{ minor: number; currency: string; locale: string; digits: string; symbol: string }> = [
    { minor: 123456789, currency: 'USD', locale: 'es-SV', digits: '1,234,567.89', symbol: '$' },
    { minor: 123456789, currency: 'GTQ', locale: 'es-GT', digits: '1,234,567.89', symbol: 'Q' },
    { minor: 125050, currency: 'HNL', locale: 'es-HN', digits: '1,250.50', symbol: 'L' },
    { minor: 125050, currency: 'NIO', locale: 'es-NI', digits: '1,250.50', symbol: 'C$' },
    { minor: 125050, currency: 'DOP', locale: 'es-DO', digits: '1,250.50', symbol: '$' },
    { minor: 125050, currency: 'GTQ', locale: 'es-419', digits: '1,250.50', symbol: 'Q' },
  ];
  for (const { minor, currency, locale, digits, symbol } of rows) {
    it(`${minor} ${currency} in ${locale}`, () => {
      const text = formatMoney(minor, currency, locale);
      expect(text).to.contain(digits);
      expect(text).to.contain(symbol);
    });
  }

  it('never writes the Spain way', () => {
    expect(formatNumber(12345.5, 'es-419')).to.equal('12,345.5');
    expect(formatNumber(1234.5, 'es-GT')).to.equal('1,234.5');
  });

  it('two decimals for every currency of the region', () => {
    for (const currency of ['USD', 'GTQ', 'HNL', 'NIO', 'DOP']) expect(minorUnits(currency)).to.equal(100);
  });
});

describe('formatDate', () => {
  it('reads a date-only value as a calendar date, with no time-zone shift', () => {
    expect(formatDate('2026-05-04', 'es-SV', 'long')).to.equal('4 de mayo de 2026');
    expect(formatDate('2026-01-01', 'en-US', 'long')).to.equal('January 1, 2026');
  });
  it('formats a timestamp', () => {
    expect(formatDate(Date.UTC(2026, 10, 12, 12), 'es-GT', 'long')).to.equal('12 de noviembre de 2026');
  });
  it('is empty for a missing or unreadable date', () => {
    expect(formatDate(undefined, 'es-SV')).to.equal('');
    expect(formatDate('not a date', 'es-SV')).to.equal('');
  });
});
