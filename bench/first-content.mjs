// Time to first content of each widget on a cheap phone on a slow line, feed uncached and
// cached, in headless Chromium.
//
//   node bench/first-content.mjs [--fc-runs 3] [--throttle 4]     (after `npm run build`)
//
// A page per visit: bench/first-content.html with `<script type="module" src="/cdn/<file>"
// data-mipyme-feed="/demo/feed.json">` and the widget(s) (country SV); one case per widget
// file, and the all-widgets file with the four widgets on one page.
//
// Conditions, through the DevTools protocol (a CDP session per page):
// - CPU: `Emulation.setCPUThrottlingRate` 4 (`--throttle`);
// - network: `Network.emulateNetworkConditions` with DevTools' "Slow 3G" preset (the values
//   of puppeteer's PredefinedNetworkConditions['Slow 3G']): 2,000 ms latency added to every
//   request (400 ms RTT × 5, DevTools' factor for request-level emulation), 400 kbit/s
//   (50,000 bytes/s) down and up;
// - viewport: a phone, 360 × 740 CSS px at 2× (touch, mobile).
// Served (this script's own server, not harness.serve), like a CDN and a partner's server:
// - /cdn/*.js: gzip (level 9, the figure of cdn/manifest.json), `cache-control: public,
//   max-age=31536000, immutable` (a pinned version's address never changes), ETag;
// - /demo/feed.json: gzip, `cache-control: max-age=0, must-revalidate` + ETag (304 when
//   unchanged), `access-control-allow-origin: *`;
// - the page: `cache-control: no-cache` + ETag (a partner's page is revalidated on each visit).
//
// Per run, in a fresh browser context (its own HTTP cache and Cache API): the first visit is
// "uncached"; then, once the library has kept its Cache API copy of the feed, a second visit in
// a new page of the same context is "cached" (the JS from the HTTP cache, the feed's copy from
// the Cache API at once, revalidated with the server in the background).
//
// Measured per visit, from navigation start (milliseconds):
// - firstContent: every widget's ready view painted — its first `mipyme-feed-load`, then its
//   render (`updateComplete`), then the next frame (rAF + a task);
// - afterHtml: firstContent minus the page's own response end — the part the library controls;
// - firstPaint: first-contentful-paint (usually the widget's loading view);
// - script / parts / feed: response end of the widget file, of the last of its parts (cdn/parts/)
//   needed before the content, and of the feed (Resource Timing);
// - bytesBeforeContent: transferSize of the page and every response that ended before the content;
// - fresh (cached visit): when the network's copy of the feed replaced the cached one;
// - bytes: every `Network.loadingFinished` `encodedDataLength` of the page, until the network
//   is idle (headers included; a response from the HTTP cache counts 0) — including the parts the
//   library prefetches once the page is idle, for offline use.
// Median (and min/max) over `--fc-runs` runs.
import { createServer } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { argument, isMain, launch, report, requireBuild, root, sendLikeAServer, servedBody } from './harness.mjs';

/** DevTools' "Slow 3G" (puppeteer's PredefinedNetworkConditions['Slow 3G']). */
export const SLOW_3G = { offline: false, latency: 400 * 5, downloadThroughput: ((500 * 1000) / 8) * 0.8, uploadThroughput: ((500 * 1000) / 8) * 0.8 };
const PHONE = { width: 360, height: 740, deviceScaleFactor: 2, isMobile: true, hasTouch: true };
const FEED = '/demo/feed.json';
const CACHE_NAME = 'infomipyme-widgets.feeds.v1';

const CASES = [
  { name: 'toolbox-browser', file: 'toolbox-browser.js', tags: ['mipyme-toolbox-browser'] },
  { name: 'provider-finder', file: 'provider-finder.js', tags: ['mipyme-provider-finder'] },
  { name: 'cash-flow-calculator', file: 'cash-flow-calculator.js', tags: ['mipyme-cash-flow-calculator'] },
  { name: 'business-plan-outline', file: 'business-plan-outline.js', tags: ['mipyme-business-plan-outline'] },
  {
    name: 'all four (one file)',
    file: 'infomipyme-widgets.js',
    tags: ['mipyme-toolbox-browser', 'mipyme-provider-finder', 'mipyme-cash-flow-calculator', 'mipyme-business-plan-outline'],
  },
];

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json' };

function cachingServer() {
  const template = readFileSync(join(root, 'bench/first-content.html'), 'utf8');
  const bodies = new Map();
  const body = (path, text) => {
    if (!bodies.has(path)) bodies.set(path, servedBody(text));
    return bodies.get(path);
  };
  const page = (name) => {
    const found = CASES.find((c) => c.name.replaceAll(/\W+/g, '-') === name);
    if (!found) return undefined;
    const widgets = found.tags.map((tag) => `<${tag} country="SV" data-bench-widget></${tag}>`).join('\n    ');
    return template.replace('{{FILE}}', found.file).replace('{{WIDGETS}}', widgets);
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    const match = /^\/bench\/first-content\/(.+)\.html$/.exec(path);
    let text;
    let caching;
    if (match) {
      text = page(match[1]);
      caching = 'no-cache';
    } else if (path.startsWith('/cdn/') || path === FEED) {
      const file = normalize(join(root, path));
      if (file.startsWith(root) && existsSync(file)) text = readFileSync(file);
      caching = path === FEED ? 'max-age=0, must-revalidate' : 'public, max-age=31536000, immutable';
    }
    if (text === undefined) {
      response.writeHead(404).end();
      return;
    }
    sendLikeAServer(request, response, body(path, text), { caching, type: match ? TYPES['.html'] : TYPES[extname(path)] });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${server.address().port}`, close: () => server.close() })),
  );
}

/** One visit of `url` in a new page of `context`; resolves with its figures. */
async function visit(context, url, { throttle, uncached }) {
  const page = await context.newPage();
  await page.setViewport(PHONE);
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_3G);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  const requests = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    if (!/^https?:/.test(request.url)) return; // data: URLs of the widgets' styles move no bytes
    requests.set(requestId, { path: new URL(request.url).pathname, bytes: 0, fromCache: false });
  });
  cdp.on('Network.requestServedFromCache', ({ requestId }) => {
    const r = requests.get(requestId);
    if (r) r.fromCache = true;
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (r) {
      r.status = response.status;
      if (response.fromDiskCache || response.fromPrefetchCache) r.fromCache = true;
    }
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (r) r.bytes = encodedDataLength;
  });
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 120_000 });
  await page.evaluate(
    (ms) => Promise.race([window.mipymeFirstContent.promise, new Promise((resolve) => setTimeout(resolve, ms))]),
    90_000,
  );
  const done = await page.evaluate(() => Boolean(window.mipymeFirstContent.done || window.mipymeFirstContent.errors.length));
  if (!done) throw new Error(`${url}: no first content after 90 s`);
  if (uncached) {
    // The library keeps its copy of the feed after the response: wait for it (not timed).
    await page.waitForFunction(
      (name, feed) => caches.open(name).then((cache) => cache.match(new URL(feed, location.href).href)).then(Boolean),
      { polling: 200, timeout: 30_000 },
      CACHE_NAME,
      FEED,
    );
  }
  await page.waitForNetworkIdle({ idleTime: 500, timeout: 60_000 });
  const figures = await page.evaluate((feed) => {
    const state = window.mipymeFirstContent;
    const navigation = performance.getEntriesByType('navigation')[0];
    const resource = (test) => performance.getEntriesByType('resource').find((entry) => test(new URL(entry.name).pathname));
    const script = resource((path) => path.startsWith('/cdn/'));
    const feedEntry = resource((path) => path === feed);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    // The widget code a file loads when used (cdn/parts/): the last of them to arrive before the content.
    const parts = performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/cdn/parts/') && (!state.done || entry.responseEnd <= state.done.at));
    // Bytes on the wire before the content showed (the idle prefetch of the other parts comes after).
    const before = state.done
      ? performance.getEntriesByType('resource').filter((entry) => entry.responseEnd <= state.done.at)
      : [];
    const fresh = state.loads.find((load) => load.source === 'network');
    return {
      errors: state.errors,
      firstContent: state.done?.at,
      afterHtml: state.done ? state.done.at - navigation.responseEnd : undefined,
      html: navigation.responseEnd,
      firstPaint: fcp?.startTime,
      script: script?.responseEnd,
      parts: parts.length ? Math.max(...parts.map((entry) => entry.responseEnd)) : undefined,
      bytesBeforeContent: before.reduce((sum, entry) => sum + entry.transferSize, navigation.transferSize),
      feed: feedEntry?.responseEnd,
      fresh: fresh?.at,
      widgets: state.done?.widgets,
    };
  }, FEED);
  await page.close();
  if (figures.errors.length) throw new Error(`${url}: ${JSON.stringify(figures.errors)}`);
  const list = [...requests.values()];
  return {
    ...figures,
    sources: [...new Set(figures.widgets.map((w) => w.source))],
    loadingViewAtFirstContent: figures.widgets.some((w) => w.loadingViewShown),
    bytes: list.reduce((sum, r) => sum + r.bytes, 0),
    requests: list.map(({ path, status, bytes, fromCache }) => ({ path, status, bytes, ...(fromCache ? { fromCache } : {}) })),
  };
}

function summary(values) {
  const present = values.filter((v) => typeof v === 'number');
  if (present.length === 0) return undefined;
  const sorted = [...present].sort((a, b) => a - b);
  const median =
    sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  return { n: sorted.length, median: Math.round(median), min: Math.round(sorted[0]), max: Math.round(sorted.at(-1)) };
}

export async function run({ runs = argument('fc-runs', 3), throttle = argument('throttle', 4) } = {}) {
  for (const c of CASES) requireBuild(`cdn/${c.file}`);
  const { base, close } = await cachingServer();
  const browser = await launch();
  const result = {
    bench: 'first-content',
    date: new Date().toISOString(),
    chromium: await browser.version(),
    note: 'milliseconds from navigation start, median (min–max) of runs; bytes = sum of Network.loadingFinished encodedDataLength of the visit (headers included)',
    conditions: {
      cpuThrottle: throttle,
      network: { preset: 'DevTools "Slow 3G"', latencyMs: SLOW_3G.latency, downloadBytesPerSecond: SLOW_3G.downloadThroughput, uploadBytesPerSecond: SLOW_3G.uploadThroughput },
      viewport: PHONE,
      served: {
        js: 'gzip -9, cache-control: public, max-age=31536000, immutable; ETag',
        feed: 'demo/feed.json, gzip -9, cache-control: max-age=0, must-revalidate; ETag (304 when unchanged)',
        page: 'cache-control: no-cache; ETag',
      },
    },
    runs,
    results: [],
  };
  try {
    for (const c of CASES) {
      const url = `${base}/bench/first-content/${c.name.replaceAll(/\W+/g, '-')}.html`;
      const visits = { uncached: [], cached: [] };
      for (let i = 0; i < runs; i++) {
        const context = await browser.createBrowserContext();
        try {
          visits.uncached.push(await visit(context, url, { throttle, uncached: true }));
          visits.cached.push(await visit(context, url, { throttle, uncached: false }));
        } finally {
          await context.close();
        }
      }
      for (const [kind, list] of Object.entries(visits)) {
        result.results.push({
          case: c.name,
          file: `cdn/${c.file}`,
          visit: kind,
          firstContent: summary(list.map((v) => v.firstContent)),
          afterHtml: summary(list.map((v) => v.afterHtml)),
          firstPaint: summary(list.map((v) => v.firstPaint)),
          html: summary(list.map((v) => v.html)),
          script: summary(list.map((v) => v.script)),
          parts: summary(list.map((v) => v.parts)),
          feed: summary(list.map((v) => v.feed)),
          ...(kind === 'cached' ? { fresh: summary(list.map((v) => v.fresh)) } : {}),
          bytes: summary(list.map((v) => v.bytes)),
          bytesBeforeContent: summary(list.map((v) => v.bytesBeforeContent)),
          feedSources: [...new Set(list.flatMap((v) => v.sources))],
          loadingViewAtFirstContent: list.some((v) => v.loadingViewAtFirstContent),
          requests: list[0].requests,
        });
      }
    }
  } finally {
    await browser.close();
    close();
  }
  return result;
}

export function table(result) {
  const lines = [' widget file                  visit     first content (min–max)  after HTML  script  parts   feed  feed source  KB before  KB moved'];
  const ms = (s) => String(s?.median ?? '–');
  for (const r of result.results) {
    lines.push(
      ` ${r.file.padEnd(28)} ${r.visit.padEnd(8)}  ${`${ms(r.firstContent)} (${r.firstContent?.min}–${r.firstContent?.max})`.padStart(23)}  ${ms(r.afterHtml).padStart(10)}  ${ms(r.script).padStart(6)}  ${ms(r.parts).padStart(5)}  ${ms(r.feed).padStart(5)}  ${r.feedSources.join(',').padStart(11)}  ${((r.bytesBeforeContent?.median ?? 0) / 1024).toFixed(1).padStart(9)}  ${(r.bytes.median / 1024).toFixed(1).padStart(8)}`,
    );
  }
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const result = await run();
  report('first-content', result);
  console.error(`\n${table(result)}`);
}
