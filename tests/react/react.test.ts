/**
 * The React wrappers (`infomipyme-widgets/react`) in a real React 19 app: tests/react/app.ts,
 * bundled by `rollup -c` (React is CommonJS only) into tests/react/build/app.js together with
 * its own copy of the widgets, as an app's bundler would. This file imports no widget module
 * (types only), so every element on the page is the bundle's.
 */
import { expect } from '@open-wc/testing';
import { STORAGE_PREFIX } from '../../src/shared/storage.js';
import type {
  MipymeCashFlowChangeEvent,
  MipymeFeedErrorEvent,
  MipymeFeedLoadEvent,
  MipymePlanChangeEvent,
  MipymeProviderOpenEvent,
  MipymeToolOpenEvent,
} from '../../src/shared/events.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import type { AppProps, MountedApp } from './app.js';
import { until } from '../helpers/until.js';

type App = typeof import('./app.js');
type Json = Record<string, unknown>;

const TAGS = ['mipyme-toolbox-browser', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline', 'mipyme-provider-finder'] as const;
const SAVED = [`${STORAGE_PREFIX}cash-flow.drafts`, `${STORAGE_PREFIX}business-plan.plans`];

let app: App;
let feed: Json;
let container: HTMLElement;
let mounted: MountedApp | undefined;

async function minimal(): Promise<Json> {
  const response = await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url));
  return (await response.json()) as Json;
}

function mount(props: AppProps): MountedApp {
  mounted = app.mount(container, props);
  return mounted;
}

/** The element a wrapper rendered, once it has rendered. */
async function rendered<K extends (typeof TAGS)[number]>(tag: K): Promise<HTMLElementTagNameMap[K]> {
  const el = container.querySelector(tag);
  if (!el) throw new Error(`<${tag}> was not rendered`);
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: Element, selector: string): T => {
  const found = el.shadowRoot!.querySelector<T>(selector);
  if (!found) throw new Error(`no ${selector} in <${el.localName}>`);
  return found;
};
const $$ = (el: Element, selector: string) => Array.from(el.shadowRoot!.querySelectorAll(selector));

/** A handler that records the events it receives. */
function recorder<E extends Event>(): { readonly events: E[]; readonly handler: (event: E) => void } {
  const events: E[] = [];
  return { events, handler: (event: E) => void events.push(event) };
}

/** Stops links from really opening tabs (the widget's event has fired by then). */
function blockNavigation(event: Event) {
  if ((event.composedPath()[0] as Element).closest?.('a')) event.preventDefault();
}

before(async () => {
  app = (await import(new URL('./build/app.js', import.meta.url).href)) as App;
  document.addEventListener('click', blockNavigation);
});
after(() => {
  document.removeEventListener('click', blockNavigation);
  for (const key of SAVED) localStorage.removeItem(key);
});
beforeEach(async () => {
  for (const key of SAVED) localStorage.removeItem(key);
  feed = await minimal();
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  mounted?.unmount();
  mounted = undefined;
  container.remove();
});

describe('infomipyme-widgets/react: rendering', () => {
  it('runs the React under test, in production mode', () => {
    expect(app.reactVersion).to.match(/^19\./);
    expect(typeof app.mount).to.equal('function');
  });

  it('each wrapper renders its element, upgraded, with its props set as properties', async () => {
    mount({
      toolbox: { data: feed, country: 'SV', theme: 'dark', pageSize: 5, id: 'tools', className: 'catalogue' },
      calculator: { data: feed, country: 'SV', theme: 'dark', template: 'shop' },
      plan: { data: feed, country: 'SV', theme: 'dark', outline: 'short' },
      providers: { data: feed, country: 'SV', theme: 'dark', withoutLocation: true, 'aria-label': 'Quién le ayuda' },
    });
    for (const tag of TAGS) {
      const el = await rendered(tag);
      expect(el, tag).to.be.instanceOf(customElements.get(tag)!);
      expect(el.shadowRoot, tag).to.exist;
      expect(el.country, tag).to.equal('SV');
      expect(el.data, tag).to.equal(feed);
      expect(el.theme, tag).to.equal('dark');
      expect(el.getAttribute('theme'), `${tag} reflects its theme`).to.equal('dark');
    }

    const toolbox = await rendered('mipyme-toolbox-browser');
    expect(toolbox.pageSize).to.equal(5);
    expect(toolbox.id).to.equal('tools');
    expect(toolbox.getAttribute('class')).to.equal('catalogue');
    // The tools of El Salvador only: the Guatemalan one is left out.
    expect($$(toolbox, '.item h3 a').map((a) => a.getAttribute('href'))).to.deep.equal(['https://example.org/precio']);

    const calculator = await rendered('mipyme-cash-flow-calculator');
    expect(calculator.template).to.equal('shop');
    expect($(calculator, '[role="grid"]')).to.exist;
    expect($(calculator, '.amount[data-row="0"][data-col="0"]').textContent).to.contain('1,250.50');

    const plan = await rendered('mipyme-business-plan-outline');
    expect(plan.outline).to.equal('short');
    expect($(plan, 'textarea')).to.exist;

    const providers = await rendered('mipyme-provider-finder');
    expect(providers.withoutLocation).to.equal(true);
    expect(providers.getAttribute('aria-label')).to.equal('Quién le ayuda');
    expect($$(providers, '.item .name-button').map((b) => b.textContent!.trim())).to.deep.equal(['Centro de Ejemplo']);
  });

  it('new props reach the element on a re-render; unmounting removes it', async () => {
    const app = mount({ toolbox: { data: feed, country: 'GT', theme: 'light' } });
    const el = await rendered('mipyme-toolbox-browser');
    expect($$(el, '.item h3 a').map((a) => a.getAttribute('href'))).to.have.members(['https://example.org/precio', 'https://example.org/gt']);
    app.render({ toolbox: { data: feed, country: 'SV', theme: 'dark' } });
    expect(container.querySelector('mipyme-toolbox-browser')).to.equal(el);
    await el.updateComplete;
    expect(el.getAttribute('theme')).to.equal('dark');
    expect($$(el, '.item h3 a')).to.have.length(1);
    app.unmount();
    mounted = undefined;
    expect(container.querySelector('mipyme-toolbox-browser')).to.equal(null);
  });
});

describe('infomipyme-widgets/react: events', () => {
  it('onFeedLoad: every wrapper passes on its widget’s MipymeFeedLoadEvent', async () => {
    const loads = TAGS.map(() => recorder<MipymeFeedLoadEvent>());
    const errors = recorder<MipymeFeedErrorEvent>();
    const common = { data: feed, country: 'SV', onFeedError: errors.handler };
    mount({
      toolbox: { ...common, onFeedLoad: loads[0]!.handler },
      calculator: { ...common, onFeedLoad: loads[1]!.handler },
      plan: { ...common, onFeedLoad: loads[2]!.handler },
      providers: { ...common, onFeedLoad: loads[3]!.handler },
    });
    for (const [i, tag] of TAGS.entries()) {
      const el = await rendered(tag);
      const { events } = loads[i]!;
      expect(events, tag).to.have.length(1);
      expect(events[0]!.type).to.equal('mipyme-feed-load');
      expect(events[0]!.target, tag).to.equal(el);
      expect(events[0]!.detail, tag).to.include({ source: 'data', offline: false, issueCount: 0 });
    }
    expect(errors.events).to.deep.equal([]);
  });

  it('onFeedLoad: a re-render with the same data object loads nothing again; a new object does', async () => {
    const loads = recorder<MipymeFeedLoadEvent>();
    const app = mount({ toolbox: { data: feed, onFeedLoad: loads.handler } });
    const el = await rendered('mipyme-toolbox-browser');
    app.render({ toolbox: { data: feed, theme: 'dark', onFeedLoad: loads.handler } });
    await el.updateComplete;
    expect(loads.events).to.have.length(1);
    app.render({ toolbox: { data: structuredClone(feed), onFeedLoad: loads.handler } });
    await el.updateComplete;
    expect(loads.events).to.have.length(2);
  });

  it('onFeedError: every wrapper passes on the error of a feed that cannot be loaded', async () => {
    const errors = TAGS.map(() => recorder<MipymeFeedErrorEvent>());
    const loads = recorder<MipymeFeedLoadEvent>();
    const common = { feed: `/__feed/not-found?k=react${Math.random().toString(36).slice(2)}`, onFeedLoad: loads.handler };
    mount({
      toolbox: { ...common, onFeedError: errors[0]!.handler },
      calculator: { ...common, onFeedError: errors[1]!.handler },
      plan: { ...common, onFeedError: errors[2]!.handler },
      providers: { ...common, onFeedError: errors[3]!.handler },
    });
    await until(() => errors.every(({ events }) => events.length > 0), 'the feed errors');
    for (const [i, tag] of TAGS.entries()) {
      const el = await rendered(tag);
      const { events } = errors[i]!;
      expect(events, tag).to.have.length(1);
      expect(events[0]!.type).to.equal('mipyme-feed-error');
      expect(events[0]!.target, tag).to.equal(el);
      expect(events[0]!.detail, tag).to.include({ code: 'http', status: 404 });
      expect($(el, '[part="error"]'), tag).to.exist;
    }
    expect(loads.events).to.deep.equal([]);
  });

  it('onToolOpen: a tool opened from the toolbox and from a plan section', async () => {
    const fromToolbox = recorder<MipymeToolOpenEvent>();
    const fromPlan = recorder<MipymeToolOpenEvent>();
    mount({
      toolbox: { data: feed, country: 'SV', onToolOpen: fromToolbox.handler },
      plan: { data: feed, country: 'SV', onToolOpen: fromPlan.handler },
    });
    $<HTMLAnchorElement>(await rendered('mipyme-toolbox-browser'), '.item h3 a').click();
    $<HTMLAnchorElement>(await rendered('mipyme-business-plan-outline'), '.tools a').click();
    const expected = { action: 'open', itemId: 'price-guide', id: 'price-guide', url: 'https://example.org/precio', country: 'SV' };
    expect(fromToolbox.events.map((e) => e.detail)).to.deep.equal([{ ...expected, widget: 'mipyme-toolbox-browser' }]);
    expect(fromPlan.events.map((e) => e.detail)).to.deep.equal([{ ...expected, widget: 'mipyme-business-plan-outline' }]);
  });

  it('onCashFlowChange: the owner’s edit, figures only', async () => {
    const changes = recorder<MipymeCashFlowChangeEvent>();
    mount({ calculator: { data: feed, country: 'SV', template: 'shop', onCashFlowChange: changes.handler } });
    const el = await rendered('mipyme-cash-flow-calculator');
    expect(changes.events, 'none while React sets props').to.have.length(0);
    const cell = $(el, '.amount[data-row="0"][data-col="0"]');
    cell.click();
    await el.updateComplete;
    const input = cell.querySelector('input')!;
    input.value = '1,000';
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    cell.querySelector('input')!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }));
    await until(() => changes.events.length > 0, 'the change event');
    const { detail } = changes.events[0]!;
    expect(detail).to.include({ currency: 'USD', totalIn: 100000 + 130000 });
    expect(JSON.stringify(detail)).not.to.contain('Ventas');
  });

  it('onPlanChange: an answer, progress figures only', async () => {
    const changes = recorder<MipymePlanChangeEvent>();
    mount({ plan: { data: feed, country: 'SV', onPlanChange: changes.handler } });
    const el = await rendered('mipyme-business-plan-outline');
    expect(changes.events, 'none while React sets props').to.have.length(0);
    const area = $<HTMLTextAreaElement>(el, 'textarea');
    area.value = 'Pupusas y refrescos';
    area.dispatchEvent(new Event('input'));
    await until(() => changes.events.length > 0, 'the change event');
    expect(changes.events[0]!.detail).to.include({ outlineId: 'short', sectionId: 'idea', answered: 1, total: 1, percent: 100 });
    expect(JSON.stringify(changes.events[0]!.detail)).not.to.contain('Pupusas');
  });

  it('onProviderOpen: the details of a provider', async () => {
    const opens = recorder<MipymeProviderOpenEvent>();
    mount({ providers: { data: feed, country: 'SV', onProviderOpen: opens.handler } });
    const el = await rendered('mipyme-provider-finder');
    $<HTMLButtonElement>(el, '.item .name-button').click();
    // The details dialog's code loads on first use (#9): the event fires when the details open.
    await until(() => opens.events.length > 0, 'the details event');
    expect(opens.events.map((e) => e.detail)).to.deep.equal([
      { widget: 'mipyme-provider-finder', action: 'details', itemId: 'example-centre', country: 'SV', id: 'example-centre' },
    ]);
    $<HTMLDialogElement>(el, 'dialog').close();
  });

  it('a new handler replaces the old one on a re-render; a removed one stops listening', async () => {
    const first = recorder<MipymeToolOpenEvent>();
    const second = recorder<MipymeToolOpenEvent>();
    const app = mount({ toolbox: { data: feed, onToolOpen: first.handler } });
    const el: MipymeToolboxBrowser = await rendered('mipyme-toolbox-browser');
    const link = () => $<HTMLAnchorElement>(el, '.item h3 a');
    link().click();
    app.render({ toolbox: { data: feed, onToolOpen: second.handler } });
    link().click();
    app.render({ toolbox: { data: feed } });
    link().click();
    expect([first.events.length, second.events.length]).to.deep.equal([1, 1]);
  });
});
