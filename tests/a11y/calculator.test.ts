/**
 * The cash-flow calculator, audited end to end (issue #10):
 * - its main task by keyboard alone — choose a template, build a 12-month projection, export it
 *   as CSV — from a button before the widget, a visible focus at every stop, no trap;
 * - the grid following the WAI-ARIA APG grid pattern (structure, one Tab stop, the keys);
 * - the focus after panels, forms and re-renders;
 * - axe with every panel and form open, light and dark, 320 px and 1280 px, nothing sideways.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/cash-flow-calculator/cash-flow-calculator.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import { initLocalization } from '../../src/shared/locale.js';
import { resetFeeds } from '../../src/feed/load.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import { reportViolations, sticksOut, violationsSeen } from '../helpers/a11y.js';
import { blockNavigation, focused, tabTo } from '../helpers/keyboard.js';
import { until } from '../helpers/until.js';

const DRAFTS_KEY = `${STORAGE_PREFIX}cash-flow.drafts`;
const key = () => `ca${Math.random().toString(36).slice(2)}`;
const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => Array.from(shadow(el).querySelectorAll<T>(selector));
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The grid cell at grid row `row`, column `col` (-2 the row header, -1 before opening, then the months, then the total). */
const at = (el: Element, row: number, col: number) => $(el, `[data-pos="${row}:${col}"]`);
/** The amount a cell shows (its own text, not an error message). */
const shown = (cell: Element) =>
  Array.from(cell.childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join('')
    .trim();
const buttonNamed = (label: string) => (element: Element) => element.localName === 'button' && text(element) === label;

interface Page {
  readonly el: MipymeCashFlowCalculator;
  readonly before: HTMLButtonElement;
  readonly after: HTMLButtonElement;
}

/** The calculator between two page buttons, on the sample feed (or the minimal one), once its grid is on screen. */
async function calculatorPage(options: { theme?: string; feed?: 'sample' | 'ok'; template?: string } = {}): Promise<Page> {
  const container = await fixture<HTMLElement>(html`<div>
    <button id="before">Antes</button>
    <mipyme-cash-flow-calculator country="SV" theme=${options.theme ?? 'light'} template=${options.template ?? ''}
      feed=${`/__feed/${options.feed ?? 'sample'}?k=${key()}`}></mipyme-cash-flow-calculator>
    <button id="after">Después</button>
  </div>`);
  const el = container.querySelector<MipymeCashFlowCalculator>('mipyme-cash-flow-calculator')!;
  await until(() => !!el.shadowRoot?.querySelector('[role="grid"] [data-pos="0:0"]'), 'the grid');
  await el.updateComplete;
  return { el, before: container.querySelector<HTMLButtonElement>('#before')!, after: container.querySelector<HTMLButtonElement>('#after')! };
}

/** Press `key` (with Shift or Control held if asked) and wait for the widget to render what it did. */
async function press(el: MipymeCashFlowCalculator, name: string, hold?: 'Shift' | 'Control'): Promise<void> {
  if (hold) await sendKeys({ down: hold });
  try {
    await sendKeys({ press: name });
  } finally {
    if (hold) await sendKeys({ up: hold });
  }
  await el.updateComplete;
  await el.updateComplete;
}

/** Shift+Tab until `accept` holds, through tabTo (its visible-focus checks). */
async function shiftTabTo(accept: (element: Element) => boolean, what: string, max = 60): Promise<Element> {
  await sendKeys({ down: 'Shift' });
  try {
    return await tabTo(accept, what, { max });
  } finally {
    await sendKeys({ up: 'Shift' });
  }
}

/** Wait until the focus is on what `accept` wants (focus moves a frame after some actions). */
async function focusOn(accept: (element: Element) => boolean, what: string): Promise<Element> {
  await until(() => {
    const element = focused();
    return !!element && accept(element);
  }, `the focus on ${what} (it is on <${focused()?.localName} ${(focused() as HTMLElement | null)?.className ?? ''}>)`);
  return focused()!;
}

/** Elements of the grid the Tab key stops on. */
const tabStops = (el: Element) =>
  $$(el, '[role="grid"] *').filter((node) => node.tabIndex >= 0 && !(node as HTMLButtonElement).disabled && node.getClientRects().length > 0);

/** Capture the files the widget hands to the browser. */
function captureDownloads(): { blobs: Blob[]; restore: () => void } {
  const blobs: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return original.call(URL, blob);
  };
  return { blobs, restore: () => (URL.createObjectURL = original) };
}

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
});
after(() => document.removeEventListener('click', blockNavigation));
afterEach(() => {
  resetFeeds();
  localStorage.removeItem(DRAFTS_KEY);
});

describe('calculator, keyboard only: the main task', function () {
  this.timeout(30000);

  it('choose a template, type amounts up to month 12, download the CSV with them; visible focus, no trap', async () => {
    const { el, before, after: afterButton } = await calculatorPage();
    const drafts = () => $$<HTMLOptionElement>(el, '#draft option').length;
    const start = drafts();
    before.focus();
    // The template: arrows browse the list without starting anything; Create starts it.
    const select = (await tabTo((element) => element.id === 'new-from', 'the template list')) as HTMLSelectElement;
    for (let i = 0; i < 3; i++) await press(el, 'ArrowDown');
    expect(select.value, 'the third choice of the list').to.equal('comedor');
    expect(drafts(), 'browsing the list starts nothing').to.equal(start);
    await tabTo((element) => element.id === 'new-create', 'Create');
    await press(el, 'Enter');
    expect(drafts()).to.equal(start + 1);
    expect(text($(el, '#draft option:checked'))).to.equal('Comedor o negocio de comida');
    expect($$<HTMLInputElement>(el, '.label-cell input')[0]!.value).to.equal('Ventas de almuerzos de contado');
    await focusOn((element) => element.id === 'new-create', 'Create, after starting the projection');

    // Into the grid: one stop, the first amount.
    const first = await tabTo((element) => !!element.closest('[role="grid"]'), 'the grid');
    expect(first).to.equal(at(el, 0, 0));
    await sendKeys({ type: '4321' });
    await press(el, 'Enter');
    await focusOn((element) => element === at(el, 1, 0), 'the next line, after Enter');
    expect(shown(at(el, 0, 0))).to.equal('4,321.00');
    // Month 12: back to the first line, End (the total), one to the left.
    await press(el, 'Home', 'Control');
    await press(el, 'End');
    expect(focused()?.getAttribute('aria-readonly'), 'the line total').to.equal('true');
    await press(el, 'ArrowLeft');
    const month12 = at(el, 0, 11);
    expect(focused()).to.equal(month12);
    expect($$(el, '[role="columnheader"]')[13]!.textContent!.trim()).to.match(/\d{4}$/);
    await press(el, 'F2');
    await sendKeys({ type: '777' });
    await press(el, 'Enter');
    expect(shown(at(el, 0, 11))).to.equal('777.00');

    // Out of the grid to the CSV download.
    const downloads = captureDownloads();
    try {
      await tabTo((element) => element.localName === 'button' && text(element) === 'Descargar para Excel (CSV)', 'the CSV download');
      await press(el, 'Enter');
      await until(() => downloads.blobs.length > 0, 'the CSV file');
    } finally {
      downloads.restore();
    }
    // The CSV is UTF-16LE with a BOM, TAB-separated (export.ts).
    const csv = new TextDecoder('utf-16le').decode(await downloads.blobs[0]!.arrayBuffer());
    const row = csv.split('\r\n').find((line) => line.startsWith('Ventas de almuerzos de contado\t'));
    expect(row, 'the CSV row of the line typed into').to.be.a('string');
    const cells = row!.split('\t');
    expect(cells[2], 'its first month').to.equal('4321');
    expect(cells[13], 'its twelfth month').to.equal('777');
    await until(() => text($(el, '.saved')).includes('Última copia descargada'), 'the export remembered');

    // No trap: Tab leaves the widget past its last control, Shift+Tab comes back.
    await tabTo((element) => element === afterButton, 'the button after the widget');
    const last = await shiftTabTo((element) => element.getRootNode() === shadow(el), 'the widget, backwards', 2);
    expect(last.closest('[part="actions"]'), 'the last control is among the actions').to.exist;
  });
});

describe('calculator grid: the APG grid pattern', function () {
  this.timeout(30000);

  it('structure: a named grid, column and row headers, every row as wide as the grid, computed cells read-only', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const grid = $(el, '[role="grid"]');
    expect(grid.getAttribute('aria-label')).to.equal('Flujo de caja por mes');
    const columns = Number(grid.getAttribute('aria-colcount'));
    const headers = $$(el, '[role="columnheader"]');
    expect(headers).to.have.length(columns);
    expect(columns).to.equal(12 + 3);
    const rows = $$(el, '[role="row"]').filter((row) => !row.classList.contains('fill-panel'));
    for (const row of rows) {
      const cells = Array.from(row.children).filter((cell) => /^(gridcell|rowheader|columnheader)$/.test(cell.getAttribute('role') ?? ''));
      const width = cells.reduce((sum, cell) => sum + Number(cell.getAttribute('aria-colspan') ?? 1), 0);
      expect(width, `the cells of "${text(cells[0])}"`).to.equal(columns);
      expect(cells[0]!.getAttribute('role'), 'the first cell heads its row').to.match(/header$/);
      expect(row.parentElement!.getAttribute('role'), 'rows in row groups').to.equal('rowgroup');
    }
    // A line's row header is named by the line (not by its buttons).
    expect(at(el, 0, -2).getAttribute('aria-label')).to.equal('Ventas');
    // Amounts can be edited; totals and computed rows are read-only.
    expect(at(el, 0, 0).hasAttribute('aria-readonly')).to.equal(false);
    expect(at(el, 0, 12).getAttribute('aria-readonly')).to.equal('true');
    const computed = $$(el, '.total-row [role="gridcell"]');
    expect(computed.length).to.be.greaterThan(0);
    expect(computed.every((cell) => cell.getAttribute('aria-readonly') === 'true')).to.equal(true);
  });

  it('one Tab stop that follows the active cell; Tab leaves the grid and Shift+Tab comes back to the same cell', async () => {
    const { el, before } = await calculatorPage({ feed: 'ok', template: 'shop' });
    expect(tabStops(el)).to.deep.equal([at(el, 0, 0)]);
    before.focus();
    await tabTo((element) => element === at(el, 0, 0), 'the grid');
    await press(el, 'ArrowRight');
    await press(el, 'ArrowDown');
    expect(focused()).to.equal(at(el, 1, 1));
    expect(tabStops(el)).to.deep.equal([at(el, 1, 1)]);
    await press(el, 'Tab');
    expect(focused()!.closest('[role="grid"]'), 'Tab leaves the grid').to.equal(null);
    expect(focused()!.getRootNode()).to.equal(shadow(el));
    await shiftTabTo((element) => !!element.closest('[role="grid"]'), 'the grid again', 1);
    expect(focused()).to.equal(at(el, 1, 1));
  });

  it('arrows, Home / End, Ctrl+Home / Ctrl+End and PageUp / PageDown move the active cell, never out of the grid', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    // Rows: Ventas, Total money in, Alquiler, Total money out, Net, Opening, Closing.
    const lastRow = 6;
    at(el, 0, 0).focus();
    const expectAt = (row: number, col: number, what: string) => expect(focused(), what).to.equal(at(el, row, col));
    await press(el, 'ArrowUp');
    expectAt(0, 0, 'ArrowUp on the first row stays');
    await press(el, 'ArrowLeft');
    expectAt(0, -1, 'ArrowLeft: before opening');
    await press(el, 'ArrowLeft');
    expectAt(0, -2, 'ArrowLeft: the row header');
    await press(el, 'ArrowLeft');
    expectAt(0, -2, 'ArrowLeft on the first column stays');
    await press(el, 'End');
    expectAt(0, 12, 'End: the row total');
    await press(el, 'ArrowRight');
    expectAt(0, 12, 'ArrowRight on the last column stays');
    await press(el, 'Home');
    expectAt(0, -2, 'Home: the row header');
    await press(el, 'ArrowDown');
    expectAt(1, -2, 'ArrowDown: "Total money in"');
    expect(text(focused())).to.equal('Total de entradas');
    await press(el, 'End', 'Control');
    expectAt(lastRow, 12, 'Ctrl+End: the last cell');
    await press(el, 'ArrowDown');
    expectAt(lastRow, 12, 'ArrowDown on the last row stays');
    await press(el, 'Home', 'Control');
    expectAt(0, -2, 'Ctrl+Home: the first cell');
    await press(el, 'ArrowRight');
    await press(el, 'PageDown');
    expectAt(5, -1, 'PageDown: five rows down');
    await press(el, 'PageDown');
    expectAt(lastRow, -1, 'PageDown: at most the last row');
    await press(el, 'PageUp');
    expectAt(1, -1, 'PageUp: five rows up');
    await press(el, 'PageUp');
    expectAt(0, -1, 'PageUp: at most the first row');
  });

  it('Enter / F2 / typing edit an amount, Escape cancels, Enter commits; computed cells cannot be typed into', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const editor = () => at(el, 0, 1).querySelector('input');
    at(el, 0, 1).focus();
    await press(el, 'Enter');
    expect(focused()).to.equal(editor());
    expect((focused() as HTMLInputElement).value).to.equal('1,300.00');
    await press(el, 'Escape');
    await focusOn((element) => element === at(el, 0, 1), 'the cell, after Escape');
    await press(el, 'F2');
    expect(focused()).to.equal(editor());
    await sendKeys({ type: '5' });
    await press(el, 'Escape');
    expect(shown(at(el, 0, 1)), 'Escape keeps the old amount').to.equal('1,300.00');
    await sendKeys({ type: '15' });
    expect(focused()).to.equal(editor());
    await press(el, 'Enter');
    expect(shown(at(el, 0, 1))).to.equal('15.00');
    // A total: Enter, F2 and typing change nothing.
    const total = at(el, 1, 1);
    total.focus();
    const before = text(total);
    for (const name of ['Enter', 'F2', '7']) await press(el, name);
    expect(focused()).to.equal(total);
    expect(total.querySelector('input')).to.equal(null);
    expect(text(total)).to.equal(before);
  });

  it('a row header: Enter moves into the line\'s name and tools, Tab goes through them, Escape comes back to the cell', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const header = at(el, 0, -2);
    const inside = () => Array.from(header.querySelectorAll<HTMLElement>('input, button'));
    expect(inside().every((control) => control.tabIndex === -1), 'no Tab stops inside, until entered').to.equal(true);
    header.focus();
    await press(el, 'Enter');
    expect(focused()).to.equal(header.querySelector('input'));
    expect(inside().every((control) => control.tabIndex === 0)).to.equal(true);
    await press(el, 'Tab');
    expect(focused()!.getAttribute('data-move')).to.equal('sales:-1');
    await press(el, 'Escape');
    expect(focused()).to.equal(header);
    expect(inside().every((control) => control.tabIndex === -1)).to.equal(true);
    expect(tabStops(el)).to.deep.equal([header]);
  });
});

describe('calculator, focus after panels, forms and re-renders', function () {
  this.timeout(30000);

  /** Into the first line's tools, by keyboard: its row header, Enter, Tab to the control `accept` wants. */
  async function lineTool(el: MipymeCashFlowCalculator, accept: (element: Element) => boolean, what: string): Promise<Element> {
    at(el, 0, -2).focus();
    await press(el, 'Enter');
    return tabTo(accept, what, { max: 6 });
  }

  it('the Fill panel: opens on its first field; Escape, Cancel and filling bring the focus back to Fill', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const fill = (await lineTool(el, (element) => element.hasAttribute('data-fill'), 'Fill')) as HTMLButtonElement;
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'fill-kind', 'the first field of the panel');
    expect(fill.getAttribute('aria-expanded')).to.equal('true');
    await press(el, 'Escape');
    await focusOn((element) => element === fill, 'Fill, after Escape');
    expect(fill.getAttribute('aria-expanded')).to.equal('false');
    expect($(el, '.fill-panel')).to.equal(null);
    // Cancel.
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'fill-kind', 'the panel again');
    await tabTo(buttonNamed('Cancelar'), 'Cancel', { max: 6 });
    await press(el, 'Enter');
    await focusOn((element) => element === fill, 'Fill, after Cancel');
    // Fill the row.
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'fill-kind', 'the panel again');
    await tabTo((element) => element.id === 'fill-amount', 'the amount', { max: 3 });
    await sendKeys({ type: '450' });
    await tabTo(buttonNamed('Llenar la fila'), 'Fill the row', { max: 3 });
    await press(el, 'Enter');
    await focusOn((element) => element === fill, 'Fill, after filling the row');
    expect(shown(at(el, 0, 11))).to.equal('450.00');
  });

  for (const [kind, label] of [
    ['loan', 'Agregar un préstamo'],
    ['vat', 'Calcular el IVA'],
    ['credit', 'Ventas al crédito (fiado)'],
    ['seasons', 'Temporadas'],
  ] as const) {
    it(`the "${label}" helper: opens on its first field; Escape and Cancel bring the focus back to its button`, async () => {
      const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
      const button = $<HTMLButtonElement>(el, `#helper-${kind}`);
      button.focus();
      await press(el, 'Enter');
      await focusOn((element) => !!element.closest('.helper-form'), 'the first field of the helper');
      expect(button.getAttribute('aria-expanded')).to.equal('true');
      await press(el, 'Escape');
      await focusOn((element) => element === button, `${label}, after Escape`);
      expect(button.getAttribute('aria-expanded')).to.equal('false');
      await press(el, 'Enter');
      await focusOn((element) => !!element.closest('.helper-form'), 'the helper again');
      await tabTo(buttonNamed('Cancelar'), 'Cancel', { max: 24 }) // the seasons form has 17 fields;
      await press(el, 'Enter');
      await focusOn((element) => element === button, `${label}, after Cancel`);
    });
  }

  it('a helper applied: the focus goes back to its button, the notice says what changed', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const button = $<HTMLButtonElement>(el, '#helper-loan');
    button.focus();
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'loan-amount', 'the loan amount');
    await sendKeys({ type: '5000' });
    await tabTo(buttonNamed('Aplicar'), 'Apply', { max: 6 });
    await press(el, 'Enter');
    await focusOn((element) => element === button, 'the loan button, after applying');
    expect(text($(el, '.helpers [role="status"]'))).to.contain('Se agregaron dos líneas');
  });

  it('rename: the field gets the focus; saving, Escape and Cancel bring it back to Rename', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const rename = () => $<HTMLButtonElement>(el, '#rename');
    rename().focus();
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'draft-name', 'the name field');
    await sendKeys({ type: ' 2026' });
    await press(el, 'Enter');
    await focusOn((element) => element === rename(), 'Rename, after saving');
    expect(text($(el, '#draft option:checked'))).to.equal('Tienda 2026');
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'draft-name', 'the name field');
    await sendKeys({ type: ' viejo' });
    await press(el, 'Escape');
    await focusOn((element) => element === rename(), 'Rename, after Escape');
    expect(text($(el, '#draft option:checked'))).to.equal('Tienda 2026');
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'draft-name', 'the name field');
    await tabTo(buttonNamed('Cancelar'), 'Cancel', { max: 3 });
    await press(el, 'Enter');
    await focusOn((element) => element === rename(), 'Rename, after Cancel');
  });

  it('adding a line focuses its name; removing one focuses Undo; Undo focuses the line back; moving keeps the focus on the arrow', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const add = $$<HTMLButtonElement>(el, '.actions button').find((b) => text(b) === '+ Entrada')!;
    add.focus();
    await press(el, 'Enter');
    const name = (await focusOn((element) => element.localName === 'input' && !!element.closest('[role="rowheader"]'), 'the new line\'s name')) as HTMLInputElement;
    expect(name.value).to.equal('Nueva entrada');
    expect(name.selectionEnd! - name.selectionStart!, 'its name selected, to be typed over').to.equal(name.value.length);
    await sendKeys({ type: 'Propinas' });
    // Tab: the name is kept when the field is left, and the next tool of the line has the focus.
    const up = await tabTo((element) => element.getAttribute('data-move')?.endsWith(':-1') === true, 'the up arrow', { max: 1 });
    expect($$<HTMLInputElement>(el, '.label-cell input')[1]!.value).to.equal('Propinas');
    // Move it up: the focus stays on the arrow that moved it.
    await press(el, 'Enter');
    await focusOn((element) => element === up || element.getAttribute('data-move') === up.getAttribute('data-move'), 'the up arrow, after moving');
    expect($$<HTMLInputElement>(el, '.label-cell input')[0]!.value).to.equal('Propinas');
    // Remove it, then undo.
    const remove = await tabTo((element) => element.getAttribute('aria-label') === 'Quitar «Propinas»', 'Remove', { max: 4 });
    expect(remove).to.exist;
    await press(el, 'Enter');
    await focusOn((element) => element.id === 'undo', 'Undo');
    expect($$<HTMLInputElement>(el, '.label-cell input').map((i) => i.value)).to.not.include('Propinas');
    await press(el, 'Enter');
    const back = await focusOn((element) => element.getAttribute('role') === 'rowheader', 'the line that came back');
    expect(back.getAttribute('aria-label')).to.equal('Propinas');
  });

  it('choosing a template with Enter on the list: the new projection, the focus stays on the list', async () => {
    const { el } = await calculatorPage();
    const select = $<HTMLSelectElement>(el, '#new-from');
    select.focus();
    await press(el, 'ArrowDown');
    await press(el, 'ArrowDown');
    await press(el, 'Enter');
    expect(text($(el, '#draft option:checked'))).to.equal('Tienda de barrio, pulpería o colmado');
    expect(focused()).to.equal(select);
    expect(select.value, 'the list is ready for another').to.equal('');
  });

  it('arrows on the closed Months list act at every key, and lose nothing: 12 → 11 → 12 gives month 12 back', async () => {
    const { el } = await calculatorPage({ feed: 'ok', template: 'shop' });
    const last = () => at(el, 0, 11);
    last().focus();
    await press(el, 'Enter');
    await sendKeys({ type: '987' });
    await press(el, 'Enter');
    expect(shown(last())).to.equal('987.00');
    const months = $<HTMLSelectElement>(el, '#months');
    months.focus();
    await press(el, 'ArrowUp');
    expect(months.value).to.equal('11');
    expect(el.shadowRoot!.querySelector('[data-pos="0:12"]'), 'the grid is 11 months wide (then its total)').to.equal(null);
    await press(el, 'ArrowDown');
    expect(months.value).to.equal('12');
    expect(shown(last()), 'month 12 kept its amount').to.equal('987.00');
    expect(focused() === months, 'the focus stays on the list').to.equal(true);
  });
});

describe('calculator, axe with every panel and form open', function () {
  this.timeout(120000);
  after(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  for (const width of [320, 1280]) {
    for (const theme of ['light', 'dark']) {
      it(`${width} px, ${theme}: rename, Fill, each helper, a removed line, a refused amount — no violation${width === 320 ? ', nothing sideways' : ''}`, async () => {
        await setViewport({ width, height: 900 });
        const { el } = await calculatorPage({ feed: 'ok', template: 'shop', theme });
        // The rename form, the Fill panel of a line, a refused amount being edited, a removed line's notice.
        $<HTMLButtonElement>(el, '#rename').click();
        $<HTMLButtonElement>(el, 'button[data-fill="rent"]').click();
        await until(() => !!shadow(el).querySelector('.fill-panel #fill-kind'), 'the Fill panel');
        at(el, 0, 1).focus();
        await sendKeys({ type: 'doce' });
        await press(el, 'Enter');
        await until(() => !!shadow(el).querySelector('.cell-error'), 'the refused amount');
        for (const kind of ['loan', 'vat', 'credit', 'seasons'] as const) {
          $<HTMLButtonElement>(el, `#helper-${kind}`).click();
          await until(() => $(el, `#helper-${kind}`).getAttribute('aria-expanded') === 'true', `the ${kind} helper`);
          if (kind === 'credit') {
            $$<HTMLButtonElement>(el, '.actions button').find((b) => text(b) === '+ Salida')!.click();
            await el.updateComplete;
            $<HTMLButtonElement>(el, 'button[aria-label="Quitar «Nueva salida»"]').click();
            await el.updateComplete;
            expect($(el, '#undo')).to.exist;
          }
          expect($(el, '#draft-name'), 'the rename form').to.exist;
          const violations = await violationsSeen(el);
          expect(violations, `${kind}: ${reportViolations(violations)}`).to.deep.equal([]);
          if (width === 320) expect(sticksOut(el), `${kind}: sideways at 320 px`).to.deep.equal([]);
        }
      });
    }
  }
});
