import { expect } from '@open-wc/testing';
import {
  csvNumber,
  decimalMarkOf,
  fileName,
  isValidPlan,
  jsonToPlan,
  monthLabel,
  planToJson,
  projectionToCsv,
  type CsvLabels,
} from '../../src/cash-flow-calculator/export.js';
import type { CashFlowPlan, Projection } from '../../src/cash-flow-calculator/projection.js';

// ------------------------------------------------------------ fixtures

const plan: CashFlowPlan = {
  currency: 'GTQ',
  startMonth: '2026-01',
  months: 3,
  openingBalance: 100000,
  safetyMinimum: 20000,
  lines: [
    { id: 'sales', label: 'Ventas, contado', flow: 'in', group: 'operations', kind: 'sales', preStart: 0, amounts: [125050, 200000, 0] },
    { id: 'rent', label: '=HYPERLINK("http://x")', flow: 'out', group: 'operations', preStart: 0, amounts: [30000, 30000, 30000] },
    { id: 'tools', label: '-Equipo', flow: 'out', group: 'investment', preStart: 50000, amounts: [0, 0, 0] },
  ],
};

/** Worked by hand (pre-start, then January, February, March). */
const projection: Projection = {
  preStart: { label: 'pre', opening: 100000, totalIn: 0, totalOut: 50000, net: -50000, closing: 50000, cumulativeNet: -50000 },
  months: [
    { label: '2026-01', opening: 50000, totalIn: 125050, totalOut: 30000, net: 95050, closing: 145050, cumulativeNet: 45050 },
    { label: '2026-02', opening: 145050, totalIn: 200000, totalOut: 30000, net: 170000, closing: 315050, cumulativeNet: 215050 },
    { label: '2026-03', opening: 315050, totalIn: 0, totalOut: 30000, net: -30000, closing: 285050, cumulativeNet: 185050 },
  ],
  totals: { in: 325050, out: 140000, net: 185050 },
  lowest: { balance: 50000, index: -1 },
  firstNegative: null,
  fundingNeeded: 0,
  breakEven: null,
  runwayMonths: 9.5,
};

const es: CsvLabels = {
  line: 'Concepto',
  preStart: 'Antes de abrir',
  total: 'Total',
  totalIn: 'Total entradas',
  totalOut: 'Total salidas',
  net: 'Flujo neto',
  opening: 'Saldo inicial',
  closing: 'Saldo final',
};
const en: CsvLabels = {
  line: 'Item',
  preStart: 'Before opening',
  total: 'Total',
  totalIn: 'Total cash in',
  totalOut: 'Total cash out',
  net: 'Net cash flow',
  opening: 'Opening balance',
  closing: 'Closing balance',
};

const decode = (bytes: Uint8Array) => new TextDecoder('utf-16le').decode(bytes); // drops the BOM

/** Reads TAB-separated text the way a spreadsheet does: quotes, doubled quotes, CRLF. */
function readTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === '\t') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}

// ------------------------------------------------------------ CSV

describe('projectionToCsv', () => {
  it('is UTF-16LE with the FF FE byte-order mark', () => {
    const bytes = projectionToCsv({ name: 'Mi tienda', plan, projection, locale: 'es-GT', labels: es });
    expect([...bytes.slice(0, 4)]).to.deep.equal([0xff, 0xfe, 0x4d, 0x00]); // BOM, "M"
    expect(bytes.length % 2).to.equal(0);
  });

  it('writes the whole table, TAB-separated with CRLF, in Spanish', () => {
    const text = decode(projectionToCsv({ name: 'Mi tienda', plan, projection, locale: 'es-GT', labels: es }));
    expect(text).to.equal(
      [
        'Mi tienda',
        'Concepto\tAntes de abrir\tene 2026\tfeb 2026\tmar 2026\tTotal',
        '"Ventas, contado"\t0\t1250.50\t2000\t0\t3250.50',
        '"\'=HYPERLINK(""http://x"")"\t0\t300\t300\t300\t900',
        "'-Equipo\t500\t0\t0\t0\t500",
        '',
        'Total entradas\t0\t1250.50\t2000\t0\t3250.50',
        'Total salidas\t500\t300\t300\t300\t1400',
        'Flujo neto\t-500\t950.50\t1700\t-300\t1850.50',
        'Saldo inicial\t1000\t500\t1450.50\t3150.50\t1000',
        'Saldo final\t500\t1450.50\t3150.50\t2850.50\t2850.50',
        '',
      ].join('\r\n'),
    );
  });

  it('the totals column adds up to the projection’s totals', () => {
    const rows = readTsv(decode(projectionToCsv({ name: 'x', plan, projection, locale: 'es-GT', labels: es })));
    const total = (label: string) => rows.find((row) => row[0] === label)?.at(-1);
    expect(total('Total entradas')).to.equal(csvNumber(projection.totals.in, 100, '.'));
    expect(total('Total salidas')).to.equal(csvNumber(projection.totals.out, 100, '.'));
    expect(total('Flujo neto')).to.equal(csvNumber(projection.totals.net, 100, '.'));
  });

  const headers: Array<{ locale: string; labels: CsvLabels; startMonth: string; expected: string[] }> = [
    { locale: 'es-GT', labels: es, startMonth: '2026-11', expected: ['Concepto', 'Antes de abrir', 'nov 2026', 'dic 2026', 'ene 2027', 'Total'] },
    { locale: 'es-SV', labels: es, startMonth: '2026-01', expected: ['Concepto', 'Antes de abrir', 'ene 2026', 'feb 2026', 'mar 2026', 'Total'] },
    { locale: 'en-GT', labels: en, startMonth: '2026-11', expected: ['Item', 'Before opening', 'Nov 2026', 'Dec 2026', 'Jan 2027', 'Total'] },
    { locale: 'en-US', labels: en, startMonth: '2026-01', expected: ['Item', 'Before opening', 'Jan 2026', 'Feb 2026', 'Mar 2026', 'Total'] },
  ];
  for (const { locale, labels, startMonth, expected } of headers) {
    it(`month headers in ${locale} from ${startMonth}`, () => {
      const rows = readTsv(decode(projectionToCsv({ name: 'x', plan: { ...plan, startMonth }, projection, locale, labels })));
      expect(rows[1]).to.deep.equal(expected);
    });
  }

  const marks: Array<{ locale: string; decimalMark?: '.' | ','; expected: string[] }> = [
    { locale: 'es-GT', expected: ['Ventas, contado', '0', '1250.50', '2000', '0', '3250.50'] },
    { locale: 'es-DO', expected: ['Ventas, contado', '0', '1250.50', '2000', '0', '3250.50'] },
    { locale: 'en-GT', expected: ['Ventas, contado', '0', '1250.50', '2000', '0', '3250.50'] },
    { locale: 'es-ES', expected: ['Ventas, contado', '0', '1250,50', '2000', '0', '3250,50'] },
    { locale: 'es-GT', decimalMark: ',', expected: ['Ventas, contado', '0', '1250,50', '2000', '0', '3250,50'] },
    { locale: 'es-ES', decimalMark: '.', expected: ['Ventas, contado', '0', '1250.50', '2000', '0', '3250.50'] },
  ];
  for (const { locale, decimalMark, expected } of marks) {
    it(`decimals in ${locale}${decimalMark ? ` with ${decimalMark}` : ''}: whole amounts have none, no thousands separator`, () => {
      const text = decode(projectionToCsv({ name: 'x', plan, projection, locale, labels: es, decimalMark }));
      expect(readTsv(text)[2]).to.deep.equal(expected);
      if ((decimalMark ?? decimalMarkOf(locale)) === ',') expect(text).to.contain('\t"1250,50"\t'); // LibreOffice may split on commas
    });
  }

  const texts: Array<{ label: string; raw: string }> = [
    { label: 'a formula', raw: '=1+1' },
    { label: 'plus', raw: '+5' },
    { label: 'minus', raw: '-5' },
    { label: 'at', raw: '@SUM(A1)' },
    { label: 'a leading tab', raw: '\t=1+1' },
    { label: 'a leading carriage return', raw: '\r=1' },
    { label: 'full-width equals', raw: '\uff1d1+1' },
  ];
  for (const { label, raw } of texts) {
    it(`neutralises ${label} in a label and in the name`, () => {
      const withLabel: CashFlowPlan = { ...plan, lines: [{ ...plan.lines[0]!, label: raw }] };
      const rows = readTsv(decode(projectionToCsv({ name: raw, plan: withLabel, projection, locale: 'es-GT', labels: es })));
      expect(rows[0]).to.deep.equal([`'${raw}`]);
      expect(rows[2]?.[0]).to.equal(`'${raw}`);
    });
  }

  const quoting: Array<{ raw: string; written: string }> = [
    { raw: 'Renta "local"', written: '"Renta ""local"""' },
    { raw: 'Línea 1\nLínea 2', written: '"Línea 1\nLínea 2"' },
    { raw: 'A\tB', written: '"A\tB"' },
    { raw: 'Luz; agua', written: '"Luz; agua"' },
    { raw: 'Luz, agua', written: '"Luz, agua"' },
    { raw: 'Año Ñandú 😀', written: 'Año Ñandú 😀' },
    { raw: '', written: '' },
  ];
  for (const { raw, written } of quoting) {
    it(`quotes only when needed: ${JSON.stringify(raw)}`, () => {
      const withLabel: CashFlowPlan = { ...plan, lines: [{ ...plan.lines[0]!, label: raw }] };
      const text = decode(projectionToCsv({ name: 'x', plan: withLabel, projection, locale: 'es-GT', labels: es }));
      expect(text).to.contain(`\r\n${written}\t0\t1250.50\t`);
      expect(readTsv(text)[2]?.[0]).to.equal(raw);
    });
  }

  it('neutralises the column labels too', () => {
    const rows = readTsv(decode(projectionToCsv({ name: 'x', plan, projection, locale: 'es-GT', labels: { ...es, net: '=NETO' } })));
    expect(rows.some((row) => row[0] === "'=NETO")).to.equal(true);
  });

  it('writes a plan without lines', () => {
    const empty: CashFlowPlan = { ...plan, months: 1, lines: [] };
    const figures = { label: '2026-01', opening: -500, totalIn: 0, totalOut: 0, net: 0, closing: -500, cumulativeNet: 0 };
    const p: Projection = { ...projection, preStart: { ...figures, label: 'pre' }, months: [figures] };
    const rows = readTsv(decode(projectionToCsv({ name: '', plan: empty, projection: p, locale: 'es-GT', labels: es })));
    expect(rows).to.deep.equal([
      [''],
      ['Concepto', 'Antes de abrir', 'ene 2026', 'Total'],
      [''],
      ['Total entradas', '0', '0', '0'],
      ['Total salidas', '0', '0', '0'],
      ['Flujo neto', '0', '0', '0'],
      ['Saldo inicial', '-5', '-5', '-5'],
      ['Saldo final', '-5', '-5', '-5'],
    ]);
  });
});

describe('csvNumber', () => {
  const rows: Array<{ minor: number; mark: '.' | ','; expected: string }> = [
    { minor: 0, mark: '.', expected: '0' },
    { minor: 125050, mark: '.', expected: '1250.50' },
    { minor: 125050, mark: ',', expected: '1250,50' },
    { minor: 125000, mark: ',', expected: '1250' },
    { minor: 5, mark: '.', expected: '0.05' },
    { minor: -30000, mark: '.', expected: '-300' },
    { minor: -5, mark: ',', expected: '-0,05' },
    { minor: 1e14, mark: '.', expected: '1000000000000' },
    { minor: 123456789, mark: '.', expected: '1234567.89' },
  ];
  for (const { minor, mark, expected } of rows) {
    it(`${minor} with ${mark} → ${expected}`, () => expect(csvNumber(minor, 100, mark)).to.equal(expected));
  }
});

describe('monthLabel and decimalMarkOf', () => {
  const months: Array<{ start: string; index: number; locale: string; expected: string }> = [
    { start: '2026-01', index: 0, locale: 'es-GT', expected: 'ene 2026' },
    { start: '2026-12', index: 1, locale: 'es-DO', expected: 'ene 2027' },
    { start: '2026-01', index: 35, locale: 'es-SV', expected: 'dic 2028' },
    { start: '2026-05', index: 0, locale: 'en-HN', expected: 'May 2026' },
  ];
  for (const { start, index, locale, expected } of months) {
    it(`${start} + ${index} in ${locale} → ${expected}`, () => expect(monthLabel(start, index, locale)).to.equal(expected));
  }
  const marks: Array<{ locale: string; expected: '.' | ',' }> = [
    { locale: 'es-SV', expected: '.' },
    { locale: 'es-GT', expected: '.' },
    { locale: 'es-HN', expected: '.' },
    { locale: 'es-NI', expected: '.' },
    { locale: 'es-DO', expected: '.' },
    { locale: 'es-419', expected: '.' },
    { locale: 'en-US', expected: '.' },
    { locale: 'es-ES', expected: ',' },
  ];
  for (const { locale, expected } of marks) {
    it(`${locale} writes decimals with ${expected}`, () => expect(decimalMarkOf(locale)).to.equal(expected));
  }
});

// ------------------------------------------------------------ JSON

describe('planToJson / jsonToPlan', () => {
  const now = new Date(Date.UTC(2026, 10, 27, 15, 30));

  it('imports back exactly what it exported', () => {
    const text = planToJson('Mi tienda', plan, now);
    expect(jsonToPlan(text)).to.deep.equal({ ok: true, name: 'Mi tienda', plan });
  });

  it('writes the file’s envelope', () => {
    const file = JSON.parse(planToJson('Mi tienda', plan, now)) as Record<string, unknown>;
    expect(file).to.deep.equal({ format: 'infomipyme-cash-flow', version: 1, exportedAt: '2026-11-27T15:30:00.000Z', name: 'Mi tienda', plan });
  });

  const roundTrips: Array<{ label: string; name: string; plan: CashFlowPlan }> = [
    { label: 'no lines', name: '', plan: { currency: 'USD', startMonth: '2026-01', months: 1, openingBalance: 0, safetyMinimum: 0, lines: [] } },
    {
      label: '36 months, an overdraft, 200 lines, the longest texts',
      name: 'ñ'.repeat(120),
      plan: {
        currency: 'DOP',
        startMonth: '2099-12',
        months: 36,
        openingBalance: -1e14,
        safetyMinimum: 1e14,
        lines: Array.from({ length: 200 }, (_, i) => ({
          id: `l${i}`.padEnd(64, 'x'),
          label: `"${i}" <b>&</b> ${'á'.repeat(150)}`.slice(0, 160),
          flow: i % 2 ? ('in' as const) : ('out' as const),
          group: (['operations', 'investment', 'financing'] as const)[i % 3]!,
          preStart: i,
          amounts: Array.from({ length: 36 }, (_, m) => (m === 0 ? 1e14 : m * i)),
        })),
      },
    },
  ];
  for (const row of roundTrips) {
    it(`round trip: ${row.label}`, () => expect(jsonToPlan(planToJson(row.name, row.plan, now))).to.deep.equal({ ok: true, name: row.name, plan: row.plan }));
  }

  it('round trip: the line kinds of #11 and the tax regime chosen for the projection', () => {
    const regional: CashFlowPlan = {
      ...plan,
      taxRegime: 'pequeno-contribuyente',
      lines: (['wages', 'extra-pay', 'drawings', 'tax'] as const).map((kind) => ({
        id: kind, label: kind, flow: 'out', group: 'operations', kind, preStart: 0, amounts: plan.lines[0]!.amounts,
      })),
    };
    expect(jsonToPlan(planToJson('a', regional, now))).to.deep.equal({ ok: true, name: 'a', plan: regional });
  });

  it('exports only the plan’s known fields, and a copy', () => {
    const extra = { ...plan, secret: 'x', lines: [{ ...plan.lines[0]!, note: 'y' }] } as unknown as CashFlowPlan;
    const back = jsonToPlan(planToJson('a', extra, now));
    expect(back).to.deep.equal({ ok: true, name: 'a', plan: { ...plan, lines: [plan.lines[0]] } });
  });

  it('accepts a file saved with a UTF-8 BOM and ignores unknown fields', () => {
    const file = { ...JSON.parse(planToJson('a', plan, now)), comment: 'hola', future: { x: 1 } } as Record<string, unknown>;
    expect(jsonToPlan(`\ufeff${JSON.stringify(file)}`)).to.deep.equal({ ok: true, name: 'a', plan });
  });
});

describe('jsonToPlan refuses malformed and malicious files, never throwing', () => {
  const base = () => JSON.parse(planToJson('Mi tienda', plan, new Date(0))) as { [key: string]: unknown; plan: Record<string, unknown> & { lines: Array<Record<string, unknown>> } };
  const edit = (change: (file: ReturnType<typeof base>) => void): string => {
    const file = base();
    change(file);
    return JSON.stringify(file);
  };
  const line0 = (change: (line: Record<string, unknown>) => void) => edit((f) => change(f.plan.lines[0]!));

  const rows: Array<{ label: string; text: string; error: string }> = [
    { label: 'not JSON', text: '{oops', error: 'not-json' },
    { label: 'empty', text: '', error: 'not-json' },
    { label: 'HTML', text: '<!doctype html><p>hola</p>', error: 'not-json' },
    { label: 'a CSV', text: 'Concepto\tTotal\r\n', error: 'not-json' },
    { label: 'null', text: 'null', error: 'wrong-format' },
    { label: 'a list', text: '[1,2]', error: 'wrong-format' },
    { label: 'a string', text: '"infomipyme-cash-flow"', error: 'wrong-format' },
    { label: 'another format', text: edit((f) => (f.format = 'infomipyme-business-plan')), error: 'wrong-format' },
    { label: 'no format', text: edit((f) => delete f.format), error: 'wrong-format' },
    { label: 'a feed', text: '{"version":1,"title":"Feed","tools":[]}', error: 'wrong-format' },
    { label: 'version 2', text: edit((f) => (f.version = 2)), error: 'newer-version' },
    { label: 'version 99', text: edit((f) => (f.version = 99)), error: 'newer-version' },
    { label: 'version "1"', text: edit((f) => (f.version = '1')), error: 'wrong-format' },
    { label: 'version 0', text: edit((f) => (f.version = 0)), error: 'wrong-format' },
    { label: 'version 1.5', text: edit((f) => (f.version = 1.5)), error: 'wrong-format' },
    { label: 'no version', text: edit((f) => delete f.version), error: 'wrong-format' },
    { label: 'a name of 121 characters', text: edit((f) => (f.name = 'x'.repeat(121))), error: 'invalid' },
    { label: 'a name that is a number', text: edit((f) => (f.name = 5)), error: 'invalid' },
    { label: 'no plan', text: edit((f) => delete (f as Record<string, unknown>).plan), error: 'invalid' },
    { label: 'a plan that is a list', text: edit((f) => (f.plan = [] as unknown as typeof f.plan)), error: 'invalid' },
    { label: 'currency in lower case', text: edit((f) => (f.plan.currency = 'usd')), error: 'invalid' },
    { label: 'currency of two letters', text: edit((f) => (f.plan.currency = 'US')), error: 'invalid' },
    { label: 'currency as a symbol', text: edit((f) => (f.plan.currency = 'Q')), error: 'invalid' },
    { label: 'month 13', text: edit((f) => (f.plan.startMonth = '2026-13')), error: 'invalid' },
    { label: 'month without a zero', text: edit((f) => (f.plan.startMonth = '2026-1')), error: 'invalid' },
    { label: 'a full date', text: edit((f) => (f.plan.startMonth = '2026-01-01')), error: 'invalid' },
    { label: '0 months', text: edit((f) => (f.plan.months = 0)), error: 'invalid' },
    { label: '37 months', text: edit((f) => (f.plan.months = 37)), error: 'invalid' },
    { label: 'months as text', text: edit((f) => (f.plan.months = '3')), error: 'invalid' },
    { label: 'an opening balance with decimals', text: edit((f) => (f.plan.openingBalance = 1000.5)), error: 'invalid' },
    { label: 'an opening balance as text', text: edit((f) => (f.plan.openingBalance = '1000')), error: 'invalid' },
    { label: 'a huge opening balance', text: edit((f) => (f.plan.openingBalance = 1e300)), error: 'invalid' },
    { label: 'a negative safety minimum', text: edit((f) => (f.plan.safetyMinimum = -1)), error: 'invalid' },
    { label: 'lines that are not a list', text: edit((f) => (f.plan.lines = {} as unknown as typeof f.plan.lines)), error: 'invalid' },
    { label: 'a line that is null', text: edit((f) => (f.plan.lines[0] = null as unknown as Record<string, unknown>)), error: 'invalid' },
    { label: 'an amount with decimals', text: line0((l) => (l.amounts = [1250.5, 0, 0])), error: 'invalid' },
    { label: 'an amount as text', text: line0((l) => (l.amounts = ['1250', 0, 0])), error: 'invalid' },
    { label: 'a null amount', text: line0((l) => (l.amounts = [null, 0, 0])), error: 'invalid' },
    { label: 'a negative amount', text: line0((l) => (l.amounts = [-1, 0, 0])), error: 'invalid' },
    { label: 'an amount above the limit', text: line0((l) => (l.amounts = [1e14 + 1, 0, 0])), error: 'invalid' },
    { label: 'an amount beyond safe integers', text: line0((l) => (l.amounts = [2 ** 53, 0, 0])), error: 'invalid' },
    { label: 'too few amounts', text: line0((l) => (l.amounts = [0, 0])), error: 'invalid' },
    { label: 'too many amounts', text: line0((l) => (l.amounts = [0, 0, 0, 0])), error: 'invalid' },
    { label: 'amounts that are not a list', text: line0((l) => (l.amounts = { 0: 1, 1: 2, 2: 3, length: 3 })), error: 'invalid' },
    { label: 'a negative pre-start', text: line0((l) => (l.preStart = -5)), error: 'invalid' },
    { label: 'no pre-start', text: line0((l) => delete l.preStart), error: 'invalid' },
    { label: 'an unknown flow', text: line0((l) => (l.flow = 'sideways')), error: 'invalid' },
    { label: 'an unknown group', text: line0((l) => (l.group = 'other')), error: 'invalid' },
    { label: 'an unknown kind', text: line0((l) => (l.kind = 'gift')), error: 'invalid' },
    { label: 'a tax regime that is a number', text: edit((f) => (f.plan['taxRegime'] = 5)), error: 'invalid' },
    { label: 'an empty tax regime', text: edit((f) => (f.plan['taxRegime'] = '')), error: 'invalid' },
    { label: 'a tax regime of 65 characters', text: edit((f) => (f.plan['taxRegime'] = 'x'.repeat(65))), error: 'invalid' },
    { label: 'an empty id', text: line0((l) => (l.id = '')), error: 'invalid' },
    { label: 'an id of 65 characters', text: line0((l) => (l.id = 'x'.repeat(65))), error: 'invalid' },
    { label: 'an id that is a number', text: line0((l) => (l.id = 1)), error: 'invalid' },
    { label: 'a label of 161 characters', text: line0((l) => (l.label = 'x'.repeat(161))), error: 'invalid' },
    { label: 'a label of a million characters', text: line0((l) => (l.label = 'x'.repeat(1_000_000))), error: 'invalid' },
    { label: 'a file of three million characters', text: edit((f) => (f.padding = ' '.repeat(3_000_000))), error: 'invalid' },
    { label: 'two lines with one id', text: edit((f) => (f.plan.lines[1]!.id = 'sales')), error: 'invalid' },
    {
      label: '201 lines',
      text: edit((f) => (f.plan.lines = Array.from({ length: 201 }, (_, i) => ({ ...f.plan.lines[0]!, id: `l${i}` })))),
      error: 'invalid',
    },
    {
      label: '10,000 lines',
      text: edit((f) => (f.plan.lines = Array.from({ length: 10_000 }, (_, i) => ({ ...f.plan.lines[0]!, id: `l${i}` })))),
      error: 'invalid',
    },
    { label: 'no currency', text: edit((f) => delete f.plan.currency), error: 'invalid' },
  ];
  for (const { label, text, error } of rows) {
    it(`${label} → ${error}`, () => {
      const result = jsonToPlan(text);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.error).to.equal(error);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
      expect(Object.keys(Object.prototype)).to.deep.equal([]);
    });
  }

  it('a hidden __proto__ field is JSON data, not a prototype', () => {
    const file = planToJson('a', plan, new Date(0)).replace('"currency": "GTQ",', '"__proto__": { "currency": "GTQ", "polluted": true },');
    expect(file).to.contain('"__proto__"');
    expect(jsonToPlan(file)).to.deep.include({ ok: false, error: 'invalid' });
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('__proto__ and constructor keys are ignored and pollute nothing', () => {
    const text = planToJson('a', plan, new Date(0))
      .replace('"format"', '"__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "format"')
      .replace('"currency"', '"__proto__": { "months": 99, "polluted": true }, "currency"')
      .replace('"id": "sales"', '"__proto__": { "polluted": true }, "constructor": { "prototype": { "polluted": true } }, "id": "sales"');
    const result = jsonToPlan(text);
    expect(result).to.deep.equal({ ok: true, name: 'a', plan });
    if (result.ok) {
      expect(Object.getPrototypeOf(result.plan)).to.equal(Object.prototype);
      expect(Object.getPrototypeOf(result.plan.lines[0])).to.equal(Object.prototype);
      expect(Object.keys(result.plan)).to.not.include('__proto__');
    }
    expect(({} as Record<string, unknown>).polluted).to.equal(undefined);
  });

  it('does not take a missing field from a polluted Object.prototype', () => {
    const text = edit((f) => delete f.plan.currency);
    const proto = Object.prototype as Record<string, unknown>;
    proto.currency = 'USD';
    let result: ReturnType<typeof jsonToPlan>;
    try {
      result = jsonToPlan(text);
    } finally {
      delete proto.currency;
    }
    expect(result).to.deep.include({ ok: false, error: 'invalid' });
  });

  it('says what is wrong in detail', () => {
    const result = jsonToPlan(line0((l) => (l.amounts = [0, 0])));
    expect(result).to.deep.equal({ ok: false, error: 'invalid', detail: 'plan.lines[0].amounts has 2 values for 3 months' });
  });
});

describe('isValidPlan', () => {
  const rows: Array<{ label: string; value: unknown; expected: boolean }> = [
    { label: 'the fixture', value: plan, expected: true },
    { label: 'null', value: null, expected: false },
    { label: 'a string', value: 'plan', expected: false },
    { label: 'an empty object', value: {}, expected: false },
    { label: 'NaN opening balance', value: { ...plan, openingBalance: Number.NaN }, expected: false },
    { label: 'a line with a missing amount', value: { ...plan, lines: [{ ...plan.lines[0], amounts: [1, 2] }] }, expected: false },
    { label: 'sparse amounts', value: { ...plan, lines: [{ ...plan.lines[0], amounts: [1, , 3] }] }, expected: false },
  ];
  for (const { label, value, expected } of rows) {
    it(`${label} → ${expected}`, () => expect(isValidPlan(value)).to.equal(expected));
  }
});

// ------------------------------------------------------------ file names

describe('fileName', () => {
  const day = new Date(2026, 10, 27, 12); // local calendar day
  const rows: Array<{ name: string; extension: 'csv' | 'json'; date?: Date; prefix?: string; expected: string }> = [
    { name: 'Mi tienda', extension: 'csv', expected: 'flujo-de-caja-mi-tienda-2026-11-27.csv' },
    { name: 'Mi tienda', extension: 'json', expected: 'flujo-de-caja-mi-tienda-2026-11-27.json' },
    { name: 'Panadería Ñandú', extension: 'csv', expected: 'flujo-de-caja-panaderia-nandu-2026-11-27.csv' },
    { name: '  ', extension: 'csv', expected: 'flujo-de-caja-2026-11-27.csv' },
    { name: '', extension: 'json', expected: 'flujo-de-caja-2026-11-27.json' },
    { name: 'a/b\\c:d*e?f"g<h>i|j', extension: 'csv', expected: 'flujo-de-caja-a-b-c-d-e-f-g-h-i-j-2026-11-27.csv' },
    { name: '../../etc/passwd', extension: 'csv', expected: 'flujo-de-caja-etc-passwd-2026-11-27.csv' },
    { name: '😀 Café № 1', extension: 'csv', expected: 'flujo-de-caja-cafe-no-1-2026-11-27.csv' },
    { name: 'CON', extension: 'csv', expected: 'flujo-de-caja-con-2026-11-27.csv' },
    { name: 'x'.repeat(300), extension: 'csv', expected: `flujo-de-caja-${'x'.repeat(60)}-2026-11-27.csv` },
    { name: 'Tienda', extension: 'csv', date: new Date(2026, 0, 5, 0, 30), expected: 'flujo-de-caja-tienda-2026-01-05.csv' },
    { name: 'My shop', extension: 'json', prefix: 'cash-flow', expected: 'cash-flow-my-shop-2026-11-27.json' },
    { name: 'Tienda', extension: 'csv', date: new Date(Number.NaN), expected: 'flujo-de-caja-tienda.csv' },
  ];
  for (const { name, extension, date, prefix, expected } of rows) {
    it(`${JSON.stringify(name.slice(0, 30))} → ${expected.slice(0, 60)}`, () => {
      const result = fileName(name, extension, date ?? day, prefix);
      expect(result).to.equal(expected);
      expect(result).to.match(/^[a-z0-9-]+\.(csv|json)$/);
    });
  }
});
