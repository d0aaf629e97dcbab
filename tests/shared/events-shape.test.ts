/**
 * Partner statistics (#12): every widget event's detail starts with the same four fields —
 * `widget`, `action`, `itemId`, `country` — and none carries what the owner typed.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import { WIDGET_EVENTS, type WidgetEventDetail } from '../../src/shared/events.js';
import { until } from '../helpers/until.js';

type Json = Record<string, any>;

const seen: Array<{ name: string; detail: WidgetEventDetail & Record<string, unknown> }> = [];
const record = (event: Event) => seen.push({ name: event.type, detail: (event as CustomEvent).detail });

async function minimal(): Promise<Json> {
  return (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Json;
}

const shadow = (el: Element) => el.shadowRoot!;
const clear = () => {
  for (const key of Object.keys(localStorage)) if (key.startsWith('infomipyme-widgets.')) localStorage.removeItem(key);
};

before(async () => {
  await initLocalization('es');
  for (const name of WIDGET_EVENTS) document.addEventListener(name, record);
});
after(() => {
  for (const name of WIDGET_EVENTS) document.removeEventListener(name, record);
  clear();
});
beforeEach(() => {
  resetFeeds();
  setFeedCache(new MemoryStore());
  clear();
  seen.length = 0;
});

/** The four shared fields, in order, with their types. */
function expectShape(detail: Record<string, unknown>, expected: { widget: string; action: string; itemId?: string; country?: string }): void {
  expect(Object.keys(detail).slice(0, 2), JSON.stringify(detail)).to.deep.equal(['widget', 'action']);
  expect({ widget: detail['widget'], action: detail['action'], itemId: detail['itemId'], country: detail['country'] }).to.deep.equal({
    itemId: undefined,
    country: undefined,
    ...expected,
  });
}

describe('every widget event has widget, action, itemId and country', () => {
  it('feed load, from each of the four widgets', async () => {
    const data = await minimal();
    await fixture(html`<div>
      <mipyme-toolbox-browser .data=${data} country="SV"></mipyme-toolbox-browser>
      <mipyme-provider-finder .data=${data} country="SV" without-location></mipyme-provider-finder>
      <mipyme-cash-flow-calculator .data=${data} country="SV"></mipyme-cash-flow-calculator>
      <mipyme-business-plan-outline .data=${data} country="SV"></mipyme-business-plan-outline>
    </div>`);
    await until(() => seen.filter((e) => e.name === 'mipyme-feed-load').length === 4, 'four feed-load events');
    const loads = seen.filter((e) => e.name === 'mipyme-feed-load');
    expect(loads.map((e) => e.detail.widget).sort()).to.deep.equal([
      'mipyme-business-plan-outline',
      'mipyme-cash-flow-calculator',
      'mipyme-provider-finder',
      'mipyme-toolbox-browser',
    ]);
    for (const { detail } of loads) expectShape(detail, { widget: detail.widget, action: 'load', country: 'SV' });
  });

  it('feed error', async () => {
    await fixture(html`<mipyme-toolbox-browser feed="/__feed/not-found?k=${Math.random()}" country="GT"></mipyme-toolbox-browser>`);
    await until(() => seen.some((e) => e.name === 'mipyme-feed-error'), 'the error event');
    expectShape(seen.find((e) => e.name === 'mipyme-feed-error')!.detail, { widget: 'mipyme-toolbox-browser', action: 'error', country: 'GT' });
  });

  it('provider details: the provider as itemId', async () => {
    const el = await fixture<HTMLElement>(html`<mipyme-provider-finder .data=${await minimal()} country="SV" without-location></mipyme-provider-finder>`);
    await until(() => shadow(el).querySelector('.name-button') !== null, 'a provider');
    shadow(el).querySelector<HTMLButtonElement>('.name-button')!.click();
    await until(() => seen.some((e) => e.name === 'mipyme-provider-open'), 'the event');
    expectShape(seen.find((e) => e.name === 'mipyme-provider-open')!.detail, {
      widget: 'mipyme-provider-finder',
      action: 'details',
      itemId: 'example-centre',
      country: 'SV',
    });
  });

  it('plan change: the outline as itemId, and never the answer', async () => {
    const el = await fixture<HTMLElement>(html`<mipyme-business-plan-outline .data=${await minimal()} country="SV"></mipyme-business-plan-outline>`);
    await until(() => shadow(el).querySelector('textarea') !== null, 'a question');
    const answer = shadow(el).querySelector('textarea')!;
    answer.value = 'Vendo pupusas secretas';
    answer.dispatchEvent(new Event('input'));
    await until(() => seen.some((e) => e.name === 'mipyme-plan-change'), 'the event');
    const { detail } = seen.find((e) => e.name === 'mipyme-plan-change')!;
    expectShape(detail, { widget: 'mipyme-business-plan-outline', action: 'change', itemId: 'short', country: 'SV' });
    expect(JSON.stringify(detail)).not.to.contain('pupusas');
  });

  it('cash-flow change: no itemId, and never the names the owner typed', async () => {
    const el = await fixture<HTMLElement>(html`<mipyme-cash-flow-calculator .data=${await minimal()} country="SV"></mipyme-cash-flow-calculator>`);
    await until(() => shadow(el).querySelector('.actions button') !== null, 'the buttons');
    Array.from(shadow(el).querySelectorAll<HTMLButtonElement>('.actions button')).find((b) => b.textContent!.trim() === '+ Entrada')!.click();
    await until(() => seen.some((e) => e.name === 'mipyme-cash-flow-change'), 'the event');
    const { detail } = seen.find((e) => e.name === 'mipyme-cash-flow-change')!;
    expectShape(detail, { widget: 'mipyme-cash-flow-calculator', action: 'change', country: 'SV' });
    expect(JSON.stringify(detail)).not.to.contain('Nueva entrada');
  });
});
