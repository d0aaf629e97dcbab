/**
 * Trust (#12): the feed's `publishers`, each record's `publisher` and `verified`, shown on the
 * cards; and `publisher="…"`, which restricts any widget to one partner's records while it still
 * reads the shared feed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import type { MipymeBusinessPlanOutline } from '../../src/business-plan-outline/business-plan-outline.element.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import { parseFeed } from '../../src/feed/parse.js';
import type { Feed } from '../../src/feed/schema.js';
import { publisherIds, restrictToPublishers, unknownPublishers } from '../../src/feed/publishers.js';
import { trustText } from '../../src/shared/trust.js';
import { configure } from '../../src/shared/config.js';
import { until } from '../helpers/until.js';
import { expectAccessible } from '../helpers/a11y.js';
import { freshWidgets, spanishOnce } from '../helpers/fresh.js';

type Json = Record<string, any>;

/**
 * The minimal feed with two partners: "socio" publishes the first tool (checked long ago), the
 * example centre, the shop template and the short plan; "red" a second of each.
 */
async function feed(): Promise<Json> {
  const data = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Json;
  data['publishers'] = [
    { id: 'socio', name: { es: 'Socio de Ejemplo', en: 'Example Partner' }, url: 'https://example.org/socio' },
    { id: 'red', name: 'Red Regional' },
  ];
  Object.assign(data['tools'][0], { publisher: 'socio', verified: '2024-01-15' });
  Object.assign(data['tools'][1], { publisher: 'red' });
  data['tools'].push({ id: 'red-guide', title: 'Guía de la red', type: 'guide', url: 'https://example.org/red', publisher: 'red', verified: '2026-11-02' });
  data['providers'][0]['publisher'] = 'socio';
  data['providers'][0]['verified'] = '2026-10-15';
  data['providers'].push({ id: 'red-centre', name: 'Centro de la Red', kind: 'training', services: ['training'], countries: ['SV'], publisher: 'red' });
  data['cashflowTemplates'][0]['publisher'] = 'socio';
  data['cashflowTemplates'].push({
    id: 'red-shop',
    name: 'Taller de la red',
    currency: 'USD',
    publisher: 'red',
    lines: [{ id: 'sales', label: 'Ventas del taller', flow: 'in', amounts: [900] }],
  });
  data['planOutlines'][0]['publisher'] = 'socio';
  data['planOutlines'].push({
    id: 'red-plan',
    name: 'Plan de la red',
    publisher: 'red',
    sections: [{ id: 'red-idea', title: 'La idea', questions: [{ id: 'q', text: '¿Qué hace?' }] }],
  });
  return data;
}

async function parsed(data: Json): Promise<Feed> {
  const result = parseFeed(data);
  if (!result.ok) throw new Error(result.error.message);
  return result.feed;
}

const shadow = (el: Element) => el.shadowRoot!;
const texts = (el: Element, selector: string) =>
  Array.from(shadow(el).querySelectorAll(selector)).map((node) => node.textContent!.replace(/\s+/g, ' ').trim());

before(spanishOnce);

beforeEach(freshWidgets);

afterEach(() => configure({ publisher: undefined }));

describe('publisherIds: the attribute', () => {
  const rows: Array<[string | null | undefined, string[]]> = [
    [undefined, []],
    [null, []],
    ['', []],
    ['   ', []],
    ['socio', ['socio']],
    ['socio, red', ['socio', 'red']],
    ['socio red  socio', ['socio', 'red']],
    [' red,socio ', ['red', 'socio']],
  ];
  for (const [value, expected] of rows) {
    it(String(JSON.stringify(value)), () => expect(publisherIds(value)).to.deep.equal(expected));
  }
});

describe('the feed: publishers and links to them', () => {
  it('reads the publishers, and each record keeps its publisher and verified date', async () => {
    const result = parseFeed(await feed());
    if (!result.ok) throw new Error(result.error.message);
    expect(result.issues).to.deep.equal([]);
    expect(result.feed.publishers.map((p) => p.id)).to.deep.equal(['socio', 'red']);
    expect([result.feed.tools[0]!.publisher, result.feed.tools[0]!.verified]).to.deep.equal(['socio', '2024-01-15']);
    expect(result.feed.providers.map((p) => p.publisher)).to.deep.equal(['socio', 'red']);
    expect(result.feed.cashflowTemplates.map((t) => t.publisher)).to.deep.equal(['socio', 'red']);
    expect(result.feed.planOutlines.map((o) => o.publisher)).to.deep.equal(['socio', 'red']);
  });

  it('a record naming an undeclared publisher keeps its place, loses the link, and the feed says why', async () => {
    const data = await feed();
    data['tools'][0]['publisher'] = 'nadie';
    data['providers'][0]['publisher'] = 'otro';
    const result = parseFeed(data);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.feed.tools[0]!.id).to.equal('price-guide');
    expect(result.feed.tools[0]!.publisher).to.equal(undefined);
    expect(result.feed.providers[0]!.publisher).to.equal(undefined);
    expect(result.issues.map((i) => [i.path, i.severity, i.kind, i.message])).to.deep.equal([
      ['providers[0].publisher', 'warning', 'reference', 'La entidad "otro" no está en "publishers" de la fuente de datos; se ignoró.'],
      ['tools[0].publisher', 'warning', 'reference', 'La entidad "nadie" no está en "publishers" de la fuente de datos; se ignoró.'],
    ]);
  });

  it('a bad publisher entry is left out with the reason; the others stay', async () => {
    const data = await feed();
    data['publishers'].push({ id: 'sin-nombre' }, { id: 'mala-web', name: 'X', url: 'javascript:alert(1)' });
    const result = parseFeed(data);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.feed.publishers.map((p) => p.id)).to.deep.equal(['socio', 'red']);
    expect(result.issues.map((i) => i.path)).to.deep.equal(['publishers[2].name', 'publishers[3].url']);
  });
});

describe('restrictToPublishers', () => {
  it('keeps only the partners\' tools, providers, templates and outlines; vocabularies whole', async () => {
    const all = await parsed(await feed());
    const red = restrictToPublishers(all, ['red']);
    expect(red.tools.map((t) => t.id)).to.deep.equal(['gt-only', 'red-guide']);
    expect(red.providers.map((p) => p.id)).to.deep.equal(['red-centre']);
    expect(red.cashflowTemplates.map((t) => t.id)).to.deep.equal(['red-shop']);
    expect(red.planOutlines.map((o) => o.id)).to.deep.equal(['red-plan']);
    expect([red.countries, red.topics, red.services, red.publishers]).to.deep.equal([all.countries, all.topics, all.services, all.publishers]);
    const both = restrictToPublishers(all, ['socio', 'red']);
    expect(both.tools.map((t) => t.id)).to.deep.equal(['price-guide', 'gt-only', 'red-guide']);
  });

  it('no ids: the feed itself; the same ids: the same object; a record without a publisher is no one\'s', async () => {
    const data = await feed();
    delete data['tools'][1]['publisher'];
    const all = await parsed(data);
    expect(restrictToPublishers(all, [])).to.equal(all);
    expect(restrictToPublishers(all, ['red'])).to.equal(restrictToPublishers(all, ['red']));
    expect(restrictToPublishers(all, ['red']).tools.map((t) => t.id)).to.deep.equal(['red-guide']);
  });

  it('a kept tool\'s links to templates and outlines left out are dropped', async () => {
    const data = await feed();
    data['tools'][2]['cashflowTemplateIds'] = ['shop', 'red-shop'];
    data['tools'][2]['planOutlineIds'] = ['short'];
    const red = restrictToPublishers(await parsed(data), ['red']);
    const tool = red.tools.find((t) => t.id === 'red-guide')!;
    expect([tool.cashflowTemplateIds, tool.planOutlineIds]).to.deep.equal([['red-shop'], []]);
  });

  it('unknownPublishers: the ids the feed does not declare', async () => {
    const all = await parsed(await feed());
    expect(unknownPublishers(all, ['red', 'fusades', 'socio', 'conamype'])).to.deep.equal(['fusades', 'conamype']);
  });
});

describe('trustText', () => {
  it('who published it and when it was checked, as the country writes dates', async () => {
    const all = await parsed(await feed());
    expect(trustText(all, { publisher: 'socio', verified: '2026-10-15' }, 'es', 'es-SV')).to.equal('Publicado por Socio de Ejemplo · Revisado el 15 oct 2026');
    expect(trustText(all, { publisher: 'red' }, 'es', 'es-SV')).to.equal('Publicado por Red Regional');
    expect(trustText(all, { verified: '2026-01-02' }, 'es', 'es-SV')).to.equal('Revisado el 2 ene 2026');
    expect(trustText(all, { publisher: 'nadie' }, 'es', 'es-SV')).to.equal('');
    expect(trustText(undefined, { publisher: 'socio' }, 'es', 'es-SV')).to.equal('');
  });
});

describe('the cards show who published a record and when it was checked', () => {
  it('toolbox: publisher and date on each card; the tool checked over a year ago is marked', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feed()} country="SV"></mipyme-toolbox-browser>`);
    await until(() => shadow(el).querySelector('[part="item"]') !== null, 'the tools');
    expect(texts(el, '[part="trust"]')).to.deep.equal(['Publicado por Socio de Ejemplo · Revisado el 15 ene 2024', 'Publicado por Red Regional · Revisado el 2 nov 2026']);
    expect(texts(el, '[part="stale"]')).to.deep.equal(['Revisado hace más de un año']);
    expect(shadow(el).querySelector('[part="stale"]')!.closest('[part="item"]')!.querySelector('.title')!.textContent).to.equal('Cómo calcular el precio de su producto');
    await expectAccessible(el);
  });

  it('finder: publisher and date on the card, the publisher in the details', async () => {
    const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder .data=${await feed()} country="SV"></mipyme-provider-finder>`);
    await until(() => shadow(el).querySelectorAll('[part="item"]').length === 2, 'the providers');
    expect(texts(el, '[part="trust"]')).to.deep.equal(['Publicado por Socio de Ejemplo · Revisado el 15 oct 2026', 'Publicado por Red Regional']);
    shadow(el).querySelector<HTMLButtonElement>('button[data-provider="example-centre"]')!.click();
    await until(() => shadow(el).querySelector('dialog[open] dl') !== null, 'the details');
    const terms = texts(el, 'dialog dt');
    const values = texts(el, 'dialog dd');
    expect(values[terms.indexOf('Publicado por')]).to.equal('Socio de Ejemplo');
    await expectAccessible(el);
  });
});

describe('publisher="…": one partner\'s records, from the shared feed', () => {
  it('toolbox', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feed()} publisher="red"></mipyme-toolbox-browser>`);
    await until(() => shadow(el).querySelector('[part="item"]') !== null, 'the tools');
    expect(texts(el, '[part="item"] .title')).to.deep.equal(['Guía de la red', 'Guía para Guatemala']);
    el.publisher = 'socio';
    await until(() => texts(el, '[part="item"] .title').length === 1, 'the other partner');
    expect(texts(el, '[part="item"] .title')).to.deep.equal(['Cómo calcular el precio de su producto']);
    el.publisher = undefined;
    await until(() => texts(el, '[part="item"] .title').length === 3, 'everyone');
  });

  it('provider finder', async () => {
    const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder .data=${await feed()} country="SV" publisher="socio"></mipyme-provider-finder>`);
    await until(() => shadow(el).querySelector('[part="item"]') !== null, 'the providers');
    expect(texts(el, '[part="item"] h3')).to.deep.equal(['Centro de Ejemplo']);
  });

  it('cash-flow calculator: its templates only, the first one to start from', async () => {
    const el = await fixture<MipymeCashFlowCalculator>(html`<mipyme-cash-flow-calculator .data=${await feed()} country="SV" publisher="red"></mipyme-cash-flow-calculator>`);
    await until(() => shadow(el).querySelector('#new-from') !== null, 'the calculator');
    const options = Array.from(shadow(el).querySelectorAll<HTMLOptionElement>('#new-from option')).map((o) => o.value);
    expect(options).to.deep.equal(['', '-', 'red-shop']);
    expect(Array.from(shadow(el).querySelectorAll<HTMLInputElement>('input')).some((i) => i.value === 'Ventas del taller')).to.equal(true);
  });

  it('business plan: its outlines only', async () => {
    const el = await fixture<MipymeBusinessPlanOutline>(html`<mipyme-business-plan-outline .data=${await feed()} country="SV" publisher="red"></mipyme-business-plan-outline>`);
    await until(() => shadow(el).querySelector('#new-plan') !== null, 'the plan');
    const options = Array.from(shadow(el).querySelectorAll<HTMLOptionElement>('#new-plan option')).map((o) => o.value);
    expect(options).to.deep.equal(['', 'red-plan']);
  });

  it('the page-wide default (configure / data-mipyme-publisher); the attribute wins', async () => {
    configure({ publisher: 'socio' });
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feed()}></mipyme-toolbox-browser>`);
    await until(() => shadow(el).querySelector('[part="item"]') !== null, 'the tools');
    expect(texts(el, '[part="item"] .title')).to.deep.equal(['Cómo calcular el precio de su producto']);
    const other = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feed()} publisher="red"></mipyme-toolbox-browser>`);
    await until(() => shadow(other).querySelector('[part="item"]') !== null, 'the tools');
    expect(texts(other, '[part="item"] .title')).to.deep.equal(['Guía de la red', 'Guía para Guatemala']);
  });

  it('a partner the feed does not declare: said in plain words and in the console; nothing else shown', async () => {
    const warnings: string[] = [];
    const original = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
    try {
      for (const tag of ['toolbox-browser', 'provider-finder', 'cash-flow-calculator', 'business-plan-outline']) {
        const el = document.createElement(`mipyme-${tag}`) as HTMLElement & { data: unknown; publisher: string };
        el.data = await feed();
        el.publisher = 'fusades';
        el.setAttribute('country', 'SV');
        const host = await fixture(html`<div></div>`);
        host.append(el);
        await until(() => shadow(el).querySelector('[part="publisher-problem"]') !== null, `${tag}: the note`);
        expect(shadow(el).querySelector('[part="publisher-problem"]')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal(
          'Esta página pide lo publicado por "fusades", que la fuente de datos no tiene entre sus entidades publicadoras: revise el atributo publisher.',
        );
        expect(shadow(el).querySelector('[part="item"]')).to.equal(null);
        await expectAccessible(el);
      }
    } finally {
      console.warn = original;
    }
    expect(warnings.filter((w) => w.includes('publisher="fusades"'))).to.have.length(4);
  });
});
