import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/toolbox-browser/toolbox-browser.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import type { MipymeToolOpenEvent } from '../../src/shared/events.js';
import { expectAccessible } from '../helpers/a11y.js';
import { until } from '../helpers/until.js';

type Json = Record<string, any>;

async function minimal(): Promise<Json> {
  const response = await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url));
  return (await response.json()) as Json;
}

/** The minimal feed plus `extra` generated tools (for paging and facets). */
async function feedWith(extra: number): Promise<Json> {
  const feed = await minimal();
  for (let i = 0; i < extra; i++) {
    feed['tools'].push({
      id: `extra-${i}`,
      title: { es: `Plantilla de inventario ${i}`, en: `Inventory template ${i}` },
      type: i % 2 ? 'template' : 'course',
      topics: ['costs-prices'],
      level: i % 3 ? 'basic' : 'advanced',
      languages: ['es'],
      url: `https://example.org/extra/${i}`,
      updated: `2025-0${(i % 9) + 1}-1${i % 10}`,
    });
  }
  return feed;
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  Array.from(shadow(el).querySelectorAll<T>(selector));
const titles = (el: Element) => $$(el, '.item h3 .title').map((a) => a.textContent!.trim());
const status = (el: Element) => $(el, '[part="count"]').textContent!.trim();

async function typeInSearch(el: MipymeToolboxBrowser, text: string): Promise<void> {
  const input = $<HTMLInputElement>(el, '#search');
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Stops links from really opening tabs during tests (the event still fires first). */
function blockNavigation(event: Event) {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
}

before(async () => {
  await initLocalization('es');
  document.addEventListener('click', blockNavigation);
});
after(() => document.removeEventListener('click', blockNavigation));

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  localStorage.removeItem(`${STORAGE_PREFIX}toolbox.starred`);
  history.replaceState(null, '', location.pathname + location.search);
});

describe('<mipyme-toolbox-browser>: states', () => {
  it('loading: a skeleton, announced, accessible', async () => {
    const el = await fixture<MipymeToolboxBrowser>(
      html`<mipyme-toolbox-browser feed="/__feed/hang?k=${Math.random()}"></mipyme-toolbox-browser>`,
    );
    expect($(el, '[part="loading"]')).to.exist;
    expect($(el, '[part="loading"]').getAttribute('role')).to.equal('status');
    await expectAccessible(el);
  });

  it('ready: renders the tools of the feed, accessible', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    expect(titles(el)).to.have.members(['Cómo calcular el precio de su producto', 'Guía para Guatemala']);
    expect(status(el)).to.equal('2 herramientas');
    await expectAccessible(el);
  });

  it('renders a feed given after the element is in the page, in one update', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser></mipyme-toolbox-browser>`);
    el.data = await minimal();
    await el.updateComplete;
    expect(titles(el)).to.have.length(2);
  });

  it('ready on the real sample feed, through the network', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser feed="/demo/feed.json" country="SV"></mipyme-toolbox-browser>`);
    await until(() => $$(el, '.item').length > 0, 'the results');
    expect($$(el, '.item')).to.have.length(12);
    expect($(el, '[part="more"]')).to.exist;
    await expectAccessible(el);
  });

  it('empty: says so, offers to show everything, accessible', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    await typeInSearch(el, 'zzzqqqxxx');
    expect(status(el)).to.equal('0 herramientas');
    expect($(el, '[part="empty"]').textContent).to.contain('No encontramos herramientas para «zzzqqqxxx»');
    await expectAccessible(el);
    const showAll = $$<HTMLButtonElement>(el, '[part="empty"] button').at(-1)!;
    showAll.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(2);
  });

  it('error: a plain message, the reason, a retry that works, accessible', async () => {
    const key = `e${Math.random().toString(36).slice(2)}`;
    await fetch(`/__feed/mode?k=${key}&m=server-error`);
    const errored = oneEvent(document, 'mipyme-feed-error');
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser feed="/__feed/switch?k=${key}"></mipyme-toolbox-browser>`);
    await errored;
    await el.updateComplete;
    const error = $(el, '[part="error"]');
    expect(error.getAttribute('role')).to.equal('alert');
    expect(error.textContent).to.contain('No se pudo cargar la información.');
    expect(error.textContent).to.contain('error 500');
    await expectAccessible(el);
    await fetch(`/__feed/mode?k=${key}&m=ok`);
    $<HTMLButtonElement>(el, '[part="error"] button').click();
    await until(() => $$(el, '.item').length === 2, 'the retry');
  });

  it('offline: shows the saved copy with its date, and a retry', async () => {
    const key = `o${Math.random().toString(36).slice(2)}`;
    const url = new URL(`/__feed/switch?k=${key}`, location.href).href;
    const store = new MemoryStore();
    setFeedCache(store);
    await store.write(url, { text: JSON.stringify(await minimal()), fetchedAt: Date.UTC(2026, 10, 12, 12) });
    await fetch(`/__feed/mode?k=${key}&m=down`);
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser feed=${url}></mipyme-toolbox-browser>`);
    await until(() => !!shadow(el).querySelector('[part="offline"]'), 'the offline note');
    expect($(el, '[part="offline"]').textContent).to.contain('12 de noviembre de 2026');
    expect(titles(el)).to.have.length(2);
    await expectAccessible(el);
  });
});

describe('<mipyme-toolbox-browser>: attributes', () => {
  it('map to properties', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser
      page-size="5"
      without-search
      without-filters
      sync-url
      topic="costs-prices"
      type="guide,template"
      audience="advisor"
      country="gt"
      theme="dark"
    ></mipyme-toolbox-browser>`);
    expect(el.pageSize).to.equal(5);
    expect(el.withoutSearch).to.equal(true);
    expect(el.withoutFilters).to.equal(true);
    expect(el.syncUrl).to.equal(true);
    expect(el.topic).to.equal('costs-prices');
    expect(el.type).to.equal('guide,template');
    expect(el.audience).to.equal('advisor');
    expect(el.country).to.equal('gt');
    expect(el.theme).to.equal('dark');
  });

  it('country shows the tools for that country and those for every country', async () => {
    const data = await minimal();
    const sv = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser country="SV" .data=${data}></mipyme-toolbox-browser>`);
    expect(titles(sv)).to.deep.equal(['Cómo calcular el precio de su producto']);
    const gt = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser country="gt" .data=${data}></mipyme-toolbox-browser>`);
    expect(titles(gt)).to.have.length(2);
  });

  it('topic/type/audience set the initial filters, shown as chips', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser type="checklist" .data=${await minimal()}></mipyme-toolbox-browser>`);
    expect(titles(el)).to.deep.equal(['Guía para Guatemala']);
    expect($$(el, '[part="chip"]').map((c) => c.textContent!.trim().replace(/\s+/g, ' '))).to.deep.equal([
      'Lista de verificación×',
    ]);
  });

  it('without-search and without-filters hide those controls', async () => {
    const el = await fixture<MipymeToolboxBrowser>(
      html`<mipyme-toolbox-browser without-search without-filters .data=${await minimal()}></mipyme-toolbox-browser>`,
    );
    expect(shadow(el).querySelector('#search')).to.equal(null);
    expect(shadow(el).querySelector('[part="filters"]')).to.equal(null);
    expect(titles(el)).to.have.length(2);
  });

  it('page-size pages the results; "show more" adds a page and moves focus to the first new one', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser page-size="3" .data=${await feedWith(5)}></mipyme-toolbox-browser>`);
    expect($$(el, '.item')).to.have.length(3);
    $<HTMLButtonElement>(el, '[part="more"]').click();
    await el.updateComplete;
    await el.updateComplete;
    expect($$(el, '.item')).to.have.length(6);
    expect(shadow(el).activeElement).to.equal($$(el, '.item h3 a')[3]);
    $<HTMLButtonElement>(el, '[part="more"]').click();
    await el.updateComplete;
    expect($$(el, '.item')).to.have.length(7);
    expect(shadow(el).querySelector('[part="more"]')).to.equal(null);
  });
});

describe('<mipyme-toolbox-browser>: search and filters', () => {
  it('searches as you type, without accents or case', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    await typeInSearch(el, 'PRECIO');
    expect(titles(el)).to.deep.equal(['Cómo calcular el precio de su producto']);
    await typeInSearch(el, 'guatemala guia');
    expect(titles(el)).to.deep.equal(['Guía para Guatemala']);
    expect(status(el)).to.equal('1 herramienta');
  });

  it('Enter in the search field works too (keyboard)', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    $<HTMLInputElement>(el, '#search').focus();
    await sendKeys({ type: 'precio' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Cómo calcular el precio de su producto']);
  });

  it('facet counts follow the search; a checkbox filters; chips remove; "clear all" resets', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feedWith(4)}></mipyme-toolbox-browser>`);
    const typeOption = (label: string) =>
      $$<HTMLLabelElement>(el, '[part="filter"] .option').find((o) => o.querySelector('.name')!.textContent === label)!;
    expect(typeOption('Plantilla').querySelector('.count')!.textContent).to.equal('2');
    typeOption('Plantilla').querySelector('input')!.click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(2);
    expect($$(el, '[part="chip"]')).to.have.length(1);
    $<HTMLButtonElement>(el, '[part="chip"]').click();
    await el.updateComplete;
    expect(titles(el)).to.have.length(6);
    await typeInSearch(el, 'inventario');
    expect(typeOption('Curso').querySelector('.count')!.textContent).to.equal('2');
    $<HTMLButtonElement>(el, '.clear-all').click();
    await el.updateComplete;
    expect($<HTMLInputElement>(el, '#search').value).to.equal('');
    expect(titles(el)).to.have.length(6);
  });

  it('sorts by title', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    const select = $<HTMLSelectElement>(el, '#sort');
    select.value = 'title';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Cómo calcular el precio de su producto', 'Guía para Guatemala']);
  });

  it('the filters sit behind a toggle when narrow', async () => {
    const el = await fixture<MipymeToolboxBrowser>(
      html`<div style="width: 300px"><mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser></div>`,
    ).then((wrapper) => wrapper.querySelector('mipyme-toolbox-browser')!);
    const filters = $(el, '[part="filters"]');
    const toggle = $<HTMLButtonElement>(el, '[part="filter-toggle"]');
    expect(getComputedStyle(filters).display).to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    toggle.click();
    await el.updateComplete;
    expect(getComputedStyle(filters).display).not.to.equal('none');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    await expectAccessible(el);
  });

  it('the filters sit beside the results when wide', async () => {
    const el = await fixture<MipymeToolboxBrowser>(
      html`<div style="width: 1000px"><mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser></div>`,
    ).then((wrapper) => wrapper.querySelector('mipyme-toolbox-browser')!);
    expect(getComputedStyle($(el, '[part="filters"]')).display).not.to.equal('none');
    expect(getComputedStyle($(el, '[part="filter-toggle"]')).display).to.equal('none');
  });
});

describe('<mipyme-toolbox-browser>: saved tools and events', () => {
  it('a star saves a tool across reloads, and "Saved" shows them alone', async () => {
    const data = await minimal();
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${data}></mipyme-toolbox-browser>`);
    const star = $$<HTMLButtonElement>(el, '[part="star"]')[0]!;
    expect(star.getAttribute('aria-pressed')).to.equal('false');
    star.click();
    await el.updateComplete;
    expect(star.getAttribute('aria-pressed')).to.equal('true');
    expect(JSON.parse(localStorage.getItem(`${STORAGE_PREFIX}toolbox.starred`)!).data).to.have.length(1);

    const again = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${data}></mipyme-toolbox-browser>`);
    const saved = $<HTMLButtonElement>(again, '[part="saved-toggle"]');
    expect(saved.textContent!.trim()).to.equal('Guardadas (1)');
    saved.click();
    await again.updateComplete;
    expect(titles(again)).to.have.length(1);
    expect(status(again)).to.equal('1 herramienta guardada');
  });

  it('an empty saved list explains how to save', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    $<HTMLButtonElement>(el, '[part="saved-toggle"]').click();
    await el.updateComplete;
    expect($(el, '[part="empty"]').textContent).to.contain('estrella');
    await expectAccessible(el);
  });

  it('opening a tool fires mipyme-tool-open with its id and url; the link opens safely in a new tab', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser country="SV" .data=${await minimal()}></mipyme-toolbox-browser>`);
    const link = $<HTMLAnchorElement>(el, '.item h3 a');
    expect(link.target).to.equal('_blank');
    expect(link.rel).to.equal('noopener noreferrer');
    const opened = oneEvent(el, 'mipyme-tool-open') as Promise<MipymeToolOpenEvent>;
    link.click();
    const event = await opened;
    expect(event.detail).to.deep.equal({
      widget: 'mipyme-toolbox-browser',
      action: 'open',
      itemId: 'price-guide',
      country: 'SV',
      id: 'price-guide',
      url: 'https://example.org/precio',
    });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('fires no tool event when code sets properties', async () => {
    let fired = 0;
    const count = () => fired++;
    document.addEventListener('mipyme-tool-open', count);
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    el.topic = 'costs-prices';
    el.country = 'GT';
    el.data = await feedWith(2);
    await el.updateComplete;
    document.removeEventListener('mipyme-tool-open', count);
    expect(fired).to.equal(0);
  });

  it('two widgets on one page make one request for their feed', async () => {
    const key = `w${Math.random().toString(36).slice(2)}`;
    const wrapper = await fixture(html`<div>
      <mipyme-toolbox-browser feed="/__feed/ok?k=${key}" country="SV"></mipyme-toolbox-browser>
      <mipyme-toolbox-browser feed="/__feed/ok?k=${key}" country="GT"></mipyme-toolbox-browser>
    </div>`);
    const [a, b] = Array.from(wrapper.querySelectorAll('mipyme-toolbox-browser'));
    await until(() => titles(a!).length === 1 && titles(b!).length === 2, 'both widgets');
    const hits = (await (await fetch(`/__feed/hits?k=${key}`)).json()) as { hits: number };
    expect(hits.hits).to.equal(1);
  });

  it('feed text is rendered as text, never as markup', async () => {
    const data = await minimal();
    data['tools'][0]['title'] = '<img src=x onerror="window.__pwned=1">Título';
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${data}></mipyme-toolbox-browser>`);
    expect(shadow(el).querySelector('img')).to.equal(null);
    expect(titles(el)).to.include('<img src=x onerror="window.__pwned=1">Título');
    expect((window as unknown as Record<string, unknown>)['__pwned']).to.equal(undefined);
  });
});

describe('<mipyme-toolbox-browser sync-url>', () => {
  it('keeps the search and filters in the URL hash, and reads them back', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser sync-url .data=${await minimal()}></mipyme-toolbox-browser>`);
    await typeInSearch(el, 'precio');
    expect(location.hash).to.contain('precio');
    location.hash = '#mt-q=guatemala';
    await until(() => titles(el).length === 1 && titles(el)[0] === 'Guía para Guatemala', 'the hash query');
    expect($<HTMLInputElement>(el, '#search').value).to.equal('guatemala');
  });

  it('the back button undoes a filter', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser sync-url .data=${await minimal()}></mipyme-toolbox-browser>`);
    const checklist = $$<HTMLLabelElement>(el, '[part="filter"] .option').find(
      (o) => o.querySelector('.name')!.textContent === 'Lista de verificación',
    )!;
    checklist.querySelector('input')!.click();
    await el.updateComplete;
    expect(titles(el)).to.deep.equal(['Guía para Guatemala']);
    expect(location.hash).to.contain('mt-type=checklist');
    history.back();
    await until(() => titles(el).length === 2, 'the previous result set');
    expect($$(el, '[part="chip"]')).to.have.length(0);
  });

  it('leaves the hash alone without sync-url', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await minimal()}></mipyme-toolbox-browser>`);
    await typeInSearch(el, 'precio');
    expect(location.hash).to.equal('');
  });
});
