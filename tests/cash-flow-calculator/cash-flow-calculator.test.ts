import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import type { MipymeCashFlowChangeEvent } from '../../src/shared/events.js';
import { expectAccessible } from '../helpers/a11y.js';
import { blockStorage, fillStorage } from '../helpers/storage-faults.js';
import { until } from '../helpers/until.js';
import { files, lineTools, printing } from '../../src/cash-flow-calculator/parts.js';
import { gridRows, isAmountCell, moveFor, rowOfLine } from '../../src/cash-flow-calculator/grid-nav.js';

type Json = Record<string, any>;
const DRAFTS_KEY = `${STORAGE_PREFIX}cash-flow.drafts`;

async function minimal(): Promise<Json> {
  const response = await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url));
  return (await response.json()) as Json;
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  Array.from(shadow(el).querySelectorAll<T>(selector));
const cell = (el: Element, row: number, col: number) => $(el, `.amount[data-row="${row}"][data-col="${col}"]`);
/** The amount a cell shows (its text, without an error message). */
const shown = (el: Element, row: number, col: number) =>
  Array.from(cell(el, row, col).childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join('')
    .trim();
const editor = (el: Element, row: number, col: number) => cell(el, row, col).querySelector('input')!;
const headline = (el: Element) => $(el, '.headline').textContent!.trim();
/** Wait until `selector` is in the widget (a panel whose code loads on first use). */
const shownSoon = async <T extends Element = HTMLElement>(el: Element, selector: string): Promise<T> => {
  await until(() => shadow(el).querySelector(selector) !== null, selector);
  return $<T>(el, selector);
};

async function type(el: MipymeCashFlowCalculator, input: HTMLInputElement, text: string): Promise<void> {
  input.value = text;
  input.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

/** After a commit the focus moves in the next frame (the edit's own frame stays short). */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/** Tap a cell, type into its editor, press Enter. */
async function edit(el: MipymeCashFlowCalculator, row: number, col: number, text: string): Promise<void> {
  if (!cell(el, row, col).querySelector('input')) {
    cell(el, row, col).click();
    await el.updateComplete;
  }
  const input = editor(el, row, col);
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  editor(el, row, col).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
  await el.updateComplete;
}

async function calculator(attrs: { template?: string; country?: string } = {}): Promise<MipymeCashFlowCalculator> {
  const data = await minimal();
  return fixture<MipymeCashFlowCalculator>(html`<mipyme-cash-flow-calculator
    .data=${data}
    country=${attrs.country ?? 'SV'}
    template=${attrs.template ?? 'shop'}
  ></mipyme-cash-flow-calculator>`);
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

describe('<mipyme-cash-flow-calculator>: states', () => {
  it('loading (no saved projection yet): a skeleton, accessible', async () => {
    const el = await fixture<MipymeCashFlowCalculator>(
      html`<mipyme-cash-flow-calculator feed="/__feed/hang?k=${Math.random()}"></mipyme-cash-flow-calculator>`,
    );
    expect($(el, '[part="loading"]')).to.exist;
    await expectAccessible(el);
  });

  it('ready: starts from the feed template, in the country currency, accessible', async () => {
    const el = await calculator();
    const labels = $$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value);
    expect(labels).to.deep.equal(['Ventas', 'Alquiler']);
    expect(shown(el, 0, 0)).to.equal('1,250.50');
    expect(shown(el, 1, 0)).to.equal('300.00');
    expect($(el, '[role="grid"]')).to.exist;
    expect($$(el, '[role="gridcell"][tabindex="0"]')).to.have.length(1);
    expect($(el, '[part="summary"]').getAttribute('role')).to.equal('status');
    await expectAccessible(el);
  });

  it('feed error: says so with a retry, and the calculator still works (blank), accessible', async () => {
    const el = await fixture<MipymeCashFlowCalculator>(
      html`<mipyme-cash-flow-calculator feed="/__feed/not-found?k=${Math.random()}"></mipyme-cash-flow-calculator>`,
    );
    await oneEvent(el, 'mipyme-feed-error');
    await el.updateComplete;
    expect($(el, '[part="error"]').textContent).to.contain('error 404');
    expect($(el, '[part="table"]')).to.exist;
    await expectAccessible(el);
  });
});

describe('<mipyme-cash-flow-calculator>: editing', () => {
  it('accepts what people type, formats it, and recalculates', async () => {
    const el = await calculator();
    await edit(el, 0, 1, 'US$ 2,000');
    expect(shown(el, 0, 1)).to.equal('2,000.00');
    const total = $$(el, '.line .line-total')[0]!.textContent!;
    expect(total).to.contain('3,250.50');
  });

  it('a line name cleared to blanks shows the name it keeps', async () => {
    const el = await calculator();
    const name = $<HTMLInputElement>(el, '.label-cell input');
    const before = name.value;
    name.value = ' \u3000\ufeff ';
    name.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(name.value).to.equal(before);
    expect($<HTMLInputElement>(el, '.label-cell input').value).to.equal(before);
  });

  it('a template in a currency without decimals keeps its amounts (¥1,250, not ¥125,000)', async () => {
    const data = await minimal();
    data['countries'].push({ code: 'JP', name: 'Japón', currency: 'JPY', locale: 'es-419' });
    data['cashflowTemplates'].push({
      id: 'yen',
      name: 'Yen',
      currency: 'JPY',
      lines: [{ id: 'sales', label: 'Ventas', flow: 'in', preStart: 100, amounts: [1250, 1300] }],
    });
    const el = await fixture<MipymeCashFlowCalculator>(
      html`<mipyme-cash-flow-calculator .data=${data} country="JP" template="yen"></mipyme-cash-flow-calculator>`,
    );
    expect(shown(el, 0, 0)).to.equal('1,250');
    expect(shown(el, 0, -1)).to.equal('100');
    await edit(el, 0, 1, '2,500');
    expect(shown(el, 0, 1)).to.equal('2,500');
    expect($(el, '.line .line-total').textContent).to.contain('3,850');
  });

  it('refuses anything else next to the cell and keeps the old value', async () => {
    const el = await calculator();
    await edit(el, 0, 0, '1.250,50');
    const input = editor(el, 0, 0);
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    const message = $(el, `#${input.getAttribute('aria-describedby')}`);
    expect(message.textContent).to.contain('Use un punto para los decimales');
    expect(input.value).to.equal('1.250,50');
    await expectAccessible(el);
    await edit(el, 0, 0, 'doce');
    expect($(el, `#${editor(el, 0, 0).getAttribute('aria-describedby')}`).textContent).to.contain('1,250.50');
    await edit(el, 0, 0, '1250.5');
    expect(cell(el, 0, 0).querySelector('input')).to.equal(null);
    expect(cell(el, 0, 0).hasAttribute('aria-invalid')).to.equal(false);
    expect(shown(el, 0, 0)).to.equal('1,250.50');
  });

  it('says in plain words when the cash runs out and how much is needed', async () => {
    const el = await calculator();
    await edit(el, 1, 0, '2,000');
    expect(headline(el)).to.match(/El efectivo se acaba en .+: necesita \$.+ para salir adelante\./);
    expect($(el, '[part="summary"]').classList.contains('alert')).to.equal(true);
    expect($$(el, '.chart .dot.negative').length).to.be.greaterThan(0);
  });

  it('the grid works from the keyboard like a spreadsheet (ARIA grid)', async () => {
    const el = await calculator();
    cell(el, 0, 0).focus();
    // Down from the only money-in line: the read-only "Total money in" row, then the next line.
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement!.getAttribute('aria-readonly')).to.equal('true');
    await sendKeys({ press: 'ArrowDown' });
    expect(shadow(el).activeElement).to.equal(cell(el, 1, 0));
    expect(cell(el, 1, 0).getAttribute('tabindex')).to.equal('0');
    expect(cell(el, 0, 0).getAttribute('tabindex')).to.equal('-1');
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowUp' });
    await sendKeys({ press: 'ArrowRight' });
    expect(shadow(el).activeElement).to.equal(cell(el, 0, 1));
    // Home: the row header (the line's name), then right to "before opening".
    await sendKeys({ press: 'Home' });
    expect(shadow(el).activeElement!.getAttribute('role')).to.equal('rowheader');
    await sendKeys({ press: 'ArrowRight' });
    expect(shadow(el).activeElement).to.equal(cell(el, 0, -1));
    // Typing starts editing with what was typed; Enter commits and moves down.
    await sendKeys({ type: '75' });
    expect(shadow(el).activeElement).to.equal(editor(el, 0, -1));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await nextFrame();
    expect(shown(el, 0, -1)).to.equal('75.00');
    expect(shadow(el).activeElement).to.equal(cell(el, 1, -1));
    // Escape cancels an edit.
    await sendKeys({ press: 'F2' });
    await sendKeys({ press: 'End' });
    await sendKeys({ type: '9' });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await nextFrame();
    expect(shown(el, 1, -1)).to.equal('');
    expect(shadow(el).activeElement).to.equal(cell(el, 1, -1));
    // Tab while editing commits and moves right.
    await sendKeys({ press: 'Enter' });
    await sendKeys({ type: '10' });
    await sendKeys({ press: 'Tab' });
    await el.updateComplete;
    await nextFrame();
    expect(shown(el, 1, -1)).to.equal('10.00');
    expect(shadow(el).activeElement).to.equal(cell(el, 1, 0));
  });

  it('adds, removes (with undo) and reorders lines', async () => {
    const el = await calculator();
    $$<HTMLButtonElement>(el, '.actions button')[0]!.click(); // + money in
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value)).to.deep.equal([
      'Ventas',
      'Nueva entrada',
      'Alquiler',
    ]);
    const remove = $$<HTMLButtonElement>(el, 'button[aria-label^="Quitar"]')[0]!;
    remove.click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value)).to.deep.equal(['Nueva entrada', 'Alquiler']);
    $<HTMLButtonElement>(el, '#undo').click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value)).to.deep.equal([
      'Ventas',
      'Nueva entrada',
      'Alquiler',
    ]);
    $<HTMLButtonElement>(el, 'button[data-move$=":1"]').click();
    await el.updateComplete;
    expect($$<HTMLInputElement>(el, '.label-cell input')[0]!.value).to.equal('Nueva entrada');
  });

  /** "Llenar" on the line, the same amount every month, "Llenar la fila". */
  async function fillRow(el: MipymeCashFlowCalculator, lineId: string, text: string): Promise<void> {
    $<HTMLButtonElement>(el, `button[data-fill="${lineId}"]`).click();
    const amount = await shownSoon<HTMLInputElement>(el, '#fill-amount');
    amount.value = text;
    amount.dispatchEvent(new Event('input'));
    await el.updateComplete;
    $$<HTMLButtonElement>(el, '.fill-panel button').find((b) => b.textContent!.includes('Llenar la fila'))!.click();
    await el.updateComplete;
  }

  it('fills a row with the same amount every month', async () => {
    const el = await calculator();
    await fillRow(el, 'rent', '450');
    const months = $$(el, '.amount[data-row="1"]').slice(1).map((td) => td.textContent!.trim());
    expect(new Set(months)).to.deep.equal(new Set(['450.00']));
  });

  it('a filled row can be undone, until the next change: what was typed there comes back', async () => {
    const el = await calculator();
    await edit(el, 1, 2, '321');
    const before = $$(el, '.amount[data-row="1"]').map((td) => td.textContent!.trim());
    await fillRow(el, 'rent', '450');
    expect($(el, '#undo-row').closest('.notice')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Se reemplazaron los montos de «Alquiler». Deshacer');
    $<HTMLButtonElement>(el, '#undo-row').click();
    await el.updateComplete;
    expect($$(el, '.amount[data-row="1"]').map((td) => td.textContent!.trim())).to.deep.equal(before);
    expect($$(el, '#undo-row')).to.have.length(0);
    // Pasted, then edited elsewhere: the undo goes (it would throw the edit away).
    const data = new DataTransfer();
    data.setData('text/plain', '100\t200\t300');
    cell(el, 1, 0).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect($$(el, '#undo-row')).to.have.length(1);
    await edit(el, 0, 0, '1,000');
    expect($$(el, '#undo-row')).to.have.length(0);
    expect([shown(el, 1, 0), shown(el, 1, 1)]).to.deep.equal(['100.00', '200.00']);
  });

  it('pastes a row copied from a spreadsheet', async () => {
    const el = await calculator();
    const data = new DataTransfer();
    data.setData('text/plain', '100\t200\t300');
    cell(el, 1, 0).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    await el.updateComplete;
    expect([shown(el, 1, 0), shown(el, 1, 1)]).to.deep.equal(['100.00', '200.00']);
  });

  it('fires mipyme-cash-flow-change with figures only, on the owner\'s edit and not on property sets', async () => {
    const el = await calculator();
    let fired = 0;
    el.addEventListener('mipyme-cash-flow-change', () => fired++);
    el.template = 'other';
    el.country = 'GT';
    await el.updateComplete;
    expect(fired).to.equal(0);
    const changed = oneEvent(el, 'mipyme-cash-flow-change') as Promise<MipymeCashFlowChangeEvent>;
    await edit(el, 0, 0, '1,000');
    const event = await changed;
    expect(event.bubbles && event.composed).to.equal(true);
    expect(event.detail.totalIn).to.equal(100000 + 130000);
    expect(JSON.stringify(event.detail)).not.to.contain('Ventas');
  });

  it('a "what if" with lower sales is compared with the base', async () => {
    const el = await calculator();
    const sales = $<HTMLInputElement>(el, '#sales-pct');
    await type(el, sales, '-90');
    expect($(el, '[part="summary"]').textContent).to.contain('En el caso «¿qué pasa si…?»');
    expect($(el, '.chart .scenario')).to.exist;
  });
});

describe('<mipyme-cash-flow-calculator>: loan, tax and credit helpers', () => {
  const button = (el: Element, text: string) =>
    $$<HTMLButtonElement>(el, '.helpers button').find((b) => b.textContent!.trim() === text)!;
  const setField = async (el: MipymeCashFlowCalculator, id: string, value: string) => {
    const input = $<HTMLInputElement>(el, `#${id}`);
    input.value = value;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
  };
  const labels = (el: Element) => $$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value);

  it('adds a loan as two lines: the money received and the instalments', async () => {
    const el = await calculator();
    button(el, 'Agregar un préstamo').click();
    await shownSoon(el, '.helper-form');
    await setField(el, 'loan-amount', '1,200');
    await setField(el, 'loan-rate', '0');
    button(el, 'Aplicar').click();
    await el.updateComplete;
    expect(labels(el)).to.deep.equal(['Ventas', 'Préstamo recibido', 'Alquiler', 'Cuotas del préstamo']);
    expect(shown(el, 1, 0)).to.equal('1,200.00');
    expect(shown(el, 3, 0)).to.equal('');
    expect(shown(el, 3, 1)).to.equal('100.00');
    expect($(el, '.helpers .notice').textContent).to.contain('Intereses dentro de esta proyección: $0.00');
  });

  it('works out the sales tax with the country\'s rate from the feed', async () => {
    const el = await calculator();
    const vat = button(el, 'Calcular el IVA');
    vat.click();
    expect((await shownSoon<HTMLInputElement>(el, '#vat-rate')).value).to.equal('13');
    button(el, 'Aplicar').click();
    await el.updateComplete;
    expect(labels(el)).to.include('Pago de IVA');
    await expectAccessible(el);
  });

  it('turns sales into collections when part is sold on credit (fiado), weeks later', async () => {
    const el = await calculator();
    await type(el, $<HTMLInputElement>(el, '#start'), '2027-01');
    button(el, 'Ventas al crédito (fiado)').click();
    await shownSoon(el, '.helper-form');
    await setField(el, 'credit-share', '50');
    await setField(el, 'credit-weeks', '4');
    await setField(el, 'credit-bad', '0');
    button(el, 'Aplicar').click();
    await el.updateComplete;
    // Sales 1,250.50 and 1,300 in January and February 2027: half comes in at once, half 28 days
    // later. January's credit, 625.25 over 31 days: days 1–3 (62,525 × 3/31 = 6,050.8 → 6,051)
    // come back on 29–31 January, the other 564.74 in February; February's 650 (28 days) in March.
    expect([shown(el, 0, 0), shown(el, 0, 1), shown(el, 0, 2)]).to.deep.equal(['685.76', '1,214.74', '650.00']);
    expect($(el, '.helpers .notice').textContent).to.contain('le deben $0.00');
  });
});

describe('<mipyme-cash-flow-calculator>: nothing is lost', () => {
  it('saves every change on the device and brings it back', async () => {
    const el = await calculator();
    await edit(el, 0, 0, '999');
    el.save();
    expect(localStorage.getItem(DRAFTS_KEY)).to.contain('99900');
    const again = await calculator();
    expect(shown(again, 0, 0)).to.equal('999.00');
  });

  it('a saved projection that cannot be read is kept aside, and the owner is told', async () => {
    localStorage.setItem(DRAFTS_KEY, '{"v":1,"data":{"drafts":"broken"');
    const el = await calculator();
    expect($(el, '[part="notice"]').textContent).to.contain('No se borró: quedó aparte en este dispositivo');
    const kept = Object.keys(localStorage).filter((key) => key.startsWith(`${DRAFTS_KEY}.unreadable.`));
    expect(kept).to.have.length(1);
    expect(localStorage.getItem(kept[0]!)).to.equal('{"v":1,"data":{"drafts":"broken"');
    localStorage.removeItem(kept[0]!);
    await expectAccessible(el);
  });

  it('imports a projection file as a new projection; a bad file changes nothing', async () => {
    const el = await calculator();
    const input = $<HTMLInputElement>(el, 'input[type="file"]');
    const drop = async (content: string, done: () => boolean) => {
      const data = new DataTransfer();
      data.items.add(new File([content], 'proyeccion.json', { type: 'application/json' }));
      input.files = data.files;
      input.dispatchEvent(new Event('change'));
      for (let i = 0; i < 200 && !done(); i++) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        await el.updateComplete;
      }
    };
    const options = () => $$(el, '#draft option').map((o) => o.textContent!.trim());
    await drop('{"not": "a projection"}', () => !!shadow(el).querySelector('[part="notice"]'));
    expect($(el, '[part="notice"]').textContent).to.contain('No se cambió nada');
    expect($$(el, '#draft option')).to.have.length(1);
    const file = JSON.stringify({
      format: 'infomipyme-cash-flow',
      version: 1,
      exportedAt: '2026-11-27T10:00:00.000Z',
      name: 'Plan del comedor',
      plan: {
        currency: 'USD',
        startMonth: '2027-01',
        months: 2,
        openingBalance: 0,
        safetyMinimum: 0,
        lines: [{ id: 'v', label: 'Ventas del comedor', flow: 'in', group: 'operations', preStart: 0, amounts: [5000, 6000] }],
      },
    });
    await drop(file, () => options().includes('Plan del comedor'));
    expect(options()).to.include('Plan del comedor');
    expect($$<HTMLInputElement>(el, '.label-cell input')[0]!.value).to.equal('Ventas del comedor');
  });

  it('exports CSV and JSON files and remembers when', async () => {
    const el = await calculator();
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      // The CSV code loads on first use: exportCsv() resolves once the file is handed over.
      await el.exportCsv();
      el.exportJson();
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs).to.have.length(2);
    expect(blobs[0]!.size).to.be.greaterThan(20);
    const json = JSON.parse(await blobs[1]!.text()) as Json;
    expect(json['format']).to.equal('infomipyme-cash-flow');
    await el.updateComplete;
    expect($(el, '.saved').textContent).to.contain('Última copia descargada');
  });
});

describe('<mipyme-cash-flow-calculator>: when the device cannot save', () => {
  it('storage full: says so, offers the export, keeps what was typed on screen', async () => {
    const el = await calculator();
    const restore = fillStorage();
    try {
      await edit(el, 0, 1, '1234');
      el.save();
      await el.updateComplete;
    } finally {
      restore();
    }
    const alert = $(el, '[part="notice"][role="alert"]');
    expect(alert.textContent).to.contain('no tiene espacio');
    expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Descargar una copia');
    expect(shown(el, 0, 1)).to.equal('1,234.00');
    await expectAccessible(el);
  });

  it('storage blocked (private mode, cookies off): says so from the start and offers the export', async () => {
    const restore = blockStorage();
    try {
      const el = await calculator();
      expect($(el, '[part="notice"][role="status"]').textContent).to.contain('no permite');
      await edit(el, 0, 1, '1234');
      el.save();
      await el.updateComplete;
      const alert = $(el, '[part="notice"][role="alert"]');
      expect(alert.querySelector('button')!.textContent!.trim()).to.equal('Descargar una copia');
      expect(shown(el, 0, 1)).to.equal('1,234.00');
    } finally {
      restore();
    }
  });
});

describe('<mipyme-cash-flow-calculator>: print', () => {
  it('opens a printable page with the summary and every line, built as text', async () => {
    const el = await calculator();
    // A same-origin frame stands in for the pop-up (its own document and CSSOM).
    const frame = document.createElement('iframe');
    document.body.append(frame);
    const popup = frame.contentWindow!;
    const doc = popup.document;
    let printed = 0;
    popup.print = () => void printed++;
    const original = window.open;
    window.open = () => popup;
    try {
      await el.print();
    } finally {
      window.open = original;
    }
    expect(printed).to.equal(1);
    // Styled through the CSSOM, never a <style> element (a strict CSP's style-src refuses those).
    expect(doc.querySelector('style')).to.equal(null);
    expect(doc.adoptedStyleSheets.length).to.equal(1);
    expect(popup.getComputedStyle(doc.querySelector('table')!).borderCollapse).to.equal('collapse');
    expect(doc.querySelector('h1')!.textContent).to.equal('Tienda');
    expect(doc.querySelector('p')!.textContent).to.equal(headline(el));
    const rows = Array.from(doc.querySelectorAll('tr')).map((tr) => tr.firstElementChild!.textContent);
    expect(rows).to.deep.equal(['Concepto', '+ Ventas', '− Alquiler', 'Saldo final']);
    expect(doc.querySelector('script')).to.equal(null);
    frame.remove();
  });
});

describe('<mipyme-cash-flow-calculator>: plain words at the edges', () => {
  it('says when the cash runs out before opening, and when the print window is blocked', async () => {
    const el = await calculator();
    await edit(el, 1, -1, '500');
    expect(headline(el)).to.match(/^El efectivo se acaba antes de abrir: necesita \$500\.00/);
    const original = window.open;
    window.open = () => null;
    try {
      await el.print();
    } finally {
      window.open = original;
    }
    await el.updateComplete;
    expect($(el, '[part="notice"]').textContent).to.contain('bloqueó la ventana de impresión');
  });
});

describe('<mipyme-cash-flow-calculator>: parts that load on first use', () => {
  const FAILED = 'No se pudo cargar esta parte de la herramienta';
  const offline = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));

  it('a panel says it is preparing while its code loads, then opens', async () => {
    const real = await import('../../src/cash-flow-calculator/line-tools.js');
    let release = () => {};
    let asked = 0;
    const restore = lineTools.useImporter(() => {
      asked++;
      return new Promise((resolve) => (release = () => resolve(real)));
    });
    try {
      const el = await calculator();
      const fill = $<HTMLButtonElement>(el, 'button[data-fill="rent"]');
      fill.click();
      await el.updateComplete;
      expect(fill.getAttribute('aria-busy')).to.equal('true');
      expect(fill.textContent).to.contain('Preparando…');
      fill.click(); // a second tap while it loads asks for nothing more
      await el.updateComplete;
      expect(asked).to.equal(1);
      release();
      await shownSoon(el, '#fill-amount');
      expect(fill.hasAttribute('aria-busy')).to.equal(false);
      expect(fill.textContent).to.contain('Llenar');
      // Loaded once: the helpers open at once, without asking again.
      $$<HTMLButtonElement>(el, '.helpers button')[0]!.click();
      await el.updateComplete;
      expect($(el, '.helper-form')).to.exist;
      expect(asked).to.equal(1);
    } finally {
      restore();
    }
  });

  it('a panel that cannot be loaded: the owner is told, nothing typed is lost, the next tap tries again', async () => {
    const restore = lineTools.useImporter(offline);
    try {
      const el = await calculator();
      await edit(el, 0, 0, '999');
      const fill = $<HTMLButtonElement>(el, 'button[data-fill="rent"]');
      fill.click();
      const alert = await shownSoon(el, '.fill-panel [role="alert"]');
      expect(alert.textContent).to.contain(FAILED);
      expect(fill.hasAttribute('aria-busy')).to.equal(false);
      expect(shown(el, 0, 0)).to.equal('999.00');
      el.save();
      expect(localStorage.getItem(DRAFTS_KEY)).to.contain('99900');
      await expectAccessible(el);
      // The helpers say so too, next to their buttons.
      $$<HTMLButtonElement>(el, '.helpers button')[1]!.click();
      await shownSoon(el, '.helpers [role="alert"]');
      expect(shadow(el).querySelector('.fill-panel [role="alert"]')).to.equal(null);
      // Back online: the next tap loads it.
      restore();
      fill.click();
      await shownSoon(el, '#fill-amount');
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect(shown(el, 0, 0)).to.equal('999.00');
    } finally {
      restore();
    }
  });

  it('an export or an import that cannot be loaded: no file, a message by the buttons; the next try works', async () => {
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    const restore = files.useImporter(offline);
    try {
      const el = await calculator();
      await el.exportCsv();
      await el.updateComplete;
      expect(blobs).to.have.length(0);
      expect($(el, '[part="actions"] + [role="alert"]').textContent).to.contain(FAILED);
      expect($(el, '.saved').textContent).not.to.contain('Última copia descargada');
      // Opening a copy: nothing is added, the same message.
      const input = $<HTMLInputElement>(el, 'input[type="file"]');
      const data = new DataTransfer();
      data.items.add(new File(['{}'], 'copia.json', { type: 'application/json' }));
      input.files = data.files;
      input.dispatchEvent(new Event('change'));
      await el.updateComplete;
      await until(() => !$(el, 'label.button').textContent!.includes('Preparando'), 'the import to give up');
      expect($$(el, '#draft option')).to.have.length(1);
      expect($(el, '[part="actions"] + [role="alert"]').textContent).to.contain(FAILED);
      restore();
      await el.exportCsv();
      await el.updateComplete;
      expect(blobs).to.have.length(1);
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect($(el, '.saved').textContent).to.contain('Última copia descargada');
    } finally {
      URL.createObjectURL = original;
      restore();
    }
  });

  it('printing when its code cannot be loaded: the window closes and the owner is told; then it prints', async () => {
    const el = await calculator();
    const restore = printing.useImporter(offline);
    const original = window.open;
    const popup = (doc: Document, log: string[]) =>
      ({ document: doc, close: () => log.push('close'), focus: () => {}, print: () => log.push('print') }) as unknown as Window;
    try {
      const log: string[] = [];
      const doc = document.implementation.createHTMLDocument('');
      window.open = () => popup(doc, log);
      await el.print();
      await el.updateComplete;
      expect(log).to.deep.equal(['close']);
      expect(doc.body.textContent).to.equal('Preparando…');
      expect($(el, '[part="actions"] + [role="alert"]').textContent).to.contain(FAILED);
      restore();
      const again = document.implementation.createHTMLDocument('');
      window.open = () => popup(again, log);
      await el.print();
      await el.updateComplete;
      expect(log).to.deep.equal(['close', 'print']);
      expect(again.querySelector('h1')!.textContent).to.equal('Tienda');
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
    } finally {
      window.open = original;
      restore();
    }
  });
});

describe('<mipyme-cash-flow-calculator>: attributes', () => {
  it('map to properties', async () => {
    const el = await fixture<MipymeCashFlowCalculator>(html`<mipyme-cash-flow-calculator
      template="shop"
      country="HN"
      theme="dark"
      feed="/demo/feed.json"
    ></mipyme-cash-flow-calculator>`);
    expect([el.template, el.country, el.theme, el.feed]).to.deep.equal(['shop', 'HN', 'dark', '/demo/feed.json']);
  });

  it('lines up a template\'s seasonal amounts with the start month (firstMonth)', async () => {
    const data = await minimal();
    const amounts = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => n * 100);
    data['cashflowTemplates'][0]['firstMonth'] = 1;
    data['cashflowTemplates'][0]['lines'][0]['amounts'] = amounts;
    const el = await fixture<MipymeCashFlowCalculator>(
      html`<mipyme-cash-flow-calculator .data=${data} country="SV" template="shop"></mipyme-cash-flow-calculator>`,
    );
    const calendarMonth = new Date().getMonth() + 1; // the plan starts this month
    expect(shown(el, 0, 0)).to.equal(`${calendarMonth >= 10 ? '1,' : ''}${String(calendarMonth * 100).slice(-3)}.00`);
    const december = (12 - calendarMonth + 12) % 12;
    expect(shown(el, 0, december)).to.equal('1,200.00');
  });

  it('the chart has a text alternative', async () => {
    const el = await calculator();
    const svg = $(el, 'svg.chart');
    expect(svg.getAttribute('role')).to.equal('img');
    expect($(el, '#chart-desc').textContent).to.equal(headline(el));
  });
});

describe('<mipyme-cash-flow-calculator>: saved projections from 0.1.0, two tabs, the download reminder', () => {
  const DAY = 86_400_000;
  const usdPlan = (label: string) => ({
    currency: 'USD',
    startMonth: '2026-11',
    months: 2,
    openingBalance: 10000,
    safetyMinimum: 0,
    lines: [{ id: 'v', label, flow: 'in', group: 'operations', preStart: 0, amounts: [5000, 6000] }],
  });
  const ours = () => Object.keys(localStorage).filter((key) => key.startsWith(`${DRAFTS_KEY}.`));
  const options = (el: Element) => $$<HTMLOptionElement>(el, '#draft option').map((o) => o.textContent!.trim());
  const stored = () => JSON.parse(localStorage.getItem(DRAFTS_KEY)!) as { v: number; data: { drafts: Json[]; removed?: Record<string, number> } };
  afterEach(() => {
    for (const key of ours()) localStorage.removeItem(key);
  });

  it('a version-1 store (0.1.0) shows as before, and the next save writes version 2, the original kept aside', async () => {
    // Exactly what 0.1.0 writes: { v: 1, at, data: { drafts: [{ id, name, plan, updatedAt, exportedAt? }], activeId } }.
    const v1 = JSON.stringify({
      v: 1,
      at: 1_764_250_000_500,
      data: {
        drafts: [
          { id: 'd-aaaaaaaaaaaa', name: 'Comedor Doña Marta', plan: usdPlan('Almuerzos'), updatedAt: 1_764_200_000_000, exportedAt: 1_764_100_000_000 },
          { id: 'd-bbbbbbbbbbbb', name: 'Tienda La Esquina', plan: usdPlan('Ventas de la tienda'), updatedAt: 1_764_250_000_000 },
        ],
        activeId: 'd-aaaaaaaaaaaa',
      },
    });
    localStorage.setItem(DRAFTS_KEY, v1);
    const el = await calculator();
    expect(options(el)).to.deep.equal(['Comedor Doña Marta', 'Tienda La Esquina']);
    expect($$<HTMLInputElement>(el, '.label-cell input')[0]!.value).to.equal('Almuerzos');
    expect($(el, '.saved').textContent).to.contain('Última copia descargada');
    expect(shadow(el).querySelector('[part="notice"]')).to.equal(null);
    expect(localStorage.getItem(DRAFTS_KEY)).to.equal(v1); // opening it writes nothing

    el.save();
    const saved = stored();
    expect(saved.v).to.equal(2);
    expect(saved.data.drafts.map((d) => [d['id'], d['name'], d['createdAt'], d['updatedAt'], d['exportedAt']])).to.deep.equal([
      ['d-aaaaaaaaaaaa', 'Comedor Doña Marta', 1_764_200_000_000, 1_764_200_000_000, 1_764_100_000_000],
      ['d-bbbbbbbbbbbb', 'Tienda La Esquina', 1_764_250_000_000, 1_764_250_000_000, undefined],
    ]);
    const kept = ours().filter((key) => key.startsWith(`${DRAFTS_KEY}.v1.`));
    expect(kept).to.have.length(1);
    expect(localStorage.getItem(kept[0]!)).to.equal(v1);
    await expectAccessible(el);
  });

  it('a projection deleted here does not come back from another tab’s older copy', async () => {
    const now = Date.now();
    const a = { id: 'd-aaaaaaaaaaaa', name: 'Para borrar', plan: usdPlan('Uno'), createdAt: now - 5000, updatedAt: now - 4000 };
    const b = { id: 'd-bbbbbbbbbbbb', name: 'Para quedarse', plan: usdPlan('Dos'), createdAt: now - 3000, updatedAt: now - 2000 };
    const otherTab = JSON.stringify({ v: 2, at: now - 1000, data: { drafts: [a, b], activeId: a.id } });
    localStorage.setItem(DRAFTS_KEY, otherTab);
    const el = await calculator();
    expect(options(el)).to.deep.equal(['Para borrar', 'Para quedarse']);

    const confirm = window.confirm;
    window.confirm = () => true;
    try {
      $$<HTMLButtonElement>(el, 'button').find((b) => b.textContent!.trim() === 'Borrar')!.click();
    } finally {
      window.confirm = confirm;
    }
    await el.updateComplete;
    expect(options(el)).to.deep.equal(['Para quedarse']);

    // The other tab, still holding the old copy, stores it again (before this tab saved), and again after.
    const fromOtherTab = async () => {
      localStorage.setItem(DRAFTS_KEY, otherTab);
      window.dispatchEvent(new StorageEvent('storage', { key: DRAFTS_KEY }));
      await el.updateComplete;
    };
    await fromOtherTab();
    expect(options(el)).to.deep.equal(['Para quedarse']);
    el.save();
    expect(stored().data.drafts.map((d) => d['id'])).to.deep.equal([b.id]);
    expect(stored().data.removed).to.deep.equal({ [a.id]: a.updatedAt });
    await fromOtherTab();
    el.save();
    expect(options(el)).to.deep.equal(['Para quedarse']);
    expect(stored().data.drafts.map((d) => d['id'])).to.deep.equal([b.id]);
  });

  it('reminds to download a copy only a week after the start or the last export, not on a new projection', async () => {
    const now = Date.now();
    const draft = (id: string, name: string, createdAt: number, exportedAt?: number) => ({
      id, name, plan: usdPlan('Ventas'), createdAt, updatedAt: now - 1000, ...(exportedAt ? { exportedAt } : {}),
    });
    const drafts = [
      draft('d-new', 'Nueva', now - 2000),
      draft('d-old', 'Sin copia', now - 30 * DAY),
      draft('d-exported-old', 'Copia vieja', now - 60 * DAY, now - 30 * DAY),
      draft('d-exported-new', 'Copia reciente', now - 60 * DAY, now - 2 * DAY),
    ];
    localStorage.setItem(DRAFTS_KEY, JSON.stringify({ v: 2, at: now, data: { drafts, activeId: 'd-new' } }));
    const el = await calculator();
    const status = async (id: string) => {
      const select = $<HTMLSelectElement>(el, '#draft');
      select.value = id;
      select.dispatchEvent(new Event('change'));
      await el.updateComplete;
      return $(el, '.saved').textContent!.replace(/\s+/g, ' ');
    };
    const rows: Array<{ id: string; has: string[]; hasNot: string[] }> = [
      { id: 'd-new', has: [], hasNot: ['Todavía no ha descargado ninguna copia', 'Descargue una copia', 'Última copia descargada'] },
      { id: 'd-old', has: ['Todavía no ha descargado ninguna copia: descargue una de vez en cuando.'], hasNot: ['Última copia descargada'] },
      { id: 'd-exported-old', has: ['Última copia descargada', 'Descargue una copia de vez en cuando'], hasNot: ['Todavía no ha descargado ninguna copia'] },
      { id: 'd-exported-new', has: ['Última copia descargada'], hasNot: ['Todavía no ha descargado ninguna copia', 'Descargue una copia'] },
    ];
    for (const { id, has, hasNot } of rows) {
      const text = await status(id);
      for (const part of has) expect(text, id).to.contain(part);
      for (const part of hasNot) expect(text, id).not.to.contain(part);
    }
    await expectAccessible(el);
  });
});

describe('grid-nav.ts: the grid\'s keyboard model (pure)', () => {
  // 2 lines in, 1 out → rows: in, in, Total in, out, Total out, Net, Opening, Closing (8); 12 months.
  const ROWS = gridRows(2, 1).length;
  const MONTHS = 12;
  const rows: Array<{ key: string; ctrl?: boolean; from: [number, number]; to: [number, number] | undefined }> = [
    { key: 'ArrowDown', from: [0, 0], to: [1, 0] },
    { key: 'ArrowDown', from: [7, 0], to: [7, 0] },
    { key: 'ArrowUp', from: [0, 3], to: [0, 3] },
    { key: 'ArrowLeft', from: [0, -2], to: [0, -2] },
    { key: 'ArrowRight', from: [0, 12], to: [0, 12] },
    { key: 'Home', from: [3, 5], to: [3, -2] },
    { key: 'End', from: [3, 5], to: [3, 12] },
    { key: 'Home', ctrl: true, from: [3, 5], to: [0, -2] },
    { key: 'End', ctrl: true, from: [3, 5], to: [7, 12] },
    { key: 'PageDown', from: [1, 4], to: [6, 4] },
    { key: 'PageDown', from: [4, 4], to: [7, 4] },
    { key: 'PageUp', from: [6, 4], to: [1, 4] },
    { key: 'PageUp', from: [2, 4], to: [0, 4] },
    { key: 'Enter', from: [0, 0], to: undefined },
    { key: 'a', from: [0, 0], to: undefined },
  ];
  for (const { key, ctrl, from, to } of rows) {
    it(`${ctrl ? 'Ctrl+' : ''}${key} from ${from.join(':')} → ${to ? to.join(':') : 'no move'}`, () => {
      const moved = moveFor({ key, ctrlKey: ctrl }, { row: from[0], col: from[1] }, ROWS, MONTHS);
      expect(moved).to.deep.equal(to ? { row: to[0], col: to[1] } : undefined);
    });
  }

  it('rows: the lines in, their total, the lines out, the computed rows; amounts are the only cells to type into', () => {
    const grid = gridRows(2, 1);
    expect(grid.map((r) => (r.kind === 'line' ? r.line : r.figure))).to.deep.equal([0, 1, 'totalIn', 2, 'totalOut', 'net', 'opening', 'closing']);
    expect([0, 1, 2].map((line) => rowOfLine(line, 2))).to.deep.equal([0, 1, 3]);
    expect(isAmountCell(grid[0], -1, MONTHS)).to.equal(true);
    expect(isAmountCell(grid[0], 11, MONTHS)).to.equal(true);
    expect(isAmountCell(grid[0], -2, MONTHS), 'the name').to.equal(false);
    expect(isAmountCell(grid[0], 12, MONTHS), 'the total').to.equal(false);
    expect(isAmountCell(grid[2], 0, MONTHS), 'a computed row').to.equal(false);
  });
});
