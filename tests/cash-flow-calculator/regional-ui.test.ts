/**
 * The calculator's regional helpers, in the element (issue #11): the country's legal bonuses,
 * tax regimes, weekly and fortnightly instalments, fiado with bad debt, seasons, and the owner's
 * drawings. The country data comes from the bundled sample feed (demo/feed.json); the template
 * is this file's own, so every figure below is worked out by hand from known amounts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import { expectAccessible } from '../helpers/a11y.js';
import { until } from '../helpers/until.js';

type Json = Record<string, any>;
const DRAFTS_KEY = `${STORAGE_PREFIX}cash-flow.drafts`;

const twelve = (value: number): number[] => new Array<number>(12).fill(value);

/**
 * The minimal test feed with the sample feed's data for SV, GT and NI (bonuses, tax regimes,
 * season presets) and one template: sales 10,000 a month, purchases 6,000, wages 3,000, a
 * template aguinaldo of 3,000 in December (its 12th month, with the projection starting in
 * January) and the owner's drawings of 800.
 */
async function feed(): Promise<Json> {
  const [minimal, sample] = await Promise.all(
    ['../fixtures/minimal-feed.json', '../../demo/feed.json'].map(async (path) => (await fetch(new URL(path, import.meta.url))).json() as Promise<Json>),
  );
  const countries = (['SV', 'GT', 'NI'] as const).map((code) => {
    const c = (sample['countries'] as Json[]).find((country) => country['code'] === code)!;
    return { ...c, regions: [] };
  });
  const line = (id: string, label: string, flow: 'in' | 'out', amounts: number[], kind?: string) => ({
    id,
    label: { es: label, en: label },
    flow,
    ...(kind ? { kind } : {}),
    amounts,
  });
  return {
    ...minimal,
    countries,
    cashflowTemplates: [
      {
        id: 'staff',
        name: { es: 'Negocio con personal', en: 'Business with staff' },
        months: 12,
        lines: [
          line('ventas', 'Ventas', 'in', twelve(10000), 'sales'),
          line('compras', 'Compras', 'out', twelve(6000), 'cost'),
          line('sueldos', 'Sueldos', 'out', twelve(3000), 'wages'),
          line('aguinaldo', 'Aguinaldo', 'out', [...new Array<number>(11).fill(0), 3000], 'extra-pay'),
          line('retiro', 'Retiro del dueño', 'out', twelve(800), 'drawings'),
        ],
      },
    ],
  };
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => Array.from(shadow(el).querySelectorAll<T>(selector));
const labels = (el: Element) => $$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value);
/** The amount a cell shows, by the line's label and the month's index. */
const shown = (el: Element, label: string, col: number): string => {
  const row = labels(el).indexOf(label);
  expect(row, `a line "${label}"`).to.be.at.least(0);
  const cell = $(el, `.amount[data-row="${row}"][data-col="${col}"]`);
  return Array.from(cell.childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join('')
    .trim();
};
const text = (element: Element) => element.textContent!.replace(/\s+/g, ' ').trim();
const button = (el: Element, name: string) => {
  const found = $$<HTMLButtonElement>(el, 'button').find((b) => text(b) === name);
  expect(found, `a button "${name}"`).to.exist;
  return found!;
};
const shownSoon = async <T extends Element = HTMLElement>(el: Element, selector: string): Promise<T> => {
  await until(() => shadow(el).querySelector(selector) !== null, selector);
  return $<T>(el, selector);
};
async function setValue(el: MipymeCashFlowCalculator, selector: string, value: string, event: 'input' | 'change' = 'input'): Promise<void> {
  const field = $<HTMLInputElement | HTMLSelectElement>(el, selector);
  field.value = value;
  field.dispatchEvent(new Event(event));
  await el.updateComplete;
}
async function openHelper(el: MipymeCashFlowCalculator, name: string): Promise<void> {
  button(el, name).click();
  await shownSoon(el, '.helper-form');
}
async function apply(el: MipymeCashFlowCalculator): Promise<string> {
  button(el, 'Aplicar').click();
  await el.updateComplete;
  return text($(el, '.helpers .notice'));
}
/** The active projection as saved on the device. */
function stored(el: MipymeCashFlowCalculator): Json {
  el.save();
  const raw = JSON.parse(localStorage.getItem(DRAFTS_KEY)!) as Json;
  const store = (raw['drafts'] ? raw : raw['data']) as Json;
  const drafts = store['drafts'] as Json[];
  return (drafts.find((d) => d['id'] === store['activeId']) ?? drafts[0]!)['plan'] as Json;
}

async function calculator(country: 'SV' | 'GT' | 'NI'): Promise<MipymeCashFlowCalculator> {
  const data = await feed();
  const el = await fixture<MipymeCashFlowCalculator>(html`<mipyme-cash-flow-calculator
    .data=${data}
    country=${country}
    template="staff"
  ></mipyme-cash-flow-calculator>`);
  await until(() => labels(el).length === 5, 'the template lines');
  // Every figure below is for a projection from January to December 2027.
  await setValue(el, '#start', '2027-01', 'change');
  return el;
}

before(async () => {
  await initLocalization('es');
});

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  localStorage.removeItem(DRAFTS_KEY);
});

after(() => localStorage.removeItem(DRAFTS_KEY));

describe('<mipyme-cash-flow-calculator>: line kinds', () => {
  it("keeps the template's line kinds; + Sueldos and + Retiro del dueño add lines of their kind", async () => {
    const el = await calculator('SV');
    const kinds = () => Object.fromEntries((stored(el)['lines'] as Json[]).map((l) => [l['label'], l['kind']]));
    expect(kinds()).to.deep.equal({ Ventas: 'sales', Compras: 'cost', Sueldos: 'wages', Aguinaldo: 'extra-pay', 'Retiro del dueño': 'drawings' });
    button(el, '+ Sueldos').click();
    await el.updateComplete;
    button(el, '+ Retiro del dueño').click();
    await el.updateComplete;
    const lines = stored(el)['lines'] as Json[];
    expect(lines.slice(-2).map((l) => [l['label'], l['kind'], l['flow']])).to.deep.equal([
      ['Sueldos', 'wages', 'out'],
      ['Retiro del dueño', 'drawings', 'out'],
    ]);
  });
});

describe('<mipyme-cash-flow-calculator>: legal bonuses (aguinaldo, Bono 14…)', () => {
  it('GT: Bono 14 in July and aguinaldo in December, one month of the wage lines each; the template aguinaldo is replaced', async () => {
    const el = await calculator('GT');
    await openHelper(el, 'Aguinaldo y bonos de ley');
    const form = text($(el, '.helper-form'));
    expect(form).to.contain('Bono 14, en julio');
    expect(form).to.contain('Aguinaldo, en diciembre');
    // One month of wages is Q3,000.00, in this projection once each.
    // (Chromium writes "Q 3,000.00"; older ICU data may leave out the space.)
    expect($$(el, '.helper-form .bonus-list .hint').map(text).filter((t) => t.startsWith('En esta proyección'))).to.deep.equal([
      'En esta proyección: Q 3,000.00',
      'En esta proyección: Q 3,000.00',
    ]);
    expect(form).to.contain('Reemplazar las líneas de bonos que ya tiene: Aguinaldo');
    const notice = await apply(el);
    expect(notice).to.contain('Q 6,000.00');
    // Right after the wage line; one aguinaldo only (the template's is gone).
    expect(labels(el)).to.deep.equal(['Ventas', 'Compras', 'Sueldos', 'Bono 14', 'Aguinaldo', 'Retiro del dueño']);
    expect(shown(el, 'Bono 14', 6)).to.equal('3,000.00'); // July 2027
    expect(shown(el, 'Bono 14', 5)).to.equal(''); // June: nothing
    expect(shown(el, 'Aguinaldo', 11)).to.equal('3,000.00'); // December 2027
    const kinds = (stored(el)['lines'] as Json[]).filter((l) => l['kind'] === 'extra-pay').map((l) => l['id']);
    expect(kinds).to.deep.equal(['extra-pay-bono-14', 'extra-pay-aguinaldo']);
  });

  it('SV: 50 % (15 days of 30) by default, the share can be raised; keeping the template line keeps both', async () => {
    const el = await calculator('SV');
    await openHelper(el, 'Aguinaldo y bonos de ley');
    // The law's minimum, 15 days, is 50 % of Q3,000: $1,500.00. The owner owes 21 days: 70 %.
    expect(($(el, '#bonus-0') as HTMLInputElement).value).to.equal('50');
    await setValue(el, '#bonus-0', '70');
    expect(text($(el, '.bonus-list'))).to.contain('En esta proyección: $2,100.00');
    const replace = $<HTMLInputElement>(el, '.helper-form > .option-inline input');
    replace.checked = false;
    replace.dispatchEvent(new Event('change'));
    await el.updateComplete;
    await apply(el);
    expect(labels(el).filter((l) => l === 'Aguinaldo')).to.have.length(2);
    const added = (stored(el)['lines'] as Json[]).find((l) => l['id'] === 'extra-pay-aguinaldo')!;
    expect(added['amounts']).to.deep.equal([...new Array<number>(11).fill(0), 210000]);
    // Worked out again, the helper's own line is replaced, never doubled.
    await openHelper(el, 'Aguinaldo y bonos de ley');
    await apply(el);
    expect((stored(el)['lines'] as Json[]).filter((l) => l['id'] === 'extra-pay-aguinaldo')).to.have.length(1);
  });

  it('without a wage line: says how to add one, and adds nothing', async () => {
    const el = await calculator('NI');
    // Remove the wage line (its row's "Remove" button).
    $<HTMLButtonElement>(el, 'button[aria-label="Quitar «Sueldos»"]').click();
    await el.updateComplete;
    await openHelper(el, 'Aguinaldo y bonos de ley');
    expect(text($(el, '.helper-form'))).to.contain('Agregue primero el pago de su personal');
    const before = labels(el);
    await apply(el);
    expect(labels(el)).to.deep.equal(before);
  });
});

describe('<mipyme-cash-flow-calculator>: tax regimes', () => {
  it('GT: the small-taxpayer regime, 5 % of gross sales paid the month after, remembered for the projection', async () => {
    const el = await calculator('GT');
    await openHelper(el, 'Calcular el IVA');
    expect(($(el, '#vat-rate') as HTMLInputElement).value).to.equal('12');
    await setValue(el, '#tax-regime', 'pequeno-contribuyente', 'change');
    expect(($(el, '#vat-rate') as HTMLInputElement).value).to.equal('5');
    expect(text($(el, '.helper-form'))).to.contain('sin crédito por el IVA de sus compras');
    const notice = await apply(el);
    // Q10,000 × 5 % = Q500 for each month, paid the next: Feb … Dec here, January's in … Feb.
    expect(shown(el, 'Impuesto: Pequeño contribuyente', 0)).to.equal('');
    expect(shown(el, 'Impuesto: Pequeño contribuyente', 1)).to.equal('500.00');
    expect(notice).to.contain('Q 500.00');
    const plan = stored(el);
    expect(plan['taxRegime']).to.equal('pequeno-contribuyente');
    expect((plan['lines'] as Json[]).find((l) => l['id'] === 'sales-tax-payment')!['kind']).to.equal('tax');
    // Opened again, the regime chosen is the one shown.
    await openHelper(el, 'Calcular el IVA');
    expect(($(el, '#tax-regime') as HTMLSelectElement).value).to.equal('pequeno-contribuyente');
  });

  it('GT standard VAT: output minus input on purchases only (never wages, drawings or the tax line)', async () => {
    const el = await calculator('GT');
    await openHelper(el, 'Calcular el IVA');
    await apply(el);
    // Prices with 12 % IVA inside: 1,000,000 × 12/112 = 107,142.857 → 107,143; 600,000 × 12/112 = 64,285.714 → 64,286.
    // Each month owes 107,143 − 64,286 = 42,857: Q428.57, paid the month after.
    expect(shown(el, 'Pago de IVA', 1)).to.equal('428.57');
    // Worked out again, the tax line is not a purchase: the same figure.
    await openHelper(el, 'Calcular el IVA');
    await apply(el);
    expect(shown(el, 'Pago de IVA', 1)).to.equal('428.57');
  });

  it('NI: the fixed fee (cuota fija), the same every month', async () => {
    const el = await calculator('NI');
    await openHelper(el, 'Calcular el IVA');
    await setValue(el, '#tax-regime', 'cuota-fija', 'change');
    expect(($(el, '#tax-fee') as HTMLInputElement).value).to.equal('500.00');
    await setValue(el, '#tax-fee', '650');
    await apply(el);
    expect([0, 1, 11].map((col) => shown(el, 'Impuesto: Cuota fija', col))).to.deep.equal(['', '650.00', '650.00']);
  });
});

describe('<mipyme-cash-flow-calculator>: microfinance instalments', () => {
  it('weekly: each instalment in the month it falls due, five in April 2027', async () => {
    const el = await calculator('SV');
    await openHelper(el, 'Agregar un préstamo');
    await setValue(el, '#loan-amount', '5,200');
    await setValue(el, '#loan-frequency', 'weekly', 'change');
    await setValue(el, '#loan-term', '52');
    await setValue(el, '#loan-rate', '0');
    await apply(el);
    // Received 1 January 2027; $100.00 a week from 8 January: Jan 8, 15, 22, 29; Feb 5, 12, 19, 26;
    // Mar 5, 12, 19, 26; Apr 2, 9, 16, 23, 30.
    expect([0, 1, 2, 3].map((col) => shown(el, 'Cuotas del préstamo', col))).to.deep.equal(['400.00', '400.00', '400.00', '500.00']);
    expect(shown(el, 'Préstamo recibido', 0)).to.equal('5,200.00');
  });
});

describe('<mipyme-cash-flow-calculator>: fiado', () => {
  it('half on credit, paid after 4 weeks, 10 % never paid: what comes in each month, what is owed, what is lost', async () => {
    const el = await calculator('SV');
    await openHelper(el, 'Ventas al crédito (fiado)');
    await setValue(el, '#credit-share', '50');
    await setValue(el, '#credit-weeks', '4');
    await setValue(el, '#credit-bad', '10');
    const notice = await apply(el);
    // January: $5,000 paid at once; $5,000 on credit, $500 never paid, $4,500 spread over 31 days and
    // collected 28 days later: days 1–3 come back on 29–31 January (450,000 × 3/31 = 43,548.39 → 43,548).
    expect(shown(el, 'Ventas', 0)).to.equal('5,435.48');
    // Still owed at the end: December's days 4–31, 450,000 − 43,548 = 406,452. Never paid: 12 × $500.
    expect(notice).to.contain('$4,064.52');
    expect(notice).to.contain('$6,000.00');
  });
});

describe('<mipyme-cash-flow-calculator>: seasons', () => {
  it('a preset marks the months; high and low move the sales of a normal month by the percentages', async () => {
    const el = await calculator('GT');
    await openHelper(el, 'Temporadas');
    expect(($(el, '#season-amount') as HTMLInputElement).value).to.equal('10,000.00');
    await setValue(el, '#season-preset', 'fin-de-ano', 'change');
    expect([1, 2, 11, 12].map((m) => ($(el, `#season-${m}`) as HTMLSelectElement).value)).to.deep.equal(['low', 'normal', 'high', 'high']);
    await setValue(el, '#season-high', '50');
    // The owner changes one month by hand: June high too.
    await setValue(el, '#season-6', 'high', 'change');
    expect(($(el, '#season-preset') as HTMLSelectElement).value).to.equal('');
    await apply(el);
    // Low −30 %: 7,000; normal 10,000; high +50 %: 15,000.
    expect([0, 1, 5, 10, 11].map((col) => shown(el, 'Ventas', col))).to.deep.equal(['7,000.00', '10,000.00', '15,000.00', '15,000.00', '15,000.00']);
  });
});

describe('<mipyme-cash-flow-calculator>: a helper\'s result can be undone', () => {
  it('seasons: Deshacer puts the sales line back as it was, saved; the focus goes back to the helper\'s button', async () => {
    const el = await calculator('GT');
    await openHelper(el, 'Temporadas');
    await setValue(el, '#season-preset', 'fin-de-ano', 'change');
    await apply(el);
    expect(shown(el, 'Ventas', 11)).not.to.equal('10,000.00');
    button(el, 'Deshacer').click();
    await el.updateComplete;
    expect([0, 5, 11].map((col) => shown(el, 'Ventas', col))).to.deep.equal(['10,000.00', '10,000.00', '10,000.00']);
    expect((stored(el)['lines'] as Json[]).find((l) => l['id'] === 'ventas')!['amounts']).to.deep.equal(twelve(1000000));
    expect(text($(el, '.helpers .notice'))).to.equal('Se deshizo: la proyección quedó como estaba antes.');
    await until(() => shadow(el).activeElement?.id === 'helper-seasons', 'the focus on Temporadas');
  });

  it('fiado: undone too; and once the owner changes anything else, the undo goes (it would lose that change)', async () => {
    const el = await calculator('SV');
    await openHelper(el, 'Ventas al crédito (fiado)');
    await setValue(el, '#credit-share', '50');
    await setValue(el, '#credit-weeks', '4');
    await apply(el);
    expect($$(el, '#undo-helper')).to.have.length(1);
    // Another change: the start month.
    await setValue(el, '#start', '2027-02', 'change');
    expect($$(el, '#undo-helper')).to.have.length(0);
    expect(shown(el, 'Ventas', 0)).not.to.equal('10,000.00');
  });
});

describe("<mipyme-cash-flow-calculator>: the owner's drawings", () => {
  it('says how much the household took, and warns when the drawings are what leaves the business short', async () => {
    const el = await calculator('SV');
    const summary = () => text($(el, '[part="summary"]'));
    // Net before drawings: 10,000 − 6,000 − 3,000 = 1,000 a month; December pays the aguinaldo (3,000).
    // With 800 of drawings: +200 a month to November (2,200), then −2,800 in December: −600.
    // Without: 11,000 by November, 9,000 at the end. The drawings cause the shortfall.
    // Drawings 9,600 of 120,600 out (72,000 + 36,000 + 3,000 + 9,600) = 7.96 % → 8 %.
    expect(summary()).to.contain('El retiro del dueño se lleva $9,600.00 en este periodo: el 8 % de todas las salidas.');
    expect(summary()).to.contain('Sin los retiros, el dinero alcanzaría');
    // Drawings cut to 100: the cash is enough; no warning.
    const row = labels(el).indexOf('Retiro del dueño');
    const cell = $(el, `.amount[data-row="${row}"][data-col="11"]`);
    cell.click();
    await el.updateComplete;
    const input = cell.querySelector('input')!;
    input.value = '0';
    input.dispatchEvent(new Event('input'));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await el.updateComplete;
    // December without drawings: −2,000 from 2,200 → 200 left.
    expect(summary()).not.to.contain('Sin los retiros');
    expect(summary()).to.contain('$8,800.00');
  });

  it('no drawings line, or one still empty: no drawings sentence', async () => {
    const el = await calculator('SV');
    $<HTMLButtonElement>(el, 'button[aria-label="Quitar «Retiro del dueño»"]').click();
    await el.updateComplete;
    expect(text($(el, '[part="summary"]'))).not.to.contain('retiro');
    button(el, '+ Retiro del dueño').click();
    await el.updateComplete;
    expect(labels(el)).to.include('Retiro del dueño');
    expect(text($(el, '[part="summary"]'))).not.to.contain('retiro');
  });
});

describe('<mipyme-cash-flow-calculator>: the new helpers are accessible', () => {
  for (const name of ['Aguinaldo y bonos de ley', 'Temporadas', 'Calcular el IVA', 'Agregar un préstamo', 'Ventas al crédito (fiado)']) {
    it(`${name}: open, no violation`, async () => {
      const el = await calculator('GT');
      await openHelper(el, name);
      if (name === 'Agregar un préstamo') await setValue(el, '#loan-frequency', 'weekly', 'change');
      await expectAccessible(el);
    });
  }
});

describe('<mipyme-cash-flow-calculator>: flat interest on a loan', () => {
  const hint = (el: Element): HTMLElement | null => shadow(el).querySelector<HTMLElement>('#loan-method-hint');

  it('GT, weekly, flat: the equivalent yearly rate on the balance, then the instalments by date', async () => {
    const el = await calculator('GT');
    await openHelper(el, 'Agregar un préstamo');
    expect(text($(el, 'label[for="loan-method"]'))).to.equal('Cómo se cobra el interés');
    expect($$<HTMLOptionElement>(el, '#loan-method option').map((o) => [o.value, text(o)])).to.deep.equal([
      ['declining', 'Sobre el saldo (cuota nivelada)'],
      ['flat', 'Flat: sobre el monto original'],
    ]);
    expect($<HTMLSelectElement>(el, '#loan-method').value).to.equal('declining');
    expect(hint(el), 'no hint on the balance').to.equal(null);
    expect(text($(el, 'label[for="loan-rate"]'))).to.equal('Interés anual (%)');

    await setValue(el, '#loan-method', 'flat', 'change');
    await setValue(el, '#loan-rate', '24');
    // 12 monthly instalments (the form's default) at 2 % a month flat: per 100, 100/12 + 2 = 10.3333
    // an instalment; on the balance that is 3.47526 % a month, × 12 = 41.7 % a year.
    expect(text(hint(el)!)).to.equal('Con interés flat, el costo real equivale a un 41.7 % anual sobre el saldo.');
    expect($<HTMLSelectElement>(el, '#loan-method').getAttribute('aria-describedby')).to.equal('loan-method-hint');
    // Values that cannot be used yet: no figure.
    await setValue(el, '#loan-term', '0');
    expect(text(hint(el)!)).to.equal('');

    await setValue(el, '#loan-amount', '1,000');
    await setValue(el, '#loan-frequency', 'weekly', 'change');
    await setValue(el, '#loan-term', '13');
    await setValue(el, '#loan-rate', '26');
    // 0.5 % a week flat over 13 weeks: 100/13 + 0.5 = 8.1923 per 100; on the balance 0.91202 % a
    // week, × 52 = 47.42 → 47.4.
    expect(text(hint(el)!)).to.equal('Con interés flat, el costo real equivale a un 47.4 % anual sobre el saldo.');
    await expectAccessible(el);

    const notice = await apply(el);
    // Interest Q1,000.00 × 26 % × 13 / 52 = Q65.00, Q5.00 a week; principal 100000 / 13 = 7692.31
    // → Q76.92 a week (× 12 = 92304), the last Q76.96. Weekly instalment Q81.92, the last Q81.96.
    // Received 1 January 2027: Jan 8, 15, 22, 29; Feb 5 … 26 (4); Mar 5 … 26 (4); Apr 2.
    // January: 4 × 81.92 = 327.68; April: 81.96. Q327.68 × 3 + Q81.96 = Q1,065.00.
    expect(notice).to.contain('Se agregaron dos líneas. Intereses dentro de esta proyección:');
    expect(notice).to.match(/Q\s?65\.00\./);
    expect([0, 1, 2, 3, 4].map((col) => shown(el, 'Cuotas del préstamo', col))).to.deep.equal(['327.68', '327.68', '327.68', '81.96', '']);
    expect(shown(el, 'Préstamo recibido', 0)).to.equal('1,000.00');
    const out = (stored(el)['lines'] as Json[]).find((l) => String(l['id']).startsWith('loan-out-'))!;
    expect(out['amounts']).to.deep.equal([32768, 32768, 32768, 8196, ...new Array<number>(8).fill(0)]);
  });

  it('SV, the default (on the balance) is unchanged: the same loan with level instalments', async () => {
    const el = await calculator('SV');
    await openHelper(el, 'Agregar un préstamo');
    await setValue(el, '#loan-amount', '1,000');
    await setValue(el, '#loan-frequency', 'weekly', 'change');
    await setValue(el, '#loan-term', '13');
    await setValue(el, '#loan-rate', '26');
    expect(hint(el)).to.equal(null);
    const notice = await apply(el);
    // 26 % a year is 0.5 % a week on the balance: 100000 × 0.005 / (1 − 1.005^−13) = 7964.19 → $79.64.
    // Interest 500, 463, 425, 387 in January (balance 100000, 92536, 85035, 77496), … 79, 40: $35.35
    // in all; the last instalment absorbs the rounding: $79.67. January: 4 × 79.64 = 318.56.
    expect(notice).to.contain('$35.35');
    expect([0, 1, 2, 3, 4].map((col) => shown(el, 'Cuotas del préstamo', col))).to.deep.equal(['318.56', '318.56', '318.56', '79.67', '']);
  });

  it('a monthly flat loan: 2 % a month on the original amount', async () => {
    const el = await calculator('SV');
    await openHelper(el, 'Agregar un préstamo');
    await setValue(el, '#loan-amount', '1,200');
    await setValue(el, '#loan-rate', '24');
    await setValue(el, '#loan-method', 'flat', 'change');
    const notice = await apply(el);
    // $1,200.00 over 12 months (the default) received in January: $100.00 + $24.00 from February to
    // December (11 instalments in the projection): interest 11 × $24.00 = $264.00.
    expect(notice).to.contain('$264.00');
    expect([0, 1, 11].map((col) => shown(el, 'Cuotas del préstamo', col))).to.deep.equal(['', '124.00', '124.00']);
  });
});
