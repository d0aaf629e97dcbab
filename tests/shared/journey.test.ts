/**
 * "Who can help with this" (#12): the configured pages, the link parameters, and the toolbox's
 * action — to the provider finder on the same page, to the partner's page for it, or hidden.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import type { MipymeBusinessPlanOutline } from '../../src/business-plan-outline/business-plan-outline.element.js';
import type { MipymeCashFlowCalculator } from '../../src/cash-flow-calculator/cash-flow-calculator.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { parseFeed } from '../../src/feed/parse.js';
import { initLocalization } from '../../src/shared/locale.js';
import { configure, parsePages } from '../../src/shared/config.js';
import { requestedHelp, someoneHelps } from '../../src/shared/journey.js';
import { until } from '../helpers/until.js';
import { expectAccessible } from '../helpers/a11y.js';

type Json = Record<string, any>;

async function feed(): Promise<Json> {
  const minimal = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Json;
  // The first tool, the plan's first section and the cash-flow template are helped by the
  // "training" service, which the example centre offers in SV.
  minimal['tools'][0]['serviceIds'] = ['training'];
  minimal['planOutlines'][0]['sections'][0]['serviceIds'] = ['training'];
  minimal['cashflowTemplates'][0]['serviceIds'] = ['training'];
  // Rent above sales: the projection needs money.
  minimal['cashflowTemplates'][0]['lines'][1]['amounts'] = [3000, 3000];
  return minimal;
}

const shadow = (el: Element) => el.shadowRoot!;
const help = (el: Element) => shadow(el).querySelectorAll<HTMLElement>('.help-link');
/** The names of a finder's selected filters ("Capacitación 1"…: the option's text, with its count). */
const selected = (el: Element) =>
  Array.from(shadow(el).querySelectorAll<HTMLInputElement>('[part="filter"] input:checked')).map((i) => i.closest('label')!.textContent!.replace(/\s+/g, ' ').trim());

before(async () => {
  await initLocalization('es');
});

beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  configure({ pages: {} });
});

after(() => configure({ pages: {} }));

describe('parsePages: data-mipyme-pages', () => {
  const base = 'https://red.example/herramientas/index.html';
  const rows: Array<[string | undefined, Record<string, string> | undefined]> = [
    [undefined, undefined],
    ['', undefined],
    ['providers=/servicios.html', { providers: 'https://red.example/servicios.html' }],
    ['providers=proveedores.html', { providers: 'https://red.example/herramientas/proveedores.html' }],
    [
      'providers=https://otra.example/p  toolbox=/t.html;plan=/plan.html,calculator=/flujo.html',
      {
        providers: 'https://otra.example/p',
        toolbox: 'https://red.example/t.html',
        plan: 'https://red.example/plan.html',
        calculator: 'https://red.example/flujo.html',
      },
    ],
    // Never a script address, never an unknown name.
    ['providers=javascript:alert(1)', undefined],
    ['providers=data:text/html,hola', undefined],
    ['finder=/f.html', undefined],
    ['providers', undefined],
    ['=/x.html', undefined],
  ];
  for (const [text, expected] of rows) {
    it(`${JSON.stringify(text)}`, () => expect(parsePages(text, base)).to.deep.equal(expected));
  }
});

describe('requestedHelp: the link parameters a finder reads', () => {
  const rows: Array<[string, { service?: string; country?: string }]> = [
    ['', {}],
    ['?mipyme-service=finance&mipyme-country=gt', { service: 'finance', country: 'GT' }],
    ['?mipyme-service=finance,advice', { service: 'finance,advice' }],
    ['?mipyme-service=<script>&mipyme-country=Guatemala', {}],
    ['?mipyme-service=finance,<b>', { service: 'finance' }],
  ];
  for (const [search, expected] of rows) {
    it(search || '(none)', () => expect(requestedHelp(search)).to.deep.equal(expected));
  }
});

describe('someoneHelps', () => {
  it('only when a provider offers one of the services in the country', async () => {
    const result = parseFeed(await feed());
    if (!result.ok) throw new Error(result.error.message);
    expect(someoneHelps(result.feed, ['training'], 'SV')).to.equal(true);
    expect(someoneHelps(result.feed, ['training'], 'GT')).to.equal(false);
    expect(someoneHelps(result.feed, ['training'], undefined)).to.equal(true);
    expect(someoneHelps(result.feed, [], 'SV')).to.equal(false);
  });
});

describe('toolbox: "Who can help with this"', () => {
  it('hidden when there is no finder on the page and no page configured', async () => {
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feed()} country="SV"></mipyme-toolbox-browser>`);
    await until(() => shadow(el).querySelector('[part="item"]') !== null, 'the tools');
    expect(help(el)).to.have.length(0);
  });

  it('a link to the partner\'s finder page, with the services and the country', async () => {
    configure({ pages: { providers: '/servicios/proveedores.html' } });
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${await feed()} country="SV"></mipyme-toolbox-browser>`);
    await until(() => help(el).length > 0, 'the action');
    const links = help(el);
    expect(links).to.have.length(1); // only the tool with services
    const link = links[0] as HTMLAnchorElement;
    expect(link.tagName).to.equal('A');
    const url = new URL(link.href);
    expect([url.pathname, url.searchParams.get('mipyme-service'), url.searchParams.get('mipyme-country')]).to.deep.equal([
      '/servicios/proveedores.html',
      'training',
      'SV',
    ]);
    expect(link.textContent!.trim()).to.equal('Quién le puede ayudar con esto');
    expect(link.getAttribute('aria-label')).to.equal('Quién le puede ayudar con esto: Cómo calcular el precio de su producto');
    await expectAccessible(el);
  });

  it('hidden when no provider offers the service in the country', async () => {
    configure({ pages: { providers: '/servicios/proveedores.html' } });
    const data = await feed();
    data['tools'][0]['countries'] = ['GT'];
    const el = await fixture<MipymeToolboxBrowser>(html`<mipyme-toolbox-browser .data=${data} country="GT"></mipyme-toolbox-browser>`);
    await until(() => shadow(el).querySelector('[part="item"]') !== null, 'the tools');
    expect(help(el)).to.have.length(0);
  });

  it('uses the finder on the same page: filtered by the service, in view, the focus on its count', async () => {
    const data = await feed();
    const page = await fixture<HTMLElement>(html`<div>
      <mipyme-toolbox-browser .data=${data} country="SV"></mipyme-toolbox-browser>
      <mipyme-provider-finder .data=${data} country="SV" without-location></mipyme-provider-finder>
    </div>`);
    const toolbox = page.querySelector<MipymeToolboxBrowser>('mipyme-toolbox-browser')!;
    const finder = page.querySelector<MipymeProviderFinder>('mipyme-provider-finder')!;
    await until(() => help(toolbox).length > 0, 'the action');
    const button = help(toolbox)[0]!;
    expect(button.tagName).to.equal('BUTTON');
    const asked = new Promise<Event>((resolve) => document.addEventListener('mipyme-help-open', resolve, { once: true }));
    button.click();
    expect(((await asked) as CustomEvent).detail).to.deep.equal({
      widget: 'mipyme-toolbox-browser',
      action: 'help',
      itemId: 'price-guide',
      country: 'SV',
      serviceIds: ['training'],
      target: 'same-page',
    });
    await until(() => shadow(finder).activeElement?.getAttribute('part') === 'count', 'the focus on the finder\'s count');
    expect(shadow(finder).querySelector('[part="count"]')!.textContent!.trim()).to.equal('1 proveedor');
    // The service filter is the one selected.
    expect(selected(finder)).to.have.length(1);
    expect(selected(finder)[0]).to.match(/^Capacitación/);
  });
});

describe('toolbox and finder inside a page component\'s shadow root', () => {
  it('the finder beside the toolbox is found and used (not only one in the document)', async () => {
    const data = await feed();
    const host = await fixture<HTMLElement>(html`<div></div>`);
    const root = host.attachShadow({ mode: 'open' });
    const toolbox = document.createElement('mipyme-toolbox-browser') as MipymeToolboxBrowser;
    const finder = document.createElement('mipyme-provider-finder') as MipymeProviderFinder;
    for (const el of [toolbox, finder] as Array<HTMLElement & { data: unknown; country?: string }>) {
      el.data = data;
      el.setAttribute('country', 'SV');
      root.append(el);
    }
    await until(() => help(toolbox).length > 0, 'the action');
    const button = help(toolbox)[0]!;
    expect(button.tagName).to.equal('BUTTON');
    button.click();
    await until(() => shadow(finder).activeElement?.getAttribute('part') === 'count', 'the focus on the finder\'s count');
    expect(selected(finder)).to.have.length(1);
  });
});

describe('plan section and cash-flow shortfall: "Who can help"', () => {
  const clear = () => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('infomipyme-widgets.')) localStorage.removeItem(key);
  };
  beforeEach(clear);
  afterEach(clear);

  it('the plan section names its services: a link to the configured page; hidden without one', async () => {
    const data = await feed();
    const bare = await fixture<MipymeBusinessPlanOutline>(html`<mipyme-business-plan-outline .data=${data} country="SV"></mipyme-business-plan-outline>`);
    await until(() => shadow(bare).querySelector('[part="section"]') !== null, 'the section');
    expect(help(bare)).to.have.length(0);
    configure({ pages: { providers: 'https://red.example/proveedores' } });
    const el = await fixture<MipymeBusinessPlanOutline>(html`<mipyme-business-plan-outline .data=${data} country="SV"></mipyme-business-plan-outline>`);
    await until(() => help(el).length > 0, 'the action');
    const link = help(el)[0] as HTMLAnchorElement;
    expect(link.href).to.equal('https://red.example/proveedores?mipyme-service=training&mipyme-country=SV');
    expect(link.textContent!.trim()).to.equal('Quién le puede ayudar con esta sección');
    await expectAccessible(el);
  });

  it('the calculator, when money is needed: the finder on the same page, filtered by the template\'s services', async () => {
    const data = await feed();
    const page = await fixture<HTMLElement>(html`<div>
      <mipyme-cash-flow-calculator .data=${data} country="SV" template="shop"></mipyme-cash-flow-calculator>
      <mipyme-provider-finder .data=${data} country="SV" without-location></mipyme-provider-finder>
    </div>`);
    const calculator = page.querySelector<MipymeCashFlowCalculator>('mipyme-cash-flow-calculator')!;
    const finder = page.querySelector<MipymeProviderFinder>('mipyme-provider-finder')!;
    await until(() => help(calculator).length > 0, 'the action');
    const button = help(calculator)[0]!;
    expect(button.textContent!.trim()).to.equal('Quién le puede ayudar a conseguir este dinero');
    button.click();
    await until(() => shadow(finder).activeElement?.getAttribute('part') === 'count', "the focus on the finder's count");
    expect(selected(finder)[0]).to.match(/^Capacitación/);
  });

  it('the calculator: no action while cash is enough', async () => {
    configure({ pages: { providers: 'https://red.example/proveedores' } });
    const data = await feed();
    data['cashflowTemplates'][0]['lines'][1]['amounts'] = [300, 300];
    const el = await fixture<MipymeCashFlowCalculator>(html`<mipyme-cash-flow-calculator .data=${data} country="SV" template="shop"></mipyme-cash-flow-calculator>`);
    await until(() => shadow(el).querySelector('.headline') !== null, 'the summary');
    expect(shadow(el).querySelector('.headline')!.textContent).to.contain('alcanza');
    expect(help(el)).to.have.length(0);
  });
});

describe('provider finder: brought by a link from another page', () => {
  let before = '';
  beforeEach(() => (before = location.href));
  afterEach(() => history.replaceState(null, '', before));

  it('reads ?mipyme-service and ?mipyme-country when its tag does not set them', async () => {
    history.replaceState(null, '', `${location.pathname}?mipyme-service=training&mipyme-country=SV`);
    const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder .data=${await feed()} without-location></mipyme-provider-finder>`);
    await until(() => shadow(el).querySelector('[part="count"]') !== null, 'the results');
    expect(el.service).to.equal('training');
    expect(el.country).to.equal('SV');
    expect(selected(el)).to.have.length(1);
    expect(selected(el)[0]).to.match(/^Capacitación/);
  });

  it("the tag's own attributes win", async () => {
    history.replaceState(null, '', `${location.pathname}?mipyme-service=training&mipyme-country=GT`);
    const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder .data=${await feed()} country="SV" service="legal" without-location></mipyme-provider-finder>`);
    expect([el.service, el.country]).to.deep.equal(['legal', 'SV']);
  });
});
