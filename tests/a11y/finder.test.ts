/**
 * `<mipyme-provider-finder>`, audited end to end (issue #10): the main task — filter providers and
 * call one — with the keyboard only, from a button before the widget; the details dialog as the
 * WAI-ARIA modal dialog pattern (focus in, Tab kept inside, Escape and "Close", focus back to the
 * opener even after a re-render or when the opener is gone); the filters disclosure (Escape back to
 * its toggle, focus kept while filtering, somewhere sensible after clearing); axe with the dialog
 * open, the filters open, filters applied and no result, light and dark, at 320 px and 1280 px,
 * nothing sideways at 320 px and the dialog inside the viewport.
 *
 * The result count's live region is tested in announcements.test.ts.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import '../../src/provider-finder/provider-finder.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { initLocalization } from '../../src/shared/locale.js';
import { reportViolations, sticksOut, violationsSeen } from '../helpers/a11y.js';
import { focused, tabTo, visibleFocus } from '../helpers/keyboard.js';
import { until } from '../helpers/until.js';

/** The sample feed's provider of El Salvador with credit, a voice phone and the sector "Comercio". */
const COOP = 'Cooperativa de Ahorro y Crédito Ejemplo de Oriente';
const COOP_TEL = 'tel:+50322000001';
const CREDIT = 'Crédito y financiamiento';
const TRADE = 'Comercio';

const key = () => `fa${Math.random().toString(36).slice(2)}`;
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();

/**
 * The focus is on `expected`. Compared here, not by chai: a failure would serialise the elements,
 * and the page's <body> (where lost focus goes) is too big to send: the browser disconnects.
 */
function expectFocusOn(expected: Element | null, what = 'the focus'): void {
  const now = focused();
  const name = (node: Element | null) => (node ? `<${node.localName}${node.id ? `#${node.id}` : ''}> "${text(node).slice(0, 40)}"` : 'nothing');
  expect(now === expected, `${what}: on ${name(now)}, expected on ${name(expected)}`).to.equal(true);
}

/** Links followed during a test (navigation stopped: the test page must stay). */
let followed: string[] = [];
function recordLink(event: Event): void {
  const link = (event.composedPath()[0] as Element).closest?.('a');
  if (!link) return;
  event.preventDefault();
  followed.push(link.href);
}

let sample: { providers: Array<{ id: string }> } & Record<string, unknown>;

before(async () => {
  await initLocalization('es');
  sample = await (await fetch('/demo/feed.json')).json();
  document.addEventListener('click', recordLink);
});
after(async () => {
  document.removeEventListener('click', recordLink);
  await setViewport({ width: 800, height: 600 });
});
beforeEach(() => {
  followed = [];
});
afterEach(() => {
  resetFeeds();
  localStorage.clear();
});

/** Shift+Tab. */
async function shiftTab(): Promise<void> {
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

interface Page {
  readonly el: MipymeProviderFinder;
  readonly before: HTMLButtonElement;
  readonly after: HTMLButtonElement;
}

/** A page: a button, the finder (sample feed, El Salvador), a button. */
async function page(theme = 'light'): Promise<Page> {
  const container = await fixture<HTMLElement>(html`<div>
    <button id="before">Antes</button>
    <mipyme-provider-finder theme=${theme} country="SV" feed=${`/__feed/sample?k=${key()}`}></mipyme-provider-finder>
    <button id="after">Después</button>
  </div>`);
  const el = container.querySelector('mipyme-provider-finder')!;
  await until(() => el.shadowRoot!.querySelectorAll('.item').length > 0, 'the providers');
  await el.updateComplete;
  return { el, before: container.querySelector<HTMLButtonElement>('#before')!, after: container.querySelector<HTMLButtonElement>('#after')! };
}

const root = (el: Element) => el.shadowRoot!;
const count = (el: Element) => text(root(el).querySelector('[part="count"]'));
const dialogOf = (el: Element) => root(el).querySelector('dialog')!;
const toggleOf = (el: Element) => root(el).querySelector<HTMLButtonElement>('[part="filter-toggle"]')!;
const inWidget = (el: Element, node: Element | null) => !!node && node.getRootNode() === root(el);
const optionNamed = (name: string) => (node: Element) =>
  node instanceof HTMLInputElement && node.type === 'checkbox' && text(node.closest('.option')?.querySelector('.name')) === name;
const nameButton = (name: string) => (node: Element) => node.matches('.item h3 button') && text(node).startsWith(name);

/** Enter on a provider's name (focused), and wait for its dialog. */
async function openWithEnter(el: MipymeProviderFinder): Promise<HTMLDialogElement> {
  await sendKeys({ press: 'Enter' });
  await until(() => dialogOf(el).open, 'the details dialog');
  return dialogOf(el);
}

/** Space on a focused checkbox, and wait until the widget has drawn the new result. */
async function press(el: MipymeProviderFinder, key: string): Promise<void> {
  const before = count(el);
  await sendKeys({ press: key });
  await until(() => count(el) !== before, 'a new result count');
  await el.updateComplete;
}

describe('provider finder, keyboard only', function () {
  this.timeout(60000);

  for (const width of [320, 1280]) {
    it(`${width} px: filter by service and sector, open a provider, call it with Enter; no trap`, async () => {
      await setViewport({ width, height: 800 });
      const { el, before, after } = await page();
      before.focus();
      const narrow = width === 320;
      if (narrow) {
        // The filters are behind a disclosure on a narrow column.
        const toggle = await tabTo((node) => node === toggleOf(el), 'the filters toggle');
        expect(toggle.getAttribute('aria-expanded')).to.equal('false');
        await sendKeys({ press: 'Enter' });
        await el.updateComplete;
        expect(toggle.getAttribute('aria-expanded')).to.equal('true');
        expectFocusOn(toggle);
      } else {
        expect(getComputedStyle(toggleOf(el)).display).to.equal('none');
      }
      const credit = await tabTo(optionNamed(CREDIT), `the filter "${CREDIT}"`);
      await press(el, 'Space');
      expect((credit as HTMLInputElement).checked).to.equal(true);
      expectFocusOn(credit, 'the focus stays on the checkbox after the list re-renders');
      const trade = await tabTo(optionNamed(TRADE), `the filter "${TRADE}"`);
      await press(el, 'Space');
      expectFocusOn(trade);
      expect(count(el)).to.equal('1 proveedor');

      const opener = await tabTo(nameButton(COOP), 'the provider');
      const dialog = await openWithEnter(el);
      expect(dialog.contains(focused()), 'focus moved into the dialog').to.equal(true);
      const call = await tabTo((node) => node.matches('a[href^="tel:"]'), 'the call link', { max: 20 });
      expect(dialog.contains(call), 'the call link of the dialog').to.equal(true);
      expect(text(call)).to.equal('Llamar al +503 2200 0001');
      await sendKeys({ press: 'Enter' });
      expect(followed).to.deep.equal([COOP_TEL]);
      await sendKeys({ press: 'Escape' });
      await until(() => !dialog.open, 'the dialog to close');
      expectFocusOn(opener);

      // From the list too: the provider's own call link.
      followed = [];
      const listCall = await tabTo((node) => node.matches('.item a[href^="tel:"]'), 'the call link of the list');
      expect(listCall.closest('.item')!.contains(opener)).to.equal(true);
      await sendKeys({ press: 'Enter' });
      expect(followed).to.deep.equal([COOP_TEL]);

      // No trap: out past the last control, and back in.
      await tabTo((node) => node === after, 'the button after the widget');
      const back = await tabTo((node) => inWidget(el, node), 'the widget again', { backwards: true, max: 5 });
      expect(inWidget(el, back)).to.equal(true);
    });
  }
});

describe('provider finder, details dialog (APG modal dialog)', function () {
  this.timeout(60000);
  before(async () => {
    await setViewport({ width: 1280, height: 800 });
  });

  async function openFirst(): Promise<{ el: MipymeProviderFinder; opener: Element; dialog: HTMLDialogElement; name: string }> {
    const { el, before } = await page();
    before.focus();
    const opener = await tabTo(nameButton(COOP), 'the provider');
    const dialog = await openWithEnter(el);
    return { el, opener, dialog, name: COOP };
  }

  it('on open the focus is on the title, visibly; the dialog is named by it', async () => {
    const { el, dialog } = await openFirst();
    const title = focused()!;
    expect(title.localName).to.equal('h2');
    expect(dialog.contains(title)).to.equal(true);
    expect(text(title)).to.equal(COOP);
    expect(visibleFocus(title), 'focus visible on the title').to.equal(true);
    expect(root(el).getElementById(dialog.getAttribute('aria-labelledby')!)).to.equal(title);
  });

  it('Tab and Shift+Tab stay inside the dialog, round and round', async () => {
    const { dialog } = await openFirst();
    const stops = new Set<Element>();
    for (let i = 0; i < 20; i++) {
      await sendKeys({ press: 'Tab' });
      const node = focused();
      expect(dialog.contains(node), `Tab ${i + 1} stays inside (${node?.localName})`).to.equal(true);
      expect(visibleFocus(node!)).to.equal(true);
      stops.add(node!);
    }
    expect(stops.size, 'every control of the dialog, more than once').to.be.lessThan(20);
    for (let i = 0; i < 20; i++) {
      await shiftTab();
      expect(dialog.contains(focused()), `Shift+Tab ${i + 1} stays inside`).to.equal(true);
    }
  });

  it('Escape closes it and the focus returns to the provider that opened it', async () => {
    const { el, opener, dialog } = await openFirst();
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    await el.updateComplete;
    expectFocusOn(opener);
  });

  it('"Close" (Tab to it, Space) closes it and the focus returns to the opener', async () => {
    const { el, opener, dialog } = await openFirst();
    await tabTo((node) => node.localName === 'button' && text(node) === 'Cerrar', 'the close button', { max: 20 });
    await sendKeys({ press: 'Space' });
    await until(() => !dialog.open, 'the dialog to close');
    await el.updateComplete;
    expectFocusOn(opener);
  });

  it('the list re-rendered while open (a new copy of the feed): focus returns to that provider', async () => {
    const { el, dialog, name } = await openFirst();
    el.data = structuredClone(sample);
    await el.updateComplete;
    expect(dialog.open, 'still open').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    await el.updateComplete;
    const now = focused()!;
    expect(nameButton(name)(now), `focus on the provider's name, not <${now.localName}>`).to.equal(true);
    expect(now.isConnected).to.equal(true);
  });

  it('the opener gone while open (the provider left the feed): focus goes to the result count, never <body>', async () => {
    const { el, dialog } = await openFirst();
    el.data = { ...structuredClone(sample), providers: sample.providers.filter((p) => p.id !== 'ejemplo-coop-oriente-sv') };
    await el.updateComplete;
    expect(dialog.open, 'still open').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await until(() => !dialog.open, 'the dialog to close');
    await el.updateComplete;
    const now = focused()!;
    expectFocusOn(root(el).querySelector('[part="count"]'));
    expect(visibleFocus(now)).to.equal(true);
    // And the reading goes on from there: Tab reaches the list.
    await tabTo((node) => node.matches('.item h3 button'), 'a provider', { max: 3 });
  });
});

describe('provider finder, filters', function () {
  this.timeout(60000);

  it('320 px: the disclosure — Enter opens and closes it on its toggle; Escape inside closes it, focus to the toggle', async () => {
    await setViewport({ width: 320, height: 800 });
    const { el, before } = await page();
    const filters = root(el).querySelector<HTMLElement>('[part="filters"]')!;
    expect(filters.checkVisibility()).to.equal(false);
    before.focus();
    const toggle = await tabTo((node) => node === toggleOf(el), 'the filters toggle');
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(filters.checkVisibility()).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(filters.checkVisibility()).to.equal(false);
    expectFocusOn(toggle);
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    await tabTo(optionNamed(CREDIT), `the filter "${CREDIT}"`);
    await press(el, 'Space');
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(filters.checkVisibility(), 'Escape closed the filters').to.equal(false);
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    expectFocusOn(toggle);
    expect(text(toggle)).to.equal('Filtros (1)');
  });

  it('1280 px: filters always shown, Escape inside them changes nothing', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, before } = await page();
    before.focus();
    const credit = await tabTo(optionNamed(CREDIT), `the filter "${CREDIT}"`);
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expectFocusOn(credit);
  });

  it('filtering keeps the focus on the checkbox, on and off, in each facet', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, before } = await page();
    before.focus();
    const steps: Array<[string, boolean]> = [[CREDIT, false], [TRADE, false], [CREDIT, true], [TRADE, false]];
    for (const [name, backwards] of steps) {
      const box = await tabTo(optionNamed(name), `the filter "${name}"`, { backwards });
      const was = (box as HTMLInputElement).checked;
      await press(el, 'Space');
      expectFocusOn(box, `focus kept on "${name}"`);
      expect((box as HTMLInputElement).checked).to.equal(!was);
    }
  });

  it('"Clear filters" (Enter) clears every facet, keeps the search words, and leaves the focus on the first filter', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, before } = await page();
    before.focus();
    expect(root(el).querySelector('.clear-filters'), 'no button while nothing is selected').to.equal(null);
    await tabTo((node) => node.id === 'search', 'the search field');
    await sendKeys({ type: 'a' });
    await until(() => root(el).querySelector<HTMLInputElement>('#search')!.value === 'a', 'the search words');
    const all = count(el);
    for (const name of [CREDIT, TRADE]) {
      await tabTo(optionNamed(name), `the filter "${name}"`);
      await press(el, 'Space');
    }
    expect(count(el)).to.not.equal(all);
    const clear = await tabTo((node) => node.classList.contains('clear-filters'), '"Clear filters"');
    expect(text(clear)).to.equal('Quitar los filtros');
    await press(el, 'Enter');
    expect(count(el), 'the count without filters').to.equal(all);
    expect(Array.from(root(el).querySelectorAll<HTMLInputElement>('#filters input')).some((box) => box.checked)).to.equal(false);
    expect(root(el).querySelector<HTMLInputElement>('#search')!.value, 'the search words stay').to.equal('a');
    expectFocusOn(root(el).querySelector('#filters input'), 'the first filter');
  });

  it('no result, then "Show all providers" (Enter): focus on the result count, not lost', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, before } = await page();
    before.focus();
    await tabTo((node) => node.id === 'search', 'the search field');
    await sendKeys({ type: 'zzzz' });
    await until(() => !!root(el).querySelector('[part="empty"]'), 'no result');
    const all = await tabTo((node) => node.matches('[part="empty"] > .button'), '"Show all providers"');
    expect(text(all)).to.equal('Ver todos los proveedores');
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelectorAll('.item').length > 0, 'the providers again');
    await el.updateComplete;
    const now = focused()!;
    expectFocusOn(root(el).querySelector('[part="count"]'));
    expect(visibleFocus(now)).to.equal(true);
  });

  it('no result, then a widening suggestion (Enter): focus on the result count, not lost', async () => {
    await setViewport({ width: 1280, height: 800 });
    const { el, before } = await page();
    before.focus();
    await tabTo(optionNamed(CREDIT), `the filter "${CREDIT}"`);
    await press(el, 'Space');
    await tabTo((node) => node.id === 'search', 'the search field', { backwards: true });
    await sendKeys({ type: 'zzzz' });
    await until(() => !!root(el).querySelector('[part="empty"] .suggestions button'), 'suggestions');
    await tabTo((node) => node.matches('[part="empty"] .suggestions button'), 'a suggestion');
    await sendKeys({ press: 'Enter' });
    await until(() => root(el).querySelectorAll('.item').length > 0, 'the providers again');
    await el.updateComplete;
    expectFocusOn(root(el).querySelector('[part="count"]'));
  });
});

describe('provider finder, axe and reflow in every open state', function () {
  this.timeout(120000);

  for (const width of [320, 1280]) {
    for (const theme of ['light', 'dark']) {
      it(`${width} px, ${theme}: filters open, filters applied, no result, dialog open`, async () => {
        await setViewport({ width, height: 800 });
        const { el } = await page(theme);
        const check = async (state: string) => {
          await el.updateComplete;
          const violations = await violationsSeen(el);
          expect(violations, `${state}: ${reportViolations(violations)}`).to.deep.equal([]);
          if (width === 320) expect(sticksOut(el), `${state}: sideways at 320 px`).to.deep.equal([]);
        };
        const option = (name: string) =>
          Array.from(root(el).querySelectorAll<HTMLInputElement>('[part="filter"] input')).find(optionNamed(name))!;

        if (width === 320) toggleOf(el).click();
        await check('filters open');
        option(CREDIT).click();
        option(TRADE).click();
        await until(() => count(el) === '1 proveedor', 'one provider');
        await check('filters applied');
        const search = root(el).querySelector<HTMLInputElement>('#search')!;
        search.value = 'zzzz';
        search.dispatchEvent(new Event('input'));
        await until(() => !!root(el).querySelector('[part="empty"]'), 'no result');
        await check('no result');
        search.value = '';
        search.dispatchEvent(new Event('input'));
        await until(() => root(el).querySelectorAll('.item h3 button').length > 0, 'the provider');
        root(el).querySelector<HTMLButtonElement>('.item h3 button')!.click();
        await until(() => dialogOf(el).open, 'the dialog');
        await check('dialog open');
        const box = dialogOf(el).getBoundingClientRect();
        expect(box.left, 'dialog inside the viewport (left)').to.be.at.least(0);
        expect(box.right, 'dialog inside the viewport (right)').to.be.at.most(innerWidth);
        for (const node of Array.from(dialogOf(el).querySelectorAll('*'))) {
          const rect = node.getBoundingClientRect();
          if (rect.width === 0) continue;
          expect(rect.left >= box.left - 1 && rect.right <= box.right + 1, `<${node.localName}> inside the dialog`).to.equal(true);
        }
        dialogOf(el).close();
      });
    }
  }
});
