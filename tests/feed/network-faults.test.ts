/**
 * Network faults against the test runner's real HTTP server (routes in
 * web-test-runner.config.mjs: /__feed/<behaviour>?k=<key>, /__feed/switch + /__feed/mode,
 * /__feed/free-port, /__feed/listen and /__feed/unlisten for a port nothing listens on).
 *
 * Each fault goes through the loader API (`loadFeed`, `watchFeed`) and a real widget,
 * <mipyme-toolbox-browser>, sharing one request, and must give the documented state:
 * the error view with a plain message and the error `code` in `mipyme-feed-error`, whose
 * retry button works once the fault clears; or, with a copy from an earlier visit, that
 * copy with the offline note, still usable. The offline copy lives in the real Cache API.
 * No timing assertion: a timeout uses the smallest timeout the loader API takes.
 */
import { expect } from '@open-wc/testing';
import '../../src/toolbox-browser/toolbox-browser.js';
import type { MipymeToolboxBrowser } from '../../src/toolbox-browser/toolbox-browser.element.js';
import { FeedLoadError, loadFeed, resetFeeds, watchFeed, type FeedState } from '../../src/feed/load.js';
import { feedCache, setFeedCache } from '../../src/feed/cache.js';
import { initLocalization } from '../../src/shared/locale.js';
import type { FeedErrorDetail, FeedLoadDetail } from '../../src/shared/events.js';
import { until } from '../helpers/until.js';

/** The loader's timeout for the faults that need one (ms): short, so the tests are quick. */
const SHORT_TIMEOUT = 400;

let counter = 0;
const freshKey = () => `nf${Math.random().toString(36).slice(2)}${++counter}`;
const feedUrl = (route: string, key: string, extra = '') =>
  new URL(`/__feed/${route}?k=${key}${extra}`, location.href).href;

const usedUrls = new Set<string>();
const widgets: Element[] = [];

async function setMode(key: string, mode: string): Promise<void> {
  await fetch(`/__feed/mode?k=${key}&m=${mode}`);
}

async function hits(key: string): Promise<number> {
  return ((await (await fetch(`/__feed/hits?k=${key}`)).json()) as { hits: number }).hits;
}

async function failure(promise: Promise<unknown>): Promise<FeedLoadError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(FeedLoadError);
    return error as FeedLoadError;
  }
  throw new Error('expected the load to fail');
}

// ---------------------------------------------------------------- the widget

interface Mounted {
  el: MipymeToolboxBrowser;
  loads: FeedLoadDetail[];
  errors: FeedErrorDetail[];
}

/** A toolbox browser on `url`, listening to its feed events from the start. */
function mount(url: string): Mounted {
  usedUrls.add(url);
  const el = document.createElement('mipyme-toolbox-browser') as MipymeToolboxBrowser;
  const loads: FeedLoadDetail[] = [];
  const errors: FeedErrorDetail[] = [];
  el.addEventListener('mipyme-feed-load', (event) => loads.push((event as CustomEvent<FeedLoadDetail>).detail));
  el.addEventListener('mipyme-feed-error', (event) => errors.push((event as CustomEvent<FeedErrorDetail>).detail));
  el.setAttribute('feed', url);
  document.body.append(el);
  widgets.push(el);
  return { el, loads, errors };
}

const root = (el: Element) => el.shadowRoot!;
const find = <T extends Element = HTMLElement>(el: Element, selector: string) => root(el).querySelector<T>(selector);
const items = (el: Element) => root(el).querySelectorAll('.item').length;
const count = (el: Element) => find(el, '[part="count"]')?.textContent?.trim();

async function search(el: MipymeToolboxBrowser, text: string): Promise<void> {
  const input = find<HTMLInputElement>(el, '#search')!;
  input.value = text;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** The widget is usable: its tools are listed and the search narrows them. */
async function expectUsable(el: MipymeToolboxBrowser, tools = 2): Promise<void> {
  await until(() => items(el) === tools, `${tools} tools listed`);
  await search(el, 'precio');
  expect(count(el)).to.equal('1 herramienta');
  expect(root(el).querySelector('.item h3')!.textContent).to.contain('Cómo calcular el precio de su producto');
  await search(el, '');
  expect(count(el)).to.equal(`${tools} herramientas`);
}

// ---------------------------------------------------------------- one earlier visit

/** A visit that loads the feed once and stores it, then a new page visit. */
async function visitOnce(url: string): Promise<void> {
  usedUrls.add(url);
  const snapshot = await loadFeed(url);
  expect(snapshot.source).to.equal('network');
  await until(async () => (await feedCache().read(url)) !== undefined, 'the cache write');
  resetFeeds();
}

const toolIds = (text: string) => (JSON.parse(text) as { tools: Array<{ id: string }> }).tools.map((t) => t.id);

// ---------------------------------------------------------------- the faults

interface Fault {
  name: string;
  /** The /__feed/switch mode that produces it. */
  mode: string;
  /** More query parameters for the route. */
  extra?: string;
  /** The loader's timeout, when the fault is a wait. */
  timeout?: number;
  code: FeedLoadError['code'];
  status?: number;
  /** The plain message (Spanish, the page's language). */
  says: RegExp;
  /** How many requests the server saw (one, shared by the loader and the widget), when fixed. */
  requests?: number;
}

const faults: Fault[] = [
  { name: 'timeout (no answer)', mode: 'hang', timeout: SHORT_TIMEOUT, code: 'timeout', says: /no respondió en 1 s\./, requests: 1 },
  {
    name: 'slow body (headers at once, the body slower than the timeout)',
    mode: 'slow-body',
    extra: '&ms=6000',
    timeout: SHORT_TIMEOUT,
    code: 'timeout',
    says: /no respondió en 1 s\./,
    requests: 1,
  },
  { name: '404', mode: 'not-found', code: 'http', status: 404, says: /No se encontró la fuente de datos en .*\(error 404\)/, requests: 1 },
  { name: '500', mode: 'server-error', code: 'http', status: 500, says: /respondió con el error 500\./, requests: 1 },
  { name: 'redirect loop (302 to itself)', mode: 'redirect-loop', code: 'network', says: /No se pudo llegar a la fuente de datos/ },
  { name: 'redirect cycle (A → B → A)', mode: 'redirect-cycle', code: 'network', says: /No se pudo llegar a la fuente de datos/ },
  // (Chromium itself retries a GET whose connection closed without an answer: no request count.)
  { name: 'dropped connection', mode: 'down', code: 'network', says: /No se pudo llegar a la fuente de datos/ },
  {
    name: 'an HTML page (wrong content, wrong type)',
    mode: 'html',
    code: 'not-json',
    says: /devuelve una página web, no una fuente de datos\./,
    requests: 1,
  },
  { name: 'empty body (200)', mode: 'empty', code: 'not-json', says: /está vacía: el servidor no envió nada/, requests: 1 },
  { name: 'no content (204)', mode: 'no-content', code: 'not-json', says: /está vacía: el servidor no envió nada/, requests: 1 },
];

before(async () => {
  await initLocalization('es');
});

beforeEach(() => {
  resetFeeds();
  setFeedCache(); // the real offline store (Cache API on this https-or-localhost page)
});

afterEach(async () => {
  for (const el of widgets.splice(0)) el.remove();
  resetFeeds();
  for (const url of usedUrls) await feedCache().remove(url);
  usedUrls.clear();
});

describe('network faults: the documented error state, and a retry once the fault clears', () => {
  for (const fault of faults) {
    it(`${fault.name} → ${fault.code}${fault.status ? ` ${fault.status}` : ''}`, async () => {
      const key = freshKey();
      const url = feedUrl('switch', key, fault.extra);
      usedUrls.add(url);
      await setMode(key, fault.mode);

      // The loader API…
      const error = await failure(loadFeed(url, { timeout: fault.timeout }));
      expect(error.code).to.equal(fault.code);
      expect(error.status).to.equal(fault.status);
      expect(error.url).to.equal(url);
      expect(error.message).to.match(fault.says);

      // …and a widget on the same feed: the same failure, no second request.
      const { el, errors, loads } = mount(url);
      await until(() => !!find(el, '[part="error"]'), 'the error view');
      expect(errors).to.deep.equal([{ widget: 'mipyme-toolbox-browser', action: 'error', url, code: fault.code, message: error.message, status: fault.status }]);
      expect(loads).to.deep.equal([]);
      const view = find(el, '[part="error"]')!;
      expect(view.getAttribute('role')).to.equal('alert');
      expect(view.querySelector('.error-title')!.textContent).to.equal('No se pudo cargar la información.');
      expect(view.querySelector('.error-detail')!.textContent).to.equal(error.message);
      if (fault.requests !== undefined) expect(await hits(key)).to.equal(fault.requests);

      // The fault clears: the retry button loads the feed.
      await setMode(key, 'ok');
      const retry = view.querySelector('button')!;
      expect(retry.textContent!.trim()).to.equal('Intentar de nuevo');
      retry.click();
      await expectUsable(el);
      expect(loads).to.deep.equal([{ widget: 'mipyme-toolbox-browser', action: 'load', url, source: 'network', offline: false, fetchedAt: loads[0]!.fetchedAt, issueCount: 0 }]);
      expect((await loadFeed(url)).source).to.equal('network');
    });
  }
});

describe('network faults with a copy from an earlier visit: that copy, marked offline, still usable', () => {
  for (const fault of faults) {
    it(`${fault.name}: the cached feed, the offline note, search works, retry leaves offline`, async () => {
      const key = freshKey();
      const url = feedUrl('switch', key, fault.extra);
      await visitOnce(url);
      const saved = (await feedCache().read(url))!;
      await setMode(key, fault.mode);

      // The loader resolves with the stored copy at once; its watch ends offline.
      const first = await loadFeed(url, { timeout: fault.timeout });
      expect(first.source).to.equal('cache');
      expect(first.feed.tools).to.have.length(2);
      const states: FeedState[] = [];
      const stop = watchFeed(url, (state) => states.push(state));
      await until(() => states.some((s) => s.status === 'ready' && s.snapshot.offline), 'the offline state');
      stop();
      const last = states.at(-1)!;
      if (last.status !== 'ready') throw new Error('expected ready');
      expect(last.snapshot.networkError?.code).to.equal(fault.code);
      expect(last.snapshot.fetchedAt).to.equal(saved.fetchedAt);

      // The widget shows that copy with the offline note, and works.
      const { el, errors, loads } = mount(url);
      await until(() => !!find(el, '[part="offline"]'), 'the offline note');
      expect(find(el, '[part="offline"]')!.textContent).to.contain('Sin conexión: se muestra la información guardada el');
      expect(find(el, '[part="error"]')).to.equal(null);
      await expectUsable(el);
      expect(errors).to.deep.equal([]);
      expect(loads.at(-1)).to.include({ url, source: 'cache', offline: true, fetchedAt: saved.fetchedAt });
      // The stored copy is not replaced by what the fault sent.
      expect((await feedCache().read(url))!.text).to.equal(saved.text);

      // The fault clears: "Try again" in the note brings the network copy, and the note goes.
      await setMode(key, 'ok');
      find<HTMLButtonElement>(el, '[part="offline"] button')!.click();
      await until(() => !find(el, '[part="offline"]') && loads.at(-1)?.source === 'network', 'the network copy');
      await expectUsable(el);
    });
  }
});

describe('connection refused (a local port nothing listens on)', () => {
  async function closedPort(): Promise<number> {
    const { port, refused } = (await (await fetch('/__feed/free-port')).json()) as { port: number; refused: boolean };
    expect(refused, 'the server checked that the port refuses connections').to.equal(true);
    return port;
  }
  const listen = (port: number) => fetch(`/__feed/listen?port=${port}`);
  const unlisten = (port: number) => fetch(`/__feed/unlisten?port=${port}`);
  const portUrl = (port: number) => `http://127.0.0.1:${port}/feed.json`;

  it('→ network, and the retry works once the server listens', async () => {
    const port = await closedPort();
    const url = portUrl(port);
    usedUrls.add(url);
    try {
      const error = await failure(loadFeed(url));
      expect(error.code).to.equal('network');
      expect(error.message).to.match(/No se pudo llegar a la fuente de datos en http:\/\/127\.0\.0\.1:\d+\/feed\.json/);
      const { el, errors } = mount(url);
      await until(() => !!find(el, '[part="error"]'), 'the error view');
      expect(errors).to.deep.equal([{ widget: 'mipyme-toolbox-browser', action: 'error', url, code: 'network', message: error.message, status: undefined }]);
      await listen(port);
      find<HTMLButtonElement>(el, '[part="error"] button')!.click();
      await expectUsable(el);
    } finally {
      await unlisten(port);
    }
  });

  it('with a copy from an earlier visit: the cached feed, offline, still usable', async () => {
    const port = await closedPort();
    const url = portUrl(port);
    await listen(port);
    try {
      await visitOnce(url);
    } finally {
      await unlisten(port);
    }
    const refused = await fetch(url).then(
      () => false,
      () => true,
    );
    expect(refused, 'the port refuses connections again').to.equal(true);
    const first = await loadFeed(url);
    expect(first.source).to.equal('cache');
    const { el, loads } = mount(url);
    await until(() => !!find(el, '[part="offline"]'), 'the offline note');
    await expectUsable(el);
    expect(loads.at(-1)).to.include({ source: 'cache', offline: true });
  });
});

describe('faults a feed survives', () => {
  it('a slow body that ends within the timeout loads', async () => {
    const key = freshKey();
    const url = feedUrl('slow-body', key, '&ms=500');
    usedUrls.add(url);
    const snapshot = await loadFeed(url, { timeout: 10_000 });
    expect(snapshot.feed.tools).to.have.length(2);
    const { el, errors } = mount(url);
    await expectUsable(el);
    expect(errors).to.deep.equal([]);
    expect(await hits(key)).to.equal(1);
  });

  it('the slow-body route really sends the headers at once and the body in pieces', async () => {
    const response = await fetch(feedUrl('slow-body', freshKey(), '&ms=6000'));
    expect(response.status).to.equal(200);
    const reader = response.body!.getReader();
    const first = await reader.read();
    const whole = (await (await fetch(new URL('../fixtures/minimal-feed.json', import.meta.url))).arrayBuffer()).byteLength;
    expect(first.value!.byteLength).to.be.above(0).and.below(whole);
    await reader.cancel();
  });

  // No content type is required: a feed is read from its text (docs/feed.md asks for the
  // address of the .json file; a web page is recognised by its markup, not by its type).
  for (const [mode, type] of [
    ['wrong-type', 'text/plain'],
    ['json-as-html', 'text/html'],
  ] as const) {
    it(`a valid feed served as ${type} loads`, async () => {
      const key = freshKey();
      const url = feedUrl(mode, key);
      const probe = await fetch(feedUrl(mode, freshKey()));
      expect(probe.headers.get('content-type')).to.contain(type);
      usedUrls.add(url);
      const snapshot = await loadFeed(url);
      expect(snapshot.source).to.equal('network');
      expect(snapshot.feed.tools).to.have.length(2);
      const { el, errors } = mount(url);
      await expectUsable(el);
      expect(errors).to.deep.equal([]);
    });
  }
});

describe('a feed changing under a cached copy', () => {
  it('the cached copy at once, then the new one; the cache then holds the new one', async () => {
    const key = freshKey();
    const url = feedUrl('switch', key);
    await visitOnce(url);
    expect(toolIds((await feedCache().read(url))!.text)).to.deep.equal(['price-guide', 'gt-only']);
    // The server now has v2, but holds its answer until released.
    await setMode(key, 'gated-v2');

    const states: FeedState[] = [];
    const stop = watchFeed(url, (state) => states.push(state));
    const { el, loads } = mount(url);
    await expectUsable(el, 2); // v1, from the cache, while the network request is pending
    expect(find(el, '[part="offline"]')).to.equal(null);
    expect(loads).to.deep.equal([{ widget: 'mipyme-toolbox-browser', action: 'load', url, source: 'cache', offline: false, fetchedAt: loads[0]!.fetchedAt, issueCount: 0 }]);

    await fetch(`/__feed/release?k=${key}`);
    await until(() => items(el) === 3, 'the new feed');
    await expectUsable(el, 3);
    stop();
    expect(states.map((s) => (s.status === 'ready' ? `${s.snapshot.source}:${s.snapshot.feed.tools.length}` : s.status))).to.deep.equal([
      'loading',
      'cache:2',
      'network:3',
    ]);
    expect(loads.map((l) => l.source)).to.deep.equal(['cache', 'network']);
    await until(async () => toolIds((await feedCache().read(url))!.text).length === 3, 'the cache update');
    expect(toolIds((await feedCache().read(url))!.text)).to.deep.equal(['price-guide', 'gt-only', 'new-tool']);
    expect(await hits(key)).to.equal(2); // the first visit, then this one
  });
});
