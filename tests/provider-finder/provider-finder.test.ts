import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/provider-finder/provider-finder.js';
import type { MipymeProviderFinder } from '../../src/provider-finder/provider-finder.element.js';
import { resetFeeds } from '../../src/feed/load.js';
import { MemoryStore, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import type { MipymeProviderOpenEvent } from '../../src/shared/events.js';
import { expectAccessible } from '../helpers/a11y.js';
import { until } from '../helpers/until.js';
import { details } from '../../src/provider-finder/parts.js';

type Json = Record<string, any>;

/** A small directory: three providers in El Salvador, one in Guatemala. */
async function directoryFeed(): Promise<Json> {
  const feed = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).json()) as Json;
  feed['countries'][0]['regions'] = [
    { code: 'SV-SS', name: 'San Salvador', centre: { lat: 13.69, lng: -89.19 } },
    { code: 'SV-SA', name: 'Santa Ana', centre: { lat: 13.99, lng: -89.56 } },
    { code: 'SV-SM', name: 'San Miguel', centre: { lat: 13.48, lng: -88.18 } },
  ];
  feed['services'].push({ id: 'finance', name: { es: 'Crédito', en: 'Credit' } });
  feed['providers'] = [
    {
      id: 'centro-ss', name: 'Centro de Capacitación San Salvador', kind: 'training', cost: 'free',
      services: ['training'], countries: ['SV'], regions: ['SV-SS'], example: true,
      phones: [{ number: '+503 2200 0001', type: 'voice' }, { number: '+503 7000 0001', type: 'whatsapp' }],
      email: 'info@example.org', website: 'https://example.org/centro',
      locations: [{ address: { city: 'San Salvador', region: 'SV-SS', country: 'SV' }, lat: 13.69, lng: -89.19 }],
    },
    {
      id: 'coop-sa', name: 'Cooperativa de Crédito Santa Ana', kind: 'cooperative', cost: 'paid',
      services: ['finance'], countries: ['SV'], regions: ['SV-SA'], example: true,
      phones: [{ number: '+503 2400 0002', type: 'voice' }],
      locations: [{ address: { city: 'Santa Ana', region: 'SV-SA', country: 'SV' }, lat: 13.99, lng: -89.56 }],
    },
    {
      id: 'camara-sv', name: 'Cámara de Comercio (ejemplo)', kind: 'chamber', cost: 'subsidised',
      services: ['training', 'finance'], countries: ['SV'], example: true,
      locations: [{ address: { city: 'San Miguel', region: 'SV-SM', country: 'SV' }, lat: 13.48, lng: -88.18 }],
    },
    { id: 'gt-only', name: 'Centro Guatemala', kind: 'public', services: ['training'], countries: ['GT'] },
  ];
  feed['tools'][0]['providerId'] = 'centro-ss';
  return feed;
}

const shadow = (el: Element) => el.shadowRoot!;
const $ = <T extends Element = HTMLElement>(el: Element, selector: string) => shadow(el).querySelector<T>(selector)!;
const $$ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  Array.from(shadow(el).querySelectorAll<T>(selector));
const names = (el: Element) => $$(el, '.item h3 button').map((b) => b.textContent!.trim());

async function finder(attrs = ''): Promise<MipymeProviderFinder> {
  const data = await directoryFeed();
  const wrapper = await fixture(html`<div></div>`);
  wrapper.innerHTML = `<mipyme-provider-finder country="SV" ${attrs}></mipyme-provider-finder>`;
  const el = wrapper.firstElementChild as MipymeProviderFinder;
  el.data = data;
  await el.updateComplete;
  return el;
}

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
});

describe('<mipyme-provider-finder>: states', () => {
  it('loading and error are accessible', async () => {
    const loading = await fixture(html`<mipyme-provider-finder feed="/__feed/hang?k=${Math.random()}"></mipyme-provider-finder>`);
    expect($(loading, '[part="loading"]')).to.exist;
    await expectAccessible(loading);
    const failing = await fixture(html`<mipyme-provider-finder feed="/__feed/not-found?k=${Math.random()}"></mipyme-provider-finder>`);
    await oneEvent(failing, 'mipyme-feed-error');
    await (failing as MipymeProviderFinder).updateComplete;
    expect($(failing, '[part="error"]')).to.exist;
    await expectAccessible(failing);
  });

  it('ready: the providers of the country with one-tap contacts, accessible', async () => {
    const el = await finder();
    expect(names(el)).to.have.members([
      'Centro de Capacitación San Salvador',
      'Cooperativa de Crédito Santa Ana',
      'Cámara de Comercio (ejemplo)',
    ]);
    expect($(el, '[part="count"]').textContent!.trim()).to.equal('3 proveedores');
    const hrefs = $$<HTMLAnchorElement>(el, '.item')
      .find((item) => item.textContent!.includes('San Salvador'))!
      .querySelectorAll('a');
    const list = Array.from(hrefs).map((a) => a.getAttribute('href'));
    expect(list).to.include('tel:+50322000001');
    expect(list.some((h) => h!.startsWith('https://wa.me/50370000001'))).to.equal(true);
    expect(list).to.include('mailto:info@example.org');
    expect(list.every((h) => /^(tel:|mailto:|https:\/\/|http:\/\/)/.test(h!))).to.equal(true);
    await expectAccessible(el);
  });

  it('on the sample feed, for every country', async () => {
    for (const country of ['SV', 'GT', 'HN', 'NI', 'DO']) {
      resetFeeds();
      const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder feed="/demo/feed.json" country=${country}></mipyme-provider-finder>`);
      await oneEvent(el, 'mipyme-feed-load');
      await el.updateComplete;
      expect($$(el, '.item').length, country).to.be.greaterThan(0);
    }
  });
});

describe('<mipyme-provider-finder>: finding', () => {
  it('filters by keyword without accents, and by service', async () => {
    const el = await finder();
    const search = $<HTMLInputElement>(el, '#search');
    search.value = 'credito';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(names(el)).to.have.members(['Cooperativa de Crédito Santa Ana', 'Cámara de Comercio (ejemplo)']);
    search.value = '';
    search.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const option = $$<HTMLLabelElement>(el, '[part="filter"] .option').find((o) => o.textContent!.includes('Capacitación'))!;
    option.querySelector('input')!.click();
    await el.updateComplete;
    expect(names(el)).to.have.members(['Centro de Capacitación San Salvador', 'Cámara de Comercio (ejemplo)']);
  });

  it('choosing a region sorts by distance from its centre and shows km', async () => {
    const el = await finder();
    const region = $<HTMLSelectElement>(el, '#region');
    region.value = 'SV-SA';
    region.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(names(el)[0]).to.equal('Cooperativa de Crédito Santa Ana');
    expect($(el, '.location-note').textContent).to.contain('Santa Ana');
    expect($$(el, '.item .meta').some((m) => / km/.test(m.textContent!))).to.equal(true);
  });

  it('"near me" uses the device location with consent, and explains a refusal', async () => {
    const geolocation = navigator.geolocation;
    const original = geolocation.getCurrentPosition;
    try {
      geolocation.getCurrentPosition = (success) =>
        success({ coords: { latitude: 13.48, longitude: -88.18 } } as GeolocationPosition);
      const el = await finder();
      $$<HTMLButtonElement>(el, '.header button').find((b) => b.textContent!.includes('Cerca de mí'))!.click();
      await el.updateComplete;
      expect(names(el)[0]).to.equal('Cámara de Comercio (ejemplo)');
      geolocation.getCurrentPosition = (_success, error) =>
        error!({ code: 1, PERMISSION_DENIED: 1, POSITION_UNAVAILABLE: 2, TIMEOUT: 3, message: 'denied' } as GeolocationPositionError);
      const denied = await finder();
      $$<HTMLButtonElement>(denied, '.header button').find((b) => b.textContent!.includes('Cerca de mí'))!.click();
      await denied.updateComplete;
      expect($(denied, '.location-note').textContent).to.contain('No compartió su ubicación');
      expect(names(denied)).to.have.length(3);
    } finally {
      geolocation.getCurrentPosition = original;
    }
  });

  it('no results: says why and offers to widen', async () => {
    const el = await finder('region="SV-SM" service="finance" kind="cooperative"');
    expect($(el, '[part="empty"]').textContent).to.contain('San Miguel');
    const buttons = $$<HTMLButtonElement>(el, '[part="empty"] .suggestions button');
    expect(buttons.length).to.be.greaterThan(0);
    buttons[0]!.click();
    await el.updateComplete;
    expect(names(el).length).to.be.greaterThan(0);
    await expectAccessible(el);
  });
});

describe('<mipyme-provider-finder>: details and events', () => {
  it('contact actions and the details dialog fire mipyme-provider-open; focus returns on close', async () => {
    const el = await finder();
    const events: MipymeProviderOpenEvent[] = [];
    el.addEventListener('mipyme-provider-open', (e) => events.push(e));
    const call = $$<HTMLAnchorElement>(el, 'a[href^="tel:"]')[0]!;
    call.click();
    const opener = $$<HTMLButtonElement>(el, '.item h3 button')[0]!;
    opener.focus();
    opener.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    // The dialog's code loads the first time: showModal() runs once it is rendered.
    await until(() => dialog.open, 'the details dialog');
    await expectAccessible(el);
    $$<HTMLButtonElement>(el, '.dialog-actions button').find((b) => b.textContent!.includes('Cerrar'))!.click();
    await el.updateComplete;
    expect(dialog.open).to.equal(false);
    expect(shadow(el).activeElement).to.equal(opener);
    expect(events.map((e) => e.detail.action)).to.deep.equal(['call', 'details']);
    expect(events[0]!.detail).to.include({ country: 'SV', widget: 'mipyme-provider-finder' });
  });

  it('"Add to contacts" downloads the provider\'s vCard', async () => {
    const el = await finder();
    const events: string[] = [];
    el.addEventListener('mipyme-provider-open', (e) => events.push(e.detail.action));
    const opener = $$<HTMLButtonElement>(el, '.item h3 button')[0]!;
    const name = opener.textContent!.trim();
    opener.click();
    const dialog = $<HTMLDialogElement>(el, 'dialog');
    await until(() => dialog.open, 'the details dialog');
    const blobs: Blob[] = [];
    const original = URL.createObjectURL;
    URL.createObjectURL = (blob: Blob | MediaSource) => {
      blobs.push(blob as Blob);
      return original.call(URL, blob);
    };
    try {
      $$<HTMLButtonElement>(el, '.dialog-actions button').find((b) => b.textContent!.includes('Agregar a contactos'))!.click();
    } finally {
      URL.createObjectURL = original;
    }
    expect(blobs).to.have.length(1);
    expect(blobs[0]!.type).to.equal('text/vcard');
    const card = await blobs[0]!.text();
    expect(card.startsWith('BEGIN:VCARD\r\n')).to.equal(true);
    expect(card).to.contain(`\r\nFN:${name}\r\n`);
    expect(events).to.deep.equal(['details', 'vcard']);
    dialog.close();
  });

  it('the details load on first use: "Preparing…" meanwhile; if they cannot, a message by the provider, and the next tap works', async () => {
    const real = await import('../../src/provider-finder/details.js');
    let release = () => {};
    let fail = () => {};
    const restore = details.useImporter(
      () => new Promise((resolve, reject) => ((release = () => resolve(real)), (fail = () => reject(new TypeError('Failed to fetch dynamically imported module'))))),
    );
    const warn = console.warn;
    console.warn = () => {};
    try {
      const el = await finder();
      const events: string[] = [];
      el.addEventListener('mipyme-provider-open', (e) => events.push(e.detail.action));
      const search = $<HTMLInputElement>(el, '#search');
      search.value = 'Centro';
      search.dispatchEvent(new Event('input'));
      await el.updateComplete;
      const opener = $$<HTMLButtonElement>(el, '.item h3 button')[0]!;
      opener.click();
      await el.updateComplete;
      expect(opener.getAttribute('aria-busy')).to.equal('true');
      expect(opener.textContent).to.contain('Preparando…');
      fail();
      await until(() => !!shadow(el).querySelector('.item [role="alert"]'), 'the message');
      expect($(el, '.item [role="alert"]').textContent).to.contain('No se pudo cargar esta parte de la herramienta');
      const dialog = $<HTMLDialogElement>(el, 'dialog');
      expect(dialog.open).to.equal(false);
      expect(events).to.deep.equal([]);
      expect(search.value).to.equal('Centro');
      await expectAccessible(el);
      opener.click();
      release();
      await until(() => dialog.open, 'the details dialog');
      expect(shadow(el).querySelector('[role="alert"]')).to.equal(null);
      expect(events).to.deep.equal(['details']);
      dialog.close();
    } finally {
      console.warn = warn;
      restore();
    }
  });

  it('attributes map to properties, and none fires events', async () => {
    let fired = 0;
    document.addEventListener('mipyme-provider-open', () => fired++);
    const el = await finder('region="SV-SS" service="training" kind="training" without-location page-size="2"');
    expect([el.region, el.service, el.kind, el.withoutLocation, el.pageSize]).to.deep.equal(['SV-SS', 'training', 'training', true, 2]);
    expect($$(el, '.header button').some((b) => b.textContent!.includes('Cerca de mí'))).to.equal(false);
    el.country = 'GT';
    await el.updateComplete;
    expect(fired).to.equal(0);
  });
});

describe('<mipyme-provider-finder>: a regional provider\'s office in another country', () => {
  it('is placed with that country\'s region name, not its code', async () => {
    const data = await directoryFeed();
    // The Salvadoran centre also serves Guatemala; its office stays in San Salvador.
    data['providers'][0]['countries'] = ['SV', 'GT'];
    delete data['providers'][0]['regions'];
    const el = await fixture<MipymeProviderFinder>(html`<mipyme-provider-finder country="GT" .data=${data}></mipyme-provider-finder>`);
    await until(() => names(el).includes('Centro de Capacitación San Salvador'), 'the regional provider');
    const card = $$(el, '.item').find((item) => item.textContent!.includes('Centro de Capacitación San Salvador'))!;
    const place = Array.from(card.querySelectorAll('.meta')).map((m) => m.textContent!.trim());
    expect(place).to.include('San Salvador, San Salvador');
  });
});
