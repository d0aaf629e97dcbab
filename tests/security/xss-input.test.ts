/**
 * Hostile input (issue #8): every payload of `payloads.ts` typed into every user input of the
 * four widgets — the search boxes (and the toolbox's URL hash, which a shared link fills), the
 * calculator's line names, amounts, settings, fill panel, helpers, "what if" fields and
 * projection names, the plan's answers, business name and plan names — and carried by the
 * JSON files both widgets import.
 *
 * After each: the trap global is unset; the shadow root holds only the elements the widget
 * draws, no `on*` or `style` attribute, no link but https/http/mailto/tel; the widget stays in
 * its 360 px column; nothing threw. An amount that is not one gets a message and the old value
 * stays. What the owner typed survives a save and a reload exactly (within the field's
 * documented bounds: names are trimmed and cut at 120 or 160 characters, answers at 20,000), and
 * an export → import round trip keeps it exactly; the exports (print, HTML, Markdown, CSV) carry
 * it as text.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import { parseAmount } from '../../src/cash-flow-calculator/amount-input.js';
import { saveDrafts } from '../../src/cash-flow-calculator/drafts.js';
import { clampText } from '../../src/business-plan-outline/plan-model.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import type { MipymeBusinessPlanOutline } from '../../src/business-plan-outline/business-plan-outline.element.js';
import {
  ALL_PAYLOADS,
  EXPORT_TAGS,
  LONE_SURROGATE,
  PRINT_TAGS,
  blockNavigation,
  describePayload,
  exportedLine,
  markdownProblems,
  layoutFindings,
  settle,
  trapValue,
  unsafeFindings,
  watchErrors,
  TRAP,
} from './payloads.js';
import { until } from '../helpers/until.js';

type Json = Record<string, any>;
type Widget = HTMLElement & { updateComplete: Promise<boolean>; data?: unknown };

const CHUNK = Math.ceil(ALL_PAYLOADS.length / 8);
const CHUNKS: string[][] = [];
for (let i = 0; i < ALL_PAYLOADS.length; i += CHUNK) CHUNKS.push(ALL_PAYLOADS.slice(i, i + CHUNK));
const range = (index: number) => `payloads ${index * CHUNK + 1}–${index * CHUNK + CHUNKS[index]!.length}`;

const DRAFTS_KEY = `${STORAGE_PREFIX}cash-flow.drafts`;
const PLANS_KEY = `${STORAGE_PREFIX}business-plan.plans`;
const QUESTIONS = CHUNK;

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) => Array.from(shadow(el).querySelectorAll<T>(selector));

/** What an `<input>` keeps of a text (its value sanitization drops line breaks). */
const oneLineInput = (text: string) => text.replace(/[\r\n]/g, '');

function clearStorage(): void {
  for (const key of Object.keys(localStorage)) if (key.startsWith(STORAGE_PREFIX)) localStorage.removeItem(key);
}

/** Type into a field the way a browser does: set the value, then read back what the field kept. */
function type(field: HTMLInputElement | HTMLTextAreaElement, text: string, event: 'input' | 'change'): string {
  field.value = text;
  field.dispatchEvent(new Event(event, { bubbles: true }));
  return field.value;
}

/** The minimal feed, with an outline of 48 questions (plus a financial section) for the plan's answers. */
let FEED: Json;
async function loadFeed(): Promise<Json> {
  const feed = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Json;
  feed['planOutlines'].unshift({
    id: 'input',
    name: 'Plan de prueba',
    sections: [
      {
        id: 'all',
        title: 'Todo',
        questions: Array.from({ length: QUESTIONS }, (_, i) => ({ id: `q${i}`, text: `Pregunta ${i}` })),
      },
      { id: 'plan-financiero', title: 'Plan financiero', questions: [{ id: 'q', text: '¿Cuánto vende?' }] },
    ],
  });
  return feed;
}

// ---------------------------------------------------------------- checks

let problems: string[];
let watch: ReturnType<typeof watchErrors>;

/**
 * The checks after a step. `layout`: `full` looks at every element, `quick` at the widget's frame
 * only (its scroll width still shows any text running out sideways), `none` skips layout.
 */
function checkpoint(el: Widget, container: HTMLElement, step: string, layout: 'full' | 'quick' | 'none' = 'full'): void {
  if (trapValue() !== undefined) problems.push(`${step}: the trap was set`);
  for (const finding of unsafeFindings(shadow(el)).slice(0, 5)) problems.push(`${step}: ${finding}`);
  if (layout !== 'none') {
    for (const finding of layoutFindings(el, container, { elements: layout === 'full' }).slice(0, 5)) problems.push(`${step} (360px): ${finding}`);
  }
}

function finish(): void {
  expect(trapValue(), 'the trap global').to.equal(undefined);
  expect((Object.prototype as Record<string, unknown>)['polluted'], 'Object.prototype polluted').to.equal(undefined);
  expect(watch.errors, 'errors thrown').to.deep.equal([]);
  expect(problems.slice(0, 20), `${problems.length} problem(s)`).to.deep.equal([]);
}

async function mount<T extends Widget>(tag: string, attrs: Record<string, string>, data: Json = FEED): Promise<{ el: T; container: HTMLDivElement }> {
  const container = await fixture<HTMLDivElement>(html`<div style="width: 360px"></div>`);
  const el = document.createElement(tag) as T;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  el.data = data;
  container.append(el);
  // A feed given as data is ready at once: one update renders it (a second catches a follow-up).
  await el.updateComplete;
  await el.updateComplete;
  return { el, container };
}

/** Files the widget downloads, caught on their way to `URL.createObjectURL`. */
async function captureDownloads(action: () => unknown): Promise<Blob[]> {
  const blobs: Blob[] = [];
  const original = URL.createObjectURL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    blobs.push(blob as Blob);
    return original.call(URL, blob);
  };
  try {
    // Export code loads on first use (#9): wait for the method, or for the file a click asked for.
    await action();
    await until(() => blobs.length > 0, 'the download');
  } finally {
    URL.createObjectURL = original;
  }
  return blobs;
}

/** A printable page built into a document of ours (no real window), returned once printed. */
async function printInto(print: () => Promise<void>): Promise<Document> {
  const doc = document.implementation.createHTMLDocument('');
  const original = window.open;
  window.open = () => ({ document: doc, focus: () => {}, print: () => {}, close: () => {} }) as unknown as Window;
  try {
    await print(); // the print code loads on first use (#9)
  } finally {
    window.open = original;
  }
  return doc;
}

/** Drop a file on a widget's file input, and wait until the widget has read it and rendered. */
async function importFile(el: Widget, content: string): Promise<void> {
  const input = $<HTMLInputElement>(el, 'input[type="file"]');
  const data = new DataTransfer();
  data.items.add(new File([content], 'copia.json', { type: 'application/json' }));
  let reading: Promise<string> | undefined;
  // The widget reads the file with file.text(): once that is read, its own continuation runs before ours.
  const files = File.prototype as unknown as { text?: () => Promise<string> };
  files.text = function (this: Blob) {
    reading = Blob.prototype.text.call(this);
    return reading;
  };
  try {
    input.files = data.files;
    input.dispatchEvent(new Event('change'));
    await until(() => reading !== undefined, 'the widget to read the file');
    await reading;
  } finally {
    delete files.text;
  }
  await el.updateComplete;
}

/** The text of an answer as the HTML export shows it (control characters dropped, lines trimmed). */
function exportedAnswer(text: string): string {
  const lines = text
    .replace(/\r\n?/g, '\n')
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '')
    .replace(LONE_SURROGATE, '\ufffd')
    .split('\n')
    .map((line) => line.trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** The rows of the calculator's CSV (UTF-16LE with a BOM, TAB-separated). */
async function csvRows(blob: Blob): Promise<string[][]> {
  const bytes = new Uint8Array(await blob.arrayBuffer());
  expect([bytes[0], bytes[1]], 'the BOM').to.deep.equal([0xff, 0xfe]);
  return new TextDecoder('utf-16le').decode(bytes.subarray(2)).split('\r\n').map((row) => row.split('\t'));
}

/** A text cell of the CSV that a spreadsheet would run as a formula. */
const FORMULA = /^[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

before(async () => {
  await initLocalization('es');
  FEED = await loadFeed();
  document.addEventListener('click', blockNavigation);
});
after(() => {
  document.removeEventListener('click', blockNavigation);
  clearStorage();
  history.replaceState(null, '', location.pathname + location.search);
});
beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  clearStorage();
  problems = [];
  watch = watchErrors();
});
afterEach(() => {
  watch.stop();
  // A payload that ran late still fails this test; the next one starts clean.
  const ran = trapValue();
  delete (window as unknown as Record<string, unknown>)[TRAP];
  if (ran !== undefined) throw new Error('a payload ran (the trap global was set)');
});

// ---------------------------------------------------------------- the toolbox

describe('hostile input: <mipyme-toolbox-browser>', () => {
  CHUNKS.forEach((chunk, index) => {
    it(`the search box, ${range(index)}`, async () => {
      const { el, container } = await mount<MipymeToolboxBrowser>('mipyme-toolbox-browser', { country: 'SV' });
      const search = $<HTMLInputElement>(el, '#search');
      for (const payload of chunk) {
        const step = `search ${describePayload(payload)}`;
        const typed = type(search, payload, 'input');
        await el.updateComplete;
        search.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        await el.updateComplete;
        expect($<HTMLInputElement>(el, '#search').value, step).to.equal(typed);
        const empty = shadow(el).querySelector('[part="empty"] strong');
        if (empty && typed !== '') expect(empty.textContent, `${step}: the no-results message`).to.equal(`No encontramos herramientas para «${typed}».`);
        checkpoint(el, container, step);
      }
      await settle(el);
      finish();
    });

    it(`sync-url: the search goes into the URL hash and comes back exactly, ${range(index)}`, async () => {
      history.replaceState(null, '', location.pathname + location.search);
      const { el, container } = await mount<MipymeToolboxBrowser>('mipyme-toolbox-browser', { country: 'SV', 'sync-url': '' });
      const { el: reader } = await mount<MipymeToolboxBrowser>('mipyme-toolbox-browser', { country: 'SV', 'sync-url': '' });
      try {
        const search = $<HTMLInputElement>(el, '#search');
        for (const payload of chunk) {
          const step = `sync-url ${describePayload(payload)}`;
          const typed = type(search, payload, 'input');
          await el.updateComplete;
          // Another widget reads the hash (as after a reload or a shared link).
          window.dispatchEvent(new HashChangeEvent('hashchange'));
          await reader.updateComplete;
          // The hash keeps 200 characters; half a surrogate pair cannot be written in a URL (U+FFFD).
          const expected = typed.trim() === '' ? '' : typed.replace(LONE_SURROGATE, '\ufffd').slice(0, 200);
          expect($<HTMLInputElement>(reader, '#search').value, step).to.equal(oneLineInput(expected));
          checkpoint(el, container, step, 'none');
          checkpoint(reader, container, `${step} (read back)`, 'none');
        }
        await settle(el);
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
      finish();
    });

    it(`a shared link's hash (search, topic, type), ${range(index)}`, async () => {
      history.replaceState(null, '', location.pathname + location.search);
      const { el, container } = await mount<MipymeToolboxBrowser>('mipyme-toolbox-browser', { country: 'SV', 'sync-url': '' });
      try {
        for (const payload of chunk) {
          const step = `hash ${describePayload(payload)}`;
          for (const hash of [`#mt-q=${payload}&mt-topic=${payload}&mt-type=${payload}`, `#mt-q=${encodeURIComponent(payload.replace(LONE_SURROGATE, '\ufffd'))}&mt-saved=1`]) {
            // As when a link is followed: the address changes, the page is told.
            history.replaceState(null, '', `${location.pathname}${location.search}${hash}`);
            window.dispatchEvent(new HashChangeEvent('hashchange'));
            await el.updateComplete;
            checkpoint(el, container, step);
          }
        }
        await settle(el);
      } finally {
        history.replaceState(null, '', location.pathname + location.search);
      }
      finish();
    });
  });
});

// ---------------------------------------------------------------- the provider finder

describe('hostile input: <mipyme-provider-finder>', () => {
  CHUNKS.forEach((chunk, index) => {
    it(`the search box, ${range(index)}`, async () => {
      const { el, container } = await mount<MipymeProviderFinder>('mipyme-provider-finder', { country: 'SV' });
      const search = $<HTMLInputElement>(el, '#search');
      for (const payload of chunk) {
        const step = `search ${describePayload(payload)}`;
        const typed = type(search, payload, 'input');
        await el.updateComplete;
        expect($<HTMLInputElement>(el, '#search').value, step).to.equal(typed);
        checkpoint(el, container, step);
      }
      await settle(el);
      finish();
    });
  });
});

// ---------------------------------------------------------------- the cash-flow calculator

/** The calculator on the feed's shop template; `months` shortens the projection (a smaller grid, a faster test). */
async function calculator(months?: number): Promise<{ el: MipymeCashFlowCalculator; container: HTMLDivElement }> {
  const mounted = await mount<MipymeCashFlowCalculator>('mipyme-cash-flow-calculator', { country: 'SV', template: 'shop' });
  if (months !== undefined) {
    const select = $<HTMLSelectElement>(mounted.el, '#months');
    select.value = String(months);
    select.dispatchEvent(new Event('change'));
    await mounted.el.updateComplete;
  }
  return mounted;
}

interface StoredDraft {
  id: string;
  name: string;
  plan: { lines: Array<{ id: string; label: string; amounts: number[]; preStart: number }>; openingBalance: number; safetyMinimum: number };
}
function storedDrafts(): StoredDraft[] {
  return (JSON.parse(localStorage.getItem(DRAFTS_KEY)!) as Json)['data']['drafts'] as StoredDraft[];
}

const cell = (el: Element, row: number, col: number) => $(el, `.amount[data-row="${row}"][data-col="${col}"]`);
/** The amount a cell shows (its text, without an error message). */
const shownAmount = (el: Element, row: number, col: number) =>
  Array.from(cell(el, row, col).childNodes)
    .filter((node) => node.nodeType === Node.TEXT_NODE)
    .map((node) => node.textContent)
    .join('')
    .trim();

describe('hostile input: <mipyme-cash-flow-calculator>', () => {
  CHUNKS.forEach((chunk, index) => {
    it(`line names: shown, saved and read back exactly; print and CSV, ${range(index)}`, async () => {
      const { el, container } = await calculator(2);
      // A projection with one line per payload (opened from a file: quicker than "+ Money in" 49 times).
      const lines = chunk.map((_, i) => ({ id: `l${i}`, label: `Línea ${i}`, flow: 'in', group: 'operations', preStart: 0, amounts: [0, 0] }));
      const plan = { currency: 'USD', startMonth: '2027-01', months: 2, openingBalance: 0, safetyMinimum: 0, lines };
      await importFile(el, JSON.stringify({ format: 'infomipyme-cash-flow', version: 1, exportedAt: '2026-11-27T10:00:00.000Z', name: 'Líneas', plan }));
      const expected: string[] = $$<HTMLInputElement>(el, '.label-cell input').map((input) => input.value);
      expect(expected, 'one line per payload').to.have.length(chunk.length);
      for (let i = 0; i < chunk.length; i++) {
        const payload = chunk[i]!;
        const step = `line name ${describePayload(payload)}`;
        const input = $$<HTMLInputElement>(el, '.label-cell input')[i]!;
        const typed = type(input, payload, 'change');
        await el.updateComplete;
        const label = typed.trim().slice(0, 160);
        // A name of only spaces is not taken: the line keeps its name (the field still shows what was typed).
        if (label) {
          expected[i] = label;
          expect($$<HTMLInputElement>(el, '.label-cell input')[i]!.value, step).to.equal(expected[i]);
        }
        // The line's name in its buttons, the fill panel and the "removed" notice.
        const actions = $$<HTMLButtonElement>(el, '.line-actions')[i]!.querySelectorAll('button');
        expect(actions[0]!.getAttribute('aria-label'), step).to.contain(expected[i]);
        if (i % 4 === 0) {
          (actions[2] as HTMLButtonElement).click();
          await until(() => shadow(el).querySelector('.fill-panel label') !== null, 'the fill panel'); // loads on first use (#9)
          expect($(el, '.fill-panel label').textContent, `${step}: fill panel`).to.equal(`Llenar «${expected[i]}»`);
          checkpoint(el, container, `${step}: fill panel`, 'quick');
          (actions[2] as HTMLButtonElement).click();
        }
        (actions[3] as HTMLButtonElement).click();
        await el.updateComplete;
        checkpoint(el, container, step, i % 8 === 0 ? 'full' : 'quick');
        $<HTMLButtonElement>(el, '#undo').click();
        await el.updateComplete;
      }
      // Saved, and read back by a new calculator exactly.
      el.save();
      const stored = storedDrafts().find((d) => d.name === 'Líneas')!;
      expect(stored.plan.lines.map((l) => l.label), 'stored names').to.deep.equal(expected);
      const { el: again } = await calculator();
      expect($$<HTMLInputElement>(again, '.label-cell input').map((i) => i.value), 'read back').to.deep.equal(expected.map(oneLineInput));
      // Print and CSV carry the names as text; no cell can start a formula.
      const doc = await printInto(() => el.print());
      expect(unsafeFindings(doc, { allowed: PRINT_TAGS, exempt: new Set([doc.querySelector('style')!]) }), 'print').to.deep.equal([]);
      const printed = Array.from(doc.querySelectorAll('tr')).slice(1, -1).map((tr) => tr.firstElementChild!.textContent!.slice(2));
      expect(sorted(printed), 'printed names').to.deep.equal(sorted(expected));
      const [csv] = await captureDownloads(() => el.exportCsv());
      const rows = await csvRows(csv!);
      for (const row of rows) expect(FORMULA.test(row[0]!), `CSV cell ${describePayload(row[0]!)}`).to.equal(false);
      await settle(el);
      finish();
    });

    it(`amounts: a refused amount says why and keeps the old value, ${range(index)}`, async () => {
      const { el, container } = await calculator(2);
      let previous = shownAmount(el, 0, 0);
      for (const payload of chunk) {
        const step = `amount ${describePayload(payload)}`;
        cell(el, 0, 0).click();
        await el.updateComplete;
        const editor = cell(el, 0, 0).querySelector('input')!;
        const typed = type(editor, payload, 'input');
        await el.updateComplete;
        cell(el, 0, 0).querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
        await el.updateComplete;
        const result = parseAmount(typed);
        if (result.ok) {
          expect(cell(el, 0, 0).querySelector('input'), `${step}: accepted`).to.equal(null);
          const shown = parseAmount(shownAmount(el, 0, 0));
          expect(shown.ok && shown.minor, `${step}: the amount shown`).to.equal(result.minor);
          previous = shownAmount(el, 0, 0);
        } else {
          const input = cell(el, 0, 0).querySelector('input')!;
          expect(input, `${step}: still editing`).to.exist;
          expect(input.value, `${step}: what was typed stays`).to.equal(typed);
          expect(input.getAttribute('aria-invalid'), step).to.equal('true');
          const message = $(el, `#${CSS.escape(input.getAttribute('aria-describedby')!)}`);
          expect(message.textContent!.trim().length, `${step}: a message`).to.be.greaterThan(0);
          checkpoint(el, container, step);
          input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
          await el.updateComplete;
          expect(shownAmount(el, 0, 0), `${step}: the old value`).to.equal(previous);
        }
      }
      // Pasted into a cell (a row from a spreadsheet, or anything else on the clipboard).
      for (const payload of chunk) {
        const data = new DataTransfer();
        data.setData('text/plain', payload);
        cell(el, 1, 0).dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
        await el.updateComplete;
        checkpoint(el, container, `paste ${describePayload(payload)}`, 'quick');
      }
      el.save();
      const stored = storedDrafts()[0]!.plan.lines[0]!.amounts[0]!;
      const kept = parseAmount(previous);
      expect(kept.ok && kept.minor, 'the last accepted amount is saved').to.equal(stored);
      await settle(el);
      checkpoint(el, container, 'amounts');
      finish();
    });

    it(`settings, the fill panel and "what if", ${range(index)}`, async () => {
      const { el, container } = await calculator(2);
      const field = (id: string) => $<HTMLInputElement>(el, `#${id}`);
      const button = (scope: string, text: string) => $$<HTMLButtonElement>(el, `${scope} button`).find((b) => b.textContent!.trim() === text)!;
      let opening = 0;
      for (const payload of chunk) {
        const step = `settings ${describePayload(payload)}`;
        // Cash at the start (may be negative) and the safety minimum.
        const typedOpening = type(field('opening'), payload, 'change');
        await el.updateComplete;
        const parsed = parseAmount(typedOpening, { allowNegative: true });
        expect(field('opening').getAttribute('aria-invalid'), `${step}: opening`).to.equal(parsed.ok ? 'false' : 'true');
        if (parsed.ok) opening = parsed.minor;
        else expect($(el, '#opening-error').textContent!.trim().length, `${step}: a message`).to.be.greaterThan(0);
        type(field('minimum'), payload, 'change');
        type(field('start'), payload, 'change');
        type(field('sales-pct'), payload, 'change');
        type(field('costs-pct'), payload, 'change');
        await el.updateComplete;
        // The fill panel.
        $<HTMLButtonElement>(el, 'button[data-fill]').click();
        await until(() => shadow(el).querySelector('#fill-kind') !== null, 'the fill panel'); // loads on first use (#9)
        const kind = $<HTMLSelectElement>(el, '#fill-kind');
        kind.value = 'growth';
        kind.dispatchEvent(new Event('change'));
        await el.updateComplete;
        const typedFill = type(field('fill-amount'), payload, 'input');
        await el.updateComplete;
        type(field('fill-pct'), payload, 'input');
        await el.updateComplete;
        button('.fill-panel', 'Llenar la fila').click();
        await el.updateComplete;
        expect(!!shadow(el).querySelector('#fill-error'), `${step}: fill`).to.equal(!parseAmount(typedFill).ok);
        if (shadow(el).querySelector('.fill-panel')) button('.fill-panel', 'Cancelar').click();
        checkpoint(el, container, step, 'quick');
      }
      el.save();
      expect(storedDrafts()[0]!.plan.openingBalance, 'the last accepted cash at the start').to.equal(opening);
      await settle(el);
      finish();
    });

    it(`the loan, tax, credit and seasons helpers, ${range(index)}`, async () => {
      const { el, container } = await calculator(2);
      const field = (id: string) => $<HTMLInputElement>(el, `#${id}`);
      const button = (scope: string, text: string) => $$<HTMLButtonElement>(el, `${scope} button`).find((b) => b.textContent!.trim() === text)!;
      for (const payload of chunk) {
        for (const [helper, ids] of [
          ['Agregar un préstamo', ['loan-amount', 'loan-term', 'loan-rate']],
          ['Calcular el IVA', ['vat-rate']],
          ['Ventas al crédito (fiado)', ['credit-share', 'credit-weeks', 'credit-bad']],
          ['Temporadas', ['season-amount', 'season-high', 'season-low']],
        ] as const) {
          button('.helpers .actions', helper).click();
          await until(() => shadow(el).querySelector('.helper-form') !== null, 'the helper'); // loads on first use (#9)
          for (const id of ids) {
            type(field(id), payload, 'input');
            await el.updateComplete;
          }
          button('.helper-form', 'Aplicar').click();
          await el.updateComplete;
          if (shadow(el).querySelector('.helper-form')) button('.helper-form', 'Cancelar').click();
          await el.updateComplete;
        }
        checkpoint(el, container, `helpers ${describePayload(payload)}`, 'quick');
      }
      await settle(el);
      finish();
    });

    it(`projection names: renamed, saved and read back exactly, ${range(index)}`, async () => {
      const { el, container } = await calculator(2);
      const expected: string[] = [];
      for (const payload of chunk) {
        const step = `projection name ${describePayload(payload)}`;
        $$<HTMLButtonElement>(el, '.header button').find((b) => b.textContent!.trim() === 'Duplicar')!.click();
        await el.updateComplete;
        const before = $<HTMLSelectElement>(el, '#draft').selectedOptions[0]!.textContent!;
        $$<HTMLButtonElement>(el, '.header button').find((b) => b.textContent!.trim() === 'Cambiar nombre')!.click();
        await el.updateComplete;
        const typed = type($<HTMLInputElement>(el, '#draft-name'), payload, 'input');
        $<HTMLFormElement>(el, '.header form').requestSubmit();
        await el.updateComplete;
        const name = typed.trim().slice(0, 120) || before;
        expected.push(name);
        expect($<HTMLSelectElement>(el, '#draft').selectedOptions[0]!.textContent, step).to.equal(name);
        checkpoint(el, container, step);
      }
      el.save();
      expect(storedDrafts().slice(1).map((d) => d.name), 'stored names').to.deep.equal(expected);
      const { el: again } = await calculator();
      expect(Array.from($<HTMLSelectElement>(again, '#draft').options).slice(1).map((o) => o.textContent), 'read back').to.deep.equal(expected);
      // The print page's title and the CSV's first cell.
      const doc = await printInto(() => el.print());
      expect(doc.querySelector('h1')!.textContent).to.equal(expected.at(-1));
      const [csv] = await captureDownloads(() => el.exportCsv());
      const first = (await csvRows(csv!))[0]![0]!;
      expect(FORMULA.test(first), `CSV ${describePayload(first)}`).to.equal(false);
      await settle(el);
      finish();
    });

    it(`importing a file: names, lines and ids kept exactly, every button works, export → import keeps it, ${range(index)}`, async () => {
      const { el, container } = await calculator(2);
      const options = () => Array.from($<HTMLSelectElement>(el, '#draft').options).map((o) => o.textContent!);
      const imported: string[] = [];
      for (const [i, payload] of chunk.entries()) {
        const step = `import ${describePayload(payload)}`;
        const id = payload.length >= 1 && payload.length <= 64 && payload !== 'y' && payload !== 'z' ? payload : `line-${i}`;
        const plan = {
          currency: 'USD', startMonth: '2027-01', months: 2, openingBalance: 0, safetyMinimum: 0,
          lines: [
            { id, label: payload, flow: 'in', group: 'operations', preStart: 0, amounts: [100, 200] },
            { id: 'y', label: 'Otra entrada', flow: 'in', group: 'operations', preStart: 0, amounts: [10, 20] },
            { id: 'z', label: 'Gasto', flow: 'out', group: 'operations', preStart: 0, amounts: [50, 50] },
          ],
        };
        const file = { format: 'infomipyme-cash-flow', version: 1, exportedAt: '2026-11-27T10:00:00.000Z', name: payload, plan };
        const count = options().length;
        // The payload itself as the file.
        await importFile(el, payload);
        expect(options().length, `${step}: a file that is only the payload`).to.equal(count);
        expect($(el, '[part="notice"]').textContent, `${step}: a file that is only the payload`).to.contain('No se cambió nada');
        const valid = payload.length <= 120;
        await importFile(el, JSON.stringify(file));
        if (!valid) {
          expect(options().length, `${step}: refused`).to.equal(count);
          expect($(el, '[part="notice"]').textContent, step).to.contain('No se cambió nada');
          checkpoint(el, container, step, 'quick');
          continue;
        }
        expect(options().length, `${step}: added`).to.equal(count + 1);
        expect($<HTMLSelectElement>(el, '#draft').selectedOptions[0]!.textContent, `${step}: name`).to.equal(payload);
        expect($$<HTMLInputElement>(el, '.label-cell input')[0]!.value, `${step}: line`).to.equal(oneLineInput(payload));
        checkpoint(el, container, step, 'quick');
        // Every button of the line: down and up again, fill (and apply), remove and undo.
        const actions = (row: number) => $$<HTMLElement>(el, '.line-actions')[row]!.querySelectorAll<HTMLButtonElement>('button');
        actions(0)[1]!.click();
        await el.updateComplete;
        expect($$<HTMLInputElement>(el, '.label-cell input')[1]!.value, `${step}: moved down`).to.equal(oneLineInput(payload));
        actions(1)[0]!.click();
        await el.updateComplete;
        actions(0)[2]!.click();
        await until(() => shadow(el).querySelector('#fill-amount') !== null, 'the fill panel'); // loads on first use (#9)
        type($<HTMLInputElement>(el, '#fill-amount'), '10', 'input');
        $$<HTMLButtonElement>(el, '.fill-panel button').find((b) => b.textContent!.trim() === 'Llenar la fila')!.click();
        await el.updateComplete;
        actions(0)[3]!.click();
        await el.updateComplete;
        checkpoint(el, container, `${step}: removed`, 'quick');
        $<HTMLButtonElement>(el, '#undo').click();
        await el.updateComplete;
        // Export → import: the same name and plan.
        const [blob] = await captureDownloads(() => el.exportJson());
        const exported = await blob!.text();
        const again = options().length;
        await importFile(el, exported);
        expect(options().length, `${step}: the copy added`).to.equal(again + 1);
        const [copyBlob] = await captureDownloads(() => el.exportJson());
        const [original, copy] = [JSON.parse(exported) as Json, JSON.parse(await copyBlob!.text()) as Json];
        expect(copy['name'], `${step}: round trip name`).to.equal(payload);
        expect(copy['plan'], `${step}: round trip plan`).to.deep.equal(original['plan']);
        expect(copy['plan']['lines'].find((l: Json) => l['id'] === id)['label'], `${step}: round trip label`).to.equal(payload);
        imported.push(payload, payload);
      }
      // Saved, and read back by a new calculator: every imported projection, named exactly.
      el.save();
      expect(storedDrafts().slice(1).map((d) => d.name), 'stored names').to.deep.equal(imported);
      const { el: reloaded } = await calculator();
      expect(Array.from($<HTMLSelectElement>(reloaded, '#draft').options).slice(1).map((o) => o.textContent), 'read back').to.deep.equal(imported);
      await settle(el);
      finish();
    });
  });
});

// ---------------------------------------------------------------- the business-plan outline

async function planWidget(): Promise<{ el: MipymeBusinessPlanOutline; container: HTMLDivElement }> {
  return mount<MipymeBusinessPlanOutline>('mipyme-business-plan-outline', { country: 'SV', outline: 'input' });
}

interface StoredPlan {
  id: string;
  name: string;
  businessName: string;
  outlineId: string;
  answers: Record<string, { text: string; updatedAt: number }>;
}
function storedPlans(): StoredPlan[] {
  return (JSON.parse(localStorage.getItem(PLANS_KEY)!) as Json)['data']['plans'] as StoredPlan[];
}

const sorted = (list: readonly string[]) => [...list].sort();

describe('hostile input: <mipyme-business-plan-outline>', () => {
  CHUNKS.forEach((chunk, index) => {
    it(`answers: saved and read back exactly; print, HTML and Markdown carry them as text, ${range(index)}`, async () => {
      const { el, container } = await planWidget();
      const expected: string[] = [];
      const areas = () => $$<HTMLTextAreaElement>(el, 'textarea');
      for (const [i, payload] of chunk.entries()) {
        const typed = type(areas()[i]!, payload, 'input');
        expected.push(clampText(typed, 20_000));
        await el.updateComplete;
        if (i % 8 === 7) checkpoint(el, container, `answers up to ${describePayload(payload)}`);
      }
      await el.updateComplete;
      checkpoint(el, container, 'answers');
      const answered = expected.filter((text) => /\S/.test(text)).length;
      expect($(el, '[part="progress"] label').textContent, 'progress').to.contain(`${answered} de ${QUESTIONS + 1} preguntas respondidas`);
      // Saved and read back exactly.
      el.save();
      const answers = storedPlans()[0]!.answers;
      expect(chunk.map((_, i) => answers[`all/q${i}`]?.text ?? ''), 'stored answers').to.deep.equal(expected);
      const { el: again } = await planWidget();
      expect($$<HTMLTextAreaElement>(again, 'textarea').slice(0, chunk.length).map((a) => a.value), 'read back').to.deep.equal(expected);
      // Print: a document of text.
      const printed = await printInto(() => el.print());
      expect(unsafeFindings(printed, { allowed: EXPORT_TAGS, allowFragments: true, exempt: new Set([...Array.from(printed.querySelectorAll('head > style, head > meta'))]) }), 'print').to.deep.equal([]);
      // The HTML download, and exportHtml(): every answer as text.
      const blobs = await captureDownloads(() => $$<HTMLButtonElement>(el, '.actions button').find((b) => b.textContent!.trim() === 'Descargar (página web)')!.click());
      for (const [what, page] of [['the HTML download', await blobs[0]!.text()], ['exportHtml()', await el.exportHtml()]] as const) {
        const doc = new DOMParser().parseFromString(page, 'text/html');
        expect(unsafeFindings(doc, { allowed: EXPORT_TAGS, allowFragments: true, exempt: new Set([...Array.from(doc.querySelectorAll('head > style, head > meta'))]) }), what).to.deep.equal([]);
        expect(doc.querySelectorAll('head > meta').length, `${what}: charset, CSP and viewport`).to.equal(3);
        const shown = Array.from(doc.querySelectorAll('.answer:not(.not-answered)')).map((p) => p.textContent);
        expect(shown, `${what}: the answers`).to.deep.equal(expected.filter((text) => /\S/.test(text)).map(exportedAnswer));
      }
      // Markdown: no HTML, no autolink, no link but to a heading or a web address.
      expect(markdownProblems(await el.exportMarkdown()), 'Markdown').to.deep.equal([]);
      await settle(el);
      finish();
    });

    it(`business name and plan names: saved and read back exactly, ${range(index)}`, async () => {
      const { el, container } = await planWidget();
      const names: string[] = [];
      let business = '';
      for (const payload of chunk) {
        const step = `names ${describePayload(payload)}`;
        business = type($<HTMLInputElement>(el, '#business'), payload, 'change').slice(0, 160);
        await el.updateComplete;
        el.save();
        expect(storedPlans().find((p) => p.outlineId === 'input' && p.businessName === business), `${step}: business name saved`).to.exist;
        // The cover of the printed plan.
        const cover = (await printInto(() => el.print())).querySelector('h1')!.textContent;
        const planName = $<HTMLSelectElement>(el, '#plan').selectedOptions[0]!.textContent!;
        expect(cover, `${step}: cover`).to.equal(exportedLine(business) || exportedLine(planName) || 'Plan de prueba');
        // A copy of the plan, renamed.
        $$<HTMLButtonElement>(el, '.header button').find((b) => b.textContent!.trim() === 'Duplicar')!.click();
        await el.updateComplete;
        const before = $<HTMLSelectElement>(el, '#plan').selectedOptions[0]!.textContent!;
        $$<HTMLButtonElement>(el, '.header button').find((b) => b.textContent!.trim() === 'Cambiar nombre')!.click();
        await el.updateComplete;
        const typed = type($<HTMLInputElement>(el, '#plan-name'), payload, 'input');
        $<HTMLFormElement>(el, '.header form').requestSubmit();
        await el.updateComplete;
        if (!typed.trim()) {
          // An empty name is refused, said next to the field; Cancel keeps the old name.
          expect($<HTMLInputElement>(el, '#plan-name').getAttribute('aria-invalid'), `${step}: empty name refused`).to.equal('true');
          $$<HTMLButtonElement>(el, '.header form button').find((b) => b.textContent!.trim() === 'Cancelar')!.click();
          await el.updateComplete;
        }
        const name = typed.trim().slice(0, 120) || before;
        names.push(name);
        expect($<HTMLSelectElement>(el, '#plan').selectedOptions[0]!.textContent, `${step}: plan name`).to.equal(name);
        expect(markdownProblems(await el.exportMarkdown()), `${step}: Markdown`).to.deep.equal([]);
        checkpoint(el, container, step);
      }
      el.save();
      expect(storedPlans().slice(1).map((p) => p.name), 'stored plan names').to.deep.equal(names);
      const { el: again } = await planWidget();
      expect(Array.from($<HTMLSelectElement>(again, '#plan').options).slice(1).map((o) => o.textContent), 'read back').to.deep.equal(names);
      expect($<HTMLInputElement>(again, '#business').value, 'business name read back').to.equal(oneLineInput(storedPlans().at(-1)!.businessName));
      await settle(el);
      finish();
    });

    it(`importing a file: kept exactly; export → import keeps it, ${range(index)}`, async () => {
      const { el, container } = await planWidget();
      const options = () => Array.from($<HTMLSelectElement>(el, '#plan').options).map((o) => o.textContent!);
      for (const payload of chunk) {
        const step = `import ${describePayload(payload)}`;
        const file = {
          format: 'infomipyme-business-plan', version: 1, exportedAt: '2026-11-27T10:00:00.000Z',
          plan: {
            id: 'p1', outlineId: 'input', name: payload, businessName: payload,
            answers: { 'all/q0': { text: payload, updatedAt: 1 }, 'all/q1': { text: 'otra', updatedAt: 1 } },
            createdAt: 1, updatedAt: 1,
          },
        };
        const count = options().length;
        // The payload itself as the file.
        await importFile(el, payload);
        expect(options().length, `${step}: a file that is only the payload`).to.equal(count);
        expect($(el, '[part="notice"]').textContent, `${step}: a file that is only the payload`).to.contain('No se cambió nada');
        await importFile(el, JSON.stringify(file));
        if (payload.length > 120) {
          expect(options().length, `${step}: refused`).to.equal(count);
          expect($(el, '[part="notice"]').textContent, step).to.contain('No se cambió nada');
          checkpoint(el, container, step, 'quick');
          continue;
        }
        expect(options().length, `${step}: added`).to.equal(count + 1);
        expect($<HTMLSelectElement>(el, '#plan').selectedOptions[0]!.textContent, `${step}: name`).to.equal(payload);
        expect($<HTMLInputElement>(el, '#business').value, `${step}: business`).to.equal(oneLineInput(payload));
        // (A textarea shows CR and CRLF as LF.)
        expect($<HTMLTextAreaElement>(el, 'textarea').value, `${step}: answer`).to.equal(payload.replace(/\r\n?/g, '\n'));
        checkpoint(el, container, step, 'quick');
        // Export → import.
        const blobs = await captureDownloads(() => $$<HTMLButtonElement>(el, '.actions button').find((b) => b.textContent!.trim() === 'Descargar una copia (archivo)')!.click());
        const again = options().length;
        await importFile(el, await blobs[0]!.text());
        expect(options().length, `${step}: the copy added`).to.equal(again + 1);
        el.save();
        const [original, copy] = storedPlans().slice(-2);
        for (const plan of [original!, copy!]) {
          expect(plan.name, `${step}: name`).to.equal(payload);
          expect(plan.businessName, `${step}: business`).to.equal(payload);
          expect(plan.answers['all/q0']!.text, `${step}: answer`).to.equal(payload);
        }
      }
      await settle(el);
      finish();
    });

    it(`cash-flow projections named with payloads, offered in the financial section, ${range(index)}`, async () => {
      const drafts = chunk
        .filter((payload) => payload.length <= 120)
        .map((payload, i) => ({
          id: `cf${i}`, name: payload, createdAt: 1, updatedAt: 1,
          plan: { currency: 'USD', startMonth: '2027-01', months: 2, openingBalance: 0, safetyMinimum: 0, lines: [{ id: 'a', label: payload.slice(0, 160), flow: 'in' as const, group: 'operations' as const, preStart: 0, amounts: [100, 200] }] },
        }));
      saveDrafts({ drafts, activeId: drafts[0]?.id });
      const { el, container } = await planWidget();
      $$<HTMLButtonElement>(el, 'nav button').find((b) => b.textContent!.includes('Plan financiero'))!.click();
      await el.updateComplete;
      const select = $<HTMLSelectElement>(el, '#cash-flow');
      expect(Array.from(select.options).slice(1).map((o) => o.textContent), 'projection names').to.deep.equal(drafts.map((d) => d.name));
      for (const draft of drafts) {
        const step = `projection ${describePayload(draft.name)}`;
        select.value = draft.id;
        select.dispatchEvent(new Event('change'));
        await el.updateComplete;
        expect($(el, '.section .hint[role="status"]').textContent!.startsWith(`${draft.name}. `), step).to.equal(true);
        expect(markdownProblems(await el.exportMarkdown()), `${step}: Markdown`).to.deep.equal([]);
        checkpoint(el, container, step);
      }
      const printed = await printInto(() => el.print());
      expect(unsafeFindings(printed, { allowed: EXPORT_TAGS, allowFragments: true, exempt: new Set(Array.from(printed.querySelectorAll('head > style, head > meta'))) }), 'print').to.deep.equal([]);
      await settle(el);
      finish();
    });
  });
});
