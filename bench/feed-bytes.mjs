// Bytes a page moves for its feed: the whole feed, or the same feed split by country (the
// index, the shared part and the page's country's part), in headless Chromium, through the
// library's own loader.
//
//   node bench/feed-bytes.mjs                    (after `npm run build`: the splitter is dist/cli/split.js)
//
// Feeds: the sample (demo/feed.json as published, indented; split with the CLI's default,
// indented too) and two generated feeds of bench/ingest.mjs (compact JSON, split with
// --compact): 10,000 tools and 200 providers, 200 tools and 10,000 providers (seed 1). As
// generated, a tool links to a provider of any country, so a tool for every country often
// brings a one-country provider into the shared part (see docs/feed.md).
//
// Served like a partner's server: gzip -9, `cache-control: max-age=0, must-revalidate` + ETag
// (304 when unchanged), `access-control-allow-origin: *`.
//
// Per feed and per page — the whole feed with country SV; the split feed for each country;
// the split feed without a country (the index and all.json, the whole feed the index lists) — in a fresh browser context (its own HTTP
// cache and Cache API): `loadFeed(url, { country })` of src/feed/load.ts (bundled with
// esbuild), then:
// - bytes: every `Network.loadingFinished` `encodedDataLength` of the feed's files (headers
//   included), the requests and how many files;
// - revisit: once the library has kept its copy, a new visit in the same context (the copy
//   from the Cache API, the network's revalidation: 304s) and its bytes;
// - tools, providers: what the page's feed holds (the split one equals the whole feed
//   filtered to the country, as tests/feed/split.test.ts checks).
// The files' own sizes (raw and gzip -9) are computed in Node. No timing: the bytes decide
// the time on a slow line (first-content measures time for the whole feed).
import { createServer } from 'node:http';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FEEDS } from './ingest.mjs';
import { isMain, launch, report, requireBuild, root, sendLikeAServer, servedBody } from './harness.mjs';

const COUNTRIES = ['SV', 'GT', 'HN', 'NI', 'DO'];
const CASES = ['sample', 'tools-10k', 'providers-10k'];
const CACHE_NAME = 'infomipyme-widgets.feeds.v1';

/** src/feed/load.ts as one ES module for the page. */
async function loaderCode() {
  const { build } = await import('esbuild');
  const result = await build({
    entryPoints: [join(root, 'src/feed/load.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    minify: true,
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** The whole feed's text and its split files (name → text), as the CLI writes them. */
async function feedFiles(feed) {
  globalThis.window ??= new EventTarget(); // @lit/localize in Node
  const { splitFeed } = await import('../dist/cli/split.js');
  const text = feed.text();
  const split = splitFeed(JSON.parse(text), { indent: feed.name === 'sample' ? 2 : 0 });
  if (!split.ok) throw new Error(`${feed.name}: ${split.error}`);
  return { text, files: new Map(split.files.map((file) => [file.file, file.text])) };
}

function server(entries) {
  const bodies = new Map();
  for (const [path, { text, type }] of entries) bodies.set(path, { ...servedBody(text), type });
  const http = createServer((request, response) => {
    const entry = bodies.get(new URL(request.url, 'http://x').pathname);
    if (!entry) {
      response.writeHead(404).end();
      return;
    }
    sendLikeAServer(request, response, entry, { caching: 'max-age=0, must-revalidate', type: entry.type });
  });
  return new Promise((resolve) =>
    http.listen(0, '127.0.0.1', () => resolve({ base: `http://127.0.0.1:${http.address().port}`, close: () => http.close() })),
  );
}

/** One page of `context` loading `url` for `country`; its bytes, then a revisit's. */
async function visit(context, base, url, country) {
  const page = await context.newPage();
  const cdp = await page.createCDPSession();
  await cdp.send('Network.enable');
  let requests = new Map();
  cdp.on('Network.requestWillBeSent', ({ requestId, request }) => {
    const path = new URL(request.url).pathname;
    if (path.startsWith('/bench/feed-bytes/data/')) requests.set(requestId, { path, bytes: 0 });
  });
  cdp.on('Network.responseReceived', ({ requestId, response }) => {
    const r = requests.get(requestId);
    if (r) r.status = response.status;
  });
  cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => {
    const r = requests.get(requestId);
    if (r) r.bytes = encodedDataLength;
  });
  const sum = () => {
    const list = [...requests.values()];
    return {
      requests: list.length,
      bytes: list.reduce((total, r) => total + r.bytes, 0),
      files: list.map(({ path, status, bytes }) => ({ file: path.slice('/bench/feed-bytes/data/'.length), status, bytes })),
    };
  };
  await page.goto(`${base}/bench/feed-bytes/page.html`, { waitUntil: 'load' });
  const first = await page.evaluate(
    async (url, country) => {
      const loader = await import('/bench/feed-bytes/loader.js');
      window.loader = loader;
      const snapshot = await loader.loadFeed(url, { country, timeout: 120_000 });
      const files = [url, ...(snapshot.parts ?? [])];
      window.keptFiles = files;
      return { tools: snapshot.feed.tools.length, providers: snapshot.feed.providers.length, issues: snapshot.issues.length };
    },
    new URL(url, base).href,
    country,
  );
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 120_000 });
  const uncached = sum();
  // The library keeps its copy after the response: wait for it, then a new visit.
  await page.waitForFunction(
    (name) =>
      caches.open(name).then((cache) => Promise.all(window.keptFiles.map((file) => cache.match(file)))).then((all) => all.every(Boolean)),
    { polling: 100, timeout: 60_000 },
    CACHE_NAME,
  );
  requests = new Map();
  const again = await page.evaluate(
    (url, country) =>
      new Promise((resolve) => {
        window.loader.resetFeeds();
        const sources = [];
        const stop = window.loader.watchFeed(
          url,
          (state) => {
            if (state.status === 'ready') sources.push(state.snapshot.source);
            if (state.status === 'error' || (state.status === 'ready' && state.snapshot.source === 'network')) {
              queueMicrotask(() => stop());
              resolve({ sources, error: state.status === 'error' ? state.error.message : undefined });
            }
          },
          { country, timeout: 120_000 },
        );
      }),
    new URL(url, base).href,
    country,
  );
  if (again.error) throw new Error(`${url} ${country}: revisit failed: ${again.error}`);
  await page.waitForNetworkIdle({ idleTime: 300, timeout: 60_000 });
  const revisit = sum();
  await page.close();
  return { ...first, ...uncached, revisit: { bytes: revisit.bytes, requests: revisit.requests, sources: again.sources } };
}

export async function run() {
  requireBuild('dist/cli/split.js');
  const code = await loaderCode();
  const feeds = [];
  const entries = new Map([
    ['/bench/feed-bytes/page.html', { text: '<!doctype html><html lang="es"><title>feed bytes</title>', type: 'text/html; charset=utf-8' }],
    ['/bench/feed-bytes/loader.js', { text: code, type: 'text/javascript; charset=utf-8' }],
  ]);
  for (const name of CASES) {
    const feed = FEEDS.find((f) => f.name === name);
    const { text, files } = await feedFiles(feed);
    entries.set(`/bench/feed-bytes/data/${name}/feed.json`, { text, type: 'application/json' });
    for (const [file, body] of files) entries.set(`/bench/feed-bytes/data/${name}/split/${file}`, { text: body, type: 'application/json' });
    feeds.push({ feed, text, files });
  }
  const { base, close } = await server(entries);
  const browser = await launch();
  const result = {
    bench: 'feed-bytes',
    date: new Date().toISOString(),
    chromium: await browser.version(),
    note: 'bytes = sum of Network.loadingFinished encodedDataLength of the feed files (gzip -9, headers included); revisit = a second visit once the copy is kept (Cache API copy, then 304s); ofWhole = bytes ÷ the whole feed\'s bytes',
    served: 'gzip -9, cache-control: max-age=0, must-revalidate; ETag (304 when unchanged); access-control-allow-origin: *',
    results: [],
  };
  const size = (text) => ({ raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length });
  try {
    for (const { feed, text, files } of feeds) {
      const pages = [
        { page: 'whole feed (SV)', url: `/bench/feed-bytes/data/${feed.name}/feed.json`, country: 'SV' },
        ...COUNTRIES.map((country) => ({ page: `split: ${country}`, url: `/bench/feed-bytes/data/${feed.name}/split/index.json`, country })),
        { page: 'split: no country', url: `/bench/feed-bytes/data/${feed.name}/split/index.json`, country: undefined },
      ];
      const visits = [];
      for (const p of pages) {
        const context = await browser.createBrowserContext();
        try {
          visits.push({ page: p.page, country: p.country ?? null, ...(await visit(context, base, p.url, p.country)) });
        } finally {
          await context.close();
        }
      }
      const whole = visits[0].bytes;
      result.results.push({
        feed: feed.name,
        label: feed.label,
        files: {
          whole: size(text),
          ...Object.fromEntries([...files].map(([file, body]) => [file, size(body)])),
        },
        pages: visits.map((v) => ({ ...v, ofWhole: Math.round((v.bytes / whole) * 1000) / 1000 })),
      });
    }
  } finally {
    await browser.close();
    close();
  }
  return result;
}

export function table(result) {
  const lines = [' feed              page                 requests   KB moved  of whole  revisit KB (requests)  tools  providers'];
  for (const r of result.results) {
    for (const p of r.pages) {
      lines.push(
        ` ${r.label.padEnd(17)} ${p.page.padEnd(20)} ${String(p.requests).padStart(8)}  ${(p.bytes / 1024).toFixed(1).padStart(9)}  ${`${Math.round(p.ofWhole * 100)}%`.padStart(8)}  ${`${(p.revisit.bytes / 1024).toFixed(1)} (${p.revisit.requests})`.padStart(21)}  ${String(p.tools).padStart(5)}  ${String(p.providers).padStart(9)}`,
      );
    }
  }
  return lines.join('\n');
}

if (isMain(import.meta.url)) {
  const result = await run();
  report('feed-bytes', result);
  console.error(`\n${table(result)}`);
}
