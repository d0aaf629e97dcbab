// Benchmarks <mipyme-toolbox-browser> in headless Chromium on generated feeds
// of 1,000 and 10,000 tools. Prints one JSON report (and saves it in
// bench/results/toolbox.json). Needs `npm run build` first.
//
//   node bench/toolbox.mjs [--runs 3] [--throttle 4]
//
// Measured, per feed size:
// - index: buildCatalogue() on the parsed feed (median of runs), in the page;
// - firstResults: from giving the element its `data` to results on screen
//   (validation + index + first render);
// - keystroke: from one typed character to the next painted frame with the
//   updated results, over several queries typed letter by letter (median, p95, max);
// with Chromium's CPU unthrottled and throttled (a cheap phone is ~4× slower).
import { createServer } from 'node:http';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { BROWSER_ARGS, ensureBrowser } from '../scripts/browser.mjs';
import { generateFeed } from './generate-feed.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > -1 ? Number(process.argv[i + 1]) : fallback;
};
const RUNS = arg('runs', 3);
const THROTTLE = arg('throttle', 4);
const SIZES = [1000, 10000];
const QUERIES = ['como calcular el precio', 'credito para mi negocio', 'flujo de caja mensual', 'plantilla inventario'];

if (!existsSync(join(root, 'cdn/toolbox-browser.js'))) {
  console.error('cdn/toolbox-browser.js is missing: run `npm run build` first.');
  process.exit(1);
}

const feeds = new Map(SIZES.map((n) => [`/bench/feed-${n}.json`, JSON.stringify(generateFeed({ tools: n, providers: 200, seed: 1 }))]));
const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.json': 'application/json' };
const server = createServer((request, response) => {
  const path = new URL(request.url, 'http://x').pathname;
  if (feeds.has(path)) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(feeds.get(path));
    return;
  }
  const file = normalize(join(root, path));
  if (!file.startsWith(root) || !existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
  response.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await puppeteer.launch({ executablePath: ensureBrowser(), headless: true, args: BROWSER_ARGS });
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  const round = (n) => Math.round(n * 100) / 100;
  return { n: sorted.length, median: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)) };
};

async function measure(size, throttle) {
  const page = await browser.newPage();
  await page.setViewport({ width: 1024, height: 900 });
  const cdp = await page.createCDPSession();
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.goto(`${base}/bench/toolbox.html`, { waitUntil: 'load' });
  await page.evaluate(() => customElements.whenDefined('mipyme-toolbox-browser'));
  const result = await page.evaluate(
    async ({ url, runs, queries }) => {
      const feed = await (await fetch(url)).json();
      const nextPaint = () => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
      const { buildCatalogue } = await import('/dist/toolbox-browser/catalogue.js');
      const index = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        buildCatalogue(feed, { lang: 'es', country: 'SV' });
        index.push(performance.now() - t0);
      }
      const first = [];
      const keys = [];
      for (let r = 0; r < runs; r++) {
        const host = document.getElementById('host');
        host.replaceChildren();
        const el = document.createElement('mipyme-toolbox-browser');
        el.setAttribute('country', 'SV');
        const t0 = performance.now();
        el.data = feed;
        host.append(el);
        await el.updateComplete;
        await nextPaint();
        if (!el.shadowRoot.querySelector('.item')) throw new Error('no results rendered');
        first.push(performance.now() - t0);
        const input = el.shadowRoot.querySelector('#search');
        for (const query of queries) {
          input.value = '';
          input.dispatchEvent(new Event('input'));
          await el.updateComplete;
          await nextPaint();
          for (let i = 1; i <= query.length; i++) {
            const t = performance.now();
            input.value = query.slice(0, i);
            input.dispatchEvent(new Event('input'));
            await el.updateComplete;
            await nextPaint();
            keys.push(performance.now() - t);
          }
        }
      }
      return { index, first, keys };
    },
    { url: `/bench/feed-${size}.json`, runs: RUNS, queries: QUERIES },
  );
  await page.close();
  return result;
}

const report = {
  bench: 'toolbox-browser',
  date: new Date().toISOString(),
  chromium: await browser.version(),
  runs: RUNS,
  note: 'milliseconds; keystroke = one character typed → next painted frame with updated results',
  results: [],
};
for (const size of SIZES) {
  for (const throttle of [1, THROTTLE]) {
    const raw = await measure(size, throttle);
    report.results.push({
      tools: size,
      cpuThrottle: throttle,
      index: stats(raw.index),
      firstResults: stats(raw.first),
      keystroke: stats(raw.keys),
    });
  }
}
await browser.close();
server.close();

mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/toolbox.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
console.error('\n tools  cpu  index(med)  first results(med)  keystroke med / p95 / max');
for (const r of report.results) {
  console.error(
    ` ${String(r.tools).padStart(5)}  ${r.cpuThrottle}×   ${String(r.index.median).padStart(8)}    ${String(r.firstResults.median).padStart(12)}        ${r.keystroke.median} / ${r.keystroke.p95} / ${r.keystroke.max}`,
  );
}
